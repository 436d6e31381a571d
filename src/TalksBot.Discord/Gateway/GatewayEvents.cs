namespace TalksBot.Discord.Gateway;

/// <summary>Discord: the names ("t") of the dispatch events TalksBot handles; every other event is ignored.</summary>
public static class GatewayEvents
{
    public const string Ready = "READY";
    public const string Resumed = "RESUMED";
    public const string InteractionCreate = "INTERACTION_CREATE";
    public const string MessageCreate = "MESSAGE_CREATE";
}
