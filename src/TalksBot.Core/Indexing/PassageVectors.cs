using System.Numerics.Tensors;

namespace TalksBot.Core.Indexing;

/// <summary>
/// One model's passage vectors, unit length, in one matrix, scored in process by a brute-force scan (no vector index is
/// packaged for either store here). Shared by every index implementation so they rank alike; each keeps its own
/// copy until its <see cref="Generation"/> (the index's change counter) moves on.
/// </summary>
public sealed class PassageVectors
{
    private readonly long[] _ids;
    private readonly float[] _values;

    private PassageVectors(string model, long generation, long[] ids, int dimensions, float[] values)
    {
        Model = model;
        Generation = generation;
        _ids = ids;
        Dimensions = dimensions;
        _values = values;
    }

    public string Model { get; }

    public long Generation { get; }

    public int Dimensions { get; }

    public int Count => _ids.Length;

    /// <summary>
    /// The rows as stored, normalised to unit length; a row whose length differs from the first row's is left out
    /// (a vector from another model version can't be compared).
    /// </summary>
    public static PassageVectors Build(string model, long generation, IReadOnlyList<long> ids, IReadOnlyList<float[]> rows)
    {
        int dimensions = rows.Count > 0 ? rows[0].Length : 0;
        var kept = new List<long>(ids.Count);
        var values = new float[rows.Count(r => r.Length == dimensions) * dimensions];
        int row = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != dimensions) continue;
            var target = values.AsSpan(row * dimensions, dimensions);
            float n = TensorPrimitives.Norm(rows[i]);
            if (n > 0) TensorPrimitives.Divide(rows[i], n, target);
            kept.Add(ids[i]);
            row++;
        }
        return new PassageVectors(model, generation, kept.ToArray(), dimensions, values);
    }

    /// <summary>The <paramref name="limit"/> passages most similar to the query by cosine; empty when nothing compares.</summary>
    public IReadOnlyDictionary<long, float> Nearest(ReadOnlySpan<float> vector, int limit)
    {
        var scores = new Dictionary<long, float>();
        if (_ids.Length == 0 || vector.Length != Dimensions || limit <= 0) return scores;
        var query = vector.ToArray();
        float norm = TensorPrimitives.Norm(query);
        if (norm == 0) return scores;
        TensorPrimitives.Divide(query, norm, query);

        var best = new PriorityQueue<long, float>();
        var values = _values.AsSpan();
        for (int i = 0; i < _ids.Length; i++)
        {
            float similarity = TensorPrimitives.Dot(query, values.Slice(i * Dimensions, Dimensions));
            if (best.Count < limit) best.Enqueue(_ids[i], similarity);
            else if (best.TryPeek(out _, out var worst) && similarity > worst) best.EnqueueDequeue(_ids[i], similarity);
        }
        while (best.TryDequeue(out var id, out var sim)) scores[id] = sim;
        return scores;
    }
}
