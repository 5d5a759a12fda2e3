using System.Globalization;

namespace NewsApi.Api.Infrastructure;

/// <summary>The <c>from</c>/<c>to</c> parameters every dated list takes.</summary>
public static class DateRange
{
    /// <summary>
    /// Reads <c>from</c> and <c>to</c>: each a date (yyyy-MM-dd: the start of that day for <c>from</c>, its end for
    /// <c>to</c>) or an ISO 8601 instant. Fills <paramref name="errors"/> for a 400 when one is invalid or
    /// <c>from</c> is after <c>to</c>.
    /// </summary>
    public static (DateTimeOffset? From, DateTimeOffset? To) Read(string? from, string? to, Dictionary<string, string[]> errors)
    {
        var start = Parse(from, "from", endOfDay: false, errors);
        var end = Parse(to, "to", endOfDay: true, errors);
        if (start is not null && end is not null && start > end)
        {
            errors["from"] = [$"from ({from}) is after to ({to})."];
        }

        return (start, end);
    }

    private static DateTimeOffset? Parse(string? value, string name, bool endOfDay, Dictionary<string, string[]> errors)
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

        errors[name] = [$"{name} must be a date (yyyy-MM-dd) or an ISO 8601 date and time (got '{value}')."];
        return null;
    }
}
