using System.Text;
using System.Text.RegularExpressions;
using TalksBot.Core.Articles;
using TalksBot.Core.Sources;
using TalksBot.Sources.Html;

namespace TalksBot.Sources.Parsing;

/// <summary>
/// One file's bytes to a source item, by extension and content: an article, unchanged (same hash as stored, not parsed
/// again), or skipped with the reason (empty, binary, undecodable, too large, unsupported, malformed).
/// </summary>
public static partial class ArticleFileReader
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".markdown", ".html", ".htm" };

    static ArticleFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static SourceItem Read(string path, byte[] content, string? storedHash)
    {
        var ext = Path.GetExtension(path);
        if (!Extensions.Contains(ext)) return new ArticleSkipped(path, $"unsupported file type {(ext.Length > 0 ? ext : "(no extension)")}");
        if (content.LongLength > MaxBytes) return new ArticleSkipped(path, $"larger than 5 MB ({content.LongLength / 1024.0 / 1024.0:0.0} MB)");
        var hash = ContentHash.Of(content);
        if (hash == storedHash) return new ArticleUnchanged(path);
        if (content.Length == 0) return new ArticleSkipped(path, "empty file");
        if (LooksBinary(content)) return new ArticleSkipped(path, "binary content, not text");

        bool html = ext.StartsWith(".htm", StringComparison.OrdinalIgnoreCase);
        if (!TryDecode(content, html, out var text, out var why)) return new ArticleSkipped(path, why);
        if (string.IsNullOrWhiteSpace(text)) return new ArticleSkipped(path, "empty file");

        var fallbackTitle = Path.GetFileNameWithoutExtension(path);
        try
        {
            var article = ext.ToLowerInvariant() switch
            {
                ".md" or ".markdown" => MarkdownArticleParser.Parse(text, fallbackTitle),
                ".txt" => TextDumpParser.Parse(text, fallbackTitle),
                _ => HtmlArticleExtractor.Extract(text, null).Article,
            };
            if (string.IsNullOrWhiteSpace(article.Body)) return new ArticleSkipped(path, "no article text found");
            if (string.IsNullOrWhiteSpace(article.Title)) article = article with { Title = fallbackTitle };
            return new ArticleFound(path, hash, article);
        }
        catch (ArticleFormatException ex)
        {
            return new ArticleSkipped(path, ex.Message);
        }
    }

    private static bool LooksBinary(byte[] content)
    {
        int n = Math.Min(content.Length, 8192);
        // UTF-16 text is full of NULs: let the BOM speak first.
        if (n >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF))) return false;
        int control = 0;
        for (int i = 0; i < n; i++)
        {
            byte b = content[i];
            if (b == 0) return true;
            if (b < 32 && b is not (9 or 10 or 12 or 13)) control++;
        }
        return control > n / 10;
    }

    internal static bool TryDecode(byte[] content, bool html, out string text, out string why)
    {
        why = "";
        if (content.Length >= 2 && content[0] == 0xFF && content[1] == 0xFE) { text = Encoding.Unicode.GetString(content, 2, content.Length - 2); return true; }
        if (content.Length >= 2 && content[0] == 0xFE && content[1] == 0xFF) { text = Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2); return true; }
        int start = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content, start, content.Length - start);
            return true;
        }
        catch (DecoderFallbackException ex)
        {
            if (html)
            {
                // Pages may declare a legacy charset.
                var head = Encoding.Latin1.GetString(content, 0, Math.Min(content.Length, 4096));
                var m = Charset().Match(head);
                if (m.Success)
                {
                    try
                    {
                        text = Encoding.GetEncoding(m.Groups[1].Value).GetString(content);
                        return true;
                    }
                    catch (ArgumentException)
                    {
                        why = $"declares unknown charset '{m.Groups[1].Value}'";
                        text = "";
                        return false;
                    }
                }
            }
            text = "";
            why = $"not valid UTF-8 text (invalid byte at offset {ex.Index + start}) and no charset declared";
            return false;
        }
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([\w-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();
}
