using System.Text.RegularExpressions;
using TalksBot.Sources.Parsing;
using TalksBot.Testing;
using YamlDotNet.Serialization;

namespace TalksBot.Sources.Tests;

/// <summary>
/// Reading Markdown runs each markup rule only on a line holding its character, and reads simple front matter without
/// the YAML parser (for the refresh's speed). Both give what they replaced gave: the body as every rule on every line
/// left it (the old cleaner is kept below as the reference), and the front matter as YamlDotNet reads it; front matter
/// the simple reader is not sure of goes to YamlDotNet.
/// </summary>
public class MarkdownEquivalenceTests
{
    private static IEnumerable<string> Files() =>
        new[] { SharedData.PathTo("corpora", "talks-2025-2026"), SharedData.PathTo("corpora", "war-2022-2024"), SharedData.PathTo("corpora", "readability"), SharedData.Articles }
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(f => Path.GetExtension(f) is ".md" or ".txt" or ".html")
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Every_file_of_the_real_corpora_is_cleaned_as_before()
    {
        int files = 0;
        foreach (var file in Files())
        {
            // HTML and text dumps too, read as Markdown: brackets, emphasis, lists and headings of every kind.
            var text = File.ReadAllText(file).Replace("\r\n", "\n");
            Assert.Equal(Reference.CleanBody(text), MarkdownArticleParser.CleanBody(text));
            files++;
        }
        Assert.True(files >= 290, $"only {files} files");
    }

    [Theory]
    [InlineData("# Heading\n## 1. Numbered heading\n- item *one*\n1. first\n+ plus\n> quote\n| a | b |\n---\n***\n```\ncode\n```")]
    [InlineData("![image](x.png) text [link](https://e.org/a(b)) [[ii]](https://e.org/<#r2>) note[^1] and [open\nspans](https://e.org) here")]
    [InlineData("__under__ and _it_ and **bold** and *it* and snake_case_word and 2*3*4")]
    [InlineData("five \u200Byears, Ukrainian Prime\nMinister Yulia Svyrydenko said, and a line long enough to wrap here,\ncontinues in lower case")]
    public void Hard_cases_are_cleaned_as_before(string text) =>
        Assert.Equal(Reference.CleanBody(text), MarkdownArticleParser.CleanBody(text));

    [Fact]
    public void Front_matter_of_the_real_corpora_reads_as_YamlDotNet_reads_it()
    {
        int simple = 0, all = 0;
        foreach (var file in Files().Where(f => f.EndsWith(".md", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file).Replace("\r\n", "\n");
            if (!text.StartsWith("---\n", StringComparison.Ordinal)) continue;
            int end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
            var yaml = text[4..(end + 1)];
            all++;
            if (MarkdownArticleParser.SimpleFrontMatter(yaml) is not { } read) continue;
            Assert.Equal(Yaml(yaml), read);
            simple++;
        }
        Assert.True(all >= 200, $"only {all} front matters");
        // The fast path is the common path: the corpora's front matter is nearly all simple.
        Assert.True(simple >= all * 9 / 10, $"only {simple} of {all} read without YamlDotNet");
    }

    [Theory]
    [InlineData("title: Talks in Geneva\nsource: Example Wire\npublished: 2026-02-17\nurl: https://example.org/a?b=c#frag\n")]
    [InlineData("title: \"Quoted: with a colon\"\nauthor: 'Single # quoted'\n")]
    [InlineData("title: Zelensky's plan, in C# terms (part 2)\nsource-name: X_Y\n\n")]
    [InlineData("title: He said \"no\" and left\n")]
    [InlineData("title:    padded value   \n")]
    public void Simple_front_matter_reads_as_YamlDotNet_reads_it(string yaml)
    {
        var read = MarkdownArticleParser.SimpleFrontMatter(yaml);
        Assert.NotNull(read);
        Assert.Equal(Yaml(yaml), read);
    }

    [Theory]
    [InlineData("title: a # comment\n")]
    [InlineData("# comment line\ntitle: a\n")]
    [InlineData("title:\n")]
    [InlineData("title: ~\n")]
    [InlineData("title: null\n")]
    [InlineData("title: \"escaped \\\" quote\"\n")]
    [InlineData("title: 'it''s'\n")]
    [InlineData("tags: [a, b]\n")]
    [InlineData("tags:\n  - a\n  - b\n")]
    [InlineData("title: first\n  continued\n")]
    [InlineData("title: a: b\n")]
    [InlineData("title: a\ntitle: b\n")]
    [InlineData("title: &anchor value\n")]
    [InlineData("title: |\n  block\n")]
    [InlineData("title: a\r\nsource: b\n")]
    [InlineData(" title: indented\n")]
    [InlineData("title:\tvalue\n")]
    public void Front_matter_the_simple_reader_is_not_sure_of_goes_to_YamlDotNet(string yaml) =>
        Assert.Null(MarkdownArticleParser.SimpleFrontMatter(yaml));

    private static List<KeyValuePair<string, string>> Yaml(string yaml) =>
        [.. new DeserializerBuilder().Build().Deserialize<Dictionary<string, object?>>(yaml)!
            .Select(p => new KeyValuePair<string, string>(p.Key, Assert.IsType<string>(p.Value)))];

    /// <summary>The body cleaner as it was (every rule on every line), for comparison.</summary>
    private static class Reference
    {
        public static string CleanBody(string markdown)
        {
            var lines = new List<string>();
            bool afterHeading = false;
            foreach (var raw in markdown.Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0) { lines.Add(""); continue; }
                if (line.StartsWith("```", StringComparison.Ordinal) || HorizontalRule.IsMatch(line)) continue;
                line = Image.Replace(line, "");
                line = Footnote.Replace(line, "");
                line = Link.Replace(line, "$1");
                line = OrphanLinkTarget.Replace(line, "");
                if (line.StartsWith('[') && !line.Contains(']')) line = line[1..];
                bool heading = Heading.IsMatch(line);
                bool startsBlock = heading || ListMarker.IsMatch(line) || line.StartsWith('>') || line.StartsWith('|');
                line = Heading.Replace(line, "");
                line = ListMarker.Replace(line, "");
                line = Emphasis.Replace(line, "$2");
                if (line.Any(Core.Retrieval.TextAnalyzer.IsInvisible)) line = new string(line.Where(c => !Core.Retrieval.TextAnalyzer.IsInvisible(c)).ToArray());
                line = line.Trim();
                if (line.Length == 0) continue;
                if (!startsBlock && !afterHeading && lines.Count > 0 && lines[^1].Length > 0 && ContinuesSentence(lines[^1], line)) lines[^1] += " " + line;
                else lines.Add(line);
                afterHeading = heading;
            }
            return string.Join("\n\n", lines.Where(l => l.Length > 0));
        }

        private static bool ContinuesSentence(string line, string next) =>
            line.Length >= 40 && line.Contains(' ') && next.Length > 0
            && (char.IsLetterOrDigit(line[^1]) && char.IsLower(next[0])
                || line[^1] is ',' or ';' or '–' or '—'
                || WrappedTitle.IsMatch(line) && char.IsUpper(next[0]));

        private static readonly Regex Image = new(@"!\[[^\]]*\]\([^)]*\)");
        private static readonly Regex Footnote = new(@"\[\[[^\]]*\]\]\([^)]*\)|\[\^[^\]]+\]");
        private static readonly Regex Link = new(@"\[((?:[^\[\]]|\[[^\]]*\])*)\]\((?:<[^>]*>|[^()\s<]|\([^)]*\))*(?:\s+""[^""]*"")?\)");
        private static readonly Regex OrphanLinkTarget = new(@"\]\((?:<[^>]*>|[^()\s<]|\([^)]*\))*(?:\s+""[^""]*"")?\)");
        private static readonly Regex WrappedTitle = new(@"\b(Prime|Foreign|Defen[cs]e|Deputy|Vice|Secretary|Presidential|Special|Chief|Senior)$");
        private static readonly Regex Heading = new(@"^#{1,6}\s+");
        private static readonly Regex ListMarker = new(@"^(?:[-*+]|\d+\.)\s+");
        private static readonly Regex Emphasis = new(@"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1");
        private static readonly Regex HorizontalRule = new(@"^(-{3,}|\*{3,}|_{3,})$");
    }
}
