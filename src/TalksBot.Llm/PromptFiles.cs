using TalksBot.Core.Prompts;

namespace TalksBot.Llm;

/// <summary>Reads the prompt files at start; a missing or malformed one stops the start with its name.</summary>
public static class PromptFiles
{
    public static PromptSet Load(string configuredPath)
    {
        var folder = Resolve(configuredPath);
        string Read(string file)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path)) throw new PromptException($"prompt file missing: {path} (Llm:PromptsPath is '{configuredPath}').");
            return File.ReadAllText(path);
        }
        return PromptSet.FromTexts(Read(PromptSet.SystemFile), Read(PromptSet.AnswerFile), Read(PromptSet.RewriteFile), folder);
    }

    private static string Resolve(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        var fromCwd = Path.GetFullPath(path);
        if (Directory.Exists(fromCwd)) return fromCwd;
        return Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));
    }
}
