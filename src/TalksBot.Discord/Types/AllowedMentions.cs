namespace TalksBot.Discord.Types;

/// <summary>Discord: Allowed Mentions. An empty parse list means nobody can be pinged by what the bot writes.</summary>
public sealed record AllowedMentions
{
    public static AllowedMentions None { get; } = new();

    public List<string> Parse { get; init; } = [];
    public bool RepliedUser { get; init; }
}
