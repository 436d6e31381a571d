using System.Text.RegularExpressions;

namespace TalksBot.Commands;

/// <summary>
/// Turns the configuration binder's "Failed to convert configuration value …" into the key, what was given and the
/// expected format: "Index:RefreshInterval: '30m' is not a time span; use hh:mm:ss, e.g. 00:30:00".
/// </summary>
internal static partial class ConfigurationErrors
{
    [GeneratedRegex(@"Failed to convert configuration value (?:'(?<value>.*?)' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();

    public static string? Describe(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            var match = ConversionFailure().Match(e.Message);
            if (!match.Success) continue;
            var given = match.Groups["value"].Success ? $"'{match.Groups["value"].Value}' is not {Article(match.Groups["type"].Value)}; " : "";
            return $"{match.Groups["key"].Value}: {given}{Expected(match.Groups["type"].Value)}";
        }
        return null;
    }

    private static string Article(string type) => Short(type) switch
    {
        "TimeSpan" => "a time span",
        "Int32" or "Int64" or "Int16" => "a whole number",
        "Double" or "Single" or "Decimal" => "a number",
        "Boolean" => "true or false",
        "Uri" => "a URL",
        var other => $"a valid {other}",
    };

    private static string Expected(string type) => Short(type) switch
    {
        "TimeSpan" => "use hh:mm:ss, e.g. 00:30:00 (or d.hh:mm:ss for days)",
        "Int32" or "Int64" or "Int16" => "use a whole number, e.g. 30",
        "Double" or "Single" or "Decimal" => "use a number with a dot, e.g. 0.5",
        "Boolean" => "use true or false",
        "Uri" => "use an absolute URL, e.g. https://example.org/",
        "DateTimeOffset" or "DateTime" => "use an ISO 8601 date, e.g. 2025-03-01T12:00:00Z",
        var other => EnumNames(type) is { } names ? $"use one of {names}" : $"use a value of type {other}",
    };

    private static string Short(string type)
    {
        var name = type.Split('[', '`')[0];
        if (type.StartsWith("System.Nullable", StringComparison.Ordinal))
        {
            var inner = Regex.Match(type, @"\[\[(?<t>[^,\]]+)");
            if (inner.Success) name = inner.Groups["t"].Value;
        }
        return name[(name.LastIndexOf('.') + 1)..];
    }

    private static string? EnumNames(string type)
    {
        var resolved = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(type, throwOnError: false)).FirstOrDefault(t => t is not null);
        return resolved is { IsEnum: true } ? string.Join(", ", Enum.GetNames(resolved)) : null;
    }
}
