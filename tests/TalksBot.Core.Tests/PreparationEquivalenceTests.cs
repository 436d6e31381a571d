using System.Text;
using System.Text.RegularExpressions;
using TalksBot.Core.Articles;
using TalksBot.Testing;

namespace TalksBot.Core.Tests;

/// <summary>
/// Cleaning and splitting read lines and sentences as spans of the body and build each passage as it is cut (for the
/// refresh's speed). They give exactly what the string-copying versions they replaced gave (kept below as the
/// reference), on every file of the real corpora, raw and cleaned, and on hard cases.
/// </summary>
public class PreparationEquivalenceTests
{
    private static readonly Reference Old = new(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "src", "TalksBot.Core", "Articles", "boilerplate.txt")));

    public static IEnumerable<string> CorpusTexts()
    {
        var folders = new[] { SharedData.Articles, SharedData.PathTo("corpora", "talks-2025-2026"), SharedData.PathTo("corpora", "war-2022-2024"), SharedData.PathTo("corpora", "readability") };
        return folders.SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(f => Path.GetExtension(f) is ".md" or ".txt" or ".html")
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText);
    }

    [Fact]
    public void Every_file_of_the_real_corpora_is_cleaned_and_split_as_before()
    {
        var splitter = new PassageSplitter();
        int files = 0, passages = 0, dropped = 0;
        foreach (var text in CorpusTexts())
        {
            var cleaned = BoilerplateFilter.Default.Clean(text);
            var expected = Old.Clean(text);
            Assert.Equal(expected.Text, cleaned.Text);
            Assert.Equal(expected.DroppedLines, cleaned.DroppedLines);
            // Raw files (HTML included) split as well as cleaned bodies: odd lines, long runs, blank-line runs.
            foreach (var body in new[] { cleaned.Text, text })
            {
                var split = splitter.Split(body);
                Assert.Equal(Reference.Split(body, splitter), split);
                passages += split.Count;
            }
            dropped += cleaned.DroppedLines;
            files++;
        }
        Assert.True(files >= 290, $"only {files} files");
        Assert.True(passages > 5_000, $"only {passages} passages");
        Assert.True(dropped > 1_000, $"only {dropped} lines dropped");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \r\n")]
    [InlineData("One line without a break.")]
    [InlineData("\r\nWindows lines.\r\nSecond line.\r\n\r\n")]
    [InlineData("A lone \r carriage return. And   double  spaces\tand tabs.\n  Indented line.  \n")]
    [InlineData("Read more: the story\nAdvertisement\nA | menu | of | items | here\nProse after [a link](https://example.org/x) and https://example.org/bare ok.\n**Bold** text [[iv]](https://example.org/<#ref4>) and [2] note.")]
    [InlineData("https://a.example/1 https://b.example/2 https://c.example/3 short\n[] \n***\n.")]
    [InlineData("Mr. Smith met Dr. Jones at 5 p.m. in the U.S. on Jan. 5. They talked.\nJ. Doe said: “We want guarantees for 30 years.” Then he left!\n\nNew paragraph… with an ellipsis? Yes.")]
    public void Hard_cases_are_cleaned_and_split_as_before(string text)
    {
        var expected = Old.Clean(text);
        var cleaned = BoilerplateFilter.Default.Clean(text);
        Assert.Equal(expected.Text, cleaned.Text);
        Assert.Equal(expected.DroppedLines, cleaned.DroppedLines);
        var splitter = new PassageSplitter();
        Assert.Equal(Reference.Split(text, splitter), splitter.Split(text));
        Assert.Equal(Reference.Split(cleaned.Text, splitter), splitter.Split(cleaned.Text));
    }

    [Fact]
    public void Paragraph_breaks_run_on_sentences_and_short_tails_are_split_as_before()
    {
        var random = new Random(7);
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => random.Next(5) == 0 ? "word\t" : "word"));
        // The default cut, and one that waits longer for a paragraph's end: a passage can then end a paragraph and be
        // followed by a short tail (joined on with the paragraph break kept).
        PassageSplitter[] splitters = [new PassageSplitter(), new PassageSplitter { PreferredWords = 170 }];
        for (int i = 0; i < 300; i++)
        {
            // Paragraphs of one to three sentences of 3–70 words, some run-on (400 words, with tabs next to spaces),
            // ending short or long: every way a passage is cut, and a short tail joined after a paragraph break.
            var body = new StringBuilder();
            int paragraphs = random.Next(1, 8);
            for (int p = 0; p < paragraphs; p++)
            {
                int sentences = random.Next(1, 4);
                for (int s = 0; s < sentences; s++)
                {
                    body.Append(random.Next(12) == 0 ? Words(400) : Words(random.Next(3, 70))).Append(". ");
                }
                body.Append(random.Next(3) == 0 ? "\n\n" : "\n");
            }
            var text = body.ToString();
            foreach (var splitter in splitters) Assert.Equal(Reference.Split(text, splitter), splitter.Split(text));
        }
    }

    /// <summary>The filter and splitter as they were (a string per line, sentence and join), for comparison.</summary>
    private sealed class Reference
    {
        private readonly Regex[] _drop;
        private readonly Regex[] _short;
        private readonly Regex[] _strip;

        public Reference(string rules)
        {
            var lists = new Dictionary<string, List<Regex>> { ["drop"] = [], ["short"] = [], ["strip"] = [] };
            foreach (var raw in rules.Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#')) continue;
                int colon = line.IndexOf(':');
                lists[line[..colon]].Add(new Regex(line[(colon + 1)..].Trim(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
            }
            (_drop, _short, _strip) = ([.. lists["drop"]], [.. lists["short"]], [.. lists["strip"]]);
        }

        public CleanedBody Clean(string body)
        {
            var kept = new StringBuilder(body.Length);
            int dropped = 0;
            foreach (var raw in body.Replace("\r\n", "\n").Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0)
                {
                    kept.Append('\n');
                    continue;
                }
                if (IsBoilerplate(line))
                {
                    dropped++;
                    continue;
                }
                var cleaned = Strip(line);
                if (cleaned.Length == 0 || !cleaned.Any(char.IsLetterOrDigit))
                {
                    dropped++;
                    continue;
                }
                kept.Append(cleaned).Append('\n');
            }
            return new CleanedBody(kept.ToString().Trim(), dropped);
        }

        private bool IsBoilerplate(string line)
        {
            if (_drop.Any(r => r.IsMatch(line))) return true;
            if (Words(line) <= 25 && _short.Any(r => r.IsMatch(line))) return true;
            return IsMostlyLinks(line) || IsMenu(line);
        }

        private string Strip(string line)
        {
            foreach (var rule in _strip) line = rule.Replace(line, "");
            line = MarkdownLink.Replace(line, "$1");
            line = BareUrl.Replace(line, "");
            return MultipleSpaces.Replace(line, " ").Trim();
        }

        private static bool IsMostlyLinks(string line)
        {
            int urlChars = 0, urls = 0;
            foreach (Match m in AnyUrl.Matches(line))
            {
                urlChars += m.Length;
                urls++;
            }
            if (urls == 0) return false;
            var text = MarkdownLink.Replace(AnyUrl.Replace(line, " "), "$1");
            return urlChars > line.Length / 2 || (urls >= 3 && Words(text) < 4 * urls);
        }

        private static bool IsMenu(string line)
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return parts.Length >= 4 && parts.Count(p => Words(p) <= 4) >= parts.Length - 1;
        }

        private static readonly Regex MarkdownLink = new(@"!?\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*\)");
        private static readonly Regex BareUrl = new(@"(?<![\w/])(?:https?://|www\.)[^\s<>)\]]+", RegexOptions.IgnoreCase);
        private static readonly Regex AnyUrl = new(@"(?:https?://|www\.|t\.me/)[^\s<>)\]]+", RegexOptions.IgnoreCase);
        private static readonly Regex MultipleSpaces = new(@"[ \t]{2,}");

        private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

        public static List<PassageDraft> Split(string body, PassageSplitter s)
        {
            var passages = new List<PassageDraft>();
            var current = new List<string>();
            int currentWords = 0;
            var paragraphs = body.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

            void Flush()
            {
                if (current.Count == 0) return;
                passages.Add(new PassageDraft(passages.Count, string.Join(' ', current), currentWords));
                current.Clear();
                currentWords = 0;
            }

            foreach (var paragraph in paragraphs)
            {
                foreach (var sentence in SentenceSplitter.Split(paragraph))
                {
                    foreach (var piece in CapLength(sentence, s.MaxWords))
                    {
                        int words = Words(piece);
                        if (currentWords > 0 && currentWords + words > s.MaxWords && currentWords >= s.MinWords / 2) Flush();
                        current.Add(piece);
                        currentWords += words;
                    }
                }
                if (currentWords >= s.PreferredWords) Flush();
                else if (current.Count > 0) current[^1] += "\n";
            }
            Flush();
            if (passages.Count >= 2 && passages[^1].WordCount < s.MinWords && passages[^2].WordCount + passages[^1].WordCount <= s.MaxWords + s.MinWords / 2)
            {
                var tail = passages[^1];
                var prev = passages[^2];
                passages[^2] = prev with { Text = prev.Text + "\n" + tail.Text, WordCount = prev.WordCount + tail.WordCount };
                passages.RemoveAt(passages.Count - 1);
            }
            for (int i = 0; i < passages.Count; i++)
            {
                passages[i] = passages[i] with { Position = i, Text = passages[i].Text.Replace(" \n", "\n").Replace("\n ", "\n").Trim() };
            }
            return passages;
        }

        private static IEnumerable<string> CapLength(string sentence, int maxWords)
        {
            if (Words(sentence) <= maxWords)
            {
                yield return sentence;
                yield break;
            }
            var tokens = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < tokens.Length; i += maxWords) yield return string.Join(' ', tokens.Skip(i).Take(maxWords));
        }
    }
}
