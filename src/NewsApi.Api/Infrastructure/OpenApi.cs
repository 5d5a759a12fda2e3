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
                    "Clean news articles from plain-text files, served as JSON. Lists are paged with an opaque " +
                    "cursor: pass a page's `next` as `cursor` (with the same other parameters) until `next` is null. " +
                    "Errors are RFC 9457 problem details (`application/problem+json`).",
            });
            var xml = Path.Combine(AppContext.BaseDirectory, $"{typeof(OpenApi).Assembly.GetName().Name}.xml");
            if (File.Exists(xml))
            {
                options.IncludeXmlComments(xml);
            }

            options.OperationFilter<ParameterDocumentationFilter>();
            options.SupportNonNullableReferenceTypes();
        });
        return services;
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
