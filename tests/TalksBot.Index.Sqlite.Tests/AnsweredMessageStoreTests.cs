using Microsoft.Data.Sqlite;
using TalksBot.Testing;

namespace TalksBot.Index.Sqlite.Tests;

/// <summary>Answered messages in the state file beside the index: a reply after a restart follows up on its answer.</summary>
public sealed class AnsweredMessageStoreTests : IDisposable
{
    private readonly TempFolder _folder = new("talksbot-answered-", SqliteConnection.ClearAllPools);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_reply_after_a_restart_finds_the_exchange()
    {
        var path = Path.Combine(_folder.Path, "talksbot.state.db");
        // Two stores on one file: the bot before and after its restart.
        await AnsweredMessageStoreContract.A_reply_after_a_restart_or_on_another_instance_finds_the_exchange(
            new SqliteAnsweredMessageStore(path), new SqliteAnsweredMessageStore(path));
    }
}
