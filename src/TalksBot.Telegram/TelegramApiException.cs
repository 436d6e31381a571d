namespace TalksBot.Telegram;

/// <summary>The Bot API answered with an error: its code and description (401 bad token, 403 blocked, 400 bad request…).</summary>
public sealed class TelegramApiException(string method, int errorCode, string description) : Exception($"{method}: {errorCode} {description}")
{
    public string Method { get; } = method;
    public int ErrorCode { get; } = errorCode;
    public string Description { get; } = description;
}
