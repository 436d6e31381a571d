namespace TalksBot.Discord.Gateway;

/// <summary>What a resume needs: READY's session id and resume URL, and the last sequence number seen.</summary>
public sealed class GatewaySession
{
    public string? SessionId { get; set; }
    public string? ResumeUrl { get; set; }
    public long? Sequence { get; set; }

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    public void Forget()
    {
        SessionId = null;
        ResumeUrl = null;
        Sequence = null;
    }
}
