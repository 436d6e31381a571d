namespace TalksBot.Composition;

/// <summary>Where `run` listens: the host's "urls" setting (Urls in a file, ASPNETCORE_URLS, --urls), ';'-separated.</summary>
internal sealed class ListenUrlsOptions
{
    public string? Urls { get; set; }
}
