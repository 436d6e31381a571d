namespace TalksBot.Core.Retrieval;

/// <summary>
/// Capitalised words that make the name of an organisation, a unit or a building, not a person's: "the Polish Armed
/// Forces Operational Command" names no commander, and "Buckingham Palace" is not who "she" is.
/// </summary>
public static class OrganisationWords
{
    public static bool Contains(string word) => Words.Contains(word);

    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "Forces", "Force", "Command", "Ministry", "District", "Armed", "Council", "Staff", "Service", "Services", "Agency", "Group",
        "Army", "Division", "Regiment", "Brigade", "Military", "Operational", "Security", "Defense", "Defence", "General", "Unit",
        "Systems", "Office", "Guard", "National", "Department", "Directorate", "Intelligence", "Committee", "Corps", "Navy", "Fleet",
        "Company", "Bank", "Fund", "Union", "Party", "Church", "Catholic", "Orthodox", "University", "Institute", "Center", "Centre", "News", "Times", "Post",
        "Palace", "House", "Hall", "Hotel", "Cathedral", "Square", "Street", "Embassy", "Parliament", "Assembly", "Conference", "Summit",
        "Kremlin", "Forum", "Organization", "Organisation", "Commission", "Court", "Academy", "Foundation", "Association", "Federation", "Republic",
    };
}
