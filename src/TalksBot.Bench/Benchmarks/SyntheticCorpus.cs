using System.Globalization;
using System.Text;

namespace TalksBot.Benchmarks;

/// <summary>Deterministic generated news-like articles for benchmarks: Zipf-distributed words plus names of the domain.</summary>
internal static class SyntheticCorpus
{
    private static readonly string[] Names =
    [
        "Zelensky", "Putin", "Lavrov", "Peskov", "Witkoff", "Kushner", "Umerov", "Dmitriev", "Kyiv", "Moscow", "Donbas", "Crimea",
        "Zaporizhzhia", "Kherson", "Abu Dhabi", "Geneva", "Istanbul", "Washington", "Brussels", "Ankara", "Kharkiv", "Odesa",
    ];

    private static readonly string[] Topics =
    [
        "ceasefire", "sanctions", "territory", "security guarantees", "prisoner exchange", "energy truce", "negotiations",
        "withdrawal", "peace plan", "memorandum", "referendum", "frontline", "drone strikes", "grain corridor", "nuclear plant",
        "reparations", "elections", "martial law", "peacekeepers", "buffer zone",
    ];

    private static string[] Vocabulary()
    {
        // Pronounceable pseudo-words: a stable vocabulary of ~6,000 distinct terms.
        var syllables = new[] { "ka", "lo", "mi", "ner", "sto", "va", "ri", "den", "tal", "po", "gre", "sun", "bel", "dor", "fi", "ja", "ku", "mar", "nis", "ol" };
        var words = new List<string>();
        foreach (var a in syllables)
            foreach (var b in syllables)
                foreach (var c in new[] { "", "n", "s", "ta", "ro", "el", "ik", "um", "ot", "an", "es", "ir", "ul", "ag", "ev" })
                    words.Add(a + b + c);
        return words.ToArray();
    }

    public static int Write(string folder, int count)
    {
        var vocabulary = Vocabulary();
        var random = new Random(20260123);
        int totalWords = 0;
        var start = new DateOnly(2022, 2, 24);
        for (int i = 0; i < count; i++)
        {
            var sb = new StringBuilder();
            var topic = Topics[random.Next(Topics.Length)];
            var name = Names[random.Next(Names.Length)];
            var published = start.AddDays(random.Next(0, 1700));
            sb.Append("---\n");
            sb.Append($"title: \"{name} and the {topic}: report {i}\"\n");
            sb.Append($"source: \"Bench Wire {i % 17}\"\n");
            sb.Append($"url: \"https://bench.example/{i}\"\n");
            sb.Append($"published: {published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\n");
            sb.Append("---\n\n");
            int words = 0;
            while (words < 550)
            {
                int sentences = random.Next(3, 6);
                for (int s = 0; s < sentences; s++)
                {
                    int len = random.Next(12, 28);
                    for (int w = 0; w < len; w++)
                    {
                        string word = random.NextDouble() switch
                        {
                            < 0.04 => Names[random.Next(Names.Length)],
                            < 0.07 => Topics[random.Next(Topics.Length)],
                            _ => vocabulary[Zipf(random, vocabulary.Length)],
                        };
                        if (w == 0) word = char.ToUpperInvariant(word[0]) + word[1..];
                        sb.Append(word);
                        sb.Append(w == len - 1 ? ". " : (random.Next(12) == 0 ? ", " : " "));
                    }
                    words += len;
                }
                sb.Append("\n\n");
            }
            totalWords += words;
            File.WriteAllText(Path.Combine(folder, $"article-{i:D5}.md"), sb.ToString());
        }
        return totalWords;
    }

    public static List<string> Questions(int count)
    {
        var random = new Random(7);
        var vocabulary = Vocabulary();
        var questions = new List<string>(count);
        var forms = new[] { "What did {0} say about the {1}?", "What is the latest on {1} involving {0}?", "How did {0}'s position on {1} change?", "What are the terms for {1} around {2}?" };
        for (int i = 0; i < count; i++)
        {
            var form = forms[random.Next(forms.Length)];
            questions.Add(string.Format(CultureInfo.InvariantCulture, form, Names[random.Next(Names.Length)], Topics[random.Next(Topics.Length)], vocabulary[Zipf(random, 300)]));
        }
        return questions;
    }

    private static int Zipf(Random random, int n)
    {
        // Inverse-CDF of a 1/k distribution, cheap approximation.
        double u = random.NextDouble();
        return Math.Min(n - 1, (int)Math.Floor(Math.Exp(u * Math.Log(n + 1)) - 1));
    }
}
