namespace TalksBot.Testing.Hostile;

/// <summary>The hostile-input corpus for source URLs: credentials an operator put in a feed URL, which must never be shown.</summary>
public static class HostileUrls
{
    public const string User = "reader";
    public const string Password = "hunter2-PW";
    public const string ApiKey = "S3CRET-KEY-123";

    /// <summary>
    /// <paramref name="path"/> on <paramref name="server"/> with user info and an API key in the query, beside a harmless
    /// parameter that stays visible: <c>http://reader:hunter2-PW@127.0.0.1:port/feed.xml?apikey=S3CRET-KEY-123&amp;lang=en</c>.
    /// </summary>
    public static string WithCredentials(Uri server, string path) =>
        $"{server.Scheme}://{User}:{Password}@{server.Host}:{server.Port}/{path}?apikey={ApiKey}&lang=en";

    /// <summary>The same URL as it may be shown: user info and the key masked.</summary>
    public static string Masked(Uri server, string path) =>
        $"{server.Scheme}://***@{server.Host}:{server.Port}/{path}?apikey=***&lang=en";
}
