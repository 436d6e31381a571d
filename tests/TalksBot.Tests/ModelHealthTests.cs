using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TalksBot.Core;
using TalksBot.Core.Health;
using TalksBot.Health;
using TalksBot.Llm;
using TalksBot.Testing;

namespace TalksBot.Tests;

public sealed class ModelHealthTests : IAsyncLifetime
{
    private FakeOpenAiServer _model = null!;
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = new();

    public async Task InitializeAsync() => _model = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task The_model_endpoint_is_probed_at_most_once_per_interval_and_a_failure_is_named()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Llm:Endpoint"] = _model.Endpoint.ToString(),
            ["Llm:Model"] = "fake-model",
            ["Llm:PromptsPath"] = Path.Combine(SharedData.RepositoryRoot, "prompts"),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddTalksBotLlm(configuration);
        await using var sp = services.BuildServiceProvider();
        var check = new ModelHealthCheck(sp.GetRequiredService<IModelEndpointProbe>(), Options.Create(new HealthOptions { ModelCheckSeconds = 60 }), _time);

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => check.CheckHealthAsync(new HealthCheckContext())));
        Assert.All(results, r => Assert.Equal(HealthStatus.Healthy, r.Status));
        Assert.Equal(1, _model.ModelListRequests);

        _model.ModelListStatus = 503;
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.Equal(1, _model.ModelListRequests);

        _time.Advance(TimeSpan.FromSeconds(2));
        var failed = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, failed.Status);
        Assert.StartsWith("model endpoint unreachable", failed.Description);
        Assert.Equal(2, _model.ModelListRequests);
    }
}
