using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace TalksBot.Testing;

/// <summary>
/// Embeds each distinct text once per test run: vectors are kept process-wide, keyed by (model, SHA-256 of the text),
/// and appended to a file under the temp folder so the other test processes of the run (and later runs of the same
/// build) reuse them. The file name carries the inner generator's assembly version id, so a change to the embedding
/// code starts a new cache instead of serving stale vectors. Only texts not cached reach the inner generator.
/// </summary>
/// <param name="purpose">Separates generators of one model that embed the same text differently (a query prefix).</param>
public sealed class CachingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, string model, string purpose = "passages", bool persist = true)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private static readonly ConcurrentDictionary<string, EmbeddingStore> Stores = new();

    private readonly EmbeddingStore _store = Stores.GetOrAdd(
        $"{model}|{purpose}|{inner.GetType().Assembly.ManifestModule.ModuleVersionId}|{persist}",
        _ => new EmbeddingStore(persist ? CacheFile(model, purpose, inner) : null));

    /// <summary>Texts this instance had to send to the inner generator.</summary>
    public int Misses => Volatile.Read(ref _misses);
    private int _misses;

    public static string CacheFolder => Path.Combine(Path.GetTempPath(), "talksbot-embedding-cache");

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        var keys = texts.Select(Key).ToArray();
        var vectors = new float[]?[texts.Count];
        var missing = new List<int>();
        for (int i = 0; i < texts.Count; i++)
        {
            if (_store.TryGet(keys[i], out var v)) vectors[i] = v;
            else missing.Add(i);
        }
        if (missing.Count > 0)
        {
            var fresh = await base.GenerateAsync(missing.Select(i => texts[i]).ToList(), options, cancellationToken);
            var added = new List<(string, float[])>(missing.Count);
            for (int j = 0; j < missing.Count; j++)
            {
                var vector = fresh[j].Vector.ToArray();
                vectors[missing[j]] = vector;
                added.Add((keys[missing[j]], vector));
            }
            Interlocked.Add(ref _misses, missing.Count);
            _store.Add(added);
        }
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        foreach (var v in vectors) result.Add(new Embedding<float>(v!) { ModelId = model });
        return result;
    }

    private static string Key(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string CacheFile(string model, string purpose, IEmbeddingGenerator<string, Embedding<float>> inner)
    {
        var safe = new string($"{model}-{purpose}".Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray());
        return Path.Combine(CacheFolder, $"{safe}-{inner.GetType().Assembly.ManifestModule.ModuleVersionId:N}.txt");
    }

    /// <summary>
    /// One model's vectors in memory, backed by an append-only text file: a line per text, "hash base64-floats".
    /// Whole lines are appended under an exclusive file lock; a torn last line (a killed process) is ignored.
    /// </summary>
    private sealed class EmbeddingStore
    {
        private readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
        private readonly string? _file;
        private readonly object _writeLock = new();
        private long _readUpTo;

        public EmbeddingStore(string? file)
        {
            _file = file;
            if (_file is not null) Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
            ReadNewLines();
        }

        public bool TryGet(string key, out float[] vector)
        {
            if (_vectors.TryGetValue(key, out vector!)) return true;
            // Another test process of this run may have embedded it meanwhile.
            ReadNewLines();
            return _vectors.TryGetValue(key, out vector!);
        }

        public void Add(IReadOnlyList<(string Key, float[] Vector)> entries)
        {
            foreach (var (key, vector) in entries) _vectors[key] = vector;
            if (_file is null) return;
            var sb = new StringBuilder();
            foreach (var (key, vector) in entries)
            {
                var bytes = new byte[vector.Length * sizeof(float)];
                Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
                sb.Append(key).Append(' ').Append(Convert.ToBase64String(bytes)).Append('\n');
            }
            var data = Encoding.ASCII.GetBytes(sb.ToString());
            lock (_writeLock)
            {
                WithFile(FileMode.Append, FileAccess.Write, stream => stream.Write(data));
            }
        }

        private void ReadNewLines()
        {
            if (_file is null || !File.Exists(_file)) return;
            lock (_writeLock)
            {
                WithFile(FileMode.Open, FileAccess.Read, stream =>
                {
                    if (stream.Length <= _readUpTo) return;
                    stream.Position = _readUpTo;
                    var bytes = new byte[stream.Length - _readUpTo];
                    stream.ReadExactly(bytes);
                    int lastNewline = Array.LastIndexOf(bytes, (byte)'\n');
                    if (lastNewline < 0) return;
                    foreach (var line in Encoding.ASCII.GetString(bytes, 0, lastNewline).Split('\n'))
                    {
                        int space = line.IndexOf(' ');
                        if (space <= 0) continue;
                        try
                        {
                            var raw = Convert.FromBase64String(line[(space + 1)..]);
                            var vector = new float[raw.Length / sizeof(float)];
                            Buffer.BlockCopy(raw, 0, vector, 0, vector.Length * sizeof(float));
                            _vectors.TryAdd(line[..space], vector);
                        }
                        catch (FormatException)
                        {
                            // A damaged line: that text is simply embedded again.
                        }
                    }
                    _readUpTo += lastNewline + 1;
                });
            }
        }

        /// <summary>Opens the file with an exclusive lock; another test process holding it is waited for, briefly.</summary>
        private void WithFile(FileMode mode, FileAccess access, Action<FileStream> use)
        {
            for (int attempt = 0; ; attempt++)
            {
                try
                {
                    using var stream = new FileStream(_file!, mode, access, FileShare.None);
                    use(stream);
                    return;
                }
                catch (FileNotFoundException)
                {
                    return;
                }
                catch (IOException) when (attempt < 200)
                {
                    Thread.Sleep(25);
                }
            }
        }
    }
}
