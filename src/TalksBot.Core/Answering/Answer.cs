namespace TalksBot.Core.Answering;

/// <summary>
/// A finished answer: text with [n] markers, how it was written, whether the indexed articles covered the question,
/// and the citations behind every marker (numbered 1..n in order of first use).
/// </summary>
public sealed record Answer(string Text, AnswerMode Mode, bool Grounded, IReadOnlyList<Citation> Citations)
{
    /// <summary>A one-line notice for the reader, e.g. that the model was unavailable and this is the extractive answer.</summary>
    public string? Notice { get; init; }

    /// <summary>The question as retrieval saw it (after a follow-up was rewritten), when it differs from what was asked.</summary>
    public string? StandaloneQuestion { get; init; }

    /// <summary>Why retrieval judged the question covered or not: focus terms held and missing, unknown words, corrections.</summary>
    public Retrieval.Grounding? Grounding { get; init; }

    /// <summary>True when the question was not answered at all (too long, rate limited, failed): the text says why.</summary>
    public bool IsRefusal { get; init; }

    public static Answer Refusal(string message) => new(message, AnswerMode.Extractive, false, []) { IsRefusal = true };

    public static Answer NotCovered(AnswerMode mode = AnswerMode.Extractive) =>
        new(NotCoveredText, mode, false, []);

    public const string NotCoveredText = "The indexed articles don't cover that, so I can't answer it from them.";
}
