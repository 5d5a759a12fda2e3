using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace NewsApi.Api.Infrastructure;

/// <summary>
/// Turns exceptions into RFC 9457 problem responses. A request the framework could not bind (a query
/// parameter of the wrong type, a malformed body) is a 400 that names the parameter; anything else is a 500
/// that says nothing about the server's internals (the exception is logged with the trace id).
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException badRequest)
        {
            var parameter = ParameterName().Match(badRequest.Message);
            var name = parameter.Success ? JsonNamingPolicy.CamelCase.ConvertName(parameter.Groups["name"].Value) : "";
            var detail = parameter.Success
                ? $"The value '{parameter.Groups["value"].Value}' is not valid for '{name}'."
                : badRequest.Message;
            problem = new HttpValidationProblemDetails(parameter.Success
                ? new Dictionary<string, string[]> { [name] = [detail] }
                : new Dictionary<string, string[]>())
            {
                Status = badRequest.StatusCode,
                Title = "The request is not valid.",
                Detail = detail,
            };
        }
        else
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "The error has been logged; quote the traceId when reporting it.",
            };
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    // Minimal APIs word binding failures as: Failed to bind parameter "int? limit" from "abc".
    [GeneratedRegex("""parameter "(?:[^"]*\s)?(?<name>[A-Za-z_][A-Za-z0-9_]*)" from "(?<value>[^"]*)""")]
    private static partial Regex ParameterName();
}
