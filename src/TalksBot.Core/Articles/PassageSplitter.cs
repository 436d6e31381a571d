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
                foreach (var piece in CapLength(sentence))
                {
                    int words = CountWords(piece);
                    if (currentWords > 0 && currentWords + words > MaxWords && currentWords >= MinWords / 2) Flush();
                    current.Add(piece);
                    currentWords += words;
                }
            }
            if (currentWords >= PreferredWords) Flush();
            else if (current.Count > 0) current[^1] += "\n";
        }
        Flush();

        // A short tail reads better joined to the passage before it, if that stays within bounds.
        if (passages.Count >= 2 && passages[^1].WordCount < MinWords && passages[^2].WordCount + passages[^1].WordCount <= MaxWords + MinWords / 2)
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

    // A single run-on "sentence" longer than a passage (lists, tables) is cut at word boundaries.
    private IEnumerable<string> CapLength(string sentence)
    {
        int words = CountWords(sentence);
        if (words <= MaxWords)
        {
            yield return sentence;
            yield break;
        }
        var tokens = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < tokens.Length; i += MaxWords)
        {
            yield return string.Join(' ', tokens.Skip(i).Take(MaxWords));
        }
    }

    public static int CountWords(string text)
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
