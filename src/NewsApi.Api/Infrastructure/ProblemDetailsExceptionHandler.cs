using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using NewsApi.Data;

namespace NewsApi.Api.Infrastructure;

/// <summary>
/// Turns exceptions into RFC 9457 problem responses, each logged at the level its cause deserves:
/// <list type="bullet">
/// <item>a request the framework could not bind or read (a parameter of the wrong type, a malformed or oversized
/// body, a wrong content type) is the client's error: 400/413/415 naming the parameter and saying what to send,
/// in the client's terms, never a .NET type; logged at Information without a stack trace;</item>
/// <item>an unavailable database is "try later": 503 with <c>Retry-After</c>, logged at Warning in one line;</item>
/// <item>a client that went away is not an error at all;</item>
/// <item>anything else is a bug: 500 that says nothing about the server's internals, logged at Error with the
/// exception and the trace id.</item>
/// </list>
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client is asked to wait when the database is unavailable.</summary>
    public const int DatabaseRetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            logger.LogDebug("The client closed {Method} {Path} before it was answered", context.Request.Method, context.Request.Path);
            context.Response.StatusCode = 499;
            return true;
        }

        ProblemDetails problem;
        if (exception is BadHttpRequestException badRequest)
        {
            problem = ClientError(context, badRequest);
            logger.LogInformation("Refused {Method} {Path}: {Status} {Detail}", context.Request.Method, context.Request.Path, problem.Status, problem.Detail);
        }
        else if (DatabaseErrors.IsUnavailable(exception))
        {
            logger.LogWarning("The database is unavailable for {Method} {Path}: {Message}", context.Request.Method, context.Request.Path, Innermost(exception).Message);
            context.Response.Headers.RetryAfter = DatabaseRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = $"The database cannot be reached right now; retry after {DatabaseRetryAfterSeconds} seconds.",
            };
        }
        else
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Detail = "The error has been logged; quote the traceId when reporting it.",
            };
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
        });
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    private static ProblemDetails ClientError(HttpContext context, BadHttpRequestException exception)
    {
        var status = exception.StatusCode;
        var message = exception.Message;
        // The exception handler clears the endpoint before handlers run; the feature keeps the one that failed.
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        var requestType = endpoint?.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Select(m => m.RequestType).FirstOrDefault(t => t is not null);

        if (BindFailure().Match(message) is { Success: true } bind)
        {
            var name = CamelCase(bind.Groups["name"].Value);
            return Invalid(name, $"{name} must be {Expected(bind.Groups["type"].Value)} (got '{bind.Groups["value"].Value}').");
        }

        if (Missing().Match(message) is { Success: true } missing)
        {
            var name = CamelCase(missing.Groups["name"].Value);
            return missing.Groups["source"].Value == "body"
                ? Invalid("body", $"The request needs a JSON body: {Example(requestType)}.")
                : Invalid(name, $"{name} is required: {Expected(missing.Groups["type"].Value)}.");
        }

        if (message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || ReadFailure().IsMatch(message) && exception.InnerException is null)
        {
            return Invalid("body", $"The request needs a JSON body: {Example(requestType)}.");
        }

        if (ReadFailure().IsMatch(message))
        {
            return BodyError(exception.InnerException as JsonException, requestType);
        }

        if (status == StatusCodes.Status415UnsupportedMediaType)
        {
            return new ProblemDetails { Status = status, Detail = $"Send the body as application/json: {Example(requestType)}." };
        }

        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails { Status = status, Detail = RequestBodyLimits.TooLarge(context) };
        }

        if (status == StatusCodes.Status408RequestTimeout)
        {
            return new ProblemDetails { Status = status, Detail = "The request body arrived too slowly." };
        }

        return new ProblemDetails { Status = status, Detail = "The request could not be read." };
    }

    private static HttpValidationProblemDetails Invalid(string name, string detail) =>
        RequestErrors.Details(name, detail);

    private static HttpValidationProblemDetails BodyError(JsonException? json, Type? requestType)
    {
        if (json is null)
        {
            return Invalid("body", $"The body is not valid JSON; send {Example(requestType)}.");
        }

        var path = json.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
        if (json.Data[InputValidation.NulCharacterKey] is true)
        {
            var field = path ?? "body";
            return Invalid(field, $"{field} must not contain the NUL character (\\u0000).");
        }

        var property = path is null ? null : requestType?.GetProperty(path, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is not null)
        {
            return Invalid(path!, $"{path} must be {Expected(property.PropertyType)}.");
        }

        var where = json.LineNumber is { } line ? $" (line {line + 1}, position {(json.BytePositionInLine ?? 0) + 1})" : "";
        return Invalid("body", $"The body is not valid JSON{where}; send {Example(requestType)}.");
    }

    /// <summary>A JSON example of the body an endpoint takes, from its request type: {"alias": "…"}.</summary>
    private static string Example(Type? requestType)
    {
        if (requestType is null || requestType == typeof(string))
        {
            return "a JSON object";
        }

        var fields = requestType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => $"\"{CamelCase(p.Name)}\": {Placeholder(p.PropertyType)}");
        return "{" + string.Join(", ", fields) + "}";
    }

    private static string Placeholder(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) ? "\"…\""
            : type == typeof(DateOnly) ? "\"2024-01-31\""
            : type == typeof(bool) ? "true"
            : type.IsPrimitive || type == typeof(decimal) ? "1"
            : "{…}";
    }

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(type).Select(CamelCase))
            : Expected(type == typeof(string) ? "string" : type == typeof(bool) ? "bool" : type == typeof(DateOnly) ? "DateOnly"
                : type == typeof(DateTimeOffset) || type == typeof(DateTime) ? "DateTimeOffset"
                : type == typeof(double) || type == typeof(float) || type == typeof(decimal) ? "double"
                : type.IsPrimitive ? "long" : type.IsArray || type.IsGenericType ? "array" : "object");
    }

    /// <summary>What a parameter of a C# type (as binding messages spell it: "int?", "DateOnly") must be, in the client's terms.</summary>
    private static string Expected(string type) => Unwrap(type) switch
    {
        "int" or "long" or "short" or "Int32" or "Int64" => "a whole number",
        "double" or "float" or "decimal" => "a number",
        "bool" or "Boolean" => "true or false",
        "DateOnly" => "a date (yyyy-MM-dd)",
        "DateTime" or "DateTimeOffset" => "a date and time (ISO 8601)",
        "Guid" => "a UUID",
        "string" or "String" => "text",
        "array" => "a JSON array",
        _ => "a JSON object",
    };

    /// <summary>"Nullable&lt;int&gt;", "int?" and "System.Int32" all name an int.</summary>
    private static string Unwrap(string type)
    {
        type = type.TrimEnd('?');
        if (type.StartsWith("Nullable<", StringComparison.Ordinal) && type.EndsWith('>'))
        {
            type = type["Nullable<".Length..^1];
        }

        return type.StartsWith("System.", StringComparison.Ordinal) ? type["System.".Length..] : type;
    }

    private static string CamelCase(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    // The framework's words for binding failures (RequestDelegateFactory):
    //   Failed to bind parameter "int? limit" from "abc".
    //   Required parameter "long id" was not provided from route.
    //   Failed to read parameter "AliasRequest request" from the request body as JSON.
    // The value runs to the message's last quotation mark: it may hold quotation marks itself.
    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\"\\s]+) (?<name>[A-Za-z_][A-Za-z0-9_]*)\" from \"(?<value>.*)\"\\.?$", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    [GeneratedRegex("""^Required parameter "(?<type>[^"\s]+) (?<name>[A-Za-z_][A-Za-z0-9_]*)" was not provided from (?<source>\w+)""")]
    private static partial Regex Missing();

    [GeneratedRegex("""^Failed to read parameter "[^"]+" from the request body""")]
    private static partial Regex ReadFailure();
}
