using TalksBot.Testing;

namespace TalksBot.Discord.Tests;

/// <summary>Tests of several instances on one PostgreSQL database share one throwaway cluster.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
