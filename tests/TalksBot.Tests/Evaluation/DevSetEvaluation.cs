using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TalksBot.Core.Conversations;
using TalksBot.Evaluation;
using TalksBot.Testing;

namespace TalksBot.Tests.Evaluation;

/// <summary>
/// One index of the shared articles built with the product's default composition, and one run of the dev set over
/// it, shared by every test of the class (building and embedding the corpus is the slow part).
/// </summary>
public sealed class DevSetEvaluation : IAsyncLifetime
{
    private readonly TempFolder _folder = new("talksbot-devset-", Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools);
    private IHost? _host;

    public static string SetPath(string name) => Path.Combine(SharedData.RepositoryRoot, "tests", "TalksBot.Tests", "Evaluation", name + ".json");

    public QuestionSet Set { get; private set; } = null!;

    public EvaluationReport Report { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Set = QuestionSet.Load(SetPath("devset"), SharedData.Root);
        _host = EvaluationCorpus.BuildHost(Path.Combine(_folder.Path, "devset.db"));
        var refresh = await EvaluationCorpus.RefreshAsync(_host.Services, SharedData.Root, null, default);
        if (refresh.Errors.Count > 0) throw new InvalidOperationException("the shared corpus did not index: " + string.Join("; ", refresh.Errors.Select(e => e.Reason)));
        Report = await RunAsync(Set.Questions);
    }

    /// <summary>Asks <paramref name="questions"/> (of any set) over the same index.</summary>
    public Task<EvaluationReport> RunAsync(IReadOnlyList<EvaluationQuestion> questions) =>
        new AnswerEvaluator(_host!.Services.GetRequiredService<ConversationPipeline>(), new AnswerChecker(SharedData.Root)).RunAsync(questions, default);

    public Task DisposeAsync()
    {
        _host?.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
