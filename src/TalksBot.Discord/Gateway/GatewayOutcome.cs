namespace TalksBot.Discord.Gateway;

/// <summary>How a gateway connection ended, and so what to do next.</summary>
public enum GatewayOutcome
{
    /// <summary>Reconnect to resume_gateway_url and send Resume (drop, op 7, resumable close, zombie).</summary>
    Resume,
    /// <summary>Start a new session with Identify (invalid session, 4007, 4009).</summary>
    Reidentify,
    /// <summary>Stop: the token, shard or intents are wrong (4004, 4010–4014).</summary>
    Fatal,
    Stopped,
}
