using System.ComponentModel;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NewsApi.Api.Infrastructure;

/// <summary>An example value for a query parameter, shown in Swagger UI.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ExampleAttribute(string value) : Attribute
{
    public string Value { get; } = value;
}

/// <summary>Swagger document set-up: API description, XML comments, parameter descriptions and examples.</summary>
public static class OpenApi
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddNewsApiSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "NewsApi",
                Version = "v1",
                Description =
                    "Clean news articles from plain-text files, served as JSON. Lists are paged with an opaque, signed " +
                    "cursor: pass a page's `next` as `cursor` (with the same other parameters) until `next` is null. " +
                    "Reads are open; writes need an API key in the `X-Api-Key` header (Authorize button) with the operation's scope. " +
                    "Every client is rate-limited (429 with `Retry-After`). " +
                    "Errors are RFC 9457 problem details (`application/problem+json`); 503 with `Retry-After` means try again later.",
            });
            options.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.Header,
                Description = "An API key (ApiKeys:AdminKey, NEWSAPI_ADMIN_KEY, or a key of ApiKeys:Clients). Scopes: imports, corrections, admin.",
            });
            var xml = Path.Combine(AppContext.BaseDirectory, $"{typeof(OpenApi).Assembly.GetName().Name}.xml");
            if (File.Exists(xml))
            {
                options.IncludeXmlComments(xml);
            }

            options.OperationFilter<ParameterDocumentationFilter>();
            options.OperationFilter<ApiKeyRequirementFilter>();
            options.OperationFilter<CommonResponsesFilter>();
            options.SupportNonNullableReferenceTypes();
        });
        return services;
    }

    /// <summary>The answers any operation can give: 429 from the rate limiter, 503 while the database cannot be reached.</summary>
    private sealed class CommonResponsesFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            operation.Responses ??= [];
            var problem = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository);
            foreach (var (status, description) in new[]
            {
                ("429", "Too many requests from this client, or /analyze is busy: retry after the Retry-After header's seconds."),
                ("503", "The database cannot be reached for now: retry after the Retry-After header's seconds."),
            })
            {
                if (!operation.Responses.ContainsKey(status))
                {
                    operation.Responses[status] = new OpenApiResponse
                    {
                        Description = description,
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
                    };
                }
            }
        }
    }

    /// <summary>Marks the operations that need a key, with the scope they need, so Swagger UI sends the key to them.</summary>
    private sealed class ApiKeyRequirementFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var policies = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
                .Select(a => a.Policy).OfType<string>().Distinct().ToList();
            if (policies.Count == 0)
            {
                return;
            }

            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, context.Document)] = policies,
            });
            operation.Description += $" Scope: {string.Join(", ", policies)}.";
        }
    }

    /// <summary>Copies [Description], [DefaultValue] and [Example] from query parameters into the document.</summary>
    private sealed class ParameterDocumentationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (operation.Parameters is null)
            {
                return;
            }

            foreach (var description in context.ApiDescription.ParameterDescriptions)
            {
                var provider = Attributes(description.ParameterDescriptor);
                if (provider is null)
                {
                    continue;
                }

                var parameter = operation.Parameters.OfType<OpenApiParameter>()
                    .FirstOrDefault(p => string.Equals(p.Name, description.Name, StringComparison.OrdinalIgnoreCase));
                if (parameter is null)
                {
                    continue;
                }

                if (provider.GetCustomAttribute<DescriptionAttribute>() is { } text)
                {
                    parameter.Description = text.Description;
                }

                if (provider.GetCustomAttribute<ExampleAttribute>() is { } example)
                {
                    parameter.Example = JsonValue.Create(example.Value);
                }

                if (provider.GetCustomAttribute<DefaultValueAttribute>() is { Value: { } value } && parameter.Schema is OpenApiSchema schema)
                {
                    schema.Default = value switch
                    {
                        int number => JsonValue.Create(number),
                        bool flag => JsonValue.Create(flag),
                        _ => JsonValue.Create(value.ToString()),
                    };
                }
            }
        }

        private static ICustomAttributeProvider? Attributes(ParameterDescriptor? descriptor) =>
            descriptor is IParameterInfoParameterDescriptor { ParameterInfo: var info } ? info : null;
    }

    private static T? GetCustomAttribute<T>(this ICustomAttributeProvider provider) where T : Attribute =>
        provider.GetCustomAttributes(typeof(T), inherit: true).OfType<T>().FirstOrDefault();
}
