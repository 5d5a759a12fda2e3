using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace NewsApi.Api.Infrastructure;

/// <summary>
/// The problem responses endpoints return. Every problem's title is its HTTP status's name (RFC 9457: with the
/// default type <c>about:blank</c> the title is the status phrase; <see cref="Titles"/> enforces it for problems
/// from anywhere in the pipeline), and its detail says what happened and what the client can do.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string what, long id) => NotFound($"There is no {what} with id {id}.");

    public static ProblemHttpResult NotFound(string detail) => Status(StatusCodes.Status404NotFound, detail);

    public static ProblemHttpResult Status(int status, string detail) => TypedResults.Problem(statusCode: status, detail: detail);

    /// <summary>The title of a problem with this status: its HTTP status phrase.</summary>
    public static string Title(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Content Too Large",
        StatusCodes.Status422UnprocessableEntity => "Unprocessable Content",
        _ => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error",
    };

    /// <summary>
    /// Sets every problem's title from its status, wherever it was made (handlers, binding, auth, rate limits, status
    /// pages), and gives the framework's bare status-code problems a detail the client can act on.
    /// </summary>
    public static void Titles(ProblemDetailsContext context)
    {
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        context.ProblemDetails.Status = status;
        context.ProblemDetails.Title = Title(status);
        context.ProblemDetails.Detail ??= status switch
        {
            StatusCodes.Status404NotFound => $"There is nothing at {context.HttpContext.Request.Path}; Swagger UI at /swagger lists every path.",
            StatusCodes.Status405MethodNotAllowed => $"{context.HttpContext.Request.Method} is not accepted at {context.HttpContext.Request.Path}"
                + (context.HttpContext.Response.Headers.Allow is { Count: > 0 } allow ? $"; it accepts {allow}." : "."),
            StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json (Content-Type: application/json).",
            StatusCodes.Status400BadRequest => "The request is not valid.",
            _ => null,
        };
    }
}
