using System.Text.Json;

namespace NewsApi.Data.Entities;

/// <summary>
/// A date expression of an article as stored in <see cref="Article.Dates"/>: where it is (in the title or the
/// body, offsets into that field), whether it is a date or a duration, and its value when it resolved.
/// </summary>
/// <param name="Text">The expression as written.</param>
/// <param name="InTitle">In the title (else in the body).</param>
/// <param name="Start">Start offset in its field.</param>
/// <param name="End">End offset in its field.</param>
/// <param name="IsDuration">A duration ("three years") rather than a date.</param>
/// <param name="Value">ISO form at its precision ("2021-06-13", "2021-06", "2021", "2021-W23", a span of years "1973/1990"); null when unresolved.</param>
/// <param name="Precision">"day", "week", "month" or "year"; null when unresolved.</param>
/// <param name="From">First day it covers.</param>
/// <param name="Until">Last day it covers.</param>
/// <param name="Duration">ISO 8601 duration ("P3Y") for a duration.</param>
public sealed record ArticleDateRecord(
    string Text, bool InTitle, int Start, int End, bool IsDuration, string? Value, string? Precision, DateOnly? From, DateOnly? Until, string? Duration)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(IEnumerable<ArticleDateRecord> dates) => JsonSerializer.Serialize(dates, Options);

    public static List<ArticleDateRecord> Deserialize(string json) => JsonSerializer.Deserialize<List<ArticleDateRecord>>(json, Options) ?? [];
}
