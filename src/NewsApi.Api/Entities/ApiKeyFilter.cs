using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace NewsApi.Api.Entities;

/// <summary>The <c>Corrections</c> configuration section.</summary>
public sealed class CorrectionsOptions
{
    public const string Section = "Corrections";

    /// <summary>The key clients send in X-Api-Key to make corrections. Unset: corrections are refused (403).</summary>
    public string? ApiKey { get; set; }
}

/// <summary>Corrections need the API key: 401 without an X-Api-Key header, 403 with a wrong one.</summary>
public sealed class ApiKeyFilter(IOptionsMonitor<CorrectionsOptions> options) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Header, out var given) || string.IsNullOrEmpty(given.ToString()))
        {
            http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{Header}\"";
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "An API key is required.",
                detail: $"Corrections need the API key in the {Header} header.");
        }

        var expected = options.CurrentValue.ApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Corrections are disabled.",
                detail: "This server has no Corrections:ApiKey configured, so no key is accepted.");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.ToString()), Encoding.UTF8.GetBytes(expected)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The API key is not valid.",
                detail: $"The {Header} header does not hold this server's key.");
        }

        return await next(context);
    }
}
