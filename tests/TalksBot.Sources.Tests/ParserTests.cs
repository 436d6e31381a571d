using TalksBot.Core.Articles;
using TalksBot.Core.Sources;
using TalksBot.Sources.Parsing;
using TalksBot.Testing;

namespace TalksBot.Sources.Tests;

public class ParserTests
{
    private static ArticleDocument ReadFile(string path)
    {
        var item = ArticleFileReader.Read(path, File.ReadAllBytes(path), null);
        return Assert.IsType<ArticleFound>(item).Article;
    }

    [Fact]
    public void A_text_dump_with_date_lines_share_chrome_and_a_read_the_full_footer_parses_cleanly()
    {
        var article = ReadFile(Directory.GetFiles(SharedData.Articles, "000_*.txt").Single());
        Assert.Equal("Putin Signals Readiness for Ukraine Peace Talks", article.Title);
        Assert.Equal("BBC", article.Outlet);
        Assert.Equal(new DateOnly(2026, 1, 19), article.Published);
        Assert.Equal("https://www.bbc.com/news/videos/c0erxy010y0o", article.Url);
        Assert.StartsWith("Astana, Kazakhstan", article.Body);
        foreach (var noise in new[] { "Copy link", "Print publication", "Locales:", "Read the Full", "[ https" })
            Assert.DoesNotContain(noise, article.Body);
    }

    [Fact]
    public void A_text_dump_with_a_section_header_and_a_repeated_title_parses_cleanly()
    {
        var article = ReadFile(Directory.GetFiles(SharedData.Articles, "003_*.txt").Single());
        Assert.Equal("Putin Says Russia Is Ready for Ukraine Talks — But Ready on Whose Terms?", article.Title);
        Assert.Equal(new DateOnly(2026, 6, 24), article.Published);
        Assert.Null(article.Url);
        Assert.DoesNotContain("Geopolitics ·", article.Body);
        Assert.DoesNotContain(article.Title, article.Body); // the repeated title line is gone
        Assert.StartsWith("Moscow says it is prepared", article.Body);
    }

    [Fact]
    public void Markdown_front_matter_gives_title_outlet_url_and_date()
    {
        var file = Directory.GetFiles(SharedData.PathTo("corpora", "talks-2025-2026"), "*.md")
            .First(f => File.ReadAllText(f).Contains("news.northeastern.edu/2026/02/23"));
        var article = ReadFile(file);
        Assert.Equal("Russia-Ukraine War Enters Fifth Year. Here’s Where Things Stand.", article.Title);
        Assert.Equal("Northeastern Global News", article.Outlet);
        Assert.Equal(new DateOnly(2026, 2, 23), article.Published);
        Assert.Equal("https://news.northeastern.edu/2026/02/23/russia-ukraine-war-four-year-anniversary/", article.Url);
        Assert.StartsWith("The Russia-Ukraine war is entering its fifth year", article.Body);
    }

    [Fact]
    public void Every_real_markdown_article_parses_and_markdown_syntax_is_removed()
    {
        foreach (var folder in new[] { "talks-2025-2026", "war-2022-2024" })
        {
            foreach (var file in Directory.GetFiles(SharedData.PathTo("corpora", folder), "*.md"))
            {
                var article = ReadFile(file);
                Assert.False(string.IsNullOrWhiteSpace(article.Title), file);
                Assert.DoesNotMatch(@"\]\(https?://", article.Body);
            }
        }
    }

    [Fact]
    public void Markdown_without_a_date_has_a_null_date_and_a_bad_date_is_reported()
    {
        var undated = MarkdownArticleParser.Parse("---\ntitle: \"T\"\nsource: \"S\"\n---\n\nBody text here.", "f");
        Assert.Null(undated.Published);
        var ex = Assert.Throws<ArticleFormatException>(() => MarkdownArticleParser.Parse("---\ntitle: T\npublished: next tuesday\n---\nBody.", "f"));
        Assert.Contains("next tuesday", ex.Message);
    }

    [Fact]
    public void Markdown_lines_wrapped_in_mid_sentence_are_one_sentence_and_invisible_characters_are_dropped()
    {
        var md = "---\ntitle: \"T\"\n---\n\n# Talks resume in Geneva with both delegations present\n"
            + "Russia attacked the energy \u200Bsystem 217 times this year, the Ukrainian Prime\n"
            + "Minister Yulia Svy\u2060rydenko said on Wednesday.\n"
            + "A new paragraph starts here after a full stop.\n"
            + "Rescuers at the site of the strike in the city. Photograph: State Emergency Service/via Reuters\n"
            + "The Russian team included the head of military intelligence.\n"
            + "* a list item that ends without any punctuation at all here\n"
            + "* another list item";
        var body = MarkdownArticleParser.Parse(md, "f").Body;
        var paragraphs = body.Split("\n\n");
        Assert.Contains("the Ukrainian Prime Minister Yulia Svyrydenko said on Wednesday.", body);
        Assert.DoesNotContain(body, c => c is '\u200B' or '\u2060');
        Assert.Contains("Talks resume in Geneva with both delegations present", paragraphs);
        Assert.Contains("A new paragraph starts here after a full stop.", paragraphs);
        // A caption's credit ends without a full stop, but the capitalised sentence after it is not its continuation.
        Assert.Contains("The Russian team included the head of military intelligence.", paragraphs);
        Assert.Contains("another list item", paragraphs);
    }

    [Fact]
    public void Html_metadata_comes_from_json_ld_opengraph_meta_and_time()
    {
        var html = """
            <html><head><title>Talks resume | Example News</title>
            <meta property="og:site_name" content="Example News">
            <link rel="canonical" href="https://example.com/talks-resume">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Talks resume in Geneva","datePublished":"2026-02-17T08:00:00Z","author":[{"@type":"Person","name":"A. Writer"}]}]}</script>
            </head><body><nav>Home News Sport</nav><article><h1>Talks resume in Geneva</h1>
            <p>Delegations from Ukraine and Russia met in Geneva on Tuesday, the third round of talks this year, officials said.</p>
            <p>The talks, mediated by the United States, focused on territory, a ceasefire and the exchange of prisoners, according to both sides.</p>
            <p>Further meetings are planned, although no date has been set, and both delegations described the session as difficult but useful.</p>
            </article><footer>© Example News</footer></body></html>
            """;
        var page = Html.HtmlArticleExtractor.Extract(html, new Uri("https://example.com/amp/talks-resume"));
        Assert.Equal("Talks resume in Geneva", page.Article.Title);
        Assert.Equal("Example News", page.Article.Outlet);
        Assert.Equal(new DateOnly(2026, 2, 17), page.Article.Published);
        Assert.Equal("A. Writer", page.Article.Byline);
        Assert.Equal("https://example.com/talks-resume", page.Article.Url);
        Assert.Contains("Delegations from Ukraine and Russia met in Geneva", page.Article.Body);
        Assert.DoesNotContain("Home News Sport", page.Article.Body);
        Assert.DoesNotContain("©", page.Article.Body);
    }
}
