using System.Text.Json.Serialization;

namespace TalksBot.Evaluation;

/// <summary>
/// One question of an answer-quality set (devset.json / heldout.json), as a chat user would ask it.
/// </summary>
/// <param name="Id">Unique within the set; failures are reported by it.</param>
/// <param name="Kind">What the question exercises (who, how-many, paraphrase, typo, follow-up, timeline, uncovered…): pass rates are reported per kind.</param>
/// <param name="Previous">A question asked first in the same conversation; only this question's answer is checked.</param>
/// <param name="Covered">Whether the articles answer it; an uncovered question must be refused with no citation.</param>
/// <param name="Articles">Every article file that states the fact, relative to the shared data folder ("corpora/talks-2025-2026/x.md").</param>
/// <param name="MustContain">Word groups the answer text must hold: every group must match, any alternative within a group.</param>
public sealed record EvaluationQuestion(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("covered")] bool Covered,
    [property: JsonPropertyName("previous")] string? Previous = null,
    [property: JsonPropertyName("articles")] IReadOnlyList<string>? Articles = null,
    [property: JsonPropertyName("mustContain")] IReadOnlyList<IReadOnlyList<string>>? MustContain = null,
    [property: JsonPropertyName("note")] string? Note = null);
