using System.Collections.Concurrent;
using TalksBot.Core.Feedback;

namespace TalksBot.Testing;

/// <summary>The feedback contract in memory, for front-end tests: same rules as the SQLite store (one vote per user per answer).</summary>
public sealed class InMemoryFeedbackStore : IFeedbackStore
{
    private readonly ConcurrentDictionary<string, AnswerRecord> _answers = new();
    private readonly ConcurrentDictionary<(string Answer, string User), (Vote Vote, DateTimeOffset At)> _votes = new();

    public IReadOnlyCollection<AnswerRecord> Answers => _answers.Values.ToList();

    public Task RememberAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken)
    {
        _answers[answer.Id] = answer;
        return Task.CompletedTask;
    }

    public Task<VoteOutcome> VoteAsync(string answerId, string userKey, Vote vote, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!_answers.ContainsKey(answerId)) return Task.FromResult(VoteOutcome.UnknownAnswer);
        lock (_votes)
        {
            var had = _votes.TryGetValue((answerId, userKey), out var previous);
            if (had && previous.Vote == vote) return Task.FromResult(VoteOutcome.Unchanged);
            _votes[(answerId, userKey)] = (vote, at);
            return Task.FromResult(had ? VoteOutcome.Changed : VoteOutcome.Recorded);
        }
    }

    public Task<FeedbackSummary> SummarizeAsync(int latestDown, CancellationToken cancellationToken)
    {
        var votes = _votes.ToList();
        var down = votes.Where(v => v.Value.Vote == Vote.Down).OrderByDescending(v => v.Value.At).Take(latestDown)
            .Select(v => _answers[v.Key.Answer] is var a ? new FeedbackVote(a.Id, v.Key.User, Vote.Down, v.Value.At, a.Question, a.Mode, a.Grounded, a.Citations.Count) : null!)
            .ToList();
        return Task.FromResult(new FeedbackSummary(votes.Count(v => v.Value.Vote == Vote.Up), votes.Count(v => v.Value.Vote == Vote.Down), down));
    }
}
