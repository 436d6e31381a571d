using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TalksBot.Composition;

namespace TalksBot.Tests;

/// <summary>TalksBot composed in process exactly as the host composes it (<see cref="TalksBotComposition.AddTalksBot"/>), from given settings only.</summary>
internal static class ComposedServices
{
    /// <param name="keywordSearch">Embeddings:Provider = none unless the settings say otherwise (the local model would embed every article).</param>
    public static ServiceProvider Build(IEnumerable<(string Key, string? Value)> settings, Action<IServiceCollection>? configure = null, bool keywordSearch = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var values = new Dictionary<string, string?>();
        if (keywordSearch) values["Embeddings:Provider"] = "none";
        foreach (var (key, value) in settings) values[key] = value;
        builder.Configuration.AddInMemoryCollection(values);
        builder.AddTalksBot();
        configure?.Invoke(builder.Services);
        return builder.Services.BuildServiceProvider();
    }
}
