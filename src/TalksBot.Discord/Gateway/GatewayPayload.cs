using System.Text.Json;

namespace TalksBot.Discord.Gateway;

/// <summary>
/// Discord: Gateway Event Payload, the frame of every gateway message (Discord.Net: SocketFrame). "d" stays raw until
/// the opcode (and for a dispatch the event name) says what it is.
/// </summary>
public sealed record GatewayPayload
{
    public GatewayOpCode Op { get; init; }
    public JsonElement? D { get; init; }
    public long? S { get; init; }
    public string? T { get; init; }

    public static GatewayPayload Create<T>(GatewayOpCode op, T data) =>
        new() { Op = op, D = JsonSerializer.SerializeToElement(data, DiscordRestClient.Json) };
}
