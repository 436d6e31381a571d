using System.Reflection;
using System.Text;

namespace TalksBot.Core.Retrieval;

/// <summary>
/// Turns text into index terms the same way for articles and questions: words (possessives and punctuation
/// dropped), lowercased, diacritics folded, stop words removed, name variants mapped to one spelling, stemmed.
/// </summary>
public sealed partial class TextAnalyzer
{
    private static readonly HashSet<string> RecencyWords = new(StringComparer.Ordinal)
    {
        "latest", "newest", "recent", "recently", "lately", "current", "currently", "today", "now", "update", "updates", "new",
    };

    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "who", "what", "where", "when", "why", "how", "which", "whose", "whom", "is", "are", "was", "were", "do", "does", "did",
        "can", "could", "will", "would", "should", "has", "have", "had", "tell", "give", "list", "name", "show", "and", "but", "so",
    };

    /// <summary>
    /// Months and weekdays are capitalised but are no names a passage must repeat: "in April 2024" is told by the
    /// article's date as often as by its text ("on Saturday the House passed …").
    /// </summary>
    public static readonly IReadOnlyList<string> MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    // Written with a capital but naming nobody: "on TV", "152 MPs", "the Second World War", "World War One" (reports say "World War II"), "the West",
    // and titles before a name ("Prime Minister Halvard Brenn"), roles rather than names a passage must hold.
    private static readonly HashSet<string> CapitalisedCommonWords = new(
        ["tv", "mp", "mps", "pm", "ceo", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
         "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "west", "western", "east", "eastern", .. PersonTitles.All],
        StringComparer.Ordinal);

    private static readonly HashSet<string> CalendarWords = new(MonthNames
        .Concat(["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])
        .Concat(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
        // "Overnight into Thu 5 Feb": the short forms no other word shares ("sat", "sun", "mon" are words or names).
        .Concat(["tue", "tues", "wed", "thu", "thur", "thurs", "fri"]), StringComparer.Ordinal);

    /// <summary>A month (written out or short) or a day of the week: "February", "Feb", "Thursday".</summary>
    public static bool IsCalendarWord(string word) => CalendarWords.Contains(word.ToLowerInvariant());

    private readonly Dictionary<string, string> _variants;
    private readonly HashSet<string> _stopWords;
    private readonly ParaphraseTable _paraphrases;
    private readonly PlaceNames _places;
    private readonly PlaceNames _outlets;
    private readonly Abbreviations _abbreviations;
    // About 100 bytes an entry: a few MB at most.
    private const int NormalizedCacheSize = 50_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _normalized = new(StringComparer.Ordinal);
    private int _normalizedCount;

    public TextAnalyzer(IReadOnlyDictionary<string, string> variants, IEnumerable<string> stopWords)
        : this(variants, stopWords, ParaphraseTable.Empty, PlaceNames.Empty)
    {
    }

    /// <param name="outlets">News outlets a question may name as its source (outlets.txt), found like place names.</param>
    /// <param name="abbreviations">Short forms added where a text writes a name out (abbreviations.txt).</param>
    public TextAnalyzer(IReadOnlyDictionary<string, string> variants, IEnumerable<string> stopWords, ParaphraseTable paraphrases, PlaceNames places,
        PlaceNames? outlets = null, Abbreviations? abbreviations = null)
    {
        _variants = new Dictionary<string, string>(variants, StringComparer.Ordinal);
        _stopWords = new HashSet<string>(stopWords, StringComparer.Ordinal);
        _paraphrases = paraphrases;
        _places = places;
        _outlets = outlets ?? PlaceNames.Empty;
        _abbreviations = abbreviations ?? Abbreviations.Empty;
    }

    /// <summary>
    /// The analyzer with the lists shipped in the repository: name variants and word forms (applied to articles and
    /// questions), stop words, paraphrases and place names (questions only).
    /// </summary>
    public static TextAnalyzer Default { get; } = CreateDefault();

    /// <summary>
    /// Changes whenever what an article is indexed as changes (term analysis, boilerplate rules, passage splitting):
    /// an index built under another version is re-read in full on its next refresh.
    /// </summary>
    public const string IndexingVersion = "13";

    private static TextAnalyzer CreateDefault()
    {
        var variants = ParseVariants(ReadResource("TalksBot.Core.name-variants.txt"));
        foreach (var (form, canonical) in ParseVariants(ReadResource("TalksBot.Core.word-forms.txt"))) variants.TryAdd(form, canonical);
        var stopWords = ParseWordList(ReadResource("TalksBot.Core.stop-words.txt")).ToList();
        var analyzer = new TextAnalyzer(variants, stopWords);
        var paraphrases = ParaphraseTable.Parse(ReadResource("TalksBot.Core.paraphrases.txt"), analyzer);
        var places = PlaceNames.Parse(ReadResource("TalksBot.Core.places.txt"), analyzer);
        var outlets = PlaceNames.Parse(ReadResource("TalksBot.Core.outlets.txt"), analyzer);
        var abbreviations = Abbreviations.Parse(ReadResource("TalksBot.Core.abbreviations.txt"), analyzer);
        return new TextAnalyzer(variants, stopWords, paraphrases, places, outlets, abbreviations);
    }

    public bool IsStopWord(string lowerWord) => _stopWords.Contains(lowerWord);

    /// <summary>
    /// True when the question names the place as where the story happens — "in Geneva", "at the Abu Dhabi talks", "the
    /// depot near Dzhankoi", "the geneva ukraine talks" — rather than as whose it is ("Russia's negotiator"). A name
    /// owning what follows ("in Pavel Baev's piece", "in Zelensky's speech") is whose it is too, not where.
    /// </summary>
    /// <param name="adjacent">
    /// Only "the Geneva talks", not "Geneva peace talks": with a word between, "did Lavrov say negotiations…" reads as
    /// a setting too, which is harmless for weighting but not where the setting must be told beside the answer.
    /// </param>
    public static bool IsSettingIn(string question, string place, bool adjacent = false)
    {
        var escaped = System.Text.RegularExpressions.Regex.Escape(place);
        var between = adjacent ? "" : @"(\w+\s+)?";
        return System.Text.RegularExpressions.Regex.IsMatch(question,
            $@"\b(in|at|near)\s+(the\s+)?{escaped}\b(?!(?:\s+\p{{Lu}}[\w-]*)*['’]s\b)|\b{escaped}\s+{between}(talks|negotiations|summit|meetings?|round|discussions|conference)\b",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>True for the name of a place or country, or its people ("Russian"): places.txt through the name variants.</summary>
    public bool IsPlace(string word) => Normalize(word) is { } term && _places.Find([term]).Count > 0;

    /// <summary>The index term of one word, or null for a stop word.</summary>
    public string? Term(string word) => word.Length == 0 ? null : Normalize(word);

    /// <summary>Index terms of a text, in order, repeats kept; a name written out is followed by its short form ("un").</summary>
    public List<string> Terms(string text)
    {
        // The refresh's hot path (every word of every passage): words are looked up in the term cache as spans, so a
        // known word costs no string; only a word not yet cached is made one.
        var sink = new TermSink(this, new List<string>(text.Length / 7 + 4));
        Scan(text, ref sink);
        return _abbreviations.AddShortForms(sink.Terms);
    }

    /// <summary>The short forms <see cref="Terms"/> adds after a name written out: for tests.</summary>
    internal Abbreviations Abbreviations => _abbreviations;

    /// <summary>The term of one word as <see cref="Terms"/> gives it (null for a stop word): for tests.</summary>
    internal string? TermOf(string token) => Normalize(token);

    private readonly struct TermSink(TextAnalyzer analyzer, List<string> terms) : ITokenSink
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> _cache =
            analyzer._normalized.GetAlternateLookup<ReadOnlySpan<char>>();

        public List<string> Terms => terms;

        public void Token(ReadOnlySpan<char> token, int start, int end)
        {
            var term = _cache.TryGetValue(token, out var known) ? known : analyzer.Normalize(token.ToString());
            if (term is not null) terms.Add(term);
        }
    }

    public QueryAnalysis AnalyzeQuestion(string question)
    {
        var original = question;
        // "Moscow's deputy FM", "the Polish PM": a role typed short is read written out. Not as a short form added to
        // the articles' terms: inside "the prime minister of Ukraine" it would part the role from its possessor.
        question = RoleShortForm().Replace(question, m => RoleLongForms[m.Value]);
        // "he'll", "she'll", "we'd": a pronoun with its verb is no word of what is asked, but closed up they read "hell",
        // "shell", "wed" (articles keep them as they are: a question never asks for a contraction).
        question = PronounContraction().Replace(question, " ");
        var terms = new List<string>();
        var words = new List<QuestionWord>();
        bool recent = false;
        var spans = TokenSpans(question).ToList();
        int lastSpan = -2;
        for (int i = 0; i < spans.Count; i++)
        {
            var (token, start, end) = spans[i];
            string lower = token.ToLowerInvariant();
            if (RecencyWords.Contains(lower))
            {
                recent = true;
                continue;
            }
            var term = Normalize(token);
            if (term is null) continue;
            bool capitalized = char.IsUpper(token[0]) && (i > 0 && !AfterSentenceEnd(question, start) || token.Length > 1 && token.All(c => !char.IsLower(c)))
                && !QuestionWords.Contains(lower) && !CalendarWords.Contains(lower) && !CapitalisedCommonWords.Contains(lower);
            bool possessive = end < question.Length && (question[end] is '\'' or '’') && end + 1 < question.Length && (question[end + 1] is 's' or 'S');
            // "whos irans foreign minister": a country typed with its possessive s and no apostrophe.
            if (!possessive && lower.Length > 3 && lower[^1] == 's' && lower[^2] != 's' && i + 1 < spans.Count && Normalize(token[..^1]) == term && _places.Find([term]).Count > 0)
            {
                possessive = true;
            }
            bool hyphenNext = end < question.Length - 1 && question[end] == '-' && i + 1 < spans.Count && spans[i + 1].Start == end + 1;
            // "Kremlin-friendly", "Soviet-era", "pro-Kremlin", "US-dominated": a name joined to a common word is a
            // description, not a name a passage must hold.
            if (capitalized && (hyphenNext && char.IsLower(spans[i + 1].Token[0])
                || i > 0 && start > 0 && question[start - 1] == '-' && spans[i - 1].End == start - 1 && char.IsLower(spans[i - 1].Token[0])))
            {
                capitalized = false;
            }
            // The word hyphen-joined to the previous one was a stop word ("blow-up with Trump"): no compound with this one.
            if (words.Count > 0 && words[^1].HyphenNext && lastSpan != i - 1) words[^1] = words[^1] with { HyphenNext = false };
            // Written next to the previous content word, with only a space between: "Abu Dhabi", not "Trump tell Ukraine".
            if (words.Count > 0 && lastSpan == i - 1 && question.AsSpan(spans[i - 1].End, start - spans[i - 1].End).IsWhiteSpace() && start > spans[i - 1].End)
            {
                words[^1] = words[^1] with { NextAdjacent = true };
            }
            words.Add(new QuestionWord(token, term, words.Count, capitalized, possessive, hyphenNext));
            lastSpan = i;
            if (!terms.Contains(term)) terms.Add(term);
        }
        var placeTerms = _places.Find(words.Select(w => w.Term).ToList());
        // An outlet is only found written as a name ("the economist" is no weekly), "New" of "New York Post" included
        // (a word of recency to the question's words).
        var outletTerms = _outlets.Find(spans.Select(s => char.IsUpper(s.Token[0]) ? Normalize(s.Token) ?? "" : "").ToList());
        var related = _paraphrases.Related(question, terms, this);
        return new QueryAnalysis(original, terms, recent)
        {
            Words = words,
            PlaceTerms = placeTerms,
            OutletTerms = outletTerms,
            Paraphrases = related,
            AsksCurrentHolder = CurrentHolder().IsMatch(question) && !PastOrDated().IsMatch(question),
        };
    }

    private static bool AfterSentenceEnd(string text, int start)
    {
        for (int j = start - 1; j >= 0; j--)
        {
            if (char.IsWhiteSpace(text[j]) || text[j] is '"' or '“' or '«' or '(') continue;
            return text[j] is '.' or '?' or '!' or ':';
        }
        return true;
    }

    private string? Normalize(string token)
    {
        // Words repeat (Zipf): stemming each occurrence again was most of a refresh's analysis time and of a
        // question's reading of its candidate passages. The cache is bounded, so a stream of new words can't grow it.
        if (_normalized.TryGetValue(token, out var known)) return known;
        var term = NormalizeUncached(token);
        // ConcurrentDictionary.Count takes every lock: count additions instead.
        if (Volatile.Read(ref _normalizedCount) < NormalizedCacheSize && _normalized.TryAdd(token, term)) Interlocked.Increment(ref _normalizedCount);
        return term;
    }

    private string? NormalizeUncached(string token)
    {
        // A capitalised "US" is the country, not the pronoun.
        string lower = token == "US" ? "u.s" : token.ToLowerInvariant();
        if (_variants.TryGetValue(lower, out var canonical)) return PorterStemmer.Stem(canonical);
        if (lower.Contains('.')) lower = lower.Replace(".", "");
        if (lower.Length < 2 && !char.IsDigit(lower[0])) return null;
        if (_stopWords.Contains(lower)) return null;
        if (_variants.TryGetValue(lower, out canonical)) return PorterStemmer.Stem(canonical);
        if (char.IsUpper(token[0]) && CaseEndingOf(lower) is { } stem && _variants.TryGetValue(stem, out canonical)) return PorterStemmer.Stem(canonical);
        return PorterStemmer.Stem(BritishSpelling.ToAmerican(lower));
    }

    /// <summary>
    /// A name a Polish or Ukrainian report declines: "Ławrowa" (of Lavrov), "Pieskowowi", "Zełenskiego". The form
    /// without its case ending, when one is there and leaves a name of five letters or more; the variant list says
    /// whether that is a name it knows.
    /// </summary>
    private static string? CaseEndingOf(string lower)
    {
        // A collection expression of constants: no static field, which the static Default (built first) would read unset.
        ReadOnlySpan<string> endings = ["owi", "ego", "emu", "em", "ym", "a", "u", "e"];
        foreach (var ending in endings)
        {
            if (lower.Length - ending.Length >= 5 && lower.EndsWith(ending, StringComparison.Ordinal)) return lower[..^ending.Length];
        }
        return null;
    }

    /// <summary>Words of a text: letters and digits, diacritics folded; "Zelensky's" gives "Zelensky", "U.S." gives "U.S".</summary>
    public static IEnumerable<string> Tokenize(string text) => TokenSpans(text).Select(t => t.Token);

    /// <summary>
    /// Invisible format characters (zero-width space and joiners, word joiner, soft hyphen, byte-order mark) inside a
    /// word are dropped, so "Zel\u200Bensky" is one word, the same as "Zelensky".
    /// </summary>
    public static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\u2061' or '\u2062' or '\u2063' or '\u2064' or '\uFEFF' or '\u00AD' or '\u180E';

    /// <summary>Words with where they start and end in the text.</summary>
    public static IReadOnlyList<(string Token, int Start, int End)> TokenSpans(string text)
    {
        var sink = new SpanSink([]);
        Scan(text, ref sink);
        return sink.Spans;
    }

    private interface ITokenSink
    {
        void Token(ReadOnlySpan<char> token, int start, int end);
    }

    private readonly struct SpanSink(List<(string, int, int)> spans) : ITokenSink
    {
        public List<(string, int, int)> Spans => spans;

        public void Token(ReadOnlySpan<char> token, int start, int end) => spans.Add((token.ToString(), start, end));
    }

    /// <summary>
    /// The tokenizer: letters and digits with diacritics folded; a possessive 's ends a word and other contractions
    /// close up (don't); dotted acronyms (U.S.) stay one word; invisible format characters inside a word are skipped.
    /// Each word goes to <paramref name="sink"/> as a span of a reused buffer, with where it starts and ends.
    /// </summary>
    private static void Scan<TSink>(string text, ref TSink sink) where TSink : struct, ITokenSink
    {
        var word = new WordBuffer(stackalloc char[64]);
        try
        {
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
                    if (word.Length == 0) wordStart = i;
                    word.Append(Fold(c));
                    i++;
                    continue;
                }
                if ((c is '\'' or '’') && word.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                {
                    // Possessive 's ends the word; other contractions (don't) close up.
                    if ((text[i + 1] is 's' or 'S') && (i + 2 >= text.Length || !char.IsLetter(text[i + 2])))
                    {
                        sink.Token(word.Chars, wordStart, i);
                        i += 2;
                        word.Clear();
                        continue;
                    }
                    i++;
                    continue;
                }
                if (c == '.' && word.Length == 1 && char.IsLetter(word.Chars[0]) && i + 2 < text.Length && char.IsLetter(text[i + 1]) && text[i + 2] == '.')
                {
                    // Dotted acronym: U.S. / U.N. / E.U.
                    word.Append('.');
                    i++;
                    while (i + 1 < text.Length && char.IsLetter(text[i]) && text[i + 1] == '.')
                    {
                        word.Append(Fold(text[i]));
                        i += 2;
                        if (i < text.Length && char.IsLetter(text[i]) && i + 1 < text.Length && text[i + 1] == '.') word.Append('.');
                    }
                    sink.Token(word.Chars, wordStart, i);
                    word.Clear();
                    continue;
                }
                if (word.Length > 0)
                {
                    sink.Token(word.Chars, wordStart, i);
                    word.Clear();
                }
                i++;
            }
            if (word.Length > 0) sink.Token(word.Chars, wordStart, text.Length);
        }
        finally
        {
            word.Dispose();
        }
    }

    /// <summary>The word being read: on the stack, moved to a pooled array if a word outgrows it.</summary>
    private ref struct WordBuffer(Span<char> initial)
    {
        private Span<char> _chars = initial;
        private char[]? _pooled;

        public int Length { get; private set; }

        public readonly ReadOnlySpan<char> Chars => _chars[..Length];

        public void Append(char c)
        {
            if (Length == _chars.Length)
            {
                var larger = System.Buffers.ArrayPool<char>.Shared.Rent(_chars.Length * 2);
                _chars.CopyTo(larger);
                if (_pooled is not null) System.Buffers.ArrayPool<char>.Shared.Return(_pooled);
                _chars = _pooled = larger;
            }
            _chars[Length++] = c;
        }

        public void Clear() => Length = 0;

        public void Dispose()
        {
            if (_pooled is not null) System.Buffers.ArrayPool<char>.Shared.Return(_pooled);
        }
    }

    // Each character's folded form, filled in as characters are met (0: not yet): folding decomposed the character
    // into a new string every time a non-ASCII letter was read.
    private static readonly char[] FoldedChars = new char[char.MaxValue + 1];

    private static char Fold(char c)
    {
        if (c < 128) return c;
        char folded = FoldedChars[c];
        if (folded != 0) return folded;
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        // Keep Cyrillic й/ї intact: folding them changes the word. Letters with a stroke don't decompose, yet Polish
        // reports write "Zełenski", "Ławrow": their stroke is folded like any accent.
        folded = c switch { 'ł' => 'l', 'Ł' => 'L', 'đ' => 'd', 'Đ' => 'D', 'ø' => 'o', 'Ø' => 'O', _ => decomposed.Length > 1 && decomposed[0] < 0x250 ? decomposed[0] : c };
        FoldedChars[c] = folded;
        return folded;
    }

    public static Dictionary<string, string> ParseVariants(string text)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, line) in DataFileLines.Of(text))
        {
            int colon = line.IndexOf(':');
            if (colon <= 0) throw new FormatException($"Name variants: line '{line}' has no 'canonical:' prefix.");
            var canonical = line[..colon].Trim().ToLowerInvariant();
            map[canonical] = canonical;
            foreach (var v in line[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var variant = v.ToLowerInvariant().TrimEnd('.');
                if (variant.EndsWith("'s")) variant = variant[..^2];
                map[variant] = canonical;
            }
        }
        return map;
    }

    public static IEnumerable<string> ParseWordList(string text) =>
        text.Split('\n')
            .Where(l => !l.TrimStart().StartsWith('#'))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(w => w.ToLowerInvariant().Replace("'", ""));

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded data file {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(who\s+is|who's|who’s|whos|who\s+are)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex CurrentHolder();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(19|20)\d\d\b|\b(was|were|former|formerly|then|previous|previously|before|in\s+(january|february|march|april|may|june|july|august|september|october|november|december))\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PastOrDated();

    private static readonly Dictionary<string, string> RoleLongForms = new(StringComparer.Ordinal)
    {
        ["FM"] = "foreign minister", ["FMs"] = "foreign ministers", ["PM"] = "prime minister", ["PMs"] = "prime ministers",
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:i|you|he|she|it|we|they|that|there|who|what|where|how)['’](?:ll|d|ve|re|m)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PronounContraction();

    // Capitals only: "3 pm" is a time.
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:FMs?|PMs?)\b")]
    private static partial System.Text.RegularExpressions.Regex RoleShortForm();
}
