using System.Globalization;
using System.Numerics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsApi.Api.Infrastructure;

/// <summary>
/// The one way handlers check their input: each rule reads a parameter and, when it is invalid, records why under the
/// parameter's name (the rules word their messages alike: "limit must be between 1 and 100 (got 0)."). A handler
/// runs its rules, then answers <see cref="Problem()"/> (a 400 problem listing every invalid parameter) when
/// <see cref="Any"/>; it never builds an error dictionary itself.
/// </summary>
public sealed class RequestErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>Records that <paramref name="name"/> is invalid (a later message for the same parameter replaces it).</summary>
    public void Add(string name, string message) => _errors[name] = [message];

    /// <summary>The 400 problem: every invalid parameter with its message, and the messages together as the detail.</summary>
    public ValidationProblem Problem() => TypedResults.ValidationProblem(_errors, detail: string.Join(" ", _errors.Values.SelectMany(v => v)));

    /// <summary>A 400 problem for one invalid parameter.</summary>
    public static ValidationProblem Problem(string name, string message) => One(name, message).Problem();

    /// <summary>The same problem as a body, for middleware that writes it (binding failures, NUL characters).</summary>
    public static HttpValidationProblemDetails Details(string name, string message) =>
        new(One(name, message)._errors) { Status = StatusCodes.Status400BadRequest, Detail = message };

    private static RequestErrors One(string name, string message)
    {
        var errors = new RequestErrors();
        errors.Add(name, message);
        return errors;
    }

    /// <summary>A text parameter, trimmed; null when absent or blank. At most <paramref name="maxLength"/> characters.</summary>
    public string? Text(string name, string? value, int maxLength)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is { Length: var length } && length > maxLength)
        {
            Add(name, $"{name} must be at most {maxLength} characters.");
        }

        return text;
    }

    /// <summary>An id parameter: positive when present.</summary>
    public long? Id(string name, long? value)
    {
        if (value is <= 0)
        {
            Add(name, $"{name} must be a positive id (got {value}).");
        }

        return value;
    }

    /// <summary>A whole number of at least <paramref name="min"/>; <paramref name="fallback"/> when absent.</summary>
    public int AtLeast(string name, int? value, int min, int fallback)
    {
        var number = value ?? fallback;
        if (number < min)
        {
            Add(name, $"{name} must be at least {min} (got {number}).");
        }

        return number;
    }

    /// <summary>A number between <paramref name="min"/> and <paramref name="max"/> inclusive (never NaN); <paramref name="fallback"/> when absent.</summary>
    public T Between<T>(string name, T? value, T min, T max, T fallback) where T : struct, INumber<T>
    {
        var number = value ?? fallback;
        if (T.IsNaN(number) || number < min || number > max)
        {
            Add(name, string.Create(CultureInfo.InvariantCulture, $"{name} must be between {min} and {max} (got {number})."));
        }

        return number;
    }

    /// <summary>
    /// A parameter that takes one of a few named values (<c>sort</c> and the like), case-insensitively;
    /// <paramref name="fallback"/> when it is absent, and also when it names none of <paramref name="options"/>.
    /// </summary>
    public T Choice<T>(string name, string? value, T fallback, params (string Name, T Value)[] options)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        var key = value.Trim().ToLowerInvariant();
        foreach (var option in options)
        {
            if (option.Name == key)
            {
                return option.Value;
            }
        }

        Add(name, $"{name} must be {Names(options.Select(o => o.Name).ToList())} (got '{value}').");
        return fallback;
    }

    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string Names(IReadOnlyList<string> names) => names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";

    /// <summary>
    /// The <c>from</c>/<c>to</c> parameters every dated list takes: each a date (yyyy-MM-dd: the start of that day for
    /// <c>from</c>, its end for <c>to</c>) or an ISO 8601 instant, and <c>from</c> not after <c>to</c>.
    /// </summary>
    public (DateTimeOffset? From, DateTimeOffset? To) Dates(string? from, string? to)
    {
        var start = Date("from", from, endOfDay: false);
        var end = Date("to", to, endOfDay: true);
        if (start is not null && end is not null && start > end)
        {
            Add("from", $"from ({from}) is after to ({to}).");
        }

        return (start, end);
    }

    private DateTimeOffset? Date(string name, string? value, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1).AddTicks(-10) : start;
        }

        if (DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        Add(name, $"{name} must be a date (yyyy-MM-dd) or an ISO 8601 date and time (got '{value}').");
        return null;
    }
}
