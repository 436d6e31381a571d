using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TalksBot.Core.Indexing;

namespace TalksBot.Composition;

/// <summary>GET /healthz: 200 with index counts while the index answers, 503 when it can't be read.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (IArticleIndex index, CancellationToken ct) =>
        {
            try
            {
                var status = await index.GetStatusAsync(ct);
                return Results.Ok(new { status = "ok", articles = status.Articles, passages = status.Passages, last_refresh = status.LastRefresh });
            }
            catch (IndexUnavailableException ex)
            {
                return Results.Json(new { status = "unavailable", reason = ex.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return endpoints;
    }
}
