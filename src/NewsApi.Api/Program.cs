using NewsApi.Ingestion.Analysis;
using NewsApi.Ingestion.Imports;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsApi.Api.Articles;
using NewsApi.Api.Entities;
using NewsApi.Api.Events;
using NewsApi.Api.Health;
using NewsApi.Api.Imports;
using NewsApi.Api.Infrastructure;
using NewsApi.Api.Quotes;
using NewsApi.Api.Sources;
using NewsApi.Api.Stories;
using NewsApi.Data;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Ner;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, logger) =>
{
    logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
    if (string.Equals(builder.Configuration["LogFormat"], "json", StringComparison.OrdinalIgnoreCase))
    {
        logger.WriteTo.Console(new RenderedCompactJsonFormatter());
    }
    else
    {
        logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
    }
}, preserveStaticLogger: true);

// Pooled contexts: a request (or a writer's batch) takes one from the pool and returns it reset, instead of building
// a context and its services anew (2-3% of a GET /articles/{id}'s CPU; docs/performance.md).
builder.Services.AddPooledDbContextFactory<NewsDbContext>((services, options) =>
    NewsDbContext.Configure(options, services.GetRequiredService<IConfiguration>().GetConnectionString("News")!));
builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContext());
builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
    .Configure<IConfiguration>((options, configuration) => options.ConnectionString = configuration.GetConnectionString("News"))
    .ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ImportSignal>();
builder.Services.AddSingleton<ArticleImporter>();
builder.Services.AddHostedService<ImportWorker>();
builder.Services.AddSingleton(_ => new ArticleAnalyzer(EntityRecognizer.Default));
builder.Services.AddSingleton<EntityStore>();
builder.Services.AddSingleton<EventStore>();
builder.Services.AddSingleton<StoryStore>();
builder.Services.AddSingleton<AnalysisStore>();
builder.Services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<ReprocessWorker>();
builder.Services.AddHostedService(services => services.GetRequiredService<ReprocessWorker>());
builder.Services.AddScoped<EntityCorrections>();
builder.Services.AddOptions<PagingOptions>().BindConfiguration(PagingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<Paging>();
builder.Services.AddApiKeys();
builder.Services.AddNewsApiRateLimits();

builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
{
    Problems.Titles(context);
    context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
});
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

var enumsAsCamelCase = new JsonStringEnumConverter(JsonNamingPolicy.CamelCase);
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.Converters.Add(enumsAsCamelCase);
    options.SerializerOptions.Converters.Add(new NoNulStringConverter());
});
builder.Services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options => options.JsonSerializerOptions.Converters.Add(enumsAsCamelCase));
builder.Services.AddNewsApiSwagger();

var app = builder.Build();

// Validated here, before anything reaches for the database (the rest are validated as the host starts).
if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<NewsDbContext>().MigrateAsync();
}

// Outermost, so each request is logged once with the status it was answered with: client errors at
// Information (429, 413 and 503 at Warning), server errors at Error.
// Each host logs through its own logger (the static one is left alone, so hosts in one process never share it).
app.UseSerilogRequestLogging(options =>
{
    options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
    options.GetLevel = (http, _, exception) => (exception, http.Response.StatusCode) switch
    {
        (not null, _) or (_, >= 500 and not 503) => LogEventLevel.Error,
        (_, 429 or 413 or 503) => LogEventLevel.Warning,
        _ => LogEventLevel.Information,
    };
});
app.UseExceptionHandler();
app.UseStatusCodePages();

app.UseRouting();
app.UseAuthentication();
app.UseRateLimiter();
app.UseSwagger();
app.UseSwaggerUI(options =>
{
    options.SwaggerEndpoint($"/swagger/{OpenApi.DocumentName}/swagger.json", "NewsApi v1");
    options.DocumentTitle = "NewsApi";
});
app.UseRequestBodyLimits();
app.RejectNulCharacters();
app.UseAuthorization();

app.MapGet("/", () => TypedResults.Redirect("/swagger")).ExcludeFromDescription();
app.MapArticles();
app.MapSources();
app.MapEntities();
app.MapQuotes();
app.MapEvents();
app.MapStories();
app.MapAnalyze();
app.MapImports();
app.MapHealth();

app.Run();

/// <summary>The entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
