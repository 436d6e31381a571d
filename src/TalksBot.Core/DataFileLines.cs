namespace TalksBot.Core;

/// <summary>
/// The lines of a shipped data file (name-variants.txt, places.txt, paraphrases.txt, boilerplate.txt, …) that say
/// something: trimmed and numbered from 1, blank lines and "#" comments left out.
/// </summary>
internal static class DataFileLines
{
    public static IEnumerable<(int Number, string Line)> Of(string text)
    {
        int number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            yield return (number, line);
        }
    }
}
