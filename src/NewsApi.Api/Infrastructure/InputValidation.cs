using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsApi.Api.Infrastructure;

/// <summary>
/// PostgreSQL cannot store the NUL character (U+0000) in text, so a string that holds one is refused at the door
/// with a 400 naming the parameter: query and route values by <see cref="RejectNulCharacters"/>, JSON strings by
/// <see cref="NoNulStringConverter"/>.
/// </summary>
public static class InputValidation
{
    /// <summary>Marks a JsonException raised for a NUL character (read by the exception handler).</summary>
    public const string NulCharacterKey = "newsapi:nul";

    /// <summary>Refuses a request whose query or route values hold a NUL character, before any handler runs.</summary>
    public static IApplicationBuilder RejectNulCharacters(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var offending = context.Request.Query.Where(q => q.Key.Contains('\0') || q.Value.Any(v => v?.Contains('\0') == true)).Select(q => q.Key)
            .Concat(context.Request.RouteValues.Where(r => r.Value is string s && s.Contains('\0')).Select(r => r.Key))
            .FirstOrDefault();
        if (offending is null)
        {
            await next(context);
            return;
        }

        var name = offending.Replace("\0", "", StringComparison.Ordinal);
        var detail = $"{name} must not contain the NUL character (\\u0000).";
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = RequestErrors.Details(name, detail),
        });
    });
}

/// <summary>Reads JSON strings, refusing any that holds a NUL character.</summary>
public sealed class NoNulStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        if (value is not null && value.Contains('\0'))
        {
            var exception = new JsonException("The string holds a NUL character.");
            exception.Data[InputValidation.NulCharacterKey] = true;
            throw exception;
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
