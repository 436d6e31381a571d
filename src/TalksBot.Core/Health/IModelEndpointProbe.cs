namespace TalksBot.Core.Health;

/// <summary>Asks the configured language model endpoint whether it answers (a cheap call such as listing models). Throws when it doesn't.</summary>
public interface IModelEndpointProbe
{
    Task ProbeAsync(CancellationToken cancellationToken);
}
