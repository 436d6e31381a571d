namespace TalksBot.Discord.Types;

/// <summary>Discord: Interaction Response. Type 1 PONG, 4 message, 5 deferred message.</summary>
public sealed record InteractionResponse(int Type, MessagePayload? Data = null)
{
    public const int Ephemeral = 1 << 6;
    public static InteractionResponse Pong { get; } = new(1);
    public static InteractionResponse Deferred { get; } = new(5);
    public static InteractionResponse DeferredEphemeral { get; } = new(5, new MessagePayload { Flags = Ephemeral });
}
