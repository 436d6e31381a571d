namespace TalksBot.Testing.Hostile;

/// <summary>The hostile-input corpus for source folders: generated files and file-system shapes.</summary>
public static class HostileFiles
{
    /// <summary>A small valid Markdown article of about 60 words (enough to be indexed) about <paramref name="topic"/>.</summary>
    public static string Article(string title, string topic) =>
        $"---\ntitle: {title}\noutlet: Test Wire\npublished: 2026-02-18\n---\n\n"
        + string.Join(" ", Enumerable.Repeat($"{topic}, officials said on Wednesday after the meeting ended.", 6)) + "\n";
}
