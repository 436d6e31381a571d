using Npgsql;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Postgres;

/// <summary>
/// The index's tables, versioned in `schema_version` and migrated forward on first use in one transaction under
/// an advisory lock, so instances starting together migrate once. Passages keep their analyzed terms (the SQLite
/// index's FTS5 input, verbatim) both as text and as a tsvector built from them directly (no second parse, no second
/// stemming); `vocabulary` holds each term's passage count and `index_state` the totals bm25 needs, both kept by the
/// writer in the same transaction as the passages. The rest is the bot's state shared by instances: key/value state,
/// feedback, claims of work (each Telegram update answered once), conversation turns, answered messages and rate-limit
/// events.
/// </summary>
internal static class PostgresSchema
{
    public const int CurrentVersion = 2;

    /// <summary>Advisory lock keys (pg_advisory_*): one for migrations, one for refreshes, per database.</summary>
    public const long MigrationLock = 0x7461_6c6b_7362_0001;

    public const long RefreshLock = 0x7461_6c6b_7362_0002;

    /// <summary>The channel a committed change is announced on, with the new generation as payload.</summary>
    public const string ChangeChannel = "talksbot_index";

    private static readonly string[] Migrations =
    [
        // 0 → 1
        """
        CREATE TABLE index_state(
            id int PRIMARY KEY CHECK (id = 1),
            generation bigint NOT NULL DEFAULT 0,
            passages bigint NOT NULL DEFAULT 0,
            tokens bigint NOT NULL DEFAULT 0,
            last_refresh timestamptz,
            last_refresh_errors text,
            embedding_model text);
        INSERT INTO index_state(id) VALUES (1);
        CREATE TABLE sources(
            location text COLLATE "C" PRIMARY KEY,
            origin text NOT NULL DEFAULT 'config',
            kind text,
            added_at timestamptz,
            last_success timestamptz,
            last_error_at timestamptz,
            last_error_location text,
            last_error text);
        CREATE TABLE articles(
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            source text COLLATE "C" NOT NULL,
            origin text COLLATE "C" NOT NULL,
            content_hash text NOT NULL,
            body_hash text NOT NULL,
            url text,
            title text NOT NULL,
            outlet text COLLATE "C" NOT NULL,
            published date,
            byline text,
            indexed_at timestamptz NOT NULL,
            UNIQUE(source, origin));
        CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
        CREATE INDEX articles_body ON articles(body_hash);
        CREATE TABLE passages(
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position int NOT NULL,
            text text NOT NULL,
            terms text NOT NULL,
            term_count int NOT NULL,
            tsv tsvector NOT NULL);
        CREATE INDEX passages_article ON passages(article_id, position);
        CREATE INDEX passages_tsv ON passages USING gin(tsv);
        CREATE TABLE vocabulary(
            term text COLLATE "C" PRIMARY KEY,
            passages bigint NOT NULL);
        CREATE TABLE embeddings(
            passage_id bigint NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
            model text NOT NULL,
            vector real[] NOT NULL,
            PRIMARY KEY(passage_id, model));
        CREATE INDEX embeddings_model ON embeddings(model);
        CREATE TABLE state(
            key text COLLATE "C" PRIMARY KEY,
            value text NOT NULL);
        CREATE TABLE feedback_answer(
            id text PRIMARY KEY, conversation text NOT NULL, question text NOT NULL, mode text NOT NULL,
            grounded boolean NOT NULL, citations jsonb NOT NULL, at timestamptz NOT NULL);
        CREATE INDEX feedback_answer_at ON feedback_answer(at);
        CREATE TABLE feedback_vote(
            answer_id text NOT NULL REFERENCES feedback_answer(id) ON DELETE CASCADE, user_key text NOT NULL,
            vote smallint NOT NULL, at timestamptz NOT NULL, PRIMARY KEY(answer_id, user_key));
        CREATE INDEX feedback_vote_at ON feedback_vote(vote, at);
        CREATE TABLE claims(
            key text COLLATE "C" PRIMARY KEY,
            claimed_at timestamptz NOT NULL,
            completed boolean NOT NULL DEFAULT false);
        CREATE INDEX claims_at ON claims(claimed_at);
        CREATE TABLE conversation_turns(
            conversation text COLLATE "C" NOT NULL,
            seq bigint GENERATED ALWAYS AS IDENTITY,
            at timestamptz NOT NULL,
            question text NOT NULL,
            answer text NOT NULL,
            PRIMARY KEY(conversation, seq));
        CREATE INDEX conversation_turns_at ON conversation_turns(at);
        CREATE TABLE rate_limit_events(
            user_key text COLLATE "C" NOT NULL,
            at timestamptz NOT NULL);
        CREATE INDEX rate_limit_events_user ON rate_limit_events(user_key, at);
        """,
        // 1 → 2: which exchange each answer message showed, so a reply to it follows up on it on any instance.
        """
        CREATE TABLE answered_messages(
            conversation text COLLATE "C" NOT NULL,
            message text COLLATE "C" NOT NULL,
            question text NOT NULL,
            answer text NOT NULL,
            at timestamptz NOT NULL,
            PRIMARY KEY(conversation, message));
        CREATE INDEX answered_messages_at ON answered_messages(at);
        """,
    ];

    public static async Task MigrateAsync(NpgsqlDataSource dataSource, string where, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({MigrationLock}); CREATE TABLE IF NOT EXISTS schema_version(version int NOT NULL);", cancellationToken);
        await using var read = new NpgsqlCommand("SELECT max(version) FROM schema_version", connection, tx);
        int version = await read.ExecuteScalarAsync(cancellationToken) is int v ? v : 0;
        if (version > CurrentVersion)
        {
            throw new IndexUnavailableException(
                $"The index at {where} has schema version {version}, newer than this TalksBot understands ({CurrentVersion}). Upgrade TalksBot or point ConnectionStrings:TalksBot elsewhere.");
        }
        for (int step = version; step < CurrentVersion; step++)
        {
            await ExecuteAsync(connection, tx, Migrations[step], cancellationToken);
            await ExecuteAsync(connection, tx, $"DELETE FROM schema_version; INSERT INTO schema_version VALUES ({step + 1});", cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
