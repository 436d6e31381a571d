namespace TalksBot.Testing;

/// <summary>
/// Finds the shared test data (../shared beside the checkout: articles, corpora, docs). A test that needs it and
/// can't find it fails with a message saying where it looked.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> RootPath = new(Locate);

    public static string Root => RootPath.Value;

    public static string RepositoryRoot => FindRepositoryRoot() ?? throw new InvalidOperationException("TalksBot.sln not found above " + AppContext.BaseDirectory);

    public static string Articles => Path.Combine(Root, "articles");

    public static string Corpora => Path.Combine(Root, "corpora");

    public static string PathTo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("TALKSBOT_SHARED");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv)) return fromEnv;
        var repo = FindRepositoryRoot();
        var candidate = repo is null ? null : Path.GetFullPath(Path.Combine(repo, "..", "shared"));
        if (candidate is not null && Directory.Exists(Path.Combine(candidate, "corpora"))) return candidate;
        throw new InvalidOperationException(
            $"The shared test data was not found: expected a 'shared' folder beside the checkout ({candidate ?? "checkout not found"}) " +
            "holding articles/ and corpora/, or TALKSBOT_SHARED pointing at it.");
    }

    private static string? FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TalksBot.sln"))) return dir.FullName;
            dir = dir.Parent;
        }
        return null;
    }
}
