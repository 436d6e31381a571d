using Microsoft.Extensions.DependencyInjection;
using TalksBot.Core.Refresh;
using TalksBot.Core.Retrieval;

namespace TalksBot.Testing;

/// <summary>For in-process hosts in tests: the registered passage and query embedders go through the shared cache.</summary>
public static class EmbeddingCacheServiceCollectionExtensions
{
    public static IServiceCollection UseSharedEmbeddingCache(this IServiceCollection services)
    {
        for (int i = 0; i < services.Count; i++)
        {
            var d = services[i];
            if (d.ServiceType == typeof(PassageEmbedder) && d.ImplementationInstance is PassageEmbedder p)
            {
                services[i] = ServiceDescriptor.Singleton(new PassageEmbedder(new CachingEmbeddingGenerator(p.Generator, p.Model), p.Model, p.BatchSize));
            }
            else if (d.ServiceType == typeof(QueryEmbedder) && d.ImplementationInstance is QueryEmbedder q)
            {
                services[i] = ServiceDescriptor.Singleton(new QueryEmbedder(new CachingEmbeddingGenerator(q.Generator, q.Model, "queries"), q.Model,
                    ReferenceEquals(q.Documents, q.Generator) ? null : new CachingEmbeddingGenerator(q.Documents, q.Model)));
            }
        }
        return services;
    }
}
