using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TalksBot.Core.Diagnostics;

/// <summary>
/// The one Meter and ActivitySource every part records into, named "TalksBot". Plain System.Diagnostics, so the core
/// stays free of any exporter; the host subscribes with OpenTelemetry (OTLP, Prometheus) when an operator asks.
/// Spans: question → retrieve → answer → send; refresh → source → fetch.
/// </summary>
public static class TalksBotTelemetry
{
    public const string Name = "TalksBot";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Questions received from a chat platform, tagged platform.</summary>
    public static readonly Counter<long> Questions = Meter.CreateCounter<long>("talksbot.questions", "{question}", "Questions received");

    /// <summary>Answers sent, tagged mode (extractive|llm) and grounded (true|false).</summary>
    public static readonly Counter<long> Answers = Meter.CreateCounter<long>("talksbot.answers", "{answer}", "Answers given");

    /// <summary>Questions not answered at all (empty, too long, rate limited, failed), tagged platform and reason.</summary>
    public static readonly Counter<long> Refusals = Meter.CreateCounter<long>("talksbot.refusals", "{question}", "Questions refused");

    /// <summary>From the question arriving to its final answer, tagged mode.</summary>
    public static readonly Histogram<double> AnswerDuration = Meter.CreateHistogram<double>("talksbot.answer.duration", "s", "Time to the final answer");

    public static readonly Histogram<double> RefreshDuration = Meter.CreateHistogram<double>("talksbot.refresh.duration", "s", "Duration of an index refresh");

    /// <summary>Documents a refresh handled, tagged outcome (added|updated|removed|unchanged|skipped).</summary>
    public static readonly Counter<long> RefreshArticles = Meter.CreateCounter<long>("talksbot.refresh.articles", "{article}", "Articles handled by refreshes");

    /// <summary>Documents or sources a refresh could not read, tagged kind (document|source).</summary>
    public static readonly Counter<long> FetchErrors = Meter.CreateCounter<long>("talksbot.fetch.errors", "{error}", "Fetch and read errors");

    /// <summary>Tokens the language model reported, tagged direction (input|output).</summary>
    public static readonly Counter<long> ModelTokens = Meter.CreateCounter<long>("talksbot.model.tokens", "{token}", "Language model tokens");
}
