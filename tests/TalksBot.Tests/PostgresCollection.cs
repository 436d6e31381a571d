using TalksBot.Testing;

namespace TalksBot.Tests;

/// <summary>Command-line tests on PostgreSQL share one throwaway cluster; each takes a database of its own.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
