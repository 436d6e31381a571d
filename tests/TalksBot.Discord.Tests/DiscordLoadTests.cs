using System.Diagnostics;
using Xunit.Abstractions;

namespace TalksBot.Discord.Tests;

/// <summary>Benchmarks with figures for the README: run with --filter Category=Bench (the default test run leaves them out).</summary>
public class DiscordLoadTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Bench")]
    public async Task Interactions_are_acknowledged_quickly_while_fifty_questions_are_in_flight()
    {
        await using var h = await DiscordHarness.StartAsync();
        await h.Discord.WaitForAsync(d => d.Rest("PUT", "/commands").Any());
        // Steady state: one question first, so the measurement is not of the JIT warming up.
        await h.Discord.DispatchAsync("INTERACTION_CREATE", FakeDiscord.SlashAsk("6999", "What are Zelensky's preconditions?"));
        await h.Discord.WaitForAsync(d => d.Rest("PATCH", "token-6999/messages/@original").Any());
        h.Discord.DispatchedAt.Clear();
        for (int i = 0; i < 50; i++) await h.Discord.DispatchAsync("INTERACTION_CREATE", FakeDiscord.SlashAsk($"70{i:D2}", "What are Zelensky's preconditions?"));
        await h.Discord.WaitForAsync(d => d.Rest("PATCH", "/messages/@original").Select(c => c.Path).Distinct().Count() >= 50, TimeSpan.FromSeconds(60));
        var acks = h.Discord.DispatchedAt.Select(kv => Stopwatch.GetElapsedTime(kv.Value, h.Discord.CallbackAt[kv.Key]).TotalMilliseconds).Order().ToList();
        output.WriteLine($"ack after dispatch, 50 in flight: p50 {acks[24]:0} ms, p99 {acks[48]:0} ms, max {acks[^1]:0} ms");
        Assert.True(acks[48] < 500, $"p99 {acks[48]:0} ms");
    }

    [Fact]
    [Trait("Category", "Bench")]
    public async Task After_a_drop_the_gateway_is_resumed_within_two_seconds()
    {
        await using var h = await DiscordHarness.StartAsync(x => x.Settings["Discord:ReconnectBaseMilliseconds"] = "1000");
        await h.Discord.WaitForAsync(d => d.Rest("PUT", "/commands").Any());
        var times = new List<double>();
        for (int i = 0; i < 3; i++)
        {
            int before = h.Discord.GatewayReceived.Count(p => p["op"]!.GetValue<int>() == 6);
            var clock = Stopwatch.StartNew();
            h.Discord.Drop();
            await h.Discord.WaitForAsync(d => d.GatewayReceived.Count(p => p["op"]!.GetValue<int>() == 6) > before, TimeSpan.FromSeconds(10));
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        output.WriteLine($"drop → resume sent: {string.Join(", ", times.Select(t => $"{t:0} ms"))} (backoff base 1 s with jitter ×0.5–1.5)");
        Assert.All(times, t => Assert.True(t < 2000, $"{t:0} ms"));
    }
}
