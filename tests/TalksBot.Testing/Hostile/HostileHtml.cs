using System.Text;

namespace TalksBot.Testing.Hostile;

/// <summary>The hostile-input corpus for HTML pages, generated here: nesting that makes a parser's work grow with its square.</summary>
public static class HostileHtml
{
    /// <summary>A news paragraph long enough to be indexed.</summary>
    public const string Story =
        "Delegations from Ukraine and Russia ended a third round of talks in Geneva on Wednesday without agreement on territory, officials said. "
        + "Both sides agreed to exchange prisoners and to meet again, according to the mediators, who called the talks difficult but useful.";

    /// <summary>
    /// A page whose story sits inside <paramref name="depth"/> nested copies of <paramref name="open"/> (e.g. "&lt;div&gt;",
    /// "&lt;div/&gt;", "&lt;b id=1&gt;"), never closed: 100,000 &lt;div&gt;s are about 1 MB.
    /// </summary>
    public static string Nested(int depth, string open = "<div>")
    {
        var html = new StringBuilder("<html><head><title>Geneva talks end</title></head><body>", depth * open.Length + 1024);
        for (int i = 0; i < depth; i++) html.Append(open);
        return html.Append("<p>").Append(Story).Append("</p></body></html>").ToString();
    }

    /// <summary>
    /// The story after <paramref name="rounds"/> rounds of "&lt;div&gt;&lt;b&gt;&lt;/div&gt;text": each closing &lt;/div&gt; closes
    /// the &lt;b&gt; too, but the parser reopens it for the text that follows, so the open elements pile up with no
    /// visible nesting in the tags themselves.
    /// </summary>
    public static string ReopenedFormatting(int rounds)
    {
        var html = new StringBuilder("<html><body>", rounds * 40 + 1024);
        for (int i = 0; i < rounds; i++) html.Append("<div><b id=").Append(i).Append("></div>x");
        return html.Append("<p>").Append(Story).Append("</p></body></html>").ToString();
    }

    /// <summary>
    /// <paramref name="depth"/> open &lt;div&gt;s (under the nesting cap), then <paramref name="repeats"/> empty
    /// &lt;div&gt;&lt;/div&gt; pairs down there: every one of them costs the parser a walk through all that is open.
    /// </summary>
    public static string DeepThenWide(int depth, int repeats)
    {
        var html = new StringBuilder("<html><body>", depth * 5 + repeats * 11 + 1024);
        for (int i = 0; i < depth; i++) html.Append("<div>");
        for (int i = 0; i < repeats; i++) html.Append("<div></div>");
        return html.Append("<p>").Append(Story).Append("</p></body></html>").ToString();
    }

    /// <summary>A page with a large inline SVG drawing (thousands of self-closing shapes) around the story: nothing hostile.</summary>
    public static string LargeDrawing(int shapes)
    {
        var html = new StringBuilder("<html><body><article><svg viewBox='0 0 10 10'>");
        for (int i = 0; i < shapes; i++) html.Append("<path d='M0 0L1 1'/>");
        return html.Append("</svg><p>").Append(Story).Append("</p><ul>")
            .Append(string.Concat(Enumerable.Range(1, 2000).Select(n => $"<li>item {n}")))
            .Append("</ul></article></body></html>").ToString();
    }
}
