namespace TalksBot.Commands;

/// <summary>Process exit codes, documented in the README.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;
    public const int SourceMissing = 3;
    public const int IndexUnavailable = 4;
    public const int Busy = 5;
    /// <summary>`run` with Host:StopOnPlatformFailure: a configured platform stopped for good.</summary>
    public const int PlatformStopped = 6;
}
