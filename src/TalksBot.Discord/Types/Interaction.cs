using System.Text.Json;

namespace TalksBot.Discord.Types;

/// <summary>Discord: Interaction. Type 1 PING, 2 APPLICATION_COMMAND, 3 component, 4 autocomplete, 5 modal submit.</summary>
public sealed class Interaction
{
    public string Id { get; set; } = "";
    public string ApplicationId { get; set; } = "";
    public JsonElement Type { get; set; }
    public InteractionData? Data { get; set; }
    public string? GuildId { get; set; }
    public string? ChannelId { get; set; }
    public GuildMember? Member { get; set; }
    public User? User { get; set; }
    public string Token { get; set; } = "";

    public int TypeNumber => Type.ValueKind == JsonValueKind.Number ? Type.GetInt32() : int.TryParse(Type.GetString(), out var t) ? t : 0;

    public User? Invoker => Member?.User ?? User;
}
