namespace TalksBot.Telegram.Types;

/// <summary>Bot API envelope: {"ok":true,"result":…} or {"ok":false,"error_code":N,"description":"…","parameters":{…}}.</summary>
public sealed class ApiResponse<T>
{
    public bool Ok { get; set; }
    public T? Result { get; set; }
    public int? ErrorCode { get; set; }
    public string? Description { get; set; }
    public ResponseParameters? Parameters { get; set; }
}
