using TalksBot.Core.Chat;
using TalksBot.Core.Conversations;
using Xunit;

namespace TalksBot.Testing;

/// <summary>
/// What every store of answered messages promises, seen as the bot uses it: through <see cref="AnsweredMessages"/>, one
/// writing and a second one reading (another instance, or the same bot after a restart), with nothing held between them.
/// </summary>
public static class AnsweredMessageStoreContract
{
    public static async Task A_reply_after_a_restart_or_on_another_instance_finds_the_exchange(IAnsweredMessageStore writer, IAnsweredMessageStore reader)
    {
        var at = new DateTimeOffset(2026, 2, 10, 12, 0, 0, TimeSpan.Zero);
        var first = new AnsweredMessages(store: writer);
        await first.RememberAsync("telegram:chat:1", ["101", "102"], new ConversationTurn("When was the exchange agreed?", "On 5 February [1].", at), default);
        await first.RememberAsync("telegram:chat:1", ["103"], new ConversationTurn("Who leads the delegation?", "Umerov [1].", at.AddMinutes(1)), default);

        var second = new AnsweredMessages(store: reader);
        var found = await second.FindAsync("telegram:chat:1", "102", default);
        Assert.Equal(new ConversationTurn("When was the exchange agreed?", "On 5 February [1].", at), found);
        Assert.Equal("Who leads the delegation?", (await second.FindAsync("telegram:chat:1", "103", default))?.Question);
        // Another conversation's message of the same id, an unknown message, no message: nothing.
        Assert.Null(await second.FindAsync("telegram:chat:2", "101", default));
        Assert.Null(await second.FindAsync("telegram:chat:1", "999", default));
        Assert.Null(await second.FindAsync("telegram:chat:1", null, default));

        // A message edited to show another answer shows that one.
        await first.RememberAsync("telegram:chat:1", ["103"], new ConversationTurn("Who leads Russia's delegation?", "Medinsky [1].", at.AddMinutes(2)), default);
        Assert.Equal("Who leads Russia's delegation?", (await new AnsweredMessages(store: reader).FindAsync("telegram:chat:1", "103", default))?.Question);

        // Answers older than the store keeps them are forgotten as new ones come.
        await first.RememberAsync("telegram:chat:1", ["104"], new ConversationTurn("q", "a", at + AnsweredMessages.StoredFor + TimeSpan.FromDays(1)), default);
        Assert.Null(await new AnsweredMessages(store: reader).FindAsync("telegram:chat:1", "101", default));
        Assert.Equal("q", (await new AnsweredMessages(store: reader).FindAsync("telegram:chat:1", "104", default))?.Question);
    }
}
