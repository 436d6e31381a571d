using System.Text.Json;

namespace TalksBot.Testing;

/// <summary>The questions of one of the repository's evaluation sets (tests/TalksBot.Tests/Evaluation/{set}.json), as asked.</summary>
public static class EvaluationQuestions
{
    public static IReadOnlyList<string> Of(string set)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "tests", "TalksBot.Tests", "Evaluation", set + ".json")));
        return json.RootElement.EnumerateArray().Select(q => q.GetProperty("question").GetString()!).ToList();
    }
}
