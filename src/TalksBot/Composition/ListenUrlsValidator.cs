using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace TalksBot.Composition;

/// <summary>
/// Checks each address `run` is to listen on before Kestrel does: Kestrel reports a bad one as a FormatException
/// stack trace once the host is half started.
/// </summary>
internal sealed class ListenUrlsValidator : IValidateOptions<ListenUrlsOptions>
{
    public ValidateOptionsResult Validate(string? name, ListenUrlsOptions options)
    {
        var failures = new List<string>();
        foreach (var url in (options.Urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IsListenAddress(url))
                failures.Add($"Urls: '{url}' is not an address to listen on; use http:// or https:// with a host and port, e.g. http://+:8080 or http://localhost:5000 (several separated by ';').");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsListenAddress(string url)
    {
        try
        {
            var address = BindingAddress.Parse(url);
            if (address.Scheme is not ("http" or "https")) return false;
            if (address.IsNamedPipe || address.IsUnixPipe) return true;
            // "localhost:notaport" parses as a host with the default port: Kestrel would listen on port 80 of every address.
            bool hostOk = address.Host.Length > 0 && (address.Host.StartsWith('[') || !address.Host.Contains(':'));
            return hostOk && address.Port is >= 0 and <= 65535;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
