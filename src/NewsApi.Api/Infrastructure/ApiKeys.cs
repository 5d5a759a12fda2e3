using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace NewsApi.Api.Infrastructure;

/// <summary>What a key may do. Reads need no key; every write needs a key with its scope.</summary>
public static class Scopes
{
    /// <summary>Start import runs (<c>POST /imports</c>).</summary>
    public const string Imports = "imports";

    /// <summary>Correct entity records (merge, aliases, split).</summary>
    public const string Corrections = "corrections";

    /// <summary>Everything, and the instance details (server paths, hosts) other callers do not see.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Imports, Corrections, Admin];

    public const string ClaimType = "scope";
}

/// <summary>A client key with the scopes it grants.</summary>
public sealed class ClientKey
{
    /// <summary>Who the key belongs to, for logs and rate-limit partitions (never the key itself).</summary>
    [Required]
    public string Name { get; set; } = "";

    [Required]
    [MinLength(16)]
    public string Key { get; set; } = "";

    /// <summary>imports, corrections and/or admin.</summary>
    public List<string> Scopes { get; set; } = [];
}

/// <summary>The <c>ApiKeys</c> configuration section.</summary>
public sealed class ApiKeyOptions : IValidatableObject
{
    public const string Section = "ApiKeys";

    /// <summary>The administrator's key: every scope. <c>NEWSAPI_ADMIN_KEY</c> sets it when this is empty.</summary>
    public string? AdminKey { get; set; }

    /// <summary>Further keys, each with its own scopes.</summary>
    public List<ClientKey> Clients { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AdminKey is { Length: > 0 and < 16 })
        {
            yield return new ValidationResult("ApiKeys:AdminKey must be at least 16 characters.", [nameof(AdminKey)]);
        }

        foreach (var client in Clients)
        {
            if (client.Key.Length < 16)
            {
                yield return new ValidationResult($"ApiKeys:Clients key '{client.Name}' must be at least 16 characters.", [nameof(Clients)]);
            }

            foreach (var scope in client.Scopes.Where(s => !Scopes.All.Contains(s)))
            {
                yield return new ValidationResult($"ApiKeys:Clients key '{client.Name}' has the unknown scope '{scope}' (use {string.Join(", ", Scopes.All)}).", [nameof(Clients)]);
            }
        }
    }

    /// <summary>Every configured key with its name and scopes.</summary>
    public IEnumerable<(string Name, string Key, IReadOnlyList<string> Scopes)> Keys()
    {
        if (!string.IsNullOrEmpty(AdminKey))
        {
            yield return ("admin", AdminKey, Scopes.All);
        }

        foreach (var client in Clients)
        {
            yield return (client.Name, client.Key, client.Scopes.Contains(Scopes.Admin) ? Scopes.All : client.Scopes);
        }
    }
}

/// <summary>
/// The <c>X-Api-Key</c> scheme: a request with a known key is authenticated as that key's client with its scopes;
/// without the header it is anonymous (reads are open). Refusals are problem responses: 401 without a key or with
/// an unknown one (with <c>WWW-Authenticate</c>), 403 with a key that lacks the scope, 403 when the server has no
/// keys at all (writes are off).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<ApiKeyOptions> keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || string.IsNullOrEmpty(values.ToString()))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var given = Encoding.UTF8.GetBytes(values.ToString());
        foreach (var (name, key, scopes) in keys.CurrentValue.Keys())
        {
            if (CryptographicOperations.FixedTimeEquals(SHA256.HashData(given), SHA256.HashData(Encoding.UTF8.GetBytes(key))))
            {
                var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), .. scopes.Select(s => new Claim(Scopes.ClaimType, s))], SchemeName);
                return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
            }
        }

        return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!keys.CurrentValue.Keys().Any())
        {
            await WriteAsync(StatusCodes.Status403Forbidden, "Writes are turned off: this server has no API keys (set ApiKeys:AdminKey or NEWSAPI_ADMIN_KEY).");
            return;
        }

        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{Header}\"";
        var result = await HandleAuthenticateOnceSafeAsync();
        await WriteAsync(StatusCodes.Status401Unauthorized, result.Failure is null
            ? $"This operation needs an API key in the {Header} header."
            : $"The {Header} header does not hold a key this server knows.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteAsync(StatusCodes.Status403Forbidden, "The API key is valid but does not grant this operation's scope.");

    private async Task WriteAsync(int status, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Detail = detail },
        });
    }
}

public static class ApiKeyRegistration
{
    /// <summary>The key scheme, one authorization policy per scope, and the admin key from <c>NEWSAPI_ADMIN_KEY</c> when configuration has none.</summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section)
            .PostConfigure(o => o.AdminKey = string.IsNullOrEmpty(o.AdminKey) ? Environment.GetEnvironmentVariable("NEWSAPI_ADMIN_KEY") : o.AdminKey)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Scopes.Imports, policy => policy.RequireClaim(Scopes.ClaimType, Scopes.Imports))
            .AddPolicy(Scopes.Corrections, policy => policy.RequireClaim(Scopes.ClaimType, Scopes.Corrections))
            .AddPolicy(Scopes.Admin, policy => policy.RequireClaim(Scopes.ClaimType, Scopes.Admin));
        return services;
    }

    /// <summary>Whether the caller presented a key with the admin scope.</summary>
    public static bool IsAdmin(this HttpContext http) => http.User.HasClaim(Scopes.ClaimType, Scopes.Admin);
}
