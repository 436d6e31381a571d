using System.Text.RegularExpressions;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Answering;

/// <summary>
/// Reads the type of answer a question asks for, and finds candidates of that type in a sentence: a number or amount
/// for "how many / how much", a date for "when", a place for "where", a person or an attribution ("…, Sikorski said")
/// for "who", a duration for "how long", a quotation or attribution for "what did X say".
/// </summary>
public static partial class AnswerCandidates
{
    public static QuestionType TypeOf(string question)
    {
        var q = question.Trim().ToLowerInvariant();
        q = LeadingFiller().Replace(q, "");
        // "According to AFP's timeline, on what date…", "At the Madrid summit, how many…", "Roughly how many…": the
        // question starts at its question word, after a scene-setting clause or a hedge.
        q = LeadingClause().Replace(q, "");
        q = Hedge().Replace(q, "");
        // "By how much can the cuts reduce output?" asks how much, as "how much" does.
        q = ByHowMuch().Replace(q, "");
        if (q.StartsWith("on what date") || q.StartsWith("on which date") || q.StartsWith("on what day") || q.StartsWith("on which day")) return QuestionType.Time;
        // "For how much longer could Russia pay for the war?", "how many more years?": a length of time still to come.
        if (LongerQuestion().IsMatch(q)) return QuestionType.Duration;
        if (q.StartsWith("how many") || q.StartsWith("how much") || q.StartsWith("how old") || HowMeasured().IsMatch(q) || q.Contains("how big") || WhatMeasure().IsMatch(q)) return QuestionType.Quantity;
        // "How late did the train get in?" asks the delay.
        if (q.StartsWith("how long") || q.StartsWith("how late") || q.Contains("for how long") || q.Contains("how many years") || q.Contains("how many days")) return QuestionType.Duration;
        // "What exact date in December did…", "…and on which day?": the day asked for, wherever the question asks it.
        if (q.StartsWith("when") || q.Contains("by when") || DayQuestion().IsMatch(q) || HourQuestion().IsMatch(q) || q.Contains("what year") || q.StartsWith("since when")) return QuestionType.Time;
        if (q.StartsWith("where") || q.StartsWith("wher ") || q.Contains("which country") || PlaceAsked().IsMatch(q)
            || PartOfPlace().IsMatch(q)) return QuestionType.Place;
        if (q.StartsWith("who") || q.StartsWith("whos") || WhichPerson().IsMatch(q) || q.Contains("whose") || NameAsked().IsMatch(q) && !ThingNamed().IsMatch(q)) return QuestionType.Person;
        // "Why was the parade called off?" asks for a cause, whatever verb it uses.
        if (q.StartsWith("why") || q.Contains("for what reason") || q.StartsWith("what was the reason") || q.StartsWith("what is the reason")) return QuestionType.Reason;
        if (SayVerb().IsMatch(q)) return QuestionType.Statement;
        return QuestionType.Other;
    }

    /// <summary>True when the sentence holds a candidate answer of the asked type that the question itself doesn't hold.</summary>
    public static bool Holds(QuestionType type, string sentence, string question)
    {
        switch (type)
        {
            case QuestionType.Quantity:
                // "How much did they spend?" asks for money: "for more than two months" is a number but no answer.
                // "How much did Russia spend in 2023?" is not answered by "for the first three quarters of 2025, the total
                // jumps to 163 billion euros": a sum set in another year (or month) than the question's.
                if (AsksMoney(question)) return (Money().IsMatch(sentence) || NearZero().IsMatch(sentence) || ShareAnswers(question) && Share().IsMatch(sentence))
                    && !SetInAnotherTime(sentence, question);
                if (AsksShare(question)) return Share().IsMatch(sentence);
                return NumbersAsked(sentence, question).Any() || CountWords(sentence, question).Any() || Destinations(sentence, question).Any()
                    || ShareAnswers(question) && Share().IsMatch(sentence);
            case QuestionType.Duration:
                return Durations(sentence, question).Any();
            case QuestionType.Time:
                // "On what date…" asks for the day: "earlier this month", "in April" is no answer to it.
                // "What date…" asks for the date: "on Friday" is a day of the week, which answers "which day" alone.
                // "What time did the session start?" asks the hour: "on Thursday" or "February 5" is no answer to it.
                if (HourQuestion().IsMatch(question)) return ClockTime().IsMatch(sentence);
                if (AsksDay(question)) return DaysAsked(sentence, question).Any() || AsksWeekday(question) && WeekdaysIn(sentence).Any();
                return OtherDate(sentence, question) || Weekday().IsMatch(sentence) || YearsAsked(sentence, question).Any();
            case QuestionType.Place:
                return Positions(type, sentence, question).Any();
            case QuestionType.Person:
                return NewNames(sentence, question).Any() || Attribution().IsMatch(sentence);
            case QuestionType.Statement:
                return Attribution().IsMatch(sentence) || sentence.Contains('"') || sentence.Contains('“');
            case QuestionType.Reason:
                return Cause().IsMatch(sentence) || CauseBefore(sentence);
            default:
                return false;
        }
    }

    /// <summary>
    /// A date in the sentence other than the day the question names: "Russia's MoD claimed Zelene on 1 Feb. When did
    /// milbloggers first claim it?" is not answered by "claimed on February 1", but by "first claimed … on May 10, 2024".
    /// </summary>
    private static bool OtherDate(string sentence, string question)
    {
        var asked = QuestionDates.DaysNamed(question);
        if (asked.Count == 0) return Date().IsMatch(sentence);
        foreach (Match m in Date().Matches(sentence))
        {
            var days = QuestionDates.DaysNamed(m.Value);
            if (days.Count == 0 || !days.All(asked.Contains)) return true;
        }
        return false;
    }

    /// <summary>
    /// Where in the sentence the candidates of the asked type start (character offsets): the answer is the candidate
    /// next to the question's focus words ("released into Belarus"), not one elsewhere in the sentence.
    /// </summary>
    public static IEnumerable<int> Positions(QuestionType type, string sentence, string question)
    {
        switch (type)
        {
            case QuestionType.Quantity when AsksMoney(question):
                if (SetInAnotherTime(sentence, question)) break;
                foreach (Match m in Money().Matches(sentence)) yield return m.Index;
                // "US spending on the war was near zero": no sum, yet the amount asked for.
                foreach (Match m in NearZero().Matches(sentence)) yield return m.Index;
                if (ShareAnswers(question))
                {
                    foreach (Match m in Share().Matches(sentence)) yield return m.Index;
                }
                break;
            case QuestionType.Quantity when AsksShare(question):
                foreach (Match m in Share().Matches(sentence)) yield return m.Index;
                break;
            case QuestionType.Quantity:
                foreach (var m in NumbersAsked(sentence, question)) yield return m.Index;
                // "every four months" answers nothing when the question says "every four months" itself.
                foreach (var m in CountWords(sentence, question)) yield return m.Index;
                foreach (var m in Destinations(sentence, question)) yield return m.Index;
                if (ShareAnswers(question))
                {
                    foreach (Match m in Share().Matches(sentence)) yield return m.Index;
                }
                break;
            case QuestionType.Duration:
                foreach (var m in Durations(sentence, question)) yield return m.Index;
                break;
            case QuestionType.Time when HourQuestion().IsMatch(question):
                foreach (Match m in ClockTime().Matches(sentence)) yield return m.Index;
                break;
            case QuestionType.Time when AsksDay(question):
                foreach (var m in DaysAsked(sentence, question)) yield return m.Index;
                if (AsksWeekday(question))
                {
                    foreach (var m in WeekdaysIn(sentence)) yield return m.Index;
                }
                break;
            case QuestionType.Time:
                foreach (Match m in Date().Matches(sentence)) yield return m.Index;
                foreach (Match m in Weekday().Matches(sentence)) yield return m.Index;
                foreach (var m in YearsAsked(sentence, question)) yield return m.Index;
                break;
            case QuestionType.Place:
                foreach (Match m in PlacePreposition().Matches(sentence))
                {
                    // "delegations from the US" tell where they came from, which only "where … from?" asks.
                    if (m.Groups[1].Value == "from" && !HasWord(question, "from")) continue;
                    int name = m.Index + m.Length - 1;
                    // "at the Al Shati Palace": a place's name may start with a two-letter word.
                    var word = PlaceWord().Match(sentence, name);
                    // "in March" is a time, not a place.
                    if (word.Success && word.Index == name && IsNewName(word.Value, question)
                        && !NamesWar(sentence, word)) yield return name;
                }
                // "Which town…?" asks a place by its kind, which a report may give after "of" ("the inhabitants of
                // Sochaczew", "a full-on assault of Odesa") or before the kind ("the Odesa and Kharkiv oblasts").
                if (PlaceAsked().IsMatch(question))
                {
                    foreach (Match m in PlaceOfKind().Matches(sentence))
                    {
                        var place = m.Groups["name"];
                        if (IsNewName(place.Value, question)) yield return place.Index;
                    }
                }
                // "Horenka is where the cameraman was killed": the place opens the sentence that says what happened there.
                var placeWhere = PlaceIsWhere().Match(sentence);
                if (placeWhere.Success && !HasWord(question, placeWhere.Groups["place"].Value)) yield return placeWhere.Index;
                // "Where did Deripaska post it?" asks where it was published: "in a post on Telegram", "his Telegram channel".
                if (AsksWherePublished().IsMatch(question))
                {
                    foreach (Match m in Platform().Matches(sentence))
                    {
                        if (!HasWord(question, m.Groups["platform"].Value)) yield return m.Groups["platform"].Index;
                    }
                }
                // "Which country had the biggest justice camp?" is answered by the country the sentence is about, which
                // is often its subject ("Poland had…"), not the place after a preposition.
                if (AsksCountry().IsMatch(question))
                {
                    foreach (Match m in CapitalisedWord().Matches(sentence))
                    {
                        if (m.Index > 0 && !HasWord(question, m.Value)) yield return m.Index;
                    }
                }
                break;
            case QuestionType.Person:
            {
                bool byRank = AsksByRank(question);
                foreach (Match m in CapitalisedWord().Matches(sentence))
                {
                    if (IsNewPersonName(sentence, m, question, byRank)) yield return m.Index;
                }
                break;
            }
            case QuestionType.Statement:
                foreach (Match m in Attribution().Matches(sentence)) yield return m.Index;
                break;
            case QuestionType.Reason:
                foreach (Match m in Cause().Matches(sentence)) yield return m.Index;
                // "When there is such attitude, it is hard to talk…": the pointer back stands at its last word.
                foreach (Match m in CauseInSentenceBefore().Matches(sentence)) yield return m.Index + m.Length - 1;
                break;
        }
    }

    /// <summary>
    /// True when a candidate of the asked type stands within a few words of one of the question's content words
    /// (<paramref name="content"/>: terms as <paramref name="analyzer"/> makes them).
    /// </summary>
    public static bool NextToFocus(QuestionType type, string sentence, string question, IReadOnlySet<string> content, TextAnalyzer analyzer)
    {
        // A date or a duration often opens the sentence it belongs to ("On January 23, the delegations sat …").
        if (content.Count == 0 || type is QuestionType.Time or QuestionType.Duration) return true;
        var words = TextAnalyzer.TokenSpans(sentence).ToList();
        var focusAt = WordsHolding(words, content, analyzer);
        if (focusAt.Count == 0) return false;
        // "Which ex-NATO chief said the Poles might go in?": the speaker of a quotation that holds the question's words
        // answers it, however long the quotation ("“I think the Poles would … in Vilnius,” Rasmussen said").
        if (type == QuestionType.Person && QuotesNewSpeaker(sentence, question)) return true;
        // "…while they will be sending some troops here, we will reach the English Channel": where they get to stands by
        // the verb of going, which is rarely the question's; two of its words in the sentence tell it is the story asked about.
        if (type == QuestionType.Quantity && focusAt.Count >= 2 && Destinations(sentence, question).Any()) return true;
        foreach (int offset in Positions(type, sentence, question))
        {
            int at = WordAt(words, offset);
            if (at < 0) continue;
            int end = NumberEnd(words, at);
            // "115 kilometers from the Finnish border": the unit is the measure's own word, as a scale is the number's.
            if (end + 1 < words.Count && UnitWords.Contains(words[end + 1].Token)) end++;
            // "reduce production volumes by up to 50%": the words that hedge a number ("by up to", "more than", "as many
            // as") belong to it, not to the distance from the focus.
            int start = at;
            while (start > 0 && NumberHedges.Contains(words[start - 1].Token)) start--;
            if (focusAt.Any(f => f < start ? start - f <= NearWords : f < at || f - end <= NearWords)) return true;
        }
        return false;
    }

    // "Which city…", "in which Ukrainian city…", "what two villages…": a place by its kind, described or counted. Not
    // "capital": "what capital controls…" asks no place.
    [GeneratedRegex(@"\b(?:which|what)\s+(?:[\p{L}'’-]+\s+){0,2}?(?:city|cities|town|towns|village|villages|oblast|oblasts|province|provinces)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceAsked();

    // A name after "of" ("of Sochaczew"), or a name (or two) before a place's kind ("the Odesa and Kharkiv oblasts").
    [GeneratedRegex(@"\bof\s+(?:the\s+)?(?<name>\p{Lu}[\p{L}’'-]+)|(?<name>\p{Lu}[\p{L}’'-]+)(?:\s+and\s+\p{Lu}[\p{L}’'-]+)?\s+(?i:city|town|village|oblasts?|regions?|provinces?)\b")]
    private static partial Regex PlaceOfKind();

    // A name the answer gives, not the question, and no month or weekday ("in March" is a time).
    private static bool IsNewName(string word, string question) => !HasWord(question, word) && !TextAnalyzer.IsCalendarWord(word);

    /// <summary>
    /// "How far did the troops get?" asks for a distance or for where they got to: "we will reach the English Channel",
    /// "advanced as far as Kherson". Only for a how-far question about going somewhere; the place is not the question's.
    /// </summary>
    private static IEnumerable<Group> Destinations(string sentence, string question)
    {
        if (!HowFarGone().IsMatch(question)) yield break;
        foreach (Match m in Destination().Matches(sentence))
        {
            var place = m.Groups["place"];
            if (IsNewName(place.Value, question)) yield return place;
        }
    }

    // "How far did he say the troops would get?", "how far could Russia advance/push/go?".
    [GeneratedRegex(@"\bhow\s+far\b.*\b(?:get|gets|got|go|goes|went|gone|reach|reached|push|pushed|advance|advanced|march|marched|drive|drove|move|moved|come|came|make\s+it)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowFarGone();

    // "reach the English Channel", "as far as Kherson", "all the way to Lisbon", "to the outskirts of Kyiv".
    [GeneratedRegex(@"\b(?:reach(?:es|ed|ing)?|as\s+far\s+as|all\s+the\s+way\s+to|to\s+the\s+(?:outskirts|gates|edge|banks?|shores?)\s+of)\s+(?:the\s+)?(?<place>\p{Lu}[\p{L}'’-]+)")]
    private static partial Regex Destination();

    // "Where did he post…?", "where was it published?": a place on the web, not on the map.
    // "Where did Trump announce the call?" is asked as often: "posted on his Truth Social platform".
    [GeneratedRegex(@"^\W*where\b.*\b(?:post|posted|posting|write|wrote|written|publish|published|tweet|tweeted|share|shared|upload|uploaded|announce|announced|reveal|revealed|declare|declared|put\s+out|puts\s+out|reply|replied|respond|responded|react|reacted|comment|commented)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksWherePublished();

    // "on Telegram", "on his Facebook page", "via X", "in a Telegram post", "her Instagram account".
    [GeneratedRegex(@"\b(?:on|via)\s+(?:(?:his|her|their|its|the)\s+)?(?:official\s+)?(?<platform>Telegram|X|Twitter|Facebook|Instagram|YouTube|TikTok|VKontakte|VK|Truth\s+Social|Weibo|LinkedIn|Substack)\b|\b(?<platform>Telegram|Twitter|Facebook|Instagram|YouTube|TikTok|VKontakte|Truth\s+Social|Weibo|LinkedIn|Substack)\s+(?:post|channel|account|page|video|message|feed)s?\b")]
    private static partial Regex Platform();

    // "Which part of Kyiv was hit…?", "in what district of…": a place within a place.
    [GeneratedRegex(@"\b(?:which|what)\s+(?:part|district|area|neighbou?rhood|suburb|quarter)\s+of\b")]
    private static partial Regex PartOfPlace();

    /// <summary>
    /// "What did Pope Francis call the war?", "How did Medinsky describe the talks?", "what did he compare the media to?",
    /// "how does Zelensky see handing over Donetsk?": the words someone gave a thing are asked for, which a report tells
    /// by the verb ("described the war as…", "I see it as abandonment") or quotes.
    /// </summary>
    public static bool AsksDescription(string question) => DescriptionQuestion().IsMatch(question);

    /// <summary>
    /// True when the sentence gives a thing its words: "described the talks as “difficult but businesslike”", "calling it
    /// a disgrace", "likened the media to artillery", "would be a “self-inflicted wound”", "this is an open act of terrorism",
    /// "I see it as abandonment".
    /// </summary>
    public static bool GivesDescription(string sentence) => Description().IsMatch(sentence);

    /// <summary>
    /// What each description in the sentence (<see cref="GivesDescription"/>) describes, as the words its verb names:
    /// "He called the invasion “the most egregious…”" describes "the invasion", "described the war as…" "the war";
    /// an empty string where the description names nothing ("felt like…", "called it a disgrace"). Empty when it gives none.
    /// </summary>
    public static IEnumerable<string> DescribedThings(string sentence)
    {
        foreach (Match m in Description().Matches(sentence)) yield return m.Groups["what"].Success ? m.Groups["what"].Value : "";
    }

    [GeneratedRegex(@"\b(?:what|how)\b.*?\b(?:call|calls|called|describe|describes|described|compare|compares|compared|liken|likens|likened|brand|branded|label|labell?ed|dub|dubbed|characteri[sz]e|characteri[sz]ed)\b|\bhow\s+(?:do|does|did)\b.*?\b(?:see|sees|saw|view|views|viewed|regard|regards|regarded)\b|\bwhat\b.*?\b(?:felt|feel|feels|was|is|looked|seemed|sounded)\s+like\s*\?", RegexOptions.IgnoreCase)]
    private static partial Regex DescriptionQuestion();

    [GeneratedRegex(@"\b(?:call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|compar(?:e|es|ed|ing)|liken(?:s|ed|ing)?|brand(?:s|ed|ing)|label(?:s|led|ed|ling)|dub(?:s|bed|bing)|characteri[sz](?:e|es|ed|ing))\b(?<what>[^.;]{0,80}?)\b(?:as|to|with)\b|\b(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)|brand(?:s|ed|ing)|label(?:s|led|ed|ling))\s+(?<what>(?:the|his|her|their|its|this|that|Russia['’]s|Moscow['’]s)\s+(?:[\p{L}'’-]+\s+){0,3}?[\p{L}'’-]+)\s*[“""«]|\b(?:call(?:s|ed|ing)?)\s+(?:it|them|him|her|this|that)\s+\p{L}|\bwould\s+(?:be|prove)\s+(?:to\s+be\s+)?an?\b|\b(?:this|it)\s+is\s+(?:an?\s+)?[“""«]|\b(?:see|sees|saw|view|views|viewed|regard|regards|regarded)\s+(?:it|them|this|that|him|her)\s+as\b|\b(?:felt|feels|looked|seemed|sounded)\s+like\b", RegexOptions.IgnoreCase)]
    private static partial Regex Description();

    /// <summary>"When will the Senate vote…?", "when is the next round going to be held?": a time still ahead is asked for.</summary>
    public static bool AsksFuture(string question) => FutureQuestion().IsMatch(question);

    /// <summary>
    /// True when every time the sentence gives is behind its report: a year before <paramref name="year"/> (the
    /// report's) — "Russia has fought since 2014" tells no date still ahead of a 2026 report — or "last week",
    /// "yesterday". A day or month without its year, or a weekday, may be ahead.
    /// </summary>
    public static bool GivesOnlyPast(string sentence, int year)
    {
        if (Weekday().Matches(sentence).Any(w => !PastDay().IsMatch(w.Value)) || Date().Matches(sentence).Any(d => YearsIn(d.Value).Count == 0)) return false;
        var years = YearsIn(sentence);
        return years.All(y => y < year) && (years.Count > 0 || PastDay().IsMatch(sentence));
    }

    [GeneratedRegex(@"\b(?:yesterday|last\s+week)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PastDay();

    [GeneratedRegex(@"\b(?:will|going\s+to|(?:is|are)\s+(?:[\p{L}-]+\s+){0,3}?(?:due|set|scheduled|expected|planned)\s+to|next)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FutureQuestion();

    // The years a text names, read as every other year here is (Numbers, IsYear).
    private static List<int> YearsIn(string text) =>
        Numbers().Matches(text).Where(m => IsYear(m.Value)).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>"What does 'Mir' actually mean?", "what does NSPK stand for": the meaning of a word or name is asked for.</summary>
    public static bool AsksMeaning(string question) => MeaningQuestion().IsMatch(question);

    /// <summary>True when the sentence gives a meaning: "Mir, which means both “peace” and “world”", "stands for", "translates as".</summary>
    public static bool GivesMeaning(string sentence) => Meaning().IsMatch(sentence);

    [GeneratedRegex(@"\bwhat\s+(?:does|did|do)\b.*\b(?:mean|stand\s+for)\b|\bwhat\s+is\s+the\s+meaning\s+of\b|\bwhat\s+(?:does|did)\b.*\btranslate\b", RegexOptions.IgnoreCase)]
    private static partial Regex MeaningQuestion();

    [GeneratedRegex(@"\b(?:means|meaning|meant|stands\s+for|stood\s+for|translates\s+as|translated\s+as|literally)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Meaning();

    /// <summary>"Who wrote that Atlantic Council article…?", "who did that OSV News interview…": the author of the piece is asked for.</summary>
    public static bool AsksAuthor(string question) => AuthorQuestion().IsMatch(question);

    /// <summary>
    /// True when the sentence is a report's byline or author note, one naming someone the question doesn't: "…by Katarzyna
    /// Szalajko 10:41 AM February 5, 2026", "written by …", "Katarzyna Szalajko writes for OSV News from Warsaw", "Mykola
    /// Bielieskov is a research fellow at … The views expressed in this article are the author's".
    /// </summary>
    public static bool IsAuthorLine(string sentence, string question)
    {
        foreach (Match m in AuthorLine().Matches(sentence))
        {
            var name = m.Groups["name"].Value.Trim();
            if (!HasWord(question, name.Split(' ')[^1])) return true;
        }
        return false;
    }

    [GeneratedRegex(@"\bwho\s+(?:wrote|penned|authored|did|conducted|is\s+the\s+author\s+of|was\s+the\s+author\s+of)\b.*\b(?:article|op-?ed|piece|column|letter|essay|commentary|interview|blog|newsletter|analysis|editorial|report|story|brief|paper|study)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorQuestion();

    // A credit ("a piece by Name Name", "Brief by Seth G. Jones"), a byline ("by Name Name 10:41 AM", "written by Name Name")
    // or an author's note ("Name Name writes for…", "Name Name is a senior fellow…" ending a report).
    [GeneratedRegex(@"\b(?i:piece|column|article|op-?ed|letter|essay|commentary|interview|analysis|brief|paper|study)\s+by\s+(?<name>\p{Lu}(?:[\p{L}’'-]+|\.)(?:\s+\p{Lu}(?:[\p{L}’'-]+|\.)){1,3})|\b(?:(?i:written\s+)?by\s+(?<name>\p{Lu}(?:[\p{L}’'-]+|\.)(?:\s+\p{Lu}(?:[\p{L}’'-]+|\.)){1,3})\s+\d{1,2}:\d\d|(?i:written\s+by)\s+(?<name>\p{Lu}(?:[\p{L}’'-]+|\.)(?:\s+\p{Lu}(?:[\p{L}’'-]+|\.)){1,3}))|^\W*(?<name>\p{Lu}(?:[\p{L}’'-]+|\.)(?:\s+\p{Lu}(?:[\p{L}’'-]+|\.)){1,3})\s+(?:writes\s+for|is\s+(?:a|an|the)?\s*(?:[\p{L}-]+\s+){0,3}?(?:fellow|analyst|journalist|correspondent|reporter|columnist|editor|writer|professor|researcher|director|contributor|president))\b")]
    private static partial Regex AuthorLine();

    /// <summary>
    /// True when the sentence gives a name beside the kind a which-question asks for, one the question doesn't hold:
    /// "he told Jesuit magazine La Civiltà Cattolica" for "Which Jesuit magazine…?", "at Millerovo Airfield" for "Which
    /// airfield…?".
    /// </summary>
    public static bool NamesKind(string sentence, string question, string kind) =>
        KindWords(kind).Any(word => NamesKindBy(sentence, question, word));

    /// <summary>
    /// The words a report may name the kind a which-question asks for by: "Which Russian oil company…?" is answered by
    /// "Russian oil firm Lukoil", "Which newspaper…?" by "the daily Kommersant". The kind alone when it has no others.
    /// </summary>
    public static IReadOnlyList<string> KindWords(string kind)
    {
        var singular = kind.ToLowerInvariant() switch
        {
            var k when k.EndsWith("ies") => k[..^3] + "y",
            var k when k.EndsWith("s") && !k.EndsWith("ss") => k[..^1],
            var k => k,
        };
        return KindFamilies.FirstOrDefault(family => family.Contains(singular)) is { } words ? [kind, .. words.Where(w => w != singular)] : [kind];
    }

    // Kinds a report names one thing by, each family what a which-question asking for its first word accepts.
    private static readonly string[][] KindFamilies =
    [
        ["company", "firm", "corporation", "giant", "producer", "maker", "conglomerate", "operator"],
        ["newspaper", "paper", "daily", "tabloid", "weekly"],
        ["outlet", "publication", "newspaper", "paper", "daily", "magazine", "broadcaster", "channel", "website", "agency", "tabloid"],
        ["organisation", "organization", "group", "ngo", "charity", "agency", "body"],
        ["charity", "organisation", "organization", "ngo", "foundation"],
        ["thinktank", "institute", "centre", "center"],
        ["institute", "thinktank", "centre", "center"],
    ];

    private static bool NamesKindBy(string sentence, string question, string kind)
    {
        var k = Regex.Escape(kind);
        // The name after the kind ("magazine La Civiltà") or before it ("Millerovo Airfield"), each looked for apart: one
        // match of the name before ("Jesuit magazine") must not use up the kind the name after it follows.
        var after = Regex.Matches(sentence, $@"\b(?i:{k}(?:s|es)?),?\s+(?:(?i:the|called|named)\s+)?(?<name>\p{{Lu}}[\p{{L}}’'-]+)");
        // A name in quotation marks counts too: "the “Sunday Times” newspaper".
        // One describing word may stand between: "the Afipsky oil refinery".
        var before = Regex.Matches(sentence, $@"(?<name>\p{{Lu}}[\p{{L}}’'-]+)[""”»]?\s+(?:\p{{Ll}}[\p{{L}}-]*\s+)?(?i:{k})\b");
        // Or the name the kind describes after a comma: "posts on Readovka, a radical outlet with 2.5 million followers".
        var described = Regex.Matches(sentence, $@"(?<name>\p{{Lu}}[\p{{L}}’'-]+)[""”»]?,\s+(?:an?|the)\s+(?:\p{{Ll}}[\p{{L}}-]*\s+){{0,2}}(?i:{k})\b");
        foreach (Match m in after.Concat(before).Concat(described))
        {
            var name = m.Groups["name"];
            if (name.Index > 0 && IsNewName(name.Value, question)) return true;
        }
        return false;
    }

    /// <summary>True when the sentence ends a quotation with its speaker's name ("…,” Rasmussen said"), one the question doesn't name.</summary>
    public static bool QuotesNewSpeaker(string sentence, string question) =>
        NamedSpeaker().Matches(sentence).Any(m => !HasWord(question, m.Groups["name"].Value.Trim().Split(' ')[^1]));

    /// <summary>
    /// The last word of a number starting at word <paramref name="at"/>: "350,000" and "1.5 million" are two words to the
    /// tokenizer, and what the number counts follows the last of them. <paramref name="at"/> itself for anything else.
    /// </summary>
    public static int NumberEnd(IReadOnlyList<(string Token, int Start, int End)> words, int at)
    {
        if (!char.IsDigit(words[at].Token[0])) return at;
        int end = at;
        while (end + 1 < words.Count && (char.IsDigit(words[end + 1].Token[0]) || IsNumberScale(words[end + 1].Token))) end++;
        return end;
    }

    /// <summary>"hundred", "million", "dozen": a word that belongs to the number before it ("two million", "1.5 billion").</summary>
    public static bool IsNumberScale(string word) => NumberScale.Contains(word);

    private static readonly HashSet<string> UnitWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters", "metre", "meter",
        "kg", "kilograms", "tonnes", "tons", "tonne", "ton", "hectares", "percent",
    };

    private static readonly HashSet<string> NumberScale = new(StringComparer.OrdinalIgnoreCase) { "hundred", "thousand", "million", "billion", "trillion", "dozen" };

    /// <summary>True when a sentence of <paramref name="text"/> holds an answer of the asked type next to the question's content words.</summary>
    public static bool AnswersIn(QuestionType type, string text, string question, IReadOnlySet<string> content, TextAnalyzer analyzer) =>
        type != QuestionType.Other && content.Count > 0 && Articles.SentenceSplitter.Split(text)
            .Any(s => Holds(type, s, question) && NextToFocus(type, s, question, content, analyzer));

    private static readonly HashSet<string> NumberHedges = new(StringComparer.OrdinalIgnoreCase)
    {
        "by", "up", "to", "about", "around", "nearly", "almost", "roughly", "approximately", "some", "more", "less", "fewer",
        "than", "at", "least", "most", "over", "under", "just", "only", "as", "many", "much", "estimated", "an", "a",
    };

    // Words between a candidate and a focus word for it to count as next to it.
    private const int NearWords = 4;

    /// <summary>The positions (word indexes) of the words whose index term is one of <paramref name="terms"/>.</summary>
    public static List<int> WordsHolding(IReadOnlyList<(string Token, int Start, int End)> words, IReadOnlySet<string> terms, TextAnalyzer analyzer)
    {
        var at = new List<int>();
        for (int i = 0; i < words.Count; i++)
        {
            if (analyzer.Term(words[i].Token) is { } term && terms.Contains(term)) at.Add(i);
        }
        return at;
    }

    /// <summary>The word a candidate starting at a character offset belongs to; -1 past the last word.</summary>
    public static int WordAt(List<(string Token, int Start, int End)> words, int offset) => words.FindIndex(w => w.End > offset);

    /// <summary>
    /// The numbers of a sentence that can answer "how many": not one the question itself holds, not a year, and not the
    /// day of a date ("on 6 February", "February 6").
    /// </summary>
    private static IEnumerable<Match> NumbersAsked(string sentence, string question)
    {
        // A range of days is dates too: "from 14 to 19 February", "February 14-19".
        // So is a time of day: "Updated 5:44 PM UTC" counts nothing.
        var dates = Date().Matches(sentence).Concat(DayRange().Matches(sentence)).Concat(ClockTime().Matches(sentence)).ToList();
        var money = SumsOfMoney(sentence, question);
        // The contrary-kind check reads the question and the sentence once, for its first number that gets that far;
        // so does the year check, which is the sentence's, not any one number's.
        Func<Match, bool>? contrary = null;
        bool? anotherYear = null;
        // "Between 29 March and 15 April, how many drafts…?" is answered by "more than 15 drafts": a day the question
        // dates by is not its own figure.
        var own = Date().Replace(question, " ");
        return Numbers().Matches(sentence).Where(m => !HasWord(own, m.Value) && !IsYear(m.Value)
            && !Inside(dates, m) && !Inside(money, m)
            && !IsModelNumber(sentence, m.Index)
            && !IsTimeSpan(sentence, m, question) && !IsMeasure(sentence, m, question) && MeasuredIfAsked(sentence, m, question)
            && !IsRate(sentence, m, question)
            && !(anotherYear ??= SetInAnotherTime(sentence, question))
            && !(contrary ??= CountsContrary(sentence, question))(m));
    }

    // "losing 100–150 troops per square kilometer", "2 deaths for every 1,000": a rate counts nothing a how-many
    // question asks ("how many troops are massed…"), unless the question asks a rate ("how many shells a day…"). "How
    // fast…?" asks one ("70 meters per day").
    private static bool IsRate(string sentence, Match number, string question) =>
        HowMany().IsMatch(question) && RateAfter().IsMatch(sentence, number.Index + number.Length) && !AsksRate().IsMatch(question);

    [GeneratedRegex(@"\G(?:\s*[-–]\s*\d[\d,.]*)?(?:\s+[\p{L}-]+){0,3}?\s+(?:per\s+(?!(?:cent|the|his|her|their|its|reports?|officials?)\b)|for\s+every\s+|for\s+each\s+)\w", RegexOptions.IgnoreCase)]
    private static partial Regex RateAfter();

    [GeneratedRegex(@"\b(?:per|each|every|rate|daily|nightly|weekly|monthly|annually|yearly|a\s+(?:day|night|week|month|year|square)|an\s+hour)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksRate();

    /// <summary>
    /// "How many launches did it carry out in 2024?" is not answered by "carried out only 17 orbital launches in 2025,
    /// compared to 193 by the United States": a sentence that sets its figures in another year than the question's,
    /// and never names the question's, counts that year (a year it compares with, "than in 2023", sets nothing).
    /// </summary>
    private static bool SetInAnotherTime(string sentence, string question) =>
        SetInAnotherYear(sentence, question) || SetInAnotherMonth(sentence, question) || SetOnAnotherWeekday(sentence, question);

    /// <summary>
    /// "How many drones did Russia's defence ministry claim to have downed during the 4-5 Feb 2026 round?" is not answered
    /// by "air defenses downed 40 Ukrainian drones late Sunday and early Monday": a sentence whose weekdays are all other
    /// than the asked day's, or the days beside it (what happened overnight is told of either), tells of another day.
    /// </summary>
    private static bool SetOnAnotherWeekday(string sentence, string question)
    {
        var weekdays = WeekdaysIn(sentence).Select(m => WeekdayOf(m.Value)).OfType<DayOfWeek>().ToList();
        if (weekdays.Count == 0 || QuestionDates.Of(question).FirstDay is not { } day) return false;
        var near = new[] { day.AddDays(-1), day, day.AddDays(1), day.AddDays(2) }.Select(d => d.DayOfWeek).ToHashSet();
        return !weekdays.Any(near.Contains);
    }

    private static DayOfWeek? WeekdayOf(string name) => Enum.TryParse<DayOfWeek>(name, ignoreCase: true, out var weekday) ? weekday : null;

    private static bool SetInAnotherYear(string sentence, string question)
    {
        var asked = InYear().Matches(question).Select(y => y.Groups["year"].Value).ToList();
        if (asked.Count == 0) return false;
        return !asked.Any(y => HasWord(sentence, y))
            && InYear().Matches(sentence).Concat(InMonthOfYear().Matches(sentence)).Concat(SinceYear().Matches(sentence)).Any(y => !asked.Contains(y.Groups["year"].Value) && !ComparedWith().IsMatch(sentence[..y.Index]));
    }

    /// <summary>
    /// "How many children were brought home in January 2026?" is not answered by "fifteen children have been returned …,
    /// including seven children in December": a sentence that sets its figures in another month than the question's and
    /// never names the question's counts that month.
    /// </summary>
    private static bool SetInAnotherMonth(string sentence, string question)
    {
        var asked = InMonth().Matches(question).Select(m => QuestionDates.MonthOf(m.Groups["month"].Value)).ToHashSet();
        if (asked.Count == 0) return false;
        if (MonthName().Matches(sentence).Any(m => asked.Contains(QuestionDates.MonthOf(m.Value)))) return false;
        return InMonth().Matches(sentence).Any(m => !asked.Contains(QuestionDates.MonthOf(m.Groups["month"].Value)) && !ComparedWith().IsMatch(sentence[..m.Index]));
    }

    // "in December", "during mid-August", "in late March 2022"; not a day ("in March 5"), which is a date.
    [GeneratedRegex(@"\b(?:in|during|throughout)\s+(?:(?:early|mid|late)[\s-]*)?(?<month>" + MonthWord + @")\b\.?(?!\s*\d{1,2}\b)", RegexOptions.IgnoreCase)]
    private static partial Regex InMonth();

    [GeneratedRegex(@"\b" + MonthWord + @"\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthName();

    // "in 2024", "during 2023", "for 2025".
    [GeneratedRegex(@"\b(?:in|during|for|of|throughout)\s+(?<year>(?:19|20)\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InYear();

    // A sentence sets its figure in a year by a month of it too: "in March 2022", "in early 2023" (a question saying
    // "in Feb 2022" more often dates the report it cites than what it asks).
    [GeneratedRegex(@"\b(?:in|during|throughout)\s+(?:(?:early|mid|late)[\s-]*)?" + MonthWord + @"\.?\s+(?<year>(?:19|20)\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InMonthOfYear();

    // "since the 2022 invasion", "since early 2024": a running total from another year is no figure for the year asked.
    [GeneratedRegex(@"\bsince\s+(?:the\s+)?(?:(?:start|beginning|end)\s+of\s+|(?:early|mid|late)[\s-]*)?(?<year>(?:19|20)\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SinceYear();

    // "8.1bn", "300m", "40k": the scale written onto a number.
    [GeneratedRegex(@"\G(?:bn|mn|tn|m|k|b)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScaleWrittenOn();

    // "…roughly 70% higher than in 2023": the year a figure is compared with.
    [GeneratedRegex(@"\b(?:than|compared\s+(?:to|with)|versus|from)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ComparedWith();

    /// <summary>True when the number stands inside one of the spans (a date, a sum of money).</summary>
    private static bool Inside(List<Match> spans, Match number) => spans.Any(d => number.Index >= d.Index && number.Index < d.Index + d.Length);

    /// <summary>
    /// The sums of money in the sentence when the question counts things ("How many interceptor missiles…?"): "$200bn of
    /// aid" counts no missiles. Empty when it asks an amount of money, or how many dollars, euros…
    /// </summary>
    private static List<Match> SumsOfMoney(string sentence, string question) =>
        HowManyOf().Match(question) is { Success: true } m && !AsksMoney(question) && !Money().IsMatch("1 " + m.Groups["what"].Value)
            ? Money().Matches(sentence).ToList() : [];

    [GeneratedRegex(@"\b(?:near|nearly|almost|close\s+to|virtually|practically)\s+zero\b", RegexOptions.IgnoreCase)]
    private static partial Regex NearZero();

    [GeneratedRegex(@"\bhow\s+many\s+(?<what>[\p{L}-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex HowManyOf();

    // Numbers written as words ("two", "a dozen"), not the question's own ("every four months").
    private static IEnumerable<Match> CountWords(string sentence, string question)
    {
        Func<Match, bool>? contrary = null;
        var money = SumsOfMoney(sentence, question);
        // The time check reads the sentence, not a number: once, for the first number that gets that far.
        bool? anotherTime = null;
        return NumberWords().Matches(sentence).Where(m => !HasWord(question, m.Value) && !Inside(money, m)
            && !IsTimeSpan(sentence, m, question) && !IsMeasure(sentence, m, question)
            && MeasuredIfAsked(sentence, m, question) && !(anotherTime ??= SetInAnotherTime(sentence, question))
            && !(contrary ??= CountsContrary(sentence, question))(m));
    }

    /// <summary>
    /// Whether a number of the sentence is told of the kind contrary to the one the question counts: "How many people were
    /// killed…?" is not answered by "injuring at least six people", nor "How many civilians came home…?" by "157 prisoners
    /// of war". The kind word nearest the number (within <see cref="KindNearWords"/> words) says what it counts: in
    /// "killing 12 and injuring 30", 12 are dead and 30 hurt.
    /// </summary>
    private static Func<Match, bool> CountsContrary(string sentence, string question)
    {
        // Without a question (every number of a sentence, as CountsPeople reads them) nothing is contrary.
        if (question.Length == 0) return static _ => false;
        var questionWords = TextAnalyzer.Tokenize(question).ToList();
        var asked = Enumerable.Range(0, questionWords.Count).Select(i => KindOf(questionWords, i)).OfType<int>().ToHashSet();
        // "How many Crimeans had Russia mobilised?" is no question about losses: "263 dead Crimeans" counts the dead.
        bool asksLosses = asked.Contains(Killed) || asked.Contains(Hurt) || questionWords.Any(LossWords.Contains);
        // "How many casualties…?" names neither the dead nor the hurt: a count of either answers it.
        if (asked.Count == 0 && asksLosses) return static _ => false;
        var spans = TextAnalyzer.TokenSpans(sentence);
        var words = spans.Select(w => w.Token).ToList();
        return number =>
        {
            int at = words.Count;
            while (at > 0 && spans[at - 1].End > number.Index) at--;
            if (at >= words.Count) return false;
            for (int d = 1; d <= KindNearWords; d++)
            {
                // At a tie the word before wins: "killing at least 12 people and injuring at least 16" — 12 are dead.
                foreach (int k in new[] { at - d, at + d })
                {
                    if (k < 0 || k >= words.Count || KindOf(words, k) is not { } kind) continue;
                    // The nearest kind word decides: told of the asked kind, or of one the question names too, it counts that.
                    return asked.Contains(kind ^ 1) && !asked.Contains(kind) || kind is Killed or Hurt && !asksLosses;
                }
            }
            return false;
        };
    }

    private const int KindNearWords = 4;
    private const int Killed = 0;
    private const int Hurt = 1;

    // Words that ask about losses without naming the dead or the hurt: a count of either answers them.
    private static readonly HashSet<string> LossWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "casualties", "casualty", "losses", "lost", "lose", "toll", "victims", "victim", "bodies", "survivors", "survived",
    };

    // Kinds in contrary pairs (0 with 1, 2 with 3): the dead and the hurt, civilians and the military.
    private static readonly string[][] ContraryKinds =
    [
        ["killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "death", "deaths", "fatalities", "perished", "slain", "lives"],
        ["injured", "injuring", "injures", "injury", "injuries", "wounded", "wounding", "hurt"],
        ["civilian", "civilians"],
        ["soldier", "soldiers", "troops", "servicemen", "serviceman", "servicemembers", "pows", "combatants", "fighters"],
        // "How many of the 396 drones…?" is not answered by "29 missiles": the two are launched, and counted, together.
        ["drone", "drones", "uav", "uavs", "shaheds"],
        ["missile", "missiles", "rocket", "rockets"],
    ];

    // "prisoners of war" are the military's; "prisoners" alone may be anyone.
    private static int? KindOf(IReadOnlyList<string> words, int at)
    {
        var word = words[at];
        if (word.Equals("prisoners", StringComparison.OrdinalIgnoreCase) || word.Equals("prisoner", StringComparison.OrdinalIgnoreCase))
        {
            return at + 2 < words.Count && words[at + 1].Equals("of", StringComparison.OrdinalIgnoreCase) && words[at + 2].Equals("war", StringComparison.OrdinalIgnoreCase) ? 3 : null;
        }
        for (int i = 0; i < ContraryKinds.Length; i++)
        {
            if (ContraryKinds[i].Contains(word, StringComparer.OrdinalIgnoreCase)) return i;
        }
        return null;
    }

    // "How many tonnes of grain…", "how many km…": a measure is counted, so the number must come with a unit of it
    // ("six African nations" counts no tonnes).
    // The unit may follow a scale or "metric": "1.5 million tonnes", "500,000 metric tons".
    private static bool MeasuredIfAsked(string sentence, Match number, string question)
    {
        if (!MeasureCounted().IsMatch(question)) return true;
        int end = number.Index + number.Length;
        if (ScaleAfter().Match(sentence, end) is { Success: true } scale) end = scale.Index + scale.Length;
        return MeasureUnitAfter().Match(sentence, end) is { Success: true, Groups: var g } && !g[2].Success;
    }

    [GeneratedRegex(@"\G\s*-?(?:(?:million|billion|thousand|trillion|mn|bn)\b)?(?:\s*metric\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex ScaleAfter();

    [GeneratedRegex(@"\bhow\s+many\s+(?:square\s+)?(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|kg|kilogram(?:me)?s?|tonnes?|tons?|hectares?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MeasureCounted();

    // "two days later", "nine years since": a length of time counts nothing a how-many question asks, unless the
    // question counts that unit ("how many days…").
    // An age ("the 67-year-old", "67 years old") is no length of time: it answers "how old".
    // A question naming the unit otherwise ("on the day the Geneva talks opened") counts none of it.
    private static bool IsTimeSpan(string sentence, Match number, string question) =>
        TimeUnitAfter().Match(sentence, number.Index + number.Length) is { Success: true } unit && !CountsUnit(question, unit.Groups[1].Value.TrimEnd('s'))
        && !AgeAfter().IsMatch(sentence, unit.Index + unit.Length);

    // "How many days…", "over how many years…", "how many more weeks…": the unit counted, after "how many" or a number.
    private static bool CountsUnit(string question, string unit) =>
        Regex.IsMatch(question, $@"\b(?:how\s+many|\d+|several|few)\s+(?:[\p{{L}}-]+\s+)?{Regex.Escape(unit)}s?\b", RegexOptions.IgnoreCase);

    // "a 1,222km border", "759 miles", "40 tonnes": a measure counts nothing a how-many question asks, unless the question
    // counts that unit ("how many km long…"). "How far", "how much wheat" ask for a measure.
    // A share ("relied 100% on Russia") is no count either.
    private static bool IsMeasure(string sentence, Match number, string question) =>
        HowMany().IsMatch(question) && MeasureUnitAfter().Match(sentence, number.Index + number.Length) is { Success: true } unit
        && (unit.Groups[2].Success ? !question.Contains('%') && !HasWord(question, "percent") && !HasWord(question, "per cent")
            : !AsksUnit(question, unit.Groups[1].Value));

    // The question's unit in any spelling or short form: "how many metres a day" counts the report's "23 meters per
    // day", "how many km" its "30 kilometers".
    private static bool AsksUnit(string question, string unit)
    {
        var asked = UnitFamily(unit);
        foreach (Match m in UnitWord().Matches(question))
        {
            if (UnitFamily(m.Value) == asked) return true;
        }
        return false;
    }

    private static string UnitFamily(string unit)
    {
        var u = unit.ToLowerInvariant();
        return u switch
        {
            _ when u.StartsWith("kilomet", StringComparison.Ordinal) || u == "km" => "km",
            _ when u.StartsWith("kilogram", StringComparison.Ordinal) || u == "kg" => "kg",
            _ when u.StartsWith("met", StringComparison.Ordinal) => "m",
            _ when u.StartsWith("ton", StringComparison.Ordinal) => "t",
            _ when u.StartsWith("mile", StringComparison.Ordinal) => "mile",
            _ when u.StartsWith("hectare", StringComparison.Ordinal) => "ha",
            _ => u,
        };
    }

    [GeneratedRegex(@"\b(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|kg|kilogram(?:me)?s?|tonnes?|tons?|hectares?|square)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UnitWord();

    // "Leopard 2 tanks", "F-16 jets", "Su-25": a number right after a capitalised word is part of a name and counts
    // nothing. Not after the sentence's first word ("About 30 tanks…") nor after a month or a weekday ("February 6").
    private static bool IsModelNumber(string sentence, int at)
    {
        int end = at - 1;
        if (end < 0 || sentence[end] is not (' ' or '-')) return false;
        int start = end;
        while (start > 0 && char.IsLetter(sentence[start - 1])) start--;
        return start > 0 && start < end && char.IsUpper(sentence[start]) && !char.IsLetterOrDigit(sentence[start - 1])
            && !TextAnalyzer.IsCalendarWord(sentence[start..end]);
    }

    // Whether the question holds the word at the start of one of its words ("Russia" in "Russian" is the question's own
    // name), a number as a whole: "Al" is not in "trilateral", nor "5" in "50".
    private static bool HasWord(string question, string word)
    {
        bool number = char.IsDigit(word[0]);
        for (int at = question.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = question.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            int end = at + word.Length;
            // "the new $8.1bn programme" holds 8.1: a figure's scale may be written onto it.
            if ((at == 0 || !char.IsLetterOrDigit(question[at - 1]))
                && (!number || end == question.Length || !char.IsLetterOrDigit(question[end]) || ScaleWrittenOn().Match(question, end).Success)) return true;
        }
        return false;
    }

    // "since 2021" tells how long something has lasted ("How long has it been suspended?"), not how long a thing is
    // ("How long is his prison sentence?" is not answered by "imprisoned since April 2022").
    private static IEnumerable<Match> Durations(string sentence, string question)
    {
        bool sinceAnswers = AsksHowLongSince().IsMatch(question);
        return Duration().Matches(sentence).Where(m => (sinceAnswers || !m.Value.StartsWith("since", StringComparison.OrdinalIgnoreCase))
            && LengthOfAsked(sentence, m, question));
    }

    /// <summary>
    /// "A years-long decline" is the length of the decline: a length written before what lasted tells of that thing
    /// only, so it answers "How long did the two leaders talk?" only when the question speaks of it ("an hour-long talk").
    /// </summary>
    /// <remarks>
    /// So do "a four-year war" (a length joined to its unit, before what lasted) and "four years of war" (after it,
    /// past "of"): neither answers "How long did the Davos meeting last?". Those read what lasted in the next two words
    /// only; "-long" reads four ("months-long pauses in the dialogue").
    /// </remarks>
    private static bool LengthOfAsked(string sentence, Match length, string question)
    {
        int end = length.Index + length.Length;
        bool spelledLong = length.Value.EndsWith("long", StringComparison.OrdinalIgnoreCase);
        var of = spelledLong ? Match.Empty : LengthOfWhat().Match(sentence, end);
        bool joined = !spelledLong && !of.Success && length.Value.Contains('-') && JoinedUnit().IsMatch(length.Value);
        if (!spelledLong && !of.Success && !joined) return true;
        // What lasted and what it is of: "months-long pauses in the dialogue".
        var after = NextWords().Match(sentence, of.Success ? of.Index + of.Length : end);
        if (!after.Success) return true;
        // A joined length or one "of" something is read only when it is the war's, or some such backdrop the reports
        // date everything by: "an 11-minute voice recording", "five hours of talks" tell what the question asks in other words.
        if (!spelledLong && !after.Groups["word"].Captures.Take(2).Any(w => Backdrops.Contains(w.Value))) return true;
        var stems = TextAnalyzer.Tokenize(question).Select(w => w.ToLowerInvariant())
            .Where(w => w.Length >= 4 && !LengthQuestionWords.Contains(w)).Select(w => w[..4]).ToHashSet(StringComparer.Ordinal);
        return after.Groups["word"].Captures.Take(spelledLong ? 4 : 2).Any(c => c.Value.Length >= 4 && stems.Contains(c.Value[..4].ToLowerInvariant()));
    }

    private static readonly HashSet<string> Backdrops = new(StringComparer.OrdinalIgnoreCase)
    {
        "war", "wars", "invasion", "conflict", "fighting", "occupation", "effort", "efforts", "campaign", "struggle", "crisis",
    };

    // "four years of war", "two hours of talks": what the length is of follows it.
    [GeneratedRegex(@"\G\s+of\b")]
    private static partial Regex LengthOfWhat();

    // "four-year", "30-day": a number joined to its unit, which makes the length a word describing what follows.
    [GeneratedRegex(@"[\p{L}\d]-(?:second|minute|hour|day|week|month|year|decade)$", RegexOptions.IgnoreCase)]
    private static partial Regex JoinedUnit();

    private static readonly HashSet<string> LengthQuestionWords = new(StringComparer.Ordinal)
    {
        "when", "what", "where", "which", "they", "them", "their", "that", "this", "with", "have", "long", "does", "were", "been",
        "from", "into", "over", "after", "before", "last", "lasted",
    };

    // The four words after a length ("-long decline in Belarus' relations").
    [GeneratedRegex(@"\G(?:[\s,]+(?<word>[\p{L}’'-]+)){1,4}")]
    private static partial Regex NextWords();

    [GeneratedRegex(@"\bhow\s+long\s+(has|have|had|hasn't|haven't)\b|\bsince\s+when\b|\bhow\s+long\b.*\b(been|since|so\s+far|now)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksHowLongSince();

    // "In what year…?" is answered by a year however the sentence puts it ("as early as 2002"), not one the question names.
    private static IEnumerable<Match> YearsAsked(string sentence, string question) =>
        YearQuestion().IsMatch(question) ? Numbers().Matches(sentence).Where(m => IsYear(m.Value) && !HasWord(question, m.Value)) : [];

    [GeneratedRegex(@"\b(what|which)\s+year\b|\bwhen\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearQuestion();

    private static bool IsYear(string value) => value.Length == 4 && int.TryParse(value, out var y) && y is >= 1900 and <= 2100;

    // Capitalised words of the sentence (not at its start) that the question doesn't mention: a name the answer gives.
    private static IEnumerable<string> NewNames(string sentence, string question)
    {
        bool byRank = AsksByRank(question);
        foreach (Match m in CapitalisedWord().Matches(sentence))
        {
            if (IsNewPersonName(sentence, m, question, byRank)) yield return m.Value;
        }
    }

    // A capitalised word that may name the one asked for: not the sentence's first word ("> All three sides…" opens with
    // a quotation mark), not the question's, and, for someone asked by rank, not a people ("led by the Americans").
    private static bool IsNewPersonName(string sentence, Match word, string question, bool byRank) =>
        sentence.AsSpan(0, word.Index).ContainsAnyExcept(NotWordStart) && !HasWord(question, word.Value)
        && !(byRank && People().IsMatch(word.Value));

    private static readonly System.Buffers.SearchValues<char> NotWordStart = System.Buffers.SearchValues.Create(" \t>*-–—•\"“‘'([");

    /// <summary>"Which US general…?", "which Russian minister…": someone asked for by rank, whom a name answers, not a people.</summary>
    private static bool AsksByRank(string question) => RankQuestion().IsMatch(question);

    [GeneratedRegex(@"\b(?:which|what)\s+(?:[\p{L}-]+\s+){0,2}?(?:generals?|ministers?|officials?|commanders?|envoys?|diplomats?|negotiators?|spokes(?:man|men|woman|women|person|people)|ambassadors?|aides?|advis[eo]rs?|lawmakers?|senators?|oligarchs?|businessm[ae]n|billionaires?|journalists?|politicians?|officers?|soldiers?|pilots?|majors?|colonels?|captains?|lieutenants?|sergeants?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RankQuestion();

    // A people, not a person: "the Americans", "the Chinese", "the British", "the French".
    [GeneratedRegex(@"^(?:\p{Lu}\p{Ll}+(?:ans|ese|ish)|French|Dutch|Swiss|Israelis|Turks|Poles|Brits|Allies|West|Western|Westerners)$")]
    private static partial Regex People();

    /// <summary>"On what date…", "which day…", "the exact date": the day is asked for, not the month or the year.</summary>
    public static bool AsksDay(string question) => DayQuestion().IsMatch(question);

    // "When exactly did the mission leave Ukraine in February 2022?" asks the day too: "by mid-February" is no answer.
    [GeneratedRegex(@"\b(?:what|which)\s+(?:exact\s+)?(?:date|day)\b|\bexact\s+date\b|\b(?:when\s+exactly|exactly\s+when)\b(?=[^?]*\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex DayQuestion();

    // "What exact date in December 2025…" is not answered by "(RBC, January 31)": the day falls in a month the question
    // names where it asks for the day, when it names one there ("…'1937 moment' in June 2022. On what date did
    // Chamberlain become prime minister?" sets no month for the day).
    private static IEnumerable<Match> DaysAsked(string sentence, string question)
    {
        var days = DayDate().Matches(sentence);
        if (days.Count == 0) return [];
        var asking = QuestionSentence().Matches(question).FirstOrDefault(m => DayQuestion().IsMatch(m.Value))?.Value ?? question;
        var months = QuestionDates.Of(asking).MonthsWithin;
        if (months.Count == 0) return days;
        return days.Where(d => MonthWordIn().Match(d.Value) is not { Success: true } word || months.Any(m => m.Month == QuestionDates.MonthOf(word.Value)));
    }

    [GeneratedRegex(@"\bhow\s+much\s+(?:longer|more\s+time)\b|\bhow\s+many\s+more\s+(?:years|months|weeks|days|hours)\b")]
    private static partial Regex LongerQuestion();

    // "What time…", "at what hour…": the time of day, not "what time frame".
    [GeneratedRegex(@"\b(?:what|which)\s+(?:exact\s+)?(?:time|hour)\b(?!\s*(?:frame|period|span|limit|table|line|scale|zone))", RegexOptions.IgnoreCase)]
    private static partial Regex HourQuestion();

    // A time of day: "at 4.50am", "8 am", "11:30", "10 a.m.", "noon", "midnight", "five o'clock".
    [GeneratedRegex(@"\b\d{1,2}(?:[:.]\d\d)?\s?(?:a\.?m\b\.?|p\.?m\b\.?)|\b\d{1,2}:\d\d\b|\b(?:noon|midday|midnight)\b|\bo['’]clock\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClockTime();

    // A question's sentences: "The UK army chief talked about… in June 2022. On what date did…?"
    [GeneratedRegex(@"[^.?!]+(?:[.?!]+|$)")]
    private static partial Regex QuestionSentence();

    [GeneratedRegex(MonthWord, RegexOptions.IgnoreCase)]
    private static partial Regex MonthWordIn();

    // "Which day…", "what day of the week": a weekday answers; "what date" or "what exact day" asks for more.
    private static bool AsksWeekday(string question) =>
        !question.Contains("date", StringComparison.OrdinalIgnoreCase) && !question.Contains("exact", StringComparison.OrdinalIgnoreCase);

    // A day of the week, or the day before or after: "the next week" is no day.
    private static IEnumerable<Match> WeekdaysIn(string sentence) =>
        Weekday().Matches(sentence).Where(m => !m.Value.EndsWith("week", StringComparison.OrdinalIgnoreCase));

    // A month's name or its short form: "Feb", "Sept", "February".
    private const string MonthWord = @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    // A day: "February 6", "6 February", "Feb. 6th", "06.02.2026".
    [GeneratedRegex(@"\b" + MonthWord + @"\.?\s+\d{1,2}(st|nd|rd|th)?\b|\b\d{1,2}(st|nd|rd|th)?\s+(of\s+)?" + MonthWord + @"\b|\b\d{1,2}[./]\d{1,2}[./](19|20)?\d\d\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayDate();

    /// <summary>"How much did Kovalska spend…", "how much money…", "what did it cost": a question whose answer is an amount of money.</summary>
    public static bool AsksMoney(string question) => MoneyQuestion().IsMatch(question);

    /// <summary>
    /// "How much higher than reported was the spending?" asks a difference, which a report gives as a sum or as a share
    /// ("around 66 percent higher than officially reported").
    /// </summary>
    private static bool AsksHowMuchMore(string question) => HowMuchMore().IsMatch(question);

    /// <summary>
    /// A how-much question a share answers as well as a sum or a count: a difference ("how much higher…",
    /// <see cref="AsksHowMuchMore"/>) or a part of a whole the question names ("Of the EU's €90bn loan, how much is
    /// meant for defence?" — "Two-thirds are earmarked for defence"; "how much of the aid…").
    /// </summary>
    private static bool ShareAnswers(string question) => AsksHowMuchMore(question) || PartOfSum().IsMatch(question);

    [GeneratedRegex(@"\bhow\s+much\s+of\s+(?:the|it|its|their|this|that|these|those)\b|^\W*of\s+[^?]{3,160}?,\s*how\s+much\b", RegexOptions.IgnoreCase)]
    private static partial Regex PartOfSum();

    [GeneratedRegex(@"\bhow\s+much\s+(?:higher|lower|more|less|bigger|larger|greater|smaller|cheaper|dearer)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowMuchMore();

    /// <summary>"What share of…", "what percentage…": a part of a whole is asked for, not an amount.</summary>
    public static bool AsksShare(string question) => ShareQuestion().IsMatch(question);

    [GeneratedRegex(@"\bwhat\s+(?:[\p{L}-]+\s+)?(share|percentage|proportion|fraction)\b|\bwhat\s+(?:per\s?cent|%)", RegexOptions.IgnoreCase)]
    private static partial Regex ShareQuestion();

    // A part of a whole: "19 percent", "26%", "half", "two-thirds", "a quarter of".
    [GeneratedRegex(@"\d[\d.,]*\s?(?:%|per\s?cent\b|percentage\s+points?\b)|\b(?:half|third|thirds|quarter|quarters|fifth|fifths|tenth|majority|minority)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Share();

    [GeneratedRegex(@"\bhow\s+much\b.*\b(spen[dt]|spending|pa(y|id|ying)|cost(s|ing)?|worth|price[ds]?|money|fund(s|ed|ing)?|budget|invest(ed|ing)?|earn(s|ed)?|raise[ds]?|owe[ds]?|charge[ds]?|fine[ds]?|sell|sold|buy|bought|aid|loan(s|ed)?)\b|\bhow\s+much\s+(money|cash|aid|funding)\b|\bwhat\s+(did|does|do|will|would)\b.*\bcost\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyQuestion();

    // An amount of money: a currency sign or code by a number, or a number with a currency word ("5 billion euros"),
    // the number written out too ("five million euro", "half a billion dollars").
    [GeneratedRegex(@"[$€£₴₽¥]\s?\d|\b(usd|eur|uah|gbp|rub|byn|br|pln)\s?\d|\d[\d,.]*\s?(bn|mn|m|k)?\s*(?:(?:billion|million|thousand|trillion)\s+)?(dollars?|euros?|pounds?|hryvnias?|hryvnia|rubles?|roubles?|yen|yuan|zlotys?|złoty|usd|eur|uah)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a|half\s+a|several|hundreds\s+of|a\s+hundred)\s+(?:hundred\s+)?(?:billion|million|thousand|trillion)\s+(dollars?|euros?|pounds?|hryvnias?|hryvnia|rubles?|roubles?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Money();

    /// <summary>
    /// The measure a how-much question names, which a figure only answers when it is told as that measure: "What was the
    /// turnout in the May 2014 referendum?" is not answered by "the organizers reported 89%" (its support), nor "How big
    /// was the budget deficit?" by "oil revenue crashed by 50%". Null when the question names none of them.
    /// </summary>
    /// <remarks>The last one named is the measure: "the federal budget deficit" is a deficit.</remarks>
    public static string? MeasureNamed(string question) =>
        MeasureNoun().Matches(question).LastOrDefault() is { } m ? m.Groups["noun"].Value.ToLowerInvariant() : null;

    /// <summary>
    /// True when the sentence speaks of the rate the question asks for, by a word the question puts before it: "the
    /// income tax rate" is not "the current rate of 30–40,000 per month", but "the key interest rate" is "the key rate".
    /// True when the question asks no rate or says nothing of which.
    /// </summary>
    public static bool TellsRateAsked(string sentence, string question)
    {
        if (RateAsked().Match(question) is not { Success: true } m) return true;
        var kinds = new[] { m.Groups["a"].Value, m.Groups["b"].Value }
            .Where(w => w.Length > 2 && !GenericRateWords.Contains(w)).ToList();
        return kinds.Count == 0 || kinds.Any(kind => Regex.IsMatch(sentence, $@"\b(?i:{Regex.Escape(kind)})\s+(?:[\p{{L}}-]+\s+)?(?i:rates?)\b"));
    }

    private static readonly HashSet<string> GenericRateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "its", "their", "his", "her", "what", "current", "now", "official", "average", "new", "annual", "overall", "present",
        "was", "were", "are", "did", "does", "has", "have", "had", "whats", "what's", "what’s",
    };

    // The two words before "rate": "key interest rate", "income tax rate".
    [GeneratedRegex(@"(?:\b(?<a>[\p{L}-]+)\s+)?\b(?<b>[\p{L}-]+)\s+rates?\b", RegexOptions.IgnoreCase)]
    private static partial Regex RateAsked();

    // Measures a report names when it gives them: a turnout is "turnout was 54%", never a bare number.
    [GeneratedRegex(@"\b(?<noun>turnout|deficit|surplus|budget|population|inflation|rate)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex MeasureNoun();

    /// <summary>
    /// What a how-much question asks the price of: "mines" in "How much is Latvia spending on the anti-tank mines it plans
    /// to buy?", "deal" in "how much did Russia pay for the S-400 deal?" — the last word of what is paid for; null when it
    /// asks no price.
    /// </summary>
    public static string? PaidFor(string question) =>
        PaidForPattern().Match(question) is { Success: true } m ? TextAnalyzer.Tokenize(m.Groups["thing"].Value).LastOrDefault() : null;

    // A verb of paying, a few words at most, "on", "for", "into" or "in", and what is paid for up to the clause that
    // describes it.
    [GeneratedRegex(@"^\W*how\s+much\b.*?\b(?:spen[dt]s?|spending|put|puts|putting|pour(?:s|ed|ing)?|pump(?:s|ed|ing)?|pa(?:y|ys|id|ying)|costs?|costing|allocat(?:e|es|ed|ing)|invest(?:s|ed|ing)?|earmark(?:s|ed|ing)?)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:on|for|into|in)\s+(?:(?:the|its|their|his|her|a|an|this|that|these|those|new)\s+)?(?<thing>[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,4}?)(?=\s+(?:it|they|he|she|we|that|which|who|in|at|of|from|to|by|per|after|before|during|since|under|over|and|or|with|was|were|is|are|has|have|had|will|would|could|did|do|does|plans?|planned|wants?|last|this|next)\b|\s*[?,;.]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex PaidForPattern();

    /// <summary>
    /// The nation a how-many or what-share question counts the people of ("what share of Germans…", "how many of the
    /// Poles asked…"): its people's name and its country's, either of which a report may use. Null when it counts none.
    /// </summary>
    public static IReadOnlyList<string>? NationCounted(string question)
    {
        var m = NationCountedPattern().Match(question);
        if (!m.Success) return null;
        var people = m.Groups["people"].Value;
        return Nations.TryGetValue(people, out var country) ? [people, country] : null;
    }

    // A nation's people and its country. Not "French", "Chinese" or "Dutch": the same word describes ("French troops").
    private static readonly Dictionary<string, string> Nations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Germans"] = "Germany", ["Poles"] = "Poland", ["Italians"] = "Italy", ["Britons"] = "Britain", ["Brits"] = "Britain",
        ["Americans"] = "America", ["Ukrainians"] = "Ukraine", ["Russians"] = "Russia", ["Belarusians"] = "Belarus",
        ["Hungarians"] = "Hungary", ["Finns"] = "Finland", ["Swedes"] = "Sweden", ["Latvians"] = "Latvia",
        ["Lithuanians"] = "Lithuania", ["Estonians"] = "Estonia", ["Georgians"] = "Georgia", ["Moldovans"] = "Moldova",
        ["Czechs"] = "Czechia", ["Slovaks"] = "Slovakia", ["Romanians"] = "Romania", ["Turks"] = "Turkey", ["Serbs"] = "Serbia",
        ["Spaniards"] = "Spain", ["Danes"] = "Denmark", ["Norwegians"] = "Norway", ["Austrians"] = "Austria",
        ["Bulgarians"] = "Bulgaria", ["Greeks"] = "Greece", ["Indians"] = "India", ["Israelis"] = "Israel",
        ["Iranians"] = "Iran", ["Canadians"] = "Canada", ["Kazakhs"] = "Kazakhstan",
    };

    // "what share of Germans", "how many of the Poles", "what percentage of Ukrainians".
    [GeneratedRegex(@"\b(?:how\s+many|how\s+much|what\s+(?:share|percentage|proportion|fraction|part|%|per\s?cent))\s+(?:of\s+)?(?:the\s+)?(?:[\p{L}-]+\s+){0,1}?(?<people>\p{L}+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NationCountedPattern();

    /// <summary>The role whose holder's name is asked for: "commander" in "What's the name of the Chechen commander who…"; null otherwise.</summary>
    public static string? NamedRole(string question)
    {
        var m = NamedRolePattern().Match(question.Trim().ToLowerInvariant());
        return m.Success ? m.Groups["role"].Value : null;
    }

    // The role is the last word before the clause that describes it ("the Chechen commander in Belarus whose …").
    [GeneratedRegex(@"\bnames?\s+of\s+(the\s+|a\s+|an\s+|this\s+|that\s+)?(?:[\p{L}'’-]+\s+){0,4}?(?<role>[\p{L}'’-]+?)(?=\s+(?:who|whose|which|that|in|at|of|from|for|killed|said|and|was|is|were|are)\b|\s*\?|$)")]
    private static partial Regex NamedRolePattern();

    // "What was the name of the Russian-flagged oil tanker…", "whats the name of koffler's book": a thing asked for by its
    // name, not a person — the thing the question's noun phrase ends in ("the unmanned systems commander who…" is a person).
    [GeneratedRegex(@"^(?:what|what's|whats)\s+(?:is|was|are|were|'s)?\s*(?:the\s+)?names?\s+of\s+(?:[\p{L}'’-]+\s+){0,4}?(?:tanker|ship|vessel|boat|book|model|system|operation|plan|resort|hotel|castle|palace|village|town|city|base|airport|airfield|company|firm|bank|card|missile|drone|treaty|deal|document|programme|program|law|bill|party|unit|brigade|battalion|regiment|festival|exhibition|film|documentary|song|album|newspaper|paper|magazine|channel|station|website|app|network|platform|fund|initiative|project|report|strategy|doctrine|agreement|memorandum|pipeline|plant|refinery|mine|bridge|island|river|street|square|museum|monument|church|cathedral|monastery|prison|camp|building|facility|centre|center|institute|university|school|organisation|organization|group)s?\b(?!\s+\p{L}+\s+(?:who|whom|whose)\b)(?=\s+(?:who|that|which|the|in|at|on|of|from|by|with|for|they|he|she|it|was|is)\b|\s*[,?.!;:-]|\s*$)")]
    private static partial Regex ThingNamed();

    // "What is the name of…", "what were the names of the victims", "what's his name": a person asked for by name.
    [GeneratedRegex(@"^(what|what's|whats)\s+(is|was|are|were|'s)?\s*(the\s+)?names?\s+of\b|\b(what|what's|whats)\s+(is|was|are|were)?\s*(his|her|their)\s+names?\b")]
    private static partial Regex NameAsked();

    // "Which member of the royal family…", "which German minister…", "which of Putin's associates…": who, in other words.
    // Only a question's own "which" (at its start or after a preposition): "the summit at which leaders agreed" asks no one.
    [GeneratedRegex(@"(?:^|[,;]\s*|\b(?:in|of|to|from|for|with|by|among|and|but)\s+)which\s+(?:of\s+(?:the\s+)?[\p{L}'’]+\s+)?(?:[\p{L}-]+\s+){0,2}?(members?|persons?|people|leaders?|officials?|ministers?|politicians?|generals?|commanders?|envoys?|diplomats?|negotiators?|spokes(?:man|men|woman|women|person|people)|presidents?|prime\s+ministers?|ambassadors?|aides?|advis[eo]rs?|associates?|allies|ally|lawmakers?|senators?|chiefs?|oligarchs?|businessm[ae]n|billionaires?|journalists?|mediators?|soldiers?|officers?|pilots?|majors?|colonels?|captains?|lieutenants?|sergeants?)\b")]
    private static partial Regex WhichPerson();

    // "How fast…", "how far…", "how badly…", "how cold…": a measure, answered by a number ("70 meters per day", "fell 20%",
    // "below 14 degrees").
    [GeneratedRegex(@"^how\s+(fast|far|quickly|badly|sharply|steeply|large|big|high|deep|often|severely|heavy|heavily|wide|strong|cold|hot|warm|low|close|expensive|costly|tall)\b")]
    private static partial Regex HowMeasured();

    // "What record level did support reach?", "what share of…", "what death toll…": a number is asked for.
    // "What is the Russian central bank's key interest rate now?": the measure may be described at length after "what is the".
    [GeneratedRegex(@"\bwhat\s+(?:[\p{L}-]+\s+){0,3}?(?:level|percentage|proportion|share|rate|amount|sum|total|toll|tally|number|turnout|population|budget|cost|price|majority|margin|figure|count)\b|\bwhat(?:\s+(?:is|was|are|were)|'s|’s)\s+the\s+(?:(?!(?:to|of|about|on|at|in|for|with|after|by|over|from|and|or|that|which|who)\s)[\p{L}'’-]+\s+){0,5}?(?:rate|level|price|cost|budget|toll|total)\b|\bwhat\s+%")]
    private static partial Regex WhatMeasure();

    [GeneratedRegex(@"^(and|so|but|ok|okay|then|also|please|tell me|do you know)[\s,]+")]
    private static partial Regex LeadingFiller();

    // Clauses before a comma (or a semicolon, a colon, a spaced dash), when what follows is the question ("besides
    // witkoff, kushner and bessent, which…", "a mediator called nato a us-dominated set-up - about how many…") and they
    // are not the question themselves ("how many mps backed the government, which brought back…"). A "when" clause
    // without a verb after its "when" sets the scene too ("when von der leyen met lula, what did he say…"), and so
    // does a sentence told before the question ("Russia's MoD claimed Zelene again on 1 Feb. When did…").
    [GeneratedRegex(@"^(?!(?:how|where|who|whos|whose|why|what|whats|what's|which)\b|when\s+(?:did|do|does|was|were|is|are|will|would|has|have|had|can|could|should)\b)(?:[^,;:?–—]{1,160}?(?:[,;:]|[.!](?=\s)|\s[-–—])\s*){1,4}(?=(?:(?:roughly|about|approximately|around|exactly|precisely|just)\s+)?(?:how|when|where|who|whos|whose|why|what|whats|what's|which|(?:in|at|on|for|from|by|since|under|to)\s+(?:what|which|how|when|whom))\b)")]
    private static partial Regex LeadingClause();

    [GeneratedRegex(@"^(?:roughly|about|approximately|around|exactly|precisely|just|more or less)\s+(?=(?:how|when|what|which|who|where)\b)")]
    private static partial Regex Hedge();

    [GeneratedRegex(@"^(?:by|to)\s+(?=how\s+(?:much|many)\b)")]
    private static partial Regex ByHowMuch();

    [GeneratedRegex(@"\b(say|said|says|tell|told|claim|claimed|state|stated|warn|warned|think|thinks|call|called|describe|described|answer|answered|reply|replied|respond|responded|react|reacted)\b")]
    private static partial Regex SayVerb();

    // Amounts written with their unit glued on count too: "$61bn", "€5.8bn", "300m", "100k".
    [GeneratedRegex(@"\b\d[\d,.]*\d(?:bn|mn|tn|m|k)?(?=km\b|\b)|\b\d(?:bn|mn|tn|m|k)?(?=km\b|\b)|\b\d+(?:\.\d+)?\s?%")]
    private static partial Regex Numbers();

    // "No one expected…", "one another": a pronoun, no count. "$8.1 billion": the scale of the figure before it, no count
    // of its own.
    [GeneratedRegex(@"\b(dozens|hundreds|thousands|millions|billions|(?<!\b(?:no|any|every)\s+)one(?!\s+another\b)|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|(?<!\d\s?)(?:hundred|thousand|million|billion)|half|third|quarter|fifth)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWords();

    [GeneratedRegex(@"\G(?:\s+|-)(?:more\s+)?(days?|weeks?|months?|years?|hours?|minutes?|decades?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeUnitAfter();

    [GeneratedRegex(@"\b\d{1,2}(?:st|nd|rd|th)?\s*(?:to|-|–|and)\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2}(?:st|nd|rd|th)?\s*(?:to|-|–|and)\s*\d{1,2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayRange();

    [GeneratedRegex(@"\bhow\s+many\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowMany();

    [GeneratedRegex(@"\G(?:\s+|-)old\b", RegexOptions.IgnoreCase)]
    private static partial Regex AgeAfter();

    [GeneratedRegex(@"\G(?:\s*|-)(km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|kg|kilogram(?:me)?s?|tonnes?|tons?|hectares?|square|per\s?cent|percentage)\b|\G\s?(%)", RegexOptions.IgnoreCase)]
    private static partial Regex MeasureUnitAfter();

    // "How long has it been suspended?" is answered by "suspended since 2021" as well as by "for four years", and "how
    // long did they meet?" by "a one-and-a-half-hour meeting", "an hour and a half", "half an hour".
    // "three more years", "two full days" are lengths of time too, and so is "more than a year" (not "a year ago"),
    // and so are "an hour-long meeting", "a decade-long war", "months-long talks".
    [GeneratedRegex(@"\b(?:one|two|three|four|five|six|\d+)[\s-]and[\s-]a[\s-]half[\s-](?:hour|day|week|month|year)s?\b|\b(?:an?\s+)?(?:hour|day|week|month|year)\s+and\s+a\s+half\b|\bhalf\s+an?\s+(?:hour|day|year)\b|\b(?:an?|half\s+an?)\s+(?:hour|day|week|month|year|decade)[\s-]long\b|\b(?:hours|days|weeks|months|years|decades)[\s-]long\b|\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|several|a few)[\s-]+(?:(?:more|additional|further|extra|full|long|straight|consecutive)\s+)?(second|minute|hour|day|week|month|year|decade)s?\b|\b(?:more\s+than|less\s+than|over|under|almost|nearly|about|for)\s+(?:a|an)\s+(?:full\s+)?(hour|day|week|month|year|decade)\b(?!\s+ago)|\bsince\s+(early\s+|late\s+|mid-?)?((19|20)\d\d|january|february|march|april|may|june|july|august|september|october|november|december)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    // "4 Feb 2026" is a day as much as "4 February".
    [GeneratedRegex(@"\b" + MonthWord + @"\.?\s+\d{1,2}\b|\b\d{1,2}\s+" + MonthWord + @"\b|\b(in|by|since|until|from)\s+(19|20)\d\d\b|\b(january|february|march|april|may|june|july|august|september|october|november|december)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Date();

    [GeneratedRegex(@"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|tomorrow|next week|last week)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Weekday();

    // "in Geneva", "at the Al Shati Palace", and a place called by its kind: "the resort island of Capri".
    [GeneratedRegex(@"\b(in|at|to|from|near|into)\s+(the\s+)?\p{Lu}|\b(?i:island|city|town|village|port|resort|region|province|oblast|capital|district|base)\s+of\s+\p{Lu}")]
    private static partial Regex PlacePreposition();

    [GeneratedRegex(@"[,""”]\s*(\p{Lu}[\w’'-]+\s*){1,3}(said|says|told|added|wrote|stated)\b|\b(said|says|told|according to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}’'-]{2,}")]
    private static partial Regex CapitalisedWord();

    // The named speaker after a closing quotation: "…,” Rasmussen said", "…" Anders Fogh Rasmussen told reporters".
    [GeneratedRegex(@"[,""”]\s*(?<name>(?:\p{Lu}[\p{L}’'-]+\s+){1,3})(said|says|told|added|wrote|stated)\b")]
    private static partial Regex NamedSpeaker();

    [GeneratedRegex(@"\b(which|what)\s+(?:[\p{L}-]+\s+)?(countr(y|ies)|nations?|states?|member\s+states?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksCountry();

    /// <summary>
    /// Whether the sentence gives its cause by pointing back at the one before it: "When there is such attitude, it is
    /// hard to talk about anything", "Because of this, the talks stalled", "Given these losses, …". A why-answer
    /// holding it holds its cause in that sentence.
    /// </summary>
    public static bool CauseBefore(string sentence) => CauseInSentenceBefore().IsMatch(sentence);

    [GeneratedRegex(@"\b(?:(?:because\s+of|due\s+to|owing\s+to|as\s+a\s+result\s+of|on\s+account\s+of|in\s+(?:the\s+)?(?:light|view)\s+of)\s+(?:this|that|these|those|such|it)|given\s+(?:this|these|those|such)|(?:when|where)\s+there\s+(?:is|are|was|were)\s+such|with\s+such)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CauseInSentenceBefore();

    // What gives a cause: "because", "due to", "stemming from", "in response to", "citing"; a fear that moves
    // someone ("Berlin is afraid of creating a precedent", "fears that", "worried that"); and what a sanction or a
    // charge is for ("accusing him of involvement in…", "for his role in…").
    [GeneratedRegex(@"\b(because|due\s+to|owing\s+to|as\s+a\s+result|result\s+of|stem(s|med|ming)?\s+from|reasons?\b|in\s+response\s+to|in\s+protest|in\s+retaliation|citing|cited|blam(e|ed|ing)|caused\s+by|prompted|triggered|so\s+that|in\s+order\s+to|for\s+fear|over\s+concerns?|aimed\s+at|to\s+(avoid|prevent|protest|punish)|afraid\s+(of|that)|fears?\s+(of|that)|feared|worried\s+(about|that)|concerned\s+(about|that)|accus(e|es|ed|ing)\s+(?:\w+\s+){0,2}?of|for\s+(?:his|her|their|its)\s+(?:alleged\s+)?(?:role|involvement|part|ties|links)|on\s+the\s+grounds|in\s+a\s+bid\s+to)\b|\bit\s+was\s+(?:this|these|that|those|his|her|their|its)\b[^.]{0,80}?\bthat\s+(?:made|led|prompted|caused|pushed|forced|drove|turned)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Cause();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}’'-]+")]
    private static partial Regex PlaceWord();

    // "the lead up to the Second World War", "back to the Cold War": a war is a time, not a place.
    private static bool NamesWar(string sentence, Match word) => CapitalisedRunToWar().IsMatch(sentence, word.Index);

    [GeneratedRegex(@"\G(?:\p{Lu}[\p{L}’'-]*\s+){0,2}Wars?\b")]
    private static partial Regex CapitalisedRunToWar();

    [GeneratedRegex(@"^(?:The\s+)?(?!(?:That|This|It|Here|There|Which|What|Where|He|She|They)\b)(?<place>\p{Lu}[\p{L}’'-]+)(?:\s+\p{Lu}[\p{L}’'-]+){0,2}\s+(?:is|was)\s+(?:also\s+|now\s+)?where\b")]
    private static partial Regex PlaceIsWhere();
}
