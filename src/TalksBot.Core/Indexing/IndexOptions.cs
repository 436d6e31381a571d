using System.ComponentModel.DataAnnotations;

namespace TalksBot.Core.Indexing;

/// <summary>Configuration section "Index": where the index lives, what it reads, how often it refreshes itself.</summary>
public sealed class IndexOptions
{
    public const string Section = "Index";

    /// <summary>
    /// Where the index and the bot's shared state live: sqlite (one file, one machine) or postgres (ConnectionStrings:TalksBot,
    /// for several instances on one database).
    /// </summary>
    [RegularExpression("^(?i:sqlite|postgres)$", ErrorMessage = "Index:Provider must be sqlite or postgres.")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>SQLite file; default: talksbot.db under the user's local application data folder.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>Folders, feed URLs or article URLs read by a refresh (moderators can add more at run time).</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>
    /// The demo corpus (the sample digests shipped beside the binary). Read only while no source is configured or
    /// added; once one is, a refresh leaves the samples out and removes them from the index. Empty: no demo.
    /// </summary>
    public string? SamplesPath { get; set; }

    /// <summary>How often the bot refreshes itself; 00:00:00 turns the schedule off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Whether the SQLite index scores bm25 in process, over term postings it reads when a question first uses a word
    /// and keeps until the index changes, instead of asking FTS5 to score every matching passage (PostgreSQL always
    /// holds them). It pays off in a process that answers many questions; unset, it is on for `run` and off for the
    /// one-shot verbs, where a single `ask` would spend more reading postings than it saves.
    /// </summary>
    public bool? HoldPostings { get; set; }

    public static string DefaultDatabasePath() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "TalksBot", "talksbot.db");
}
