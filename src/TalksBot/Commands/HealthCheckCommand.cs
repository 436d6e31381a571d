using System.CommandLine;

namespace TalksBot.Commands;

/// <summary>`healthcheck URL`: exit 0 when the URL answers 2xx, 1 otherwise. For container HEALTHCHECKs, whose images have no curl.</summary>
internal static class HealthCheckCommand
{
    public static Command Create()
    {
        var url = new Argument<Uri>("url") { Description = "e.g. http://127.0.0.1:8080/healthz" };
        var command = new Command("healthcheck", "Probe a running bot's health endpoint: exit 0 when healthy, 1 when not.") { url };
        command.SetAction(async (parse, ct) =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await http.GetAsync(parse.GetValue(url), ct);
                if (response.IsSuccessStatusCode) return ExitCodes.Ok;
                return CommandErrors.Fail(ExitCodes.Failed, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return CommandErrors.Fail(ExitCodes.Failed, ex.Message);
            }
        });
        return command;
    }
}
