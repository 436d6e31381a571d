namespace TalksBot.Discord.Gateway;

/// <summary>Discord: Gateway Opcodes (Discord.Net: GatewayOpCode). What "d" holds is noted per opcode.</summary>
public enum GatewayOpCode
{
    /// <summary>Receive: an event named by "t", numbered by "s"; "d" is the event's payload.</summary>
    Dispatch = 0,
    /// <summary>Send and receive: "d" is the last sequence number seen (or null); received, it asks for one at once.</summary>
    Heartbeat = 1,
    /// <summary>Send: <see cref="IdentifyParams"/>.</summary>
    Identify = 2,
    PresenceUpdate = 3,
    VoiceStateUpdate = 4,
    /// <summary>Send: <see cref="ResumeParams"/>.</summary>
    Resume = 6,
    /// <summary>Receive: reconnect and resume.</summary>
    Reconnect = 7,
    RequestGuildMembers = 8,
    /// <summary>Receive: "d" is true when the session may be resumed, false when a new one must be identified.</summary>
    InvalidSession = 9,
    /// <summary>Receive: <see cref="HelloEvent"/>, the first payload of a connection.</summary>
    Hello = 10,
    /// <summary>Receive: the last heartbeat was acknowledged.</summary>
    HeartbeatAck = 11,
}
