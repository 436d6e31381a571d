using TalksBot.Testing;

namespace TalksBot.Index.Postgres.Tests;

/// <summary>Every PostgreSQL test class shares one throwaway cluster; each test takes a database of its own.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
