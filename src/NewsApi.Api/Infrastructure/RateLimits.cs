using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace NewsApi.Api.Infrastructure;

/// <summary>The <c>RateLimits</c> configuration section.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Apply the limits (off only for load tests of the service itself).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests each client (API key, else IP address) may make per second, sustained.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerSecond { get; set; } = 50;

    /// <summary>Requests a client may make at once above the sustained rate (the token bucket's size).</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 200;

    /// <summary><c>POST /analyze</c> requests analysed at once across all clients (each takes a core).</summary>
    [Range(1, 1024)]
    public int AnalyzeConcurrency { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary><c>POST /analyze</c> requests that may wait for a free slot; more are refused with 429 at once.</summary>
    [Range(0, 1024)]
    public int AnalyzeQueue { get; set; } = 4;
}

/// <summary>
/// ASP.NET Core's rate limiter: a token bucket per client on every endpoint but the liveness probe, and a
/// concurrency limit with a short queue on <c>/analyze</c>. A refused request is a 429 problem with
/// <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    public const string AnalyzePolicy = "analyze";

    public static IServiceCollection AddNewsApiRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, configured) =>
        {
            var limits = configured.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                !limits.Enabled || context.Request.Path.StartsWithSegments("/health/live")
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetTokenBucketLimiter(Client(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limits.Burst,
                        TokensPerPeriod = limits.RequestsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            limiter.AddPolicy(AnalyzePolicy, _ => limits.Enabled
                ? RateLimitPartition.GetConcurrencyLimiter("analyze", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = limits.AnalyzeConcurrency,
                    QueueLimit = limits.AnalyzeQueue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })
                : RateLimitPartition.GetNoLimiter("analyze"));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                // The client's token bucket says when it refills; the /analyze concurrency limit has no such hint.
                var bucket = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
                var analyze = !bucket && http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == AnalyzePolicy;
                var seconds = bucket ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Detail = analyze
                            ? $"The server is analysing as many texts as it can ({limits.AnalyzeConcurrency} at once, {limits.AnalyzeQueue} waiting). Retry after {seconds} s."
                            : $"Too many requests from this client (over {limits.RequestsPerSecond} per second, bursts of {limits.Burst}). Retry after {seconds} s.",
                    },
                });
            };
        });
        return services;
    }

    /// <summary>The client a request counts against: its API key's name when it has a valid one, else its IP address.</summary>
    private static string Client(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? "key:" + context.User.FindFirstValue(ClaimTypes.Name)
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
