using System.Text.RegularExpressions;

namespace NewsApi.Nlp.Normalisation;

/// <summary>
/// Reads the publication date that a page prints near its headline or at its foot ("Published June 27, 2021",
/// "Updated 3:45 PM EDT, Wed April 30, 2024", "27 June 2021", "2021-06-27"). Dates inside sentences are
/// events, not publication dates, and are not read here.
/// </summary>
public static partial class NewsDateParser
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["january"] = 1, ["feb"] = 2, ["february"] = 2, ["mar"] = 3, ["march"] = 3, ["apr"] = 4,
        ["april"] = 4, ["may"] = 5, ["jun"] = 6, ["june"] = 6, ["jul"] = 7, ["july"] = 7, ["aug"] = 8,
        ["august"] = 8, ["sep"] = 9, ["sept"] = 9, ["september"] = 9, ["oct"] = 10, ["october"] = 10,
        ["nov"] = 11, ["november"] = 11, ["dec"] = 12, ["december"] = 12,
    };

    /// <summary>How a date line relates to the article.</summary>
    public enum DateLineKind
    {
        Published,
        Updated,
        Bare,
    }

    /// <summary>
    /// True when the whole line is a date line: a date, optionally with a time and zone, optionally after
    /// "Published", "Posted", "Updated" or "Date".
    /// </summary>
    public static bool TryParseDateLine(string line, out DateOnly date, out DateLineKind kind)
    {
        date = default;
        kind = DateLineKind.Bare;
        if (line.Length > 80)
        {
            return false;
        }

        var match = DateLine().Match(line);
        if (!match.Success || !TryParseDate(match.Groups["date"].Value, out date))
        {
            return false;
        }

        var label = match.Groups["label"].Value.ToLowerInvariant();
        kind = label.Length == 0 ? DateLineKind.Bare
            : label.Contains("updat") || label.Contains("modif") ? DateLineKind.Updated
            : DateLineKind.Published;
        return true;
    }

    /// <summary>Parses one calendar date written in a common English news form.</summary>
    public static bool TryParseDate(string text, out DateOnly date)
    {
        date = default;
        var match = CalendarDate().Match(text);
        if (!match.Success)
        {
            return false;
        }

        int year, month, day;
        if (match.Groups["iso"].Success)
        {
            year = int.Parse(match.Groups["iy"].Value);
            month = int.Parse(match.Groups["im"].Value);
            day = int.Parse(match.Groups["id"].Value);
        }
        else
        {
            var monthName = match.Groups["mdm"].Success ? match.Groups["mdm"].Value : match.Groups["dmm"].Value;
            if (!Months.TryGetValue(monthName.TrimEnd('.'), out month))
            {
                return false;
            }

            day = int.Parse(match.Groups["mdm"].Success ? match.Groups["mdd"].Value : match.Groups["dmd"].Value);
            year = int.Parse(match.Groups["mdm"].Success ? match.Groups["mdy"].Value : match.Groups["dmy"].Value);
        }

        if (year is < 1800 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>The number of a month name or abbreviation ("Sept.", "december"); 0 when it is none.</summary>
    internal static int MonthNumber(string name) => Months.TryGetValue(name.Trim().TrimEnd('.'), out var month) ? month : 0;

    /// <summary>A month name or its abbreviation, with an optional full stop.</summary>
    internal const string MonthPattern =
        "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

    private const string DatePattern =
        "(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\\.?,?\\s+)?(?:" + MonthPattern + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+" + MonthPattern + ",?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})";

    private const string TimePattern = "(?:\\d{1,2}[:.]\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,5}|\\s+GMT[+-]\\d{1,2})?)";

    [GeneratedRegex(
        "^(?:(?<label>published|posted|updated|last updated|last modified|first published|date|dated|released)(?:\\s+(?:on|at))?\\s*:?\\s*)?(?:" + TimePattern + ",?\\s+)?(?<date>" + DatePattern + ")(?:(?:,|\\s+at|\\s*[|•·-])?\\s*" + TimePattern + ")?\\s*\\.?$",
        RegexOptions.IgnoreCase)]
    private static partial Regex DateLine();

    [GeneratedRegex(
        "(?<iso>(?<iy>\\d{4})-(?<im>\\d{2})-(?<id>\\d{2}))|(?<mdm>" + MonthPattern + ")\\s+(?<mdd>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<mdy>\\d{4})|(?<dmd>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<dmm>" + MonthPattern + "),?\\s+(?<dmy>\\d{4})",
        RegexOptions.IgnoreCase)]
    private static partial Regex CalendarDate();
}
