using Microsoft.Extensions.Options;
using TalksBot.Core.Indexing;

namespace TalksBot.Commands;

/// <summary>Turns what can go wrong in a verb into one clear line on stderr and an exit code; never a stack trace.</summary>
internal static class CommandErrors
{
    public static async Task<int> RunAsync(Func<Task<int>> verb)
    {
        try
        {
            return await verb();
        }
        catch (InvalidOperationException ex) when (ConfigurationErrors.Describe(ex) is { } conversion)
        {
            return Fail(ExitCodes.BadUsage, $"configuration is invalid: {conversion}");
        }
        catch (OptionsValidationException ex)
        {
            return Fail(ExitCodes.BadUsage, $"configuration is invalid: {string.Join("; ", ex.Failures)}");
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(ExitCodes.BadUsage, $"{ex.Message} {ex.InnerException?.Message}".Trim());
        }
        catch (FileNotFoundException ex) when (ex.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase) || ex.FileName?.EndsWith(".json") == true)
        {
            return Fail(ExitCodes.BadUsage, $"configuration file not found: {ex.FileName ?? ex.Message}");
        }
        catch (TalksBot.Core.Prompts.PromptException ex)
        {
            return Fail(ExitCodes.BadUsage, ex.Message);
        }
        catch (IndexUnavailableException ex)
        {
            return Fail(ExitCodes.IndexUnavailable, ex.Message);
        }
        catch (RefreshInProgressException ex)
        {
            return Fail(ExitCodes.Busy, ex.Message);
        }
        catch (OperationCanceledException)
        {
            return Fail(ExitCodes.Failed, "cancelled.");
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException or HttpRequestException)
        {
            return Fail(ExitCodes.Failed, ex.Message);
        }
    }

    public static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return code;
    }
}
