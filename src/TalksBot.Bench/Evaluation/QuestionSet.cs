using System.Text.Json;

namespace TalksBot.Evaluation;

/// <summary>
/// A question set read from JSON and checked for mistakes that would make the evaluation lie: duplicate ids, an
/// answerable question with no article or no expected words, an uncovered one that lists articles, a missing file.
/// </summary>
public sealed class QuestionSet
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private QuestionSet(string path, IReadOnlyList<EvaluationQuestion> questions)
    {
        Path = path;
        Questions = questions;
    }

    public string Path { get; }

    public IReadOnlyList<EvaluationQuestion> Questions { get; }

    /// <summary>Reads and validates a set; <paramref name="sharedRoot"/> (when given) is where the listed articles must exist.</summary>
    /// <exception cref="FormatException">The file is not a valid set; the message says which entry and why.</exception>
    public static QuestionSet Load(string path, string? sharedRoot = null)
    {
        List<EvaluationQuestion>? questions;
        try
        {
            questions = JsonSerializer.Deserialize<List<EvaluationQuestion>>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{path}: not a JSON array of questions: {ex.Message}", ex);
        }
        if (questions is null || questions.Count == 0) throw new FormatException($"{path}: the set holds no questions");
        var problems = Validate(questions, sharedRoot);
        if (problems.Count > 0) throw new FormatException($"{path}: {problems.Count} problem(s):\n  " + string.Join("\n  ", problems));
        return new QuestionSet(path, questions);
    }

    public static IReadOnlyList<string> Validate(IReadOnlyList<EvaluationQuestion> questions, string? sharedRoot)
    {
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            string at = $"entry {i + 1} ({q?.Id ?? "no id"})";
            if (q is null || string.IsNullOrWhiteSpace(q.Id) || string.IsNullOrWhiteSpace(q.Question) || string.IsNullOrWhiteSpace(q.Kind))
            {
                problems.Add($"{at}: id, kind and question are required");
                continue;
            }
            if (!ids.Add(q.Id)) problems.Add($"{at}: duplicate id");
            if (q.Covered)
            {
                if (q.Articles is not { Count: > 0 }) problems.Add($"{at}: an answerable question needs the articles that hold the fact");
                if (q.MustContain is not { Count: > 0 } || q.MustContain.Any(g => g is not { Count: > 0 } || g.Any(string.IsNullOrWhiteSpace)))
                {
                    problems.Add($"{at}: an answerable question needs non-empty mustContain groups");
                }
            }
            else if (q.Articles is { Count: > 0 } || q.MustContain is { Count: > 0 })
            {
                problems.Add($"{at}: an uncovered question lists articles or expected words");
            }
            if (sharedRoot is not null)
            {
                foreach (var a in q.Articles ?? [])
                {
                    if (!File.Exists(System.IO.Path.Combine(sharedRoot, a))) problems.Add($"{at}: article {a} not found under {sharedRoot}");
                }
            }
        }
        return problems;
    }
}
