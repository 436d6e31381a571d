using System.Text;
using TalksBot.Core.Retrieval;
using TalksBot.Testing;

namespace TalksBot.Core.Tests;

/// <summary>
/// The span-based tokenizer behind <see cref="TextAnalyzer.Terms"/> and <see cref="TextAnalyzer.TokenSpans"/> reads every
/// word of the real corpora, and of hard cases, as the string-building tokenizer it replaced did (kept below as the
/// reference): the same words at the same places, and the same terms.
/// </summary>
public class TokenizerEquivalenceTests
{
    [Fact]
    public void Every_word_of_the_real_corpora_is_read_as_before()
    {
        var files = new[] { SharedData.Articles, SharedData.PathTo("corpora", "talks-2025-2026"), SharedData.PathTo("corpora", "war-2022-2024") }
            .SelectMany(f => Directory.EnumerateFiles(f)).ToList();
        Assert.True(files.Count >= 200, $"only {files.Count} files");
        var analyzer = TextAnalyzer.Default;
        long words = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var expected = Reference.Spans(text).ToList();
            Assert.Equal(expected, TextAnalyzer.TokenSpans(text));
            Assert.Equal(analyzer.Abbreviations.AddShortForms(expected.Select(t => analyzer.TermOf(t.Token)).OfType<string>().ToList()), analyzer.Terms(text));
            // A refresh reads a title's terms once and puts them before each passage's: no word runs across the line.
            var (title, body) = (text[..Math.Min(120, text.Length)], text[Math.Min(120, text.Length)..]);
            Assert.Equal(analyzer.Terms(title + "\n" + body), [.. analyzer.Terms(title), .. analyzer.Terms(body)]);
            words += expected.Count;
        }
        Assert.True(words > 100_000, $"only {words} words");
    }

    [Theory]
    [InlineData("Zelensky's U.S. visit: don't, won’t — the E.U.'s plan")]
    [InlineData("Zel\u200Bensky met Kyïv's mayor; Київ, Йосип, café, naïve, Zełenski, Łódź")]
    [InlineData("ends with an acronym U.N.")]
    [InlineData("a word longer than sixty-four letters: Pneumonoultramicroscopicsilicovolcanoconiosispneumonoultramicroscopicsilicovolcanoconiosis!")]
    [InlineData("'s 's' x's")]
    [InlineData("")]
    public void Hard_cases_are_read_as_before(string text)
    {
        var analyzer = TextAnalyzer.Default;
        var expected = Reference.Spans(text).ToList();
        Assert.Equal(expected, TextAnalyzer.TokenSpans(text));
        Assert.Equal(analyzer.Abbreviations.AddShortForms(expected.Select(t => analyzer.TermOf(t.Token)).OfType<string>().ToList()), analyzer.Terms(text));
    }

    /// <summary>
    /// The tokenizer as it was (a string built per word, an iterator), for comparison; its folding has since learnt
    /// the stroked letters of Polish reports ("Zełenski"), which don't decompose.
    /// </summary>
    private static class Reference
    {
        private static bool IsInvisible(char c) => TextAnalyzer.IsInvisible(c);

        public static IEnumerable<(string Token, int Start, int End)> Spans(string text)
        {
            var sb = new StringBuilder(32);
            int i = 0;
            int wordStart = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (IsInvisible(c))
                {
                    i++;
                    continue;
                }
                if (char.IsLetterOrDigit(c))
                {
                    if (sb.Length == 0) wordStart = i;
                    sb.Append(Fold(c));
                    i++;
                    continue;
                }
                if ((c is '\'' or '’') && sb.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                {
                    // Possessive 's ends the word; other contractions (don't) close up.
                    if ((text[i + 1] is 's' or 'S') && (i + 2 >= text.Length || !char.IsLetter(text[i + 2])))
                    {
                        yield return (sb.ToString(), wordStart, i);
                        i += 2;
                        sb.Clear();
                        continue;
                    }
                    i++;
                    continue;
                }
                if (c == '.' && sb.Length == 1 && char.IsLetter(sb[0]) && i + 2 < text.Length && char.IsLetter(text[i + 1]) && text[i + 2] == '.')
                {
                    // Dotted acronym: U.S. / U.N. / E.U.
                    sb.Append('.');
                    i++;
                    while (i + 1 < text.Length && char.IsLetter(text[i]) && text[i + 1] == '.')
                    {
                        sb.Append(Fold(text[i]));
                        i += 2;
                        if (i < text.Length && char.IsLetter(text[i]) && i + 1 < text.Length && text[i + 1] == '.') sb.Append('.');
                    }
                    yield return (sb.ToString(), wordStart, i);
                    sb.Clear();
                    continue;
                }
                if (sb.Length > 0)
                {
                    yield return (sb.ToString(), wordStart, i);
                    sb.Clear();
                }
                i++;
            }
            if (sb.Length > 0) yield return (sb.ToString(), wordStart, text.Length);
        }
        private static char Fold(char c)
        {
            if (c < 128) return c;
            if (c is 'ł' or 'Ł' or 'đ' or 'Đ' or 'ø' or 'Ø') return c switch { 'ł' => 'l', 'Ł' => 'L', 'đ' => 'd', 'Đ' => 'D', 'ø' => 'o', _ => 'O' };
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            // Keep Cyrillic й/ї intact: folding them changes the word.
            if (decomposed.Length > 1 && decomposed[0] < 0x250) return decomposed[0];
            return c;
        }
    }
}
