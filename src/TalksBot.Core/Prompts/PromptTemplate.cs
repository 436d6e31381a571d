using System.Text;
using System.Text.RegularExpressions;

namespace TalksBot.Core.Prompts;

/// <summary>
/// A prompt text with {{placeholder}}s. Checked when loaded: every placeholder must be known and every required one
/// present, so a typo in an edited prompt file stops the start instead of silently sending a broken prompt.
/// </summary>
public sealed partial class PromptTemplate
{
    private readonly string _text;

    private PromptTemplate(string name, string text, IReadOnlyList<string> placeholders)
    {
        Name = name;
        _text = text;
        Placeholders = placeholders;
    }

    /// <summary>The file (or name) the template came from, for error messages.</summary>
    public string Name { get; }

    public IReadOnlyList<string> Placeholders { get; }

    /// <exception cref="PromptException">Empty text, an unknown placeholder or a missing required one.</exception>
    public static PromptTemplate Parse(string name, string text, IReadOnlyCollection<string> allowed, IReadOnlyCollection<string> required)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new PromptException($"{name}: the prompt is empty.");
        var found = Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();
        var unknown = found.Where(p => !allowed.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            throw new PromptException($"{name}: unknown placeholder(s) {string.Join(", ", unknown.Select(u => "{{" + u + "}}"))}; allowed: {string.Join(", ", allowed.Select(a => "{{" + a + "}}"))}.");
        }
        var missing = required.Where(r => !found.Contains(r)).ToList();
        if (missing.Count > 0) throw new PromptException($"{name}: required placeholder(s) missing: {string.Join(", ", missing.Select(m => "{{" + m + "}}"))}.");
        var rest = Placeholder().Replace(text, "");
        if (rest.Contains("{{") || rest.Contains("}}"))
        {
            throw new PromptException($"{name}: a '{{{{' or '}}}}' does not form a placeholder (write placeholders as {{{{name}}}}, lowercase).");
        }
        return new PromptTemplate(name, text.Replace("\r\n", "\n").Trim(), found);
    }

    /// <summary>Fills the placeholders in one pass, so a value containing "{{x}}" is never expanded again.</summary>
    public string Render(IReadOnlyDictionary<string, string> values)
    {
        return Placeholder().Replace(_text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : "");
    }

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
