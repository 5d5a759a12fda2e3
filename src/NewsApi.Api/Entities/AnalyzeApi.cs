using System.ComponentModel;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsApi.Api.Infrastructure;
using NewsApi.Nlp.Entities;

namespace NewsApi.Api.Entities;

/// <summary><c>POST /analyze</c>: the full analysis of any text, without storing it.</summary>
public static class AnalyzeApi
{
    /// <summary>Longest text accepted (characters).</summary>
    public const int MaxLength = 200_000;

    public static void MapAnalyze(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/analyze", Analyze)
            .WithTags("Analysis")
            .WithName("Analyze")
            .WithSummary("Analyse a text without storing it")
            .WithDescription(
                "Send plain text (Content-Type text/plain) or JSON {\"title\": …, \"text\": …}. Returns the people, organisations and " +
                "places with their mentions (offsets into title, blank line, text), the reasons short forms were joined to full names, " +
                "roles, salience, every name the recogniser found, date expressions and what they resolve to, quotes with their speakers, " +
                "events (type, CAMEO code, participants, place, date, evidence) and the main event as 5W1H. Relative dates are read against " +
                "`published` (JSON field, or the query parameter for text/plain) when given. " +
                $"Up to {MaxLength:N0} characters.")
            .Accepts<AnalyzeRequest>("application/json", "text/plain")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
    }

    public static async Task<Results<Ok<AnalysisReport>, ValidationProblem, ProblemHttpResult>> Analyze(
        HttpRequest request, ArticleAnalyzer analyzer,
        [Description("Publication date (yyyy-MM-dd) for text/plain bodies; JSON bodies carry it as `published`.")] DateOnly? published,
        CancellationToken cancellationToken)
    {
        string? title = null;
        string? text;
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        switch (mediaType)
        {
            case "application/json" or null when body.TrimStart().StartsWith('{'):
                try
                {
                    var parsed = JsonSerializer.Deserialize<AnalyzeRequest>(body, JsonSerializerOptions.Web);
                    title = parsed?.Title;
                    text = parsed?.Text;
                    published = parsed?.Published ?? published;
                }
                catch (JsonException exception)
                {
                    return Problems.Invalid(new() { ["body"] = [$"The body is not valid JSON: {exception.Message}"] });
                }

                break;
            case "text/plain" or null:
                text = body;
                break;
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.",
                    detail: $"Send text/plain or application/json, not {request.ContentType}.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Problems.Invalid(new() { ["text"] = ["text must not be empty."] });
        }

        if (text.Length + (title?.Length ?? 0) > MaxLength)
        {
            return Problems.Invalid(new() { ["text"] = [$"text must be at most {MaxLength:N0} characters (got {text.Length:N0})."] });
        }

        var analysis = analyzer.Analyze(string.IsNullOrWhiteSpace(title) ? null : title.Trim(), text.Replace("\r\n", "\n"), published);
        return TypedResults.Ok(AnalysisReport.From(analysis, analyzer.Recognizer.Version, analyzer.PipelineVersion));
    }
}
