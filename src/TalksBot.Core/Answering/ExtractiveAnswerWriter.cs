using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using TalksBot.Core.Articles;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Answering;

/// <summary>
/// The answer without a model: the sentences of the top passages that best match the question, quoted verbatim,
/// each followed by the [n] of its passage. It never writes a word that is not in an article.
/// </summary>
public sealed partial class ExtractiveAnswerWriter(TextAnalyzer analyzer, TimeProvider? clock = null) : IAnswerWriter
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public int MaxSentences { get; init; } = 3;
    public int MaxCharacters { get; init; } = 900;
    public double MinShareOfBest { get; init; } = 0.5;

    public async IAsyncEnumerable<AnswerUpdate> WriteAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield return AnswerUpdate.Finished(Write(request.Retrieval));
    }

    public Answer Write(RetrievalResult retrieval)
    {
        if (!retrieval.Covered || retrieval.Passages.Count == 0) return Answer.NotCovered();
        var weights = retrieval.TermWeights;
        var focus = retrieval.Focus;
        // Each focus term counts once, by its own word or its best paraphrase: "Iran" and "Iranian" in one sentence
        // are not twice the question.
        // "What did Lukashenko say he kept begging Zelensky to do?": the passages are about the speaker already; what
        // chooses among their sentences is what he said it about, so his name counts for less.
        double speakerShare = retrieval.Query.Type == QuestionType.Statement ? SpeakerShare : 1;
        double HeldWeight(HashSet<string> terms, HashSet<string>? except = null)
        {
            if (focus.Count == 0) return terms.Where(t => weights.ContainsKey(t) && except?.Contains(t) != true).Sum(t => weights[t]);
            double sum = 0;
            foreach (var f in focus)
            {
                double best = 0;
                foreach (var t in f.Alternatives.Prepend(f.Term))
                {
                    if (terms.Contains(t) && except?.Contains(t) != true) best = Math.Max(best, weights.GetValueOrDefault(t));
                }
                // The setting ("at the Abu Dhabi talks") is where the story is, not what the answer says.
                sum += f.IsSetting ? SettingShare * best : speakerShare < 1 && f.IsName ? speakerShare * best : best;
            }
            return sum;
        }
        double total = Math.Max(weights.Values.Sum(), 1e-9);
        var question = retrieval.Query.Question;
        var type = retrieval.Query.Type;

        // The question's own content words (not its names): an answer of the asked type sits next to them.
        var content = retrieval.Focus.Where(f => !f.IsName).SelectMany(f => f.Alternatives.Prepend(f.Term)).ToHashSet(StringComparer.Ordinal);
        // "Who is Iran's foreign minister?": the sentence that says the role with its possessor ("Iranian foreign
        // minister Abbas Araghchi") answers; one naming Germany's foreign minister and Iran apart doesn't.
        var roles = retrieval.Phrases.Where(p => !p.IsName).ToList();
        var focusOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in focus)
        {
            foreach (var a in f.Alternatives) focusOf.TryAdd(a, f.Term);
        }
        // "Who is the NATO secretary general?" asks for today's holder: of the sentences that say it, the newest report wins.
        var dates = retrieval.Passages.Where(p => p.Article.Published is not null).Select(p => p.Article.Published!.Value.DayNumber).ToList();
        // "What's the latest on …?" asks for the newest report too.
        double Newness(RetrievedPassage p) => !(retrieval.Query.AsksCurrentHolder || retrieval.Query.WantsRecent) || dates.Count == 0 || dates.Max() == dates.Min() || p.Article.Published is not { } d ? 0
            : (double)(d.DayNumber - dates.Min()) / (dates.Max() - dates.Min());
        // A comparison across years ("the 2022 talks and the 2026 negotiations"): a sentence that names a year only to
        // date the invasion doesn't speak for that year.
        var years = retrieval.Timeline?.Anchors.Select(TimelineQuestion.YearOf).OfType<int>().ToList() ?? [];
        // "What did Peskov call the exhibition?": of the sentences about the exhibition, the one giving Peskov's words.
        var speaker = SpeakerTerms(retrieval);
        // "Which Jesuit magazine did the Pope tell…?": a question asking for no number, place, date or person is answered
        // by the name beside its kind (its verb of saying makes it no what-did-X-say question).
        var kind = type is QuestionType.Other or QuestionType.Statement ? PassageRetriever.NamedKind(question, analyzer) : null;
        // "What did Lukashenko call 'our only mistake'…?": the words the question quotes are the report's, and the
        // sentence that says them is where the answer is.
        var quotedInQuestion = QuestionQuotes.Of(question);
        // "Who wrote that article…?": the report's byline or author's note names its writer; no sentence of its story does.
        bool asksAuthor = type == QuestionType.Person && AnswerCandidates.AsksAuthor(question);
        // "What does 'Mir' actually mean?": the sentence saying what it means ("Mir, which means both “peace” and “world”").
        bool asksMeaning = type == QuestionType.Other && AnswerCandidates.AsksMeaning(question);
        // "What did the Pope call the war?": the sentence giving it words ("described the war as a “macabre regression”")
        // over the one that only says he spoke of it.
        bool asksDescription = type is QuestionType.Statement or QuestionType.Other && AnswerCandidates.AsksDescription(question);
        // Whether a sentence holds the answer asked for, and next to the question's words: the name beside a named kind, a
        // byline or a meaning answers where it stands; a candidate of the asked type must stand by the focus.
        (bool Holds, bool Near) AnswerIn(string sentence)
        {
            if (kind is not null) return Both(AnswerCandidates.NamesKind(sentence, question, kind));
            if (asksAuthor) return Both(AnswerCandidates.IsAuthorLine(sentence, question));
            if (asksMeaning) return Both(AnswerCandidates.GivesMeaning(sentence));
            bool holds = AnswerCandidates.Holds(type, sentence, question);
            return (holds, holds && AnswerCandidates.NextToFocus(type, sentence, question, content, analyzer));
            static (bool, bool) Both(bool answers) => (answers, answers);
        }
        var candidates = new List<Candidate>();
        int rank = -1;
        for (int p = 0; p < retrieval.Passages.Count; p++)
        {
            var passage = retrieval.Passages[p];
            // A neighbour brought in for its window ranks with the passage it came with.
            if (!passage.IsNeighbor) rank++;
            HashSet<string>? previous = null;
            string? previousSentence = null;
            // "“I kept calling…,” he told the agency": "he" is the one asked about when the passage names him.
            bool namesSpeaker = speaker.Count > 0 && analyzer.Terms(passage.Text).Any(speaker.Contains);
            foreach (var (sentence, words) in SentencesOf(passage.Text))
            {
                var sentenceBefore = previousSentence;
                previousSentence = sentence;
                var ordered = analyzer.Terms(sentence);
                var terms = ordered.ToHashSet(StringComparer.Ordinal);
                foreach (int year in years)
                {
                    if (!TimelineQuestion.IsAbout(null, sentence, year)) terms.Remove(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                var before = previous;
                previous = terms;
                double matched = HeldWeight(terms);
                // Anaphora: "Of those freed, 139 …" answers through the sentence before it.
                double context = before is null ? 0 : Math.Max(0, HeldWeight([.. before, .. terms]) - matched);
                var (holdsAnswer, near) = AnswerIn(sentence);
                // A short quotation ("We don't need confrontation.") is an answer, and so is a short line giving the asked
                // type after the sentence that tells what it is about ("…in favour of our resolution. 141 countries
                // endorsed it!"); other short lines rarely are.
                bool quoted = sentence.IndexOfAny(['"', '“', '”', '«']) >= 0;
                if (words < (quoted || holdsAnswer && context > 0 ? 3 : 5) || words > MaxSentenceWords) continue;
                if (matched <= 0 && context <= 0 && passage.VectorScore is null) continue;
                double coverage = (matched + 0.5 * context) / total;
                double typed = holdsAnswer ? TypeBonus * (near ? 1 : FarCandidateShare) : 0;
                double role = roles.Count > 0 && roles.All(r => FocusHold.Contains(ordered.Select(t => focusOf.GetValueOrDefault(t, t)).ToList(), r)) ? RoleBonus : 0;
                double says = speaker.Count > 0 && (StatementSpeaker.Gives(sentence, sentenceBefore, speaker, analyzer)
                    || namesSpeaker && StatementSpeaker.SaysByPronoun(sentence)) ? SpeakerWordsBonus : 0;
                double score = coverage + typed + role + says + NewnessBonus * Newness(passage) + 0.12 / (rank + 1) + (passage.VectorScore ?? 0) * 0.1
                    + SentenceSimilarityWeight * retrieval.SentenceSimilarity.GetValueOrDefault(sentence)
                    + (sentence == retrieval.GroundingSentence ? GroundingSentenceBonus : 0)
                    + (retrieval.AnswerSentences.Contains(sentence) ? CheckedAnswerBonus : 0)
                    + (asksDescription ? DescriptionScore(sentence, content) : 0)
                    + (quotedInQuestion.Count > 0 && quotedInQuestion.Any(QuestionQuotes.Plain(sentence).Contains) ? QuotedPhraseBonus : 0);
                candidates.Add(new Candidate(passage, sentence, score, terms, coverage, near));
            }
        }
        if (candidates.Count == 0) return Answer.NotCovered();

        var picked = new List<Candidate>();
        var alsoIn = new Dictionary<Candidate, List<RetrievedPassage>>();
        int length = 0;
        var timeline = retrieval.Timeline;
        int maxSentences = timeline is null ? MaxSentences : MaxSentences + 1;
        if (timeline is not null)
        {
            // Each end of the story first: the best sentence found for each anchor.
            foreach (var group in candidates.Where(c => c.Passage.Anchor >= 0).GroupBy(c => c.Passage.Anchor).OrderBy(g => g.Key))
            {
                var best = group.OrderByDescending(c => c.Score).First();
                if (picked.Contains(best) || picked.Any(p => Similar(p.Terms, best.Terms))) continue;
                picked.Add(best);
                length += best.Sentence.Length;
            }
        }
        // A sentence earns its place by holding a good share of what the best sentence holds of the question, or by
        // holding an answer of the asked type next to the question's words (a number for "how many") that the best one lacks.
        double bestCoverage = candidates.Max(c => c.Coverage);
        foreach (var c in candidates.OrderByDescending(c => c.Score))
        {
            if (picked.Count >= maxSentences) break;
            if (picked.Contains(c)) continue;
            bool typed = c.HoldsAnswer && !picked.Any(p => p.HoldsAnswer) && c.Coverage >= TypedShareOfBest * bestCoverage;
            if (picked.Count > 0 && c.Coverage < MinShareOfBest * bestCoverage && !typed) continue;
            if (picked.FirstOrDefault(p => Similar(p.Terms, c.Terms)) is { } same)
            {
                // One story from many outlets: the same sentence in another article is cited beside the first, not repeated.
                if (same.Passage.Article.Id != c.Passage.Article.Id && IsSameSentence(same.Terms, c.Terms))
                {
                    if (!alsoIn.TryGetValue(same, out var others)) alsoIn[same] = others = [];
                    if (others.Count < MaxAlsoCited && others.All(o => o.Article.Id != c.Passage.Article.Id)) others.Add(c.Passage);
                }
                continue;
            }
            if (picked.Count > 0 && length + c.Sentence.Length > MaxCharacters) continue;
            picked.Add(c);
            length += c.Sentence.Length;
        }
        // The sentences that restate the question must not crowd out the one that answers it: when none of those picked
        // holds an answer of the asked type next to the question's words, the best that does takes the last place.
        if (timeline is null && picked.Count >= maxSentences && !picked.Any(p => p.HoldsAnswer)
            && candidates.Where(c => c.HoldsAnswer && c.Coverage >= TypedShareOfBest * bestCoverage && !picked.Take(picked.Count - 1).Any(p => Similar(p.Terms, c.Terms)))
                .MaxBy(c => c.Score) is { } answering)
        {
            picked[^1] = answering;
        }

        if (timeline is null) picked = WithReferentBefore(WithQuoteWhole(picked, maxSentences, retrieval.Query.Type), maxSentences, retrieval.Query.Type);

        var citations = new CitationList();
        // A story over time reads oldest first, the latest news newest first; either way one dated report a line.
        bool latest = timeline is null && TimelineQuestion.AsksLatest(retrieval.Query.Question);
        bool dated = timeline is not null || latest;
        if (timeline is not null) picked = picked.OrderBy(p => When(p, years)).ToList();
        else if (latest) picked = picked.OrderByDescending(p => p.Passage.Article.Published ?? DateOnly.MinValue).ToList();
        var parts = picked.Select(p => (dated && p.Passage.Article.Published is { } day ? DateLabel(day) + DateSeparator : "") + p.Sentence + " "
            + string.Concat(alsoIn.GetValueOrDefault(p, []).Prepend(p.Passage).Select(x => $"[{citations.NumberFor(x)}]"))).ToList();
        var answer = new Answer(string.Join(dated ? "\n" : " ", parts), AnswerMode.Extractive, true, citations.Citations);
        var newest = picked.Select(p => p.Passage.Article.Published).Max();
        return latest && newest is { } last ? answer with { Notice = NewestReport(last) } : answer;
    }

    /// <summary>
    /// What a sentence earns for a what-did-X-call-it question: <see cref="DescriptionBonus"/> for giving something
    /// words, twice that when the thing it describes is one of the question's (<paramref name="content"/>).
    /// </summary>
    private double DescriptionScore(string sentence, HashSet<string> content)
    {
        var described = AnswerCandidates.DescribedThings(sentence).ToList();
        if (described.Count == 0) return 0;
        return described.Any(w => w.Length > 0 && analyzer.Terms(w).Any(content.Contains)) ? 2 * DescriptionBonus : DescriptionBonus;
    }

    /// <summary>
    /// The passage's sentences with their word counts, a run too long to quote (a scrape that lost the spaces after its
    /// full stops: "…the Ukrainian expert.Grabski added…") read as the sentences it glues together.
    /// </summary>
    private static IEnumerable<(string Sentence, int Words)> SentencesOf(string passage)
    {
        foreach (var sentence in SentenceSplitter.Split(passage))
        {
            int words = PassageSplitter.CountWords(sentence);
            if (words <= MaxSentenceWords)
            {
                yield return (sentence, words);
                continue;
            }
            foreach (var part in SentenceSplitter.SplitGlued(sentence)) yield return (part, PassageSplitter.CountWords(part));
        }
    }

    /// <summary>The terms naming whose words a what-did-X-say question asks for, with their other spellings; empty for other questions.</summary>
    private HashSet<string> SpeakerTerms(RetrievalResult retrieval)
    {
        if (retrieval.Query.Type != QuestionType.Statement || StatementSpeaker.Of(retrieval.Query.Question) is not { } speaker) return [];
        return StatementSpeaker.NamedTerms(speaker, retrieval.Focus, analyzer);
    }

    /// <summary>
    /// The quotation an answer leads with is not cut off after its first sentence: "“I want to ask you Boris, like a
    /// friend of my country." is followed by the sentence that goes on with it ("Call him directly and tell him to stop
    /// the war,” Zelenskyy told Johnson."), in the place of the last pick when the answer is full. Only the lead: a
    /// quotation further down is context, and its rest would push out a better pick.
    /// </summary>
    /// <remarks>
    /// Nor begun after its first sentence: "Because Russia is involved in a war, a conflict,” said Raila Odinga" closes a
    /// quotation the sentence before opened ("“I don't think that this moment in time is a good time for summits in
    /// Russia."), which goes before it. And for what-did-X-say, a quotation the speaker goes on with in the next
    /// sentence ("“That's a big compromise,” Zelensky told TIME. “Imagine releasing Hitler from his political
    /// isolation.”") is the rest of what was said, and so is the sentence after a lead that tells what the speaker did
    /// without his words when it points back at him and quotes ("He described the comment as "offensive"").
    /// </remarks>
    private List<Candidate> WithQuoteWhole(List<Candidate> picked, int maxSentences, QuestionType type)
    {
        if (picked.Count == 0) return picked;
        var lead = picked[0].Sentence;
        if (OpensQuote(lead)) return WithNeighbour(picked, maxSentences, +1);
        // Its opening goes before it only where the answer has room: what else was picked may answer. A what-did-X-say
        // question asks for those words, so room is made for them ("…“the electricity system of Ukraine will be
        // destroyed." | "And no country can fight…,” Borrell told reporters").
        if (ClosesQuote(lead)) return picked.Count < maxSentences || type == QuestionType.Statement ? WithNeighbour(picked, maxSentences, -1) : picked;
        if (type != QuestionType.Statement) return picked;
        if (lead.IndexOfAny(['"', '“', '”']) >= 0)
        {
            // A quotation and nothing else: "“We are in for a tough time,” he said." is another thing said.
            return WithNeighbour(picked, maxSentences, +1, next => WholeQuote().IsMatch(next));
        }
        // A lead that tells what the speaker did without the words ("Antonov has rejected the accusation.") is followed
        // by the sentence that gives them, pointing back at the speaker ("He described Mr Kirby's comment as
        // "offensive and unacceptable".").
        return WithNeighbour(picked, maxSentences, +1, next => PronounQuotes().IsMatch(next));
    }

    /// <summary>
    /// The answer that leads with a sentence pointing back at what was said ("The remark, which Putin repeated twice…")
    /// is preceded by the sentence it points at ("Vladimir Putin made a sweeping proclamation: “Wars are won by
    /// teachers.”"), which says it. Only the lead, as for a quotation. So is an answer to a why-question that leads with
    /// a consequence ("Thus, Putin's pain and risk tolerance is incredibly high…"): the sentence before gives its cause.
    /// </summary>
    private List<Candidate> WithReferentBefore(List<Candidate> picked, int maxSentences, QuestionType type)
    {
        if (picked.Count == 0) return picked;
        if (PointsBack().IsMatch(picked[0].Sentence) || type == QuestionType.Reason && FollowsFromBefore().IsMatch(picked[0].Sentence))
        {
            return WithNeighbour(picked, maxSentences, -1);
        }
        // "When there is such attitude, it is hard to talk about anything": a why-answer whose cause is the sentence
        // before it ("After Bucha and Mariupol people just want to kill them.") gets that sentence, wherever it stands.
        if (type == QuestionType.Reason && picked.FindIndex(p => p.HoldsAnswer && AnswerCandidates.CauseBefore(p.Sentence)) is var at and >= 0)
        {
            return WithNeighbour(picked, maxSentences, -1, anchor: at);
        }
        return picked;
    }

    // "Thus, …", "That is why…", "As a result, …": a consequence of what the sentence before says.
    [GeneratedRegex(@"^\W*(?:thus|therefore|hence|consequently|as\s+a\s+result|for\s+this\s+reason|(?:that|this)\s+is\s+why|that['’]s\s+why|this['’]s\s+why)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FollowsFromBefore();

    /// <summary>
    /// The neighbouring sentence of the pick at <paramref name="anchor"/> (the lead unless said) in its passage
    /// (<paramref name="step"/> +1 the next, -1 the one before), put next
    /// to it; when the answer is full, the last of the others gives way, one that holds no answer of the asked type
    /// first, so the sentence kept for its answer is not crowded out again.
    /// </summary>
    private List<Candidate> WithNeighbour(List<Candidate> picked, int maxSentences, int step, Func<string, bool>? wanted = null, int anchor = 0)
    {
        var anchored = picked[anchor];
        var sentences = SentenceSplitter.Split(anchored.Passage.Text).ToList();
        int at = sentences.IndexOf(anchored.Sentence);
        if (at < 0 || at + step < 0 || at + step >= sentences.Count) return picked;
        var neighbour = sentences[at + step];
        if (wanted is not null && !wanted(neighbour)) return picked;
        if (picked.Any(r => r.Sentence == neighbour) || neighbour.Length > MaxCharacters / 2) return picked;
        var result = new List<Candidate>(picked);
        if (result.Count >= maxSentences)
        {
            var others = result.Where(r => r != anchored).ToList();
            if (others.Count == 0) return picked;
            result.Remove(others.LastOrDefault(r => !r.HoldsAnswer) ?? others[^1]);
        }
        int place = result.IndexOf(anchored);
        result.Insert(step > 0 ? place + 1 : place, new Candidate(anchored.Passage, neighbour, anchored.Score, analyzer.Terms(neighbour).ToHashSet(StringComparer.Ordinal), anchored.Coverage, false));
        return result;
    }

    // "The remark, …", "These comments …", "His words …": a sentence about a statement the one before it makes.
    [GeneratedRegex(@"^\W*(?:the|this|that|these|those|his|her|their|such)\s+(?:remarks?|comments?|statements?|words|claims?|quote|warnings?|pledges?|promises?|proclamation|announcement|assertions?|threats?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PointsBack();

    /// <summary>True when the sentence closes a quotation it didn't open: ” without “, or one straight " followed by who said it.</summary>
    private static bool ClosesQuote(string sentence)
    {
        int open = sentence.Count(c => c == '“'), close = sentence.Count(c => c == '”');
        if (close > open) return true;
        // A lone straight mark is as often a scraper's stray: only one followed by who said it ("…a conflict," said Odinga).
        int straight = sentence.IndexOf('"');
        return open == 0 && straight > 0 && straight == sentence.LastIndexOf('"') && SaidAfterQuote().IsMatch(sentence[(straight + 1)..]);
    }

    [GeneratedRegex(@"^\W*(?:(?:said|says|told|added|wrote)\b|(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}(?:said|says|told|added|wrote)\b|(?:he|she|they)\s+(?:said|says|told|added|wrote)\b)")]
    private static partial Regex SaidAfterQuote();

    [GeneratedRegex(@"^\W*(?:he|she|they)\b[^“""]*[“""]\w", RegexOptions.IgnoreCase)]
    private static partial Regex PronounQuotes();

    // “Imagine releasing Hitler from his political isolation.” — a sentence that is one quotation, told by nobody new.
    [GeneratedRegex(@"^\s*[“""][^“”""]+[”""]\s*$")]
    private static partial Regex WholeQuote();

    /// <summary>True when the sentence opens a quotation it doesn't close (“ without ”, or an odd count of ").</summary>
    private static bool OpensQuote(string sentence)
    {
        int open = sentence.Count(c => c == '“'), close = sentence.Count(c => c == '”'), straight = sentence.Count(c => c == '"');
        return open > close || straight % 2 == 1 && sentence.TrimStart().StartsWith('"');
    }

    // Where a sentence stands in a story told in date order: its report's date, or the start of the year it tells of
    // when that is earlier ("In 2022, there were five rounds of talks", reported in 2026, comes before 2026's news).
    private static DateOnly When(Candidate c, List<int> years)
    {
        var published = c.Passage.Article.Published ?? DateOnly.MaxValue;
        foreach (int year in years.Order())
        {
            if (year < published.Year && TimelineQuestion.IsAbout(null, c.Sentence, year)) return new DateOnly(year, 1, 1);
        }
        return published;
    }

    /// <summary>What goes between a report's date and its sentence in a dated answer ("19 Jan 2026 — …").</summary>
    public const string DateSeparator = " — ";

    /// <summary>A report's date as a dated answer writes it: "19 Jan 2026".</summary>
    public static string DateLabel(DateOnly day) => day.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"The newest of these reports is from 24 Jun 2026, 165 days ago.": how old the latest news is.</summary>
    private string NewestReport(DateOnly newest)
    {
        int days = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).DayNumber - newest.DayNumber;
        var age = days switch
        {
            < 0 => "",
            0 => ", today",
            1 => ", yesterday",
            _ => $", {days} days ago",
        };
        return $"The newest of these reports is from {DateLabel(newest)}{age}.";
    }

    // What a sentence earns for holding words the question quotes.
    private const double QuotedPhraseBonus = 0.3;

    // Longer than any sentence worth quoting: a table or a scrape that lost its full stops.
    private const int MaxSentenceWords = 90;

    private const double TypeBonus = 0.3;
    // A sentence holding an answer of the asked type next to the question's words needs this share of the best
    // sentence's coverage to be quoted (tried on the read sets: 0.3 drops "…released into Belarus", 0.1 adds nothing).
    private const double TypedShareOfBest = 0.15;
    // The sentence that grounded a reworded question (RetrievalResult.GroundingSentence) is what answers it: first.
    private const double GroundingSentenceBonus = 2.0;

    // For a sentence retrieval found giving the number asked for where the question asks it (RetrievalResult.AnswerSentences).
    private const double CheckedAnswerBonus = 0.3;
    // What a sentence earns per unit of cosine similarity to the question (its meaning, beside its words). Chosen on
    // the dev set from 0, 0.25, 0.5 and 1.0: past 0.25 a sentence merely about the topic ("Zelenskyy said the talks
    // must lead to real peace") outranks the one holding the question's rarest word ("…preconditions… withdraw").
    private const double SentenceSimilarityWeight = 0.25;
    // What the names of a what-did-X-say question count for in choosing its sentences, of their weight (tried on the
    // read sets: 0.5 +2 answers, 0.25 one fewer; the same for why-questions gained nothing, so they keep it whole).
    private const double SpeakerShare = 0.5;
    // What a sentence earns for saying a role with its possessor ("Iran's foreign minister"), as the question does.
    private const double RoleBonus = 0.2;
    // What a sentence earns for giving the words of the one a what-did-X-say question asks about.
    private const double SpeakerWordsBonus = 0.2;
    // As much again for the sentence giving the thing asked about its words (AnswerCandidates.GivesDescription), and
    // again when the thing it describes is the question's ("He called the invasion “…”" for "how did he describe the
    // invasion?").
    private const double DescriptionBonus = 0.2;
    // What the newest report's sentence earns over the oldest one's when the question asks who holds a role now.
    private const double NewnessBonus = 0.2;
    // What a sentence holding the question's setting earns for it, of the setting's weight.
    private const double SettingShare = 0.3;
    // A candidate of the asked type far from the focus words earns this share of the bonus.
    private const double FarCandidateShare = 0.4;
    // HoldsAnswer: a candidate of the asked type next to the question's content words.
    private sealed record Candidate(RetrievedPassage Passage, string Sentence, double Score, HashSet<string> Terms, double Coverage, bool HoldsAnswer);

    private const int MaxAlsoCited = 2;

    // The same sentence reported by another outlet (wire copy): nearly every term shared both ways.
    private static bool IsSameSentence(HashSet<string> a, HashSet<string> b)
    {
        int common = a.Count(b.Contains);
        return common >= 0.85 * Math.Max(a.Count, b.Count);
    }

    // Two scrapes of one story repeat sentences; quoting both says nothing new.
    private static bool Similar(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return false;
        int common = a.Count(b.Contains);
        return common >= 0.7 * Math.Min(a.Count, b.Count);
    }
}
