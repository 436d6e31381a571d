namespace TalksBot.Tests;

/// <summary>
/// Issue 14 item 16: settings `run` used to crash on, accept or drop silently stop the start with one line naming
/// the key, exit 2, before anything listens or connects.
/// </summary>
public sealed class RunConfigurationTests : IDisposable
{
    private readonly Cli _cli = new();

    public RunConfigurationTests()
    {
        _cli.WithSources();
        _cli.Environment["Telegram__BotToken"] = "123456:TEST-token_value";
        // Nothing listens there: if a bad setting got through, the bot would retry rather than answer.
        _cli.Environment["Telegram__ApiBaseUrl"] = "http://127.0.0.1:9";
        _cli.Environment["Index__RefreshInterval"] = "00:00:00";
    }

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("ASPNETCORE_URLS", "notaurl", "Urls: 'notaurl' is not an address to listen on")]
    [InlineData("ASPNETCORE_URLS", "http://127.0.0.1:0;ftp://127.0.0.1:21", "Urls: 'ftp://127.0.0.1:21' is not an address to listen on")]
    [InlineData("Telegram__ApiBaseUrl", "ftp://x", "Telegram:ApiBaseUrl must be an absolute http or https URL")]
    [InlineData("Telegram__ModeratorUserIds__0", "abc", "Telegram:ModeratorUserIds:0: 'abc' is not a Telegram user id")]
    [InlineData("Discord__ModeratorRoleIds__0", "mods", "Discord:ModeratorRoleIds:0: 'mods' is not a Discord id")]
    public async Task A_bad_setting_stops_run_with_one_line_naming_it(string variable, string value, string expected)
    {
        _cli.Environment[variable] = value;
        if (variable.StartsWith("Discord__")) _cli.Environment["Discord__BotToken"] = "discord-token";
        var (code, _, stderr) = await _cli.RunAsync("run");
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public async Task A_second_flag_on_the_command_line_is_checked_the_same_way()
    {
        var (code, _, stderr) = await _cli.RunAsync("run", "--urls", "http://localhost:notaport");
        Assert.Equal(2, code);
        Assert.Contains("Urls: 'http://localhost:notaport'", stderr);
    }

    [Theory]
    [InlineData("http://+:8080", true)]
    [InlineData("http://*:5000;https://localhost:5001", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://localhost", true)]
    [InlineData("http://unix:/run/talksbot.sock", true)]
    [InlineData("localhost:5000", false)]
    [InlineData("http://localhost:notaport", false)]
    [InlineData("http://localhost:99999", false)]
    public void Listen_addresses_kestrel_understands_pass_and_others_fail(string urls, bool valid)
    {
        var result = new TalksBot.Composition.ListenUrlsValidator().Validate(null, new TalksBot.Composition.ListenUrlsOptions { Urls = urls });
        Assert.Equal(valid, result.Succeeded);
    }
}
