namespace TalksBot.Testing;

/// <summary>
/// A small corpus written for the end-to-end tests of follow-ups and quotes (invented people and events, our own
/// words): each side's delegation in a separate article, so a follow-up that swaps the side must cite the other one,
/// and an exchange whose date and place are in different articles, so "where did it happen?" can only be answered
/// from the question before it. Unrelated articles around them keep the word statistics of a real index.
/// </summary>
public static class MadeUpTalksArticles
{
    public const string RussianDelegationTitle = "Kremlin names its team for the Abu Dhabi talks";
    public const string UkrainianDelegationTitle = "Kyiv picks its negotiators for the Gulf round";
    public const string ExchangeAgreedTitle = "Swap of prisoners agreed for next week";
    public const string ExchangePlaceTitle = "Freed soldiers cross home at the northern border";

    /// <summary>Who leads Russia's delegation at the talks in Abu Dhabi, by the first article.</summary>
    public const string RussianLeader = "Pavel Sorokin";

    /// <summary>The person the follow-up "and who leads Ukraine's?" must find.</summary>
    public const string UkrainianLeader = "Oksana Hrytsenko";

    /// <summary>Where the exchange took place: only the second exchange article says it.</summary>
    public const string ExchangePlace = "Senkivka";

    private static readonly (string File, string Title, string Outlet, string Url, string Published, string Body)[] Articles =
    [
        ("russian-team.md", RussianDelegationTitle, "Gulf Ledger", "https://gulf-ledger.example/2026/01/kremlin-team", "2026-01-20",
            "Russia's delegation at the talks in Abu Dhabi is led by Pavel Sorokin, a deputy head of military intelligence, the Kremlin said on Tuesday. " +
            "Sorokin leads a team of nine that includes two deputy foreign ministers and an adviser on trade. " +
            "The Kremlin said the team would stay in the Emirates for as long as the hosts asked."),
        ("ukrainian-team.md", UkrainianDelegationTitle, "Dnipro Daily", "https://dnipro-daily.example/news/negotiators", "2026-01-21",
            "Ukraine's delegation at the talks in Abu Dhabi is led by Oksana Hrytsenko, the secretary of the national security council, the president's office announced. " +
            "Hrytsenko leads a team drawn from the army, the foreign ministry and the intelligence services. " +
            "She told reporters that Kyiv would not discuss territory at the first session."),
        ("exchange-agreed.md", ExchangeAgreedTitle, "Border Post", "https://border-post.example/exchange-agreed", "2026-02-14",
            "Kyiv and Moscow agreed on 14 February to a prisoner exchange of 157 soldiers each, the mediators from the Emirates said. " +
            "The lists of names were checked by the Red Cross before they were signed. " +
            "Families of the captured soldiers were asked to keep their phones on."),
        ("exchange-place.md", ExchangePlaceTitle, "Northern Courier", "https://northern-courier.example/freed-soldiers", "2026-02-21",
            "The exchange of prisoners took place in Senkivka, a village on the border with Belarus, on Saturday morning, officials on both sides said. " +
            "Buses carried the freed soldiers to a hospital in Chernihiv for checks. " +
            "Some of the men had been held for more than two years, their relatives said."),
        // Someone else who leads something of Ukraine's: asked alone, "and who leads Ukraine's?" could mean him.
        ("air-defence.md", "A new commander for the air defence", "Army Bulletin", "https://army-bulletin.example/air-defence", "2026-01-30",
            "General Marko Tkach leads Ukraine's air defence forces from this week, the general staff said. " +
            "Tkach, who leads Ukraine's air defence after two years in charge of the eastern sector, said drones were his first concern. " +
            "He replaces a general who retired in December."),
        ("grain.md", "Grain ships wait outside Odesa", "Harbour Notes", "https://harbour-notes.example/grain", "2026-02-02",
            "Eleven grain ships waited outside the port of Odesa on Monday as insurers argued over the cost of cover. " +
            "Traders said wheat prices rose for the third day. " +
            "The port authority said loading would resume once the weather cleared."),
        ("energy.md", "Power cuts ease in the capital", "City Wire", "https://city-wire.example/power", "2026-02-05",
            "Power cuts in the capital eased on Wednesday after engineers repaired two substations, the grid operator said. " +
            "Schools reopened in most districts, although some still relied on generators. " +
            "The operator asked people to use less electricity in the evening."),
    ];

    /// <summary>Writes the articles as Markdown with front matter into <paramref name="folder"/> (created if needed).</summary>
    public static string WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var a in Articles)
        {
            File.WriteAllText(Path.Combine(folder, a.File),
                $"---\ntitle: \"{a.Title}\"\nsource: \"{a.Outlet}\"\nurl: \"{a.Url}\"\npublished: {a.Published}\n---\n\n{a.Body}\n");
        }
        return folder;
    }
}
