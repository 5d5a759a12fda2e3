using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;

namespace NewsApi.Api.Health;

/// <summary>A health answer.</summary>
/// <param name="Status">healthy or unhealthy.</param>
/// <param name="Checks">Each check by name: "ok" or what is wrong.</param>
public sealed record HealthStatus(string Status, IReadOnlyDictionary<string, string> Checks);

/// <summary>Liveness and readiness probes for orchestrators and load balancers.</summary>
public static class HealthApi
{
    public static RouteGroupBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/health").WithTags("Health");

        group.MapGet("/live", Live)
            .WithName("Live")
            .WithSummary("Liveness")
            .WithDescription("200 while the process serves requests. It does not touch the database.");

        group.MapGet("/ready", Ready)
            .WithName("Ready")
            .WithSummary("Readiness")
            .WithDescription("200 when the database answers and every migration is applied; 503 with the failing check otherwise.")
            .Produces<HealthStatus>(StatusCodes.Status503ServiceUnavailable);

        return group;
    }

    public static Ok<HealthStatus> Live() =>
        TypedResults.Ok(new HealthStatus("healthy", new Dictionary<string, string> { ["process"] = "ok" }));

    public static async Task<Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>>> Ready(NewsDbContext db, ILogger<NewsDbContext> logger, CancellationToken cancellationToken)
    {
        var checks = new Dictionary<string, string>();
        try
        {
            if (await db.Database.CanConnectAsync(cancellationToken))
            {
                checks["database"] = "ok";
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                checks["migrations"] = pending.Count == 0 ? "ok" : $"{pending.Count} pending: {string.Join(", ", pending)}";
            }
            else
            {
                checks["database"] = "cannot connect";
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Readiness check failed");
            checks["database"] = "cannot connect";
        }

        var healthy = checks.Count == 2 && checks.Values.All(v => v == "ok");
        var status = new HealthStatus(healthy ? "healthy" : "unhealthy", checks);
        return healthy ? TypedResults.Ok(status) : TypedResults.Json(status, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
