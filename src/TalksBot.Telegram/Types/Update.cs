namespace TalksBot.Telegram.Types;

/// <summary>Bot API: Update. TalksBot asks for messages and callback queries (its 👍/👎 buttons).</summary>
public sealed class Update
{
    public long UpdateId { get; set; }
    public Message? Message { get; set; }
    public CallbackQuery? CallbackQuery { get; set; }

    /// <summary>The chat the update belongs to (0 when it has none), the unit updates are answered in order by.</summary>
    public long ChatId => Message?.Chat.Id ?? CallbackQuery?.Message?.Chat.Id ?? 0;
}
