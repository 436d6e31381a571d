namespace TalksBot.Core.Retrieval;

/// <summary>
/// British spellings written the American way before stemming, so "organisations" finds "organizations", "square
/// kilometres" "square kilometers" and "defence" "defense": the Porter stemmer leaves them apart, and a British outlet
/// and an American one tell the same story. Only regular families and listed words: "promise", "raise" and "exercise"
/// are no "-ize" verbs.
/// </summary>
internal static class BritishSpelling
{
    /// <summary>The American spelling of a lowercase word, or the word itself.</summary>
    public static string ToAmerican(string word)
    {
        if (word.Length < 5) return word;
        if (Words.TryGetValue(word, out var american)) return american;
        foreach (var (british, us) in Endings)
        {
            if (!word.EndsWith(british, StringComparison.Ordinal)) continue;
            var stem = word[..^british.Length];
            // "-ise" after a consonant, three letters of stem at least ("mobilise", "recognised"), and not a word whose
            // "-ise" belongs to it ("advise", "compromised", "exercising").
            if (stem.Length < 3 || "aeiou".Contains(stem[^1]) || NotIze.Contains(stem)) return word;
            return stem + us;
        }
        return word;
    }

    private static readonly (string British, string American)[] Endings =
    [
        ("isations", "izations"), ("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes"), ("iser", "izer"),
        ("isers", "izers"), ("ise", "ize"), ("ysing", "yzing"), ("ysed", "yzed"), ("yse", "yze"),
    ];

    // Stems (before "ise"/"yse") of words spelt with -ise on both sides of the Atlantic.
    private static readonly HashSet<string> NotIze = new(StringComparer.Ordinal)
    {
        "adv", "rev", "superv", "dev", "telev", "improv", "prom", "comprom", "prem", "surpr", "enterpr", "exerc", "franch",
        "expert", "merchand", "parad", "prec", "conc", "otherw", "likew", "clockw", "ar", "sunr", "upr", "desp", "chast",
        "dem", "exc", "inc", "circumc", "treat", "compr", "appr", "repr", "mort", "cerv", "vert", "advert", "disgu", "bapt",
        "mater", "cris", "prem", "rem", "mart", "pal", "v",
    };

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["defence"] = "defense", ["defences"] = "defenses", ["offence"] = "offense", ["offences"] = "offenses",
        ["licence"] = "license", ["pretence"] = "pretense",
        ["centre"] = "center", ["centres"] = "centers", ["theatre"] = "theater", ["theatres"] = "theaters",
        ["metre"] = "meter", ["metres"] = "meters", ["kilometre"] = "kilometer", ["kilometres"] = "kilometers", ["litres"] = "liters",
        ["labour"] = "labor", ["favour"] = "favor", ["favoured"] = "favored", ["favourable"] = "favorable", ["honour"] = "honor",
        ["honoured"] = "honored", ["neighbour"] = "neighbor", ["neighbours"] = "neighbors", ["neighbouring"] = "neighboring",
        ["behaviour"] = "behavior", ["rumour"] = "rumor", ["rumours"] = "rumors", ["harbour"] = "harbor", ["armour"] = "armor",
        ["armoured"] = "armored", ["endeavour"] = "endeavor", ["colour"] = "color", ["humour"] = "humor", ["vigour"] = "vigor",
        ["programme"] = "program", ["programmes"] = "programs", ["catalogue"] = "catalog", ["dialogue"] = "dialog",
        ["travelled"] = "traveled", ["travelling"] = "traveling", ["cancelled"] = "canceled", ["cancelling"] = "canceling",
        ["fuelled"] = "fueled", ["labelled"] = "labeled", ["modelled"] = "modeled", ["signalled"] = "signaled",
        ["jewellery"] = "jewelry", ["grey"] = "gray", ["manoeuvre"] = "maneuver",
        ["manoeuvres"] = "maneuvers", ["sceptical"] = "skeptical", ["sceptic"] = "skeptic", ["paediatric"] = "pediatric",
        ["judgement"] = "judgment", ["ageing"] = "aging", ["enrolment"] = "enrollment", ["fulfil"] = "fulfill",
    };
}
