using System.Text.RegularExpressions;
using TalksBot.Core.Answering;

namespace TalksBot.Core.Retrieval;

/// <summary>
/// A report's sentence saying that a fact was not given: "It is unclear how much this will cost", "An exact date was
/// not given", "…, Zelenskyy said, without giving a date", "His office did not say which world leaders…". A report like
/// that covers the event and tells its reader the fact is not known; quoting a figure or a date it gives for something
/// else would answer a question the articles don't answer. Impersonal reporting only: a quoted "we don't know" is what
/// someone said, and "without providing evidence" or "an undisclosed location" say nothing of a fact asked for.
/// </summary>
internal static partial class UnreportedFact
{
    /// <summary>The kinds of answer the sentence says were not given; empty when it says none.</summary>
    public static IReadOnlySet<QuestionType> KindsIn(string sentence)
    {
        var kinds = new HashSet<QuestionType>();
        foreach (Match m in NotSaidWhat().Matches(sentence))
        {
            AddAsked(kinds, m.Groups["wh"].Value);
            // "…did not say which world leaders Johnson was hoping to talk to or where he plans to travel".
            foreach (Match more in OrWhat().Matches(sentence, m.Index + m.Length)) AddAsked(kinds, more.Groups["wh"].Value);
        }
        // "How long the domestic will can hold out remains to be seen."
        if (OpenQuestion().Match(sentence) is { Success: true } open) AddAsked(kinds, open.Groups["wh"].Value);
        foreach (Match m in NotGivenThing().Matches(sentence)) AddThing(kinds, m.Groups["thing"].Value);
        foreach (Match m in NoThingGiven().Matches(sentence)) AddThing(kinds, m.Groups["thing"].Value);
        foreach (Match m in WithoutGivingThing().Matches(sentence)) AddThing(kinds, m.Groups["thing"].Value);
        return kinds;
    }

    /// <summary>
    /// What a sentence gives no number of: "…55,000 soldiers were killed, but gave no details on the number of wounded or
    /// missing servicemen" → "wounded or missing servicemen". Such a sentence gives one figure and withholds another, so
    /// only a question counting what it withholds is left unanswered. Null when it withholds no number.
    /// </summary>
    public static string? WithheldCount(string sentence) =>
        WithheldCountPattern().Match(sentence) is { Success: true } m ? m.Groups["what"].Value : null;

    /// <summary>
    /// The person a who-question asks for by a description, as the noun it ends with: "Who was the Moscow business
    /// executive who told the Post…" asks for an executive. Null when it asks for no one that way.
    /// </summary>
    public static string? DescribedPerson(string question) =>
        DescribedPersonPattern().Match(question) is { Success: true } m ? m.Groups["role"].Value : null;

    /// <summary>
    /// True when the sentence speaks of the person only as "a/an … <paramref name="role"/>", with no name after it: "A
    /// Moscow business executive also told the Post…" names no one; "an adviser, Anna Berg, said…" and "Anna Berg, an
    /// adviser, said…" do.
    /// </summary>
    public static bool LeavesUnnamed(string sentence, string role) =>
        Regex.IsMatch(sentence, @"(?<!,\s*)\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\p{L}'’-]+\s+){0,3}?(?i:" + Regex.Escape(role) + @")\b(?!\s*,?\s*(?:\p{Lu}\.\s*)?\p{Lu}\p{Ll}+\s+\p{Lu})",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static void AddAsked(HashSet<QuestionType> kinds, string wh)
    {
        switch (Regex.Replace(wh.ToLowerInvariant(), @"\s+", " "))
        {
            case "how much" or "how many": kinds.Add(QuestionType.Quantity); break;
            case "how long": kinds.Add(QuestionType.Duration); break;
            case "when": kinds.Add(QuestionType.Time); break;
            case "where": kinds.Add(QuestionType.Place); break;
            case "who" or "whom" or "whose": kinds.Add(QuestionType.Person); break;
            case "why": kinds.Add(QuestionType.Reason); break;
            // "did not say which world leaders…", "it was not given what episodes were about": the thing it names.
            default: kinds.UnionWith([QuestionType.Other, QuestionType.Person, QuestionType.Place]); break;
        }
    }

    private static void AddThing(HashSet<QuestionType> kinds, string thing)
    {
        switch (thing.ToLowerInvariant())
        {
            case "date" or "dates" or "day" or "time" or "timeline" or "timeframe" or "timing": kinds.Add(QuestionType.Time); break;
            case "cost" or "costs" or "price" or "figure" or "figures" or "number" or "amount" or "sum" or "toll": kinds.Add(QuestionType.Quantity); break;
            case "location" or "venue": kinds.Add(QuestionType.Place); break;
            case "identity" or "identities" or "name" or "names": kinds.Add(QuestionType.Person); break;
            case "cause" or "reason" or "reasons" or "motive": kinds.Add(QuestionType.Reason); break;
            case "duration" or "length": kinds.Add(QuestionType.Duration); break;
        }
    }

    private const string Thing = @"(?<thing>date|dates|day|time|timeline|timeframe|timing|cost|costs|price|figure|figures|number|amount|sum|toll|location|venue|identity|identities|name|names|cause|reason|reasons|motive|duration|length)";

    // "It is unclear how much…", "it was not given what…", "did not say which…", "declined to specify when…".
    [GeneratedRegex(@"\b(?:it\s+(?:is|was|remains|remained)\s+(?:still\s+)?(?:unclear|not\s+(?:yet\s+)?(?:known|clear))|(?:is|was|were)\s+not\s+(?:given|said|specified|disclosed|revealed|made\s+clear)|(?:did|does|do)\s+not\s+(?:say|specify|disclose|reveal|make\s+clear)|(?:didn't|doesn't|don't)\s+(?:say|specify|disclose|reveal)|declined\s+to\s+(?:say|specify|disclose|reveal))(?:\s*,\s*however\s*,)?\s+(?:exactly\s+|precisely\s+)?(?<wh>how\s+much|how\s+many|how\s+long|when|where|who|whom|whose|which|what|why)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotSaidWhat();

    [GeneratedRegex(@"^\W*(?i:who)\s+(?i:was|is|were|are)\s+(?i:the|that|this)\s+(?:[\p{L}'’-]+\s+){0,4}?(?<role>\p{Ll}[\p{Ll}-]+)\s+(?i:who|that|whom)\b")]
    private static partial Regex DescribedPersonPattern();

    [GeneratedRegex(@"\bor\s+(?<wh>how\s+much|how\s+many|how\s+long|when|where|who|whom|why)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrWhat();

    // "An exact date was not given", "the cause of the blast was unclear", "the cost has not been disclosed".
    [GeneratedRegex(@"\b" + Thing + @"(?:\s+of\s+[^.,;:]{1,40}?)?\s+(?:(?:was|were|has|have|had|is|are)\s+(?:still\s+)?not\s+(?:yet\s+)?(?:been\s+)?(?:given|disclosed|specified|revealed|announced|made\s+public|known|released|set)|(?:is|was|are|were|remains|remained)\s+(?:still\s+)?(?:unclear|unknown|not\s+clear))\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotGivenThing();

    // "How long the domestic will and resources can hold out remains to be seen", "When the talks resume is unclear".
    [GeneratedRegex(@"^\W*(?<wh>how\s+much|how\s+many|how\s+long|when|where|who|why)\b[^.;:]*\b(?:remains?\s+to\s+be\s+seen|(?:is|was|remains?|remained)\s+(?:still\s+)?(?:unclear|unknown|not\s+(?:yet\s+)?(?:known|clear)))", RegexOptions.IgnoreCase)]
    private static partial Regex OpenQuestion();

    // "No date has been set", "the venue has yet to be announced". Not "…55,000 soldiers were killed, but he gave no
    // details on the number of wounded": a sentence like that gives one figure and withholds another.
    [GeneratedRegex(@"\b(?:no\s+(?:exact\s+|precise\s+|specific\s+|firm\s+)?" + Thing + @"\s+(?:has|have|had|was|were)\s+(?:yet\s+)?(?:been\s+)?(?:set|given|announced|released|disclosed|provided|named)|" + Thing + @"\s+(?:has|have|had)\s+(?:still\s+)?yet\s+to\s+be\s+(?:set|announced|decided|determined|disclosed|confirmed|named|made\s+public))\b", RegexOptions.IgnoreCase)]
    private static partial Regex NoThingGiven();

    [GeneratedRegex(@"\b(?:gave|give|gives|provided|offered)\s+no\s+(?:further\s+)?(?:details|information|figures?|numbers?)\s+(?:on|about|of|for)\s+(?:the\s+)?(?:number|numbers|count|toll|figure)\s+of\s+(?<what>[\p{L}\s-]{3,60}?)(?=[.,;:]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex WithheldCountPattern();

    // "…, Zelenskyy said, without giving a date", "declined to give a figure".
    [GeneratedRegex(@"\b(?:without\s+(?:giving|providing|specifying|disclosing|naming|setting)|(?:declined|refused)\s+to\s+(?:give|provide|specify|disclose|name|set)|(?:did\s+not|didn't)\s+(?:give|provide|specify|disclose|set))\s+(?:a|an|the|any|its|their|his|her)?\s*(?:exact\s+|precise\s+|specific\s+|firm\s+)?" + Thing + @"\b", RegexOptions.IgnoreCase)]
    private static partial Regex WithoutGivingThing();
}
