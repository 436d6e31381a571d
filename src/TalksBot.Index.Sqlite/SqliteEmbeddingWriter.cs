using Microsoft.Data.Sqlite;

namespace TalksBot.Index.Sqlite;

/// <summary>Passage vectors inside a refresh's transaction: which passages still need one, and storing them for one model.</summary>
internal sealed class SqliteEmbeddingWriter(SqliteTransaction transaction)
{
    private SqliteCommand Command(string sql) => SqliteDatabase.Command(transaction, sql);

    public async Task<IReadOnlyList<(long PassageId, string Text)>> GetPassagesWithoutEmbeddingAsync(string model, int limit, CancellationToken cancellationToken)
    {
        var result = new List<(long, string)>();
        using var cmd = Command("""
            SELECT p.id, p.text FROM passages p
            WHERE NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.passage_id = p.id AND e.model = $m)
            ORDER BY p.id LIMIT $k
            """);
        cmd.Parameters.AddWithValue("$m", model);
        cmd.Parameters.AddWithValue("$k", limit);
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) result.Add((reader.GetInt64(0), reader.GetString(1)));
        return result;
    }

    public async Task<int> CountPassagesWithoutEmbeddingAsync(string model, CancellationToken cancellationToken)
    {
        using var cmd = Command("""
            SELECT count(*) FROM passages p
            WHERE NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.passage_id = p.id AND e.model = $m)
            """);
        cmd.Parameters.AddWithValue("$m", model);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken));
    }

    public async Task StoreEmbeddingsAsync(string model, IReadOnlyList<(long PassageId, float[] Vector)> vectors, CancellationToken cancellationToken)
    {
        using var cmd = Command("INSERT OR REPLACE INTO embeddings(passage_id, model, vector) VALUES($id, $m, $v)");
        cmd.Parameters.Add("$id", SqliteType.Integer);
        cmd.Parameters.AddWithValue("$m", model);
        cmd.Parameters.Add("$v", SqliteType.Blob);
        foreach (var (id, vector) in vectors)
        {
            cmd.Parameters["$id"].Value = id;
            cmd.Parameters["$v"].Value = VectorCodec.Encode(vector);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        // Vectors of another model are useless for this one's queries: drop them so a model change re-embeds cleanly.
        using var prune = Command("""
            DELETE FROM embeddings WHERE model <> $m;
            INSERT INTO meta(key, value) VALUES('embedding_model', $m) ON CONFLICT(key) DO UPDATE SET value = excluded.value;
            """);
        prune.Parameters.AddWithValue("$m", model);
        await prune.ExecuteNonQueryAsync(cancellationToken);
    }
}
