namespace TalksBot.Discord;

/// <summary>Discord answered a REST call with an error: the HTTP status and Discord's JSON error code and message.</summary>
public sealed class DiscordApiException(string route, int status, int? code, string message) : Exception($"{route}: {status} {message}")
{
    public string Route { get; } = route;
    public int Status { get; } = status;
    public int? Code { get; } = code;
}
