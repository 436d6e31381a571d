namespace TalksBot.Discord.Types;

/// <summary>Discord: Interaction Response — PONG, a message, or a deferral ("thinking…", public or ephemeral).</summary>
public sealed record InteractionResponse(InteractionResponseType Type, MessagePayload? Data = null)
{
    public static InteractionResponse Pong { get; } = new(InteractionResponseType.Pong);
    public static InteractionResponse Deferred { get; } = new(InteractionResponseType.DeferredChannelMessageWithSource);
    public static InteractionResponse DeferredEphemeral { get; } = new(InteractionResponseType.DeferredChannelMessageWithSource, new MessagePayload { Flags = MessageFlags.Ephemeral });
}
