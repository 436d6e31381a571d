using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TalksBot.Core.Answering;
using TalksBot.Core.Conversations;

namespace TalksBot.Core.Diagnostics;

/// <summary>
/// What one chat question leaves behind for an operator: a "question" span, the question/answer/refusal counters,
/// the latency histogram, and exactly one structured log event (the question text only with Logging:IncludeQuestions).
/// </summary>
public sealed partial class QuestionTelemetry(IOptions<QuestionLogOptions>? options = null, ILogger<QuestionTelemetry>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<QuestionTelemetry>.Instance;
    private readonly bool _includeQuestions = options?.Value.IncludeQuestions ?? false;

    /// <summary>
    /// Starts observing a question; dispose the result when the question is over (answered or not). Inside a
    /// "question" span a chat front end started (<see cref="StartSpan"/>), that span is the question's; otherwise the
    /// observation starts and ends its own.
    /// </summary>
    public Observation Start(ChatQuestion question)
    {
        var platform = PlatformOf(question.ConversationKey);
        bool outer = Activity.Current is { OperationName: QuestionSpan } current && current.Source == TalksBotTelemetry.ActivitySource;
        var activity = outer ? Activity.Current : StartSpan(question);
        TalksBotTelemetry.Questions.Add(1, new KeyValuePair<string, object?>("platform", platform));
        return new Observation(this, platform, question.Text, activity, Stopwatch.GetTimestamp()) { OwnsActivity = !outer };
    }

    /// <summary>
    /// The "question" span, for a front end that sends the answer itself: started there, it holds the "send" span
    /// beside "retrieve" and "answer" (the pipeline's iterator can't hand its own span back to the caller).
    /// </summary>
    public static Activity? StartSpan(ChatQuestion question)
    {
        var activity = TalksBotTelemetry.ActivitySource.StartActivity(QuestionSpan);
        activity?.SetTag("talksbot.platform", PlatformOf(question.ConversationKey));
        return activity;
    }

    private const string QuestionSpan = "question";

    /// <summary>"telegram:123" → "telegram": conversation keys are platform-qualified.</summary>
    internal static string PlatformOf(string conversationKey)
    {
        var colon = conversationKey.IndexOf(':');
        return colon > 0 ? conversationKey[..colon] : "unknown";
    }

    private void Finish(Observation o, Answer? answer, string? refusal)
    {
        var seconds = Stopwatch.GetElapsedTime(o.StartedAt).TotalSeconds;
        string? question = _includeQuestions ? o.Question : null;
        if (answer is null || refusal is not null)
        {
            refusal ??= "cancelled";
            TalksBotTelemetry.Refusals.Add(1, new("platform", o.Platform), new("reason", refusal));
            o.Activity?.SetTag("talksbot.refusal", refusal);
            QuestionRefused(_logger, o.Platform, refusal, (long)(seconds * 1000), question);
        }
        else
        {
            var mode = answer.Mode == AnswerMode.Llm ? "llm" : "extractive";
            var grounded = answer.Grounded ? "true" : "false";
            TalksBotTelemetry.Answers.Add(1, new("mode", mode), new("grounded", grounded));
            TalksBotTelemetry.AnswerDuration.Record(seconds, new KeyValuePair<string, object?>("mode", mode));
            o.Activity?.SetTag("talksbot.mode", mode);
            o.Activity?.SetTag("talksbot.grounded", answer.Grounded);
            o.Activity?.SetTag("talksbot.citations", answer.Citations.Count);
            QuestionAnswered(_logger, o.Platform, mode, answer.Grounded, answer.Citations.Count, (long)(seconds * 1000), question);
        }
        if (o.OwnsActivity) o.Activity?.Dispose();
    }

    [LoggerMessage(EventId = 1001, EventName = "QuestionAnswered", Level = LogLevel.Information,
        Message = "Answered a {Platform} question: {Mode}, grounded {Grounded}, {Citations} citations, {LatencyMs} ms; question {Question}")]
    private static partial void QuestionAnswered(ILogger logger, string platform, string mode, bool grounded, int citations, long latencyMs, string? question);

    [LoggerMessage(EventId = 1002, EventName = "QuestionRefused", Level = LogLevel.Information,
        Message = "Refused a {Platform} question: {Reason}, {LatencyMs} ms; question {Question}")]
    private static partial void QuestionRefused(ILogger logger, string platform, string reason, long latencyMs, string? question);

    /// <summary>One question in flight. Finish it once with the answer (or a refusal reason); disposing without one counts as cancelled.</summary>
    public sealed class Observation(QuestionTelemetry owner, string platform, string question, Activity? activity, long startedAt) : IDisposable
    {
        private int _done;

        internal string Platform { get; } = platform;
        internal string Question { get; } = question;
        internal Activity? Activity { get; } = activity;
        internal long StartedAt { get; } = startedAt;
        internal bool OwnsActivity { get; init; } = true;

        public void Answered(Answer answer) => Complete(answer, answer.IsRefusal ? "refused" : null);

        public void Refused(string reason) => Complete(null, reason);

        public void Dispose() => Complete(null, null);

        private void Complete(Answer? answer, string? refusal)
        {
            if (Interlocked.Exchange(ref _done, 1) == 1) return;
            owner.Finish(this, answer, refusal);
        }
    }
}
