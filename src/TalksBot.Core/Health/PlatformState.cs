namespace TalksBot.Core.Health;

/// <summary>Where a chat platform stands, as its adapter last reported it.</summary>
public enum PlatformState
{
    /// <summary>Configured, not yet connected (the first getMe / gateway READY has not happened).</summary>
    Starting,
    /// <summary>Receiving: Telegram polling or webhook registered; Discord gateway READY or interactions endpoint serving.</summary>
    Connected,
    /// <summary>Lost its connection and retrying by itself.</summary>
    Retrying,
    /// <summary>Stopped for good (token rejected, registration refused): only a restart with new configuration helps.</summary>
    Stopped,
}
