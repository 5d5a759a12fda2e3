using System.ComponentModel;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NewsApi.Api.Infrastructure;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;

namespace NewsApi.Api.Entities;

/// <summary><c>POST /analyze</c>: the full analysis of any text, without storing it.</summary>
public static class AnalyzeApi
{
    /// <summary>Longest text accepted (characters).</summary>
    public const int MaxLength = 200_000;

    /// <summary>Largest body accepted: the longest text, even with every character JSON-escaped.</summary>
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    public static void MapAnalyze(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/analyze", Analyze)
            .WithTags("Analysis")
            .WithName("Analyze")
            .WithSummary("Analyse a text without storing it")
            .WithDescription(
                "Send plain text (Content-Type text/plain) or JSON {\"title\": …, \"text\": …, \"published\": \"yyyy-MM-dd\"}. Returns the people, organisations and " +
                "places with their mentions (offsets into title, blank line, text), the reasons short forms were joined to full names, " +
                "roles, salience, every name the recogniser found, date expressions and what they resolve to, quotes with their speakers, " +
                "events (type, CAMEO code, participants, place, date, evidence) and the main event as 5W1H. Relative dates are read against " +
                "`published` (JSON field, or the query parameter for text/plain) when given. " +
                $"Up to {MaxLength:N0} characters and {MaxBodyBytes / 1024 / 1024} MB. Analyses run a few at a time; when all slots and the " +
                "short queue are taken the answer is 429 with Retry-After.")
            .Accepts<AnalyzeRequest>("application/json", "text/plain")
            .WithBodyLimit(MaxBodyBytes)
            .RequireRateLimiting(RateLimits.AnalyzePolicy)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
    }

    public static async Task<Results<Ok<AnalysisReport>, ValidationProblem, ProblemHttpResult>> Analyze(
        HttpRequest request, ArticleAnalyzer analyzer, IOptions<JsonOptions> json,
        [Description("Publication date (yyyy-MM-dd) for text/plain bodies; JSON bodies carry it as `published`.")] DateOnly? published,
        CancellationToken cancellationToken)
    {
        string? title = null;
        string? text;
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var isJson = mediaType is "application/json" || (mediaType is null && body.TrimStart().StartsWith('{'));
        if (isJson)
        {
            AnalyzeRequest? parsed;
            try
            {
                parsed = body.TrimStart().StartsWith('{') ? JsonSerializer.Deserialize<AnalyzeRequest>(body, json.Value.SerializerOptions) : null;
            }
            catch (JsonException exception)
            {
                var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
                return RequestErrors.Problem(field ?? "body", exception.Data[InputValidation.NulCharacterKey] is true
                    ? $"{field ?? "body"} must not contain the NUL character (\\u0000)."
                    : field == "published" ? "published must be a date (yyyy-MM-dd)."
                    : field is not null ? $"{field} must be a string."
                    : "The body is not valid JSON; send {\"title\": \"…\", \"text\": \"…\", \"published\": \"2024-01-31\"}.");
            }

            if (parsed is null)
            {
                return RequestErrors.Problem("body", "The JSON body must be an object: {\"title\": \"…\", \"text\": \"…\", \"published\": \"2024-01-31\"}.");
            }

            (title, text, published) = (parsed.Title, parsed.Text, parsed.Published ?? published);
        }
        else if (mediaType is "text/plain" or null)
        {
            text = body;
        }
        else
        {
            return Problems.Status(StatusCodes.Status415UnsupportedMediaType,
                $"Send the text as text/plain, or as application/json {{\"text\": \"…\"}}; '{mediaType}' is not accepted.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return RequestErrors.Problem("text", "text must not be empty.");
        }

        if (text.Contains('\0') || title?.Contains('\0') == true)
        {
            return RequestErrors.Problem("text", "text must not contain the NUL character (\\u0000).");
        }

        if (text.Length + (title?.Length ?? 0) > MaxLength)
        {
            return RequestErrors.Problem("text", $"text must be at most {MaxLength:N0} characters (got {text.Length:N0}).");
        }

        var analysis = analyzer.Analyze(string.IsNullOrWhiteSpace(title) ? null : title.Trim(), text.Replace("\r\n", "\n"), published, cancellationToken);
        return TypedResults.Ok(AnalysisReport.From(analysis, analyzer.Recognizer.Version, analyzer.PipelineVersion));
    }
}
