using System.Collections.Concurrent;
using System.Diagnostics;
using System.Numerics.Tensors;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace TalksBot.Embeddings.Local;

/// <summary>
/// Runs one sentence-embedding model with ONNX Runtime: BERT word pieces (lower-cased, accents removed), inputs cut
/// at the model's length, batches padded to their longest input, pooled and scaled to unit length. The model is
/// loaded on first use, once; <see cref="Shared"/> gives the one instance per model for the whole process.
/// Thread-safe: concurrent calls share the session (ONNX Runtime's Run is thread-safe).
/// </summary>
public sealed class OnnxSentenceEncoder : IDisposable
{
    private static readonly ConcurrentDictionary<string, Lazy<OnnxSentenceEncoder>> SharedEncoders = new();
    private static int s_loads;

    private readonly Lazy<LoadedModel> _loaded;
    private readonly int _threads;
    private readonly string _modelFolder;
    private bool _disposed;

    /// <summary>
    /// Word pieces per ONNX Runtime run at most (a run of one longer input excepted): the runtime's arena keeps what
    /// the largest run needed, and attention grows with the inputs times their length squared. With up to 16 passages
    /// of 256 word pieces per run a refresh of 120 generated articles peaked at 671 MB; with 1,024 word pieces a run
    /// (4 such passages, or 16 short ones) at 480 MB, and no slower (bench index, separate processes).
    /// </summary>
    public const int MaxWordPiecesPerRun = 1024;

    /// <summary>Where a model is written as a file to be loaded by path when no folder is given: under the user's local data.</summary>
    public static string DefaultModelFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "TalksBot", "models");

    /// <param name="modelFolder">Where the model file is kept (<see cref="DefaultModelFolder"/> when null).</param>
    public OnnxSentenceEncoder(LocalEmbeddingModel model, int threads = 0, string? modelFolder = null)
    {
        Model = model;
        _threads = threads > 0 ? threads : Environment.ProcessorCount;
        _modelFolder = modelFolder ?? DefaultModelFolder;
        _loaded = new Lazy<LoadedModel>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The process-wide encoder of a model (not loaded until first used; lives as long as the process). The first
    /// caller's <paramref name="modelFolder"/> is the one it keeps.
    /// </summary>
    public static OnnxSentenceEncoder Shared(LocalEmbeddingModel model, string? modelFolder = null) =>
        SharedEncoders.GetOrAdd(model.Key, _ => new Lazy<OnnxSentenceEncoder>(() => new OnnxSentenceEncoder(model, modelFolder: modelFolder))).Value;

    /// <summary>How many times any encoder in this process has loaded a model.</summary>
    public static int LoadsInProcess => Volatile.Read(ref s_loads);

    public LocalEmbeddingModel Model { get; }

    public bool IsLoaded => _loaded.IsValueCreated;

    /// <summary>How many times this encoder loaded its model: 0 or 1.</summary>
    public int Loads => Volatile.Read(ref _loads);
    private int _loads;

    /// <summary>Time the load took (reading the resources, building the session), once loaded.</summary>
    public TimeSpan? LoadTime => _loaded.IsValueCreated ? _loaded.Value.LoadTime : null;

    public int Dimensions => Loaded.Dimensions;

    private LoadedModel Loaded
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _loaded.Value;
        }
    }

    /// <summary>Unit-length vectors for <paramref name="texts"/>, in their order.</summary>
    public float[][] Encode(IReadOnlyList<string> texts, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var model = Loaded;
        var tokens = new int[texts.Count][];
        for (int i = 0; i < texts.Count; i++) tokens[i] = Tokenize(model.Tokenizer, texts[i]);
        var results = new float[texts.Count][];
        // Similar lengths together: each batch pads to its longest input, so sorting wastes the least work on padding.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => tokens[i].Length).ToArray();
        foreach (var (start, count) in Runs(order.Select(i => tokens[i].Length).ToArray(), batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, count).ToArray();
            var vectors = RunBatch(model, batch.Select(i => tokens[i]).ToArray(), pool: true);
            for (int b = 0; b < batch.Length; b++) results[batch[b]] = vectors[b];
        }
        return results;
    }

    /// <summary>
    /// Runs over inputs sorted by length: (first, count), at most <paramref name="batchSize"/> inputs and
    /// <see cref="MaxWordPiecesPerRun"/> word pieces of padded input each.
    /// </summary>
    internal static IEnumerable<(int Start, int Count)> Runs(int[] sortedLengths, int batchSize)
    {
        for (int start = 0, count; start < sortedLengths.Length; start += count)
        {
            count = Math.Min(batchSize, sortedLengths.Length - start);
            // Sorted ascending: the run's last input is its longest, the length every input is padded to.
            while (count > 1 && (long)count * sortedLengths[start + count - 1] > MaxWordPiecesPerRun) count--;
            yield return (start, count);
        }
    }

    /// <summary>
    /// Tokenise and run alone, without pooling or normalising: the raw ONNX Runtime cost of these texts, for the
    /// benchmark to compare the whole embedding path against. Returns the number of texts run.
    /// </summary>
    public int RunRaw(IReadOnlyList<string> texts, int batchSize)
    {
        var model = Loaded;
        var tokens = texts.Select(t => Tokenize(model.Tokenizer, t)).OrderBy(t => t.Length).ToArray();
        foreach (var (start, count) in Runs(tokens.Select(t => t.Length).ToArray(), batchSize))
        {
            RunBatch(model, tokens[start..(start + count)], pool: false);
        }
        return tokens.Length;
    }

    /// <summary>The word pieces the model sees for a text (with [CLS] and [SEP]), for tests and diagnostics.</summary>
    public IReadOnlyList<string> WordPieces(string text)
    {
        var tokenizer = Loaded.Tokenizer;
        return Tokenize(tokenizer, text).Select(id => tokenizer.Decode([id]) ?? "").ToList();
    }

    private int[] Tokenize(BertTokenizer tokenizer, string text)
    {
        var ids = tokenizer.EncodeToIds(NormalizePunctuation(text), Model.MaxTokens - 2, addSpecialTokens: false, out _, out _);
        var withSpecial = new int[ids.Count + 2];
        withSpecial[0] = tokenizer.ClassificationTokenId;
        for (int i = 0; i < ids.Count; i++) withSpecial[i + 1] = ids[i];
        withSpecial[^1] = tokenizer.SeparatorTokenId;
        return withSpecial;
    }

    /// <summary>
    /// Typographic quotes become ASCII ones before tokenising: the vocabulary holds both, but the model saw "don't"
    /// far more often than "don’t", and a question typed on a phone should match an article set by a typesetter.
    /// </summary>
    internal static string NormalizePunctuation(string text)
    {
        if (text.AsSpan().IndexOfAny("‘’‚‛′“”„‟″") < 0) return text;
        var sb = new StringBuilder(text);
        for (int i = 0; i < sb.Length; i++)
        {
            sb[i] = sb[i] switch
            {
                '‘' or '’' or '‚' or '‛' or '′' => '\'',
                '“' or '”' or '„' or '‟' or '″' => '"',
                var c => c,
            };
        }
        return sb.ToString();
    }

    private float[][] RunBatch(LoadedModel model, int[][] batch, bool pool)
    {
        int rows = batch.Length, length = batch.Max(t => t.Length), dims = model.Dimensions;
        var ids = new long[rows * length];
        var mask = new long[rows * length];
        for (int r = 0; r < rows; r++)
        {
            var t = batch[r];
            for (int c = 0; c < t.Length; c++)
            {
                ids[r * length + c] = t[c];
                mask[r * length + c] = 1;
            }
            // The rest stays 0: padding id 0 ([PAD]) under mask 0.
        }
        long[] shape = [rows, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = model.HasTokenTypes ? OrtValue.CreateTensorValueFromMemory(new long[rows * length], shape) : null;
        var inputs = new Dictionary<string, OrtValue> { ["input_ids"] = idsValue, ["attention_mask"] = maskValue };
        if (typesValue is not null) inputs["token_type_ids"] = typesValue;
        using var outputs = model.Session.Run(model.RunOptions, inputs, [model.OutputName]);
        if (!pool) return [];
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var vectors = new float[rows][];
        for (int r = 0; r < rows; r++)
        {
            var vector = new float[dims];
            var rowStart = hidden.Slice(r * length * dims, length * dims);
            if (Model.Pooling == EmbeddingPooling.Cls)
            {
                rowStart[..dims].CopyTo(vector);
            }
            else
            {
                int count = batch[r].Length; // the unmasked tokens are the first `count`
                for (int c = 0; c < count; c++) TensorPrimitives.Add(vector, rowStart.Slice(c * dims, dims), vector);
                TensorPrimitives.Divide(vector, count, vector);
            }
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
            vectors[r] = vector;
        }
        return vectors;
    }

    private LoadedModel Load()
    {
        var clock = Stopwatch.StartNew();
        BertTokenizer tokenizer;
        using (var vocab = Model.OpenVocabulary())
        {
            tokenizer = BertTokenizer.Create(vocab, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
        }
        var options = new SessionOptions
        {
            IntraOpNumThreads = _threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        InferenceSession session;
        try
        {
            session = LoadFromFile(options) ?? new InferenceSession(Model.ReadModelBytes(), options);
        }
        catch
        {
            options.Dispose();
            throw;
        }
        var output = session.OutputMetadata.ContainsKey("last_hidden_state") ? "last_hidden_state" : session.OutputMetadata.Keys.First();
        var dims = session.OutputMetadata[output].Dimensions[^1];
        Interlocked.Increment(ref s_loads);
        Interlocked.Increment(ref _loads);
        return new LoadedModel(session, options, new RunOptions(), tokenizer, session.InputMetadata.ContainsKey("token_type_ids"), output, dims, clock.Elapsed);
    }

    /// <summary>The session from the model file, or null when there is none to be had (then the bytes are loaded).</summary>
    private InferenceSession? LoadFromFile(SessionOptions options)
    {
        if (Model.ModelFile(_modelFolder) is not { } path) return null;
        try
        {
            return new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException)
        {
            // A damaged file of the right size: written again next time, loaded from the resource now.
            try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            return null;
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_loaded.IsValueCreated) _loaded.Value.Dispose();
    }

    private sealed record LoadedModel(
        InferenceSession Session, SessionOptions Options, RunOptions RunOptions, BertTokenizer Tokenizer,
        bool HasTokenTypes, string OutputName, int Dimensions, TimeSpan LoadTime) : IDisposable
    {
        public void Dispose()
        {
            Session.Dispose();
            RunOptions.Dispose();
            Options.Dispose();
        }
    }
}
