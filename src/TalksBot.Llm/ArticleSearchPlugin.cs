using System.ComponentModel;
using System.Globalization;
using Microsoft.SemanticKernel;
using TalksBot.Core.Answering.Llm;
using TalksBot.Core.Retrieval;

namespace TalksBot.Llm;

/// <summary>
/// Retrieval as a kernel plugin (<c>articles.search</c>), offered to the model with Llm:ToolCalling. One instance per
/// answer: what it finds is numbered after the passages already shown and added to that answer's
/// <see cref="CitablePassages"/>, so the model can cite it and the citations are checked like the rest; searches
/// beyond the cap are refused with a note to answer from what it has.
/// </summary>
public sealed class ArticleSearchPlugin(PassageRetriever retriever, CitablePassages passages, int maxSearches, int passagesPerSearch)
{
    public const string PluginName = "articles";

    private int _searches;

    /// <summary>Searches made so far (refused ones included).</summary>
    public int Searches => Volatile.Read(ref _searches);

    [KernelFunction("search")]
    [Description("Searches the indexed news articles about the Russia–Ukraine peace talks. Returns numbered passages to cite as [n].")]
    public async Task<string> SearchAsync(
        [Description("What to look for, as a short English question or phrase")] string query,
        [Description("Only articles published on or after this date (YYYY-MM-DD)")] string? since = null,
        [Description("Only articles published on or before this date (YYYY-MM-DD)")] string? until = null,
        CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _searches) > maxSearches)
        {
            return $"No more searches for this answer (at most {maxSearches}). Answer now from the passages you have, or reply NOT_COVERED.";
        }
        if (!TryDate(since, out var from) || !TryDate(until, out var to))
        {
            return "Dates must be written YYYY-MM-DD. Search again with valid dates or without them.";
        }
        var result = await retriever.RetrieveAsync(query, cancellationToken);
        var found = result.Passages
            // An undated article can't be placed in the window, so a window leaves it out.
            .Where(p => from is null || p.Article.Published >= from)
            .Where(p => to is null || p.Article.Published <= to)
            .Take(passagesPerSearch)
            .ToList();
        if (!result.Covered || found.Count == 0) return "No passages found for that search.";
        return PassageFence.Numbered(passages.Add(found));
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        date = parsed;
        return true;
    }
}
