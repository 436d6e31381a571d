namespace TalksBot.Commands;

/// <summary>
/// Separates host configuration on the command line (--urls URL, --environment NAME, --Section:Key=value or
/// --Section:Key value) from the verb's own arguments, so System.CommandLine never sees configuration as a misspelled option.
/// </summary>
internal static class ConfigurationArguments
{
    private static readonly string[] HostKeys = ["urls", "environment", "contentRoot"];

    public static (string[] Verb, string[] Configuration) Split(string[] args)
    {
        var verb = new List<string>();
        var configuration = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--") { verb.AddRange(args[i..]); break; }
            if (!IsConfigurationKey(arg, out bool hasValue))
            {
                verb.Add(arg);
                continue;
            }
            configuration.Add(arg);
            if (!hasValue && i + 1 < args.Length) configuration.Add(args[++i]);
        }
        return (verb.ToArray(), configuration.ToArray());
    }

    private static bool IsConfigurationKey(string arg, out bool hasValue)
    {
        hasValue = false;
        if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length < 3) return false;
        var name = arg[2..];
        var equals = name.IndexOf('=');
        if (equals >= 0)
        {
            hasValue = true;
            name = name[..equals];
        }
        return name.Contains(':') || HostKeys.Contains(name, StringComparer.OrdinalIgnoreCase);
    }
}
