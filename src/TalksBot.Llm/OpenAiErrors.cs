using System.ClientModel;
using System.Globalization;
using System.Net.Sockets;
using TalksBot.Core.Answering.Llm;

namespace TalksBot.Llm;

/// <summary>Turns what the OpenAI SDK throws into the core's LlmUnavailableException with a short reason.</summary>
internal static class OpenAiErrors
{
    public static LlmUnavailableException Translate(Exception ex)
    {
        if (ex is ClientResultException result)
        {
            var response = result.GetRawResponse();
            if (result.Status == 429)
            {
                TimeSpan? wait = null;
                if (response is not null && response.Headers.TryGetValue("Retry-After", out var value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                    wait = TimeSpan.FromSeconds(seconds);
                return new LlmUnavailableException("rate limited (429)", wait, ex);
            }
            if (result.Status >= 500) return new LlmUnavailableException($"server error {result.Status}", null, ex);
            if (result.Status is 401 or 403) return new LlmUnavailableException($"refused the API key ({result.Status})", null, ex);
            if (result.Status >= 400) return new LlmUnavailableException($"rejected the request ({result.Status})", null, ex);
            if (Unreachable(ex)) return new LlmUnavailableException("unreachable", null, ex);
        }
        if (Unreachable(ex)) return new LlmUnavailableException("unreachable", null, ex);
        if (ex is System.Text.Json.JsonException or FormatException or KeyNotFoundException or InvalidOperationException or ArgumentException)
            return new LlmUnavailableException("malformed reply", null, ex);
        return new LlmUnavailableException($"failed ({ex.GetType().Name})", null, ex);
    }

    private static bool Unreachable(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or SocketException) return true;
        }
        return false;
    }
}
