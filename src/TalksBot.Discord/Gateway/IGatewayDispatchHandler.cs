using TalksBot.Discord.Types;

namespace TalksBot.Discord.Gateway;

/// <summary>
/// What the bot does with the gateway's events; <see cref="DiscordGatewayClient"/> owns the connection and calls these
/// from its receive loop, in order. Each must return quickly (start long work in the background): heartbeats and the
/// next events wait for it. An exception is logged and the connection goes on.
/// </summary>
public interface IGatewayDispatchHandler
{
    /// <summary>A new session: the bot's own user and application (also after a re-identify).</summary>
    Task OnReadyAsync(ReadyEvent ready, CancellationToken cancellationToken);

    /// <summary>A slash command, a button press; may come again after a resume (a replay).</summary>
    Task OnInteractionCreateAsync(Interaction interaction, CancellationToken cancellationToken);

    /// <summary>A message in a channel the bot sees or a DM; may come again after a resume (a replay).</summary>
    Task OnMessageCreateAsync(Message message, CancellationToken cancellationToken);
}
