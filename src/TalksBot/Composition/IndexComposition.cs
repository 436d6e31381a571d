using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalksBot.Core.Indexing;
using TalksBot.Index.Postgres;
using TalksBot.Index.Sqlite;

namespace TalksBot.Composition;

/// <summary>Chooses the store from Index:Provider: SQLite at Index:DatabasePath, or PostgreSQL at ConnectionStrings:TalksBot.</summary>
public static class IndexComposition
{
    public const string ConnectionStringName = "TalksBot";

    public static IServiceCollection AddTalksBotIndex(this IServiceCollection services, IConfiguration configuration)
    {
        // The provider decides what is registered, so it is checked now rather than at start.
        var options = configuration.GetSection(IndexOptions.Section).Get<IndexOptions>() ?? new IndexOptions();
        var problems = new List<ValidationResult>();
        Validator.TryValidateProperty(options.Provider, new ValidationContext(options) { MemberName = nameof(IndexOptions.Provider) }, problems);
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(IndexOptions.Section, typeof(IndexOptions), problems.Select(p => p.ErrorMessage ?? "invalid"));
        }
        if (!options.Provider.Trim().Equals("postgres", StringComparison.OrdinalIgnoreCase)) return services.AddSqliteArticleIndex();

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new OptionsValidationException(IndexOptions.Section, typeof(IndexOptions),
                [$"Index:Provider 'postgres' needs ConnectionStrings:{ConnectionStringName} (e.g. Host=db;Database=talksbot;Username=talksbot;Password=…), or set Index:Provider to 'sqlite'."]);
        }
        return services.AddPostgresArticleIndex(connectionString);
    }
}
