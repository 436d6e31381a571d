using System.Text;

namespace TalksBot.Core.Articles;

/// <summary>
/// Cuts an article body into passages of roughly 60–180 words along sentence boundaries, preferring paragraph ends,
/// so each passage reads on its own and can be quoted verbatim.
/// </summary>
public sealed class PassageSplitter
{
    public int MinWords { get; init; } = 60;
    public int MaxWords { get; init; } = 180;
    /// <summary>Past this many words a paragraph end is a good place to cut.</summary>
    public int PreferredWords { get; init; } = 110;

    public IReadOnlyList<PassageDraft> Split(string body)
    {
        // A passage's text is built as it is cut, from ranges of the body: its sentences joined by a space, or by a line
        // break where a paragraph ended inside it. (Made before by joining copies of every paragraph and sentence and
        // then replacing the separators: most of what a refresh allocated.)
        var passages = new List<PassageDraft>();
        // Whether each passage's last paragraph ended in it: a line break that trimming drops, except where a short
        // tail is joined on below.
        var endsWithBreak = new List<bool>();
        var current = new StringBuilder(MaxWords * 8);
        int currentWords = 0;

        void Flush()
        {
            if (current.Length == 0) return;
            bool lineBreak = current[^1] == '\n';
            passages.Add(new PassageDraft(passages.Count, current.ToString(0, current.Length - (lineBreak ? 1 : 0)), currentWords));
            endsWithBreak.Add(lineBreak);
            current.Clear();
            currentWords = 0;
        }

        void Add(ReadOnlySpan<char> piece, int words)
        {
            if (current.Length > 0 && currentWords + words > MaxWords && currentWords >= MinWords / 2) Flush();
            if (current.Length > 0 && current[^1] != '\n') current.Append(' ');
            current.Append(piece);
            currentWords += words;
        }

        foreach (var (from, to) in Paragraphs(body))
        {
            foreach (var range in SentenceSplitter.SplitRanges(body, from, to))
            {
                var sentence = body.AsSpan(range);
                int words = CountWords(sentence);
                if (words <= MaxWords)
                {
                    Add(sentence, words);
                    continue;
                }
                // A single run-on "sentence" longer than a passage (lists, tables) is cut at word boundaries.
                var tokens = sentence.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                for (int i = 0; i < tokens.Length; i += MaxWords)
                {
                    var piece = string.Join(' ', tokens, i, Math.Min(MaxWords, tokens.Length - i));
                    Add(piece, CountWords(piece));
                }
            }
            if (currentWords >= PreferredWords) Flush();
            else if (current.Length > 0) current.Append('\n');
        }
        Flush();

        // A short tail reads better joined to the passage before it, if that stays within bounds.
        if (passages.Count >= 2 && passages[^1].WordCount < MinWords && passages[^2].WordCount + passages[^1].WordCount <= MaxWords + MinWords / 2)
        {
            var tail = passages[^1];
            var prev = passages[^2];
            var join = endsWithBreak[^2] ? "\n\n" : "\n";
            passages[^2] = prev with { Text = prev.Text + join + tail.Text, WordCount = prev.WordCount + tail.WordCount };
            passages.RemoveAt(passages.Count - 1);
        }
        for (int i = 0; i < passages.Count; i++)
        {
            // Only a piece of a run-on sentence can start or end with whitespace (a tab before a space, say).
            var text = passages[i].Text;
            var trimmed = text.AsSpan().Trim();
            passages[i] = passages[i] with { Position = i, Text = trimmed.Length == text.Length ? text : trimmed.ToString() };
        }
        return passages;
    }

    // The body's lines as ranges, trimmed, blank ones left out (a line's "\r" before its "\n" is whitespace too).
    private static IEnumerable<(int From, int To)> Paragraphs(string body)
    {
        int start = 0;
        while (start <= body.Length)
        {
            int end = body.IndexOf('\n', start);
            if (end < 0) end = body.Length;
            int from = start, to = end;
            while (from < to && char.IsWhiteSpace(body[from])) from++;
            while (to > from && char.IsWhiteSpace(body[to - 1])) to--;
            if (to > from) yield return (from, to);
            start = end + 1;
        }
    }

    public static int CountWords(ReadOnlySpan<char> text)
    {
        int count = 0;
        bool inWord = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch)) inWord = false;
            else if (!inWord) { inWord = true; count++; }
        }
        return count;
    }
}
