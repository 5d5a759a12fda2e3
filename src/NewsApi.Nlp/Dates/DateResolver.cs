using System.Globalization;
using System.Text.RegularExpressions;
using NewsApi.Nlp.Normalisation;

namespace NewsApi.Nlp.Dates;

public enum DatePrecision
{
    Day,
    Week,
    Month,
    Year,
}

public enum DateKind
{
    /// <summary>A point or period in time ("June 13, 2021", "last month").</summary>
    Date,

    /// <summary>A length of time ("11-day war").</summary>
    Duration,
}

/// <summary>A date expression in a text and what it resolves to.</summary>
/// <param name="Start">Offset of the expression.</param>
/// <param name="End">Offset past its end.</param>
/// <param name="Text">The expression as written.</param>
/// <param name="Kind">A date or a duration.</param>
/// <param name="Value">The first day it denotes; null when unresolved.</param>
/// <param name="Until">The last day it denotes (equal to <paramref name="Value"/> for a day).</param>
/// <param name="Precision">Day, week, month or year.</param>
/// <param name="Inferred">Always false: relative dates are resolved only against the publication date (kept for the API's shape).</param>
/// <param name="Duration">For durations, ISO 8601 ("P11D").</param>
public sealed record DateMention(int Start, int End, string Text, DateKind Kind, DateOnly? Value, DateOnly? Until, DatePrecision Precision, bool Inferred, string? Duration)
{
    public bool Resolved => Value is not null;

    /// <summary>ISO form at its precision: "2021-06-13", "2021-06", "2021", "2021-W23", or a span of years "1973/1990".</summary>
    public string? Iso => Value is not { } value ? null : Precision switch
    {
        DatePrecision.Day => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DatePrecision.Month => value.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DatePrecision.Year when Until is { } until && until.Year != value.Year => $"{value.Year}/{until.Year}",
        DatePrecision.Year => value.Year.ToString(CultureInfo.InvariantCulture),
        _ => $"{ISOWeek.GetYear(value.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(value.ToDateTime(TimeOnly.MinValue)):00}",
    };
}

/// <summary>The date a text's relative dates are read against.</summary>
/// <param name="Date">The anchor date.</param>
/// <param name="Precision">How precise it is (a year-only anchor cannot resolve "Monday").</param>
/// <param name="Inferred">Always false: only the publication date anchors relative dates.</param>
public sealed record DateAnchor(DateOnly Date, DatePrecision Precision, bool Inferred);

/// <summary>
/// Finds and resolves date expressions in news text: absolute ("June 13, 2021", "May 21", "2015"), relative
/// ("Sunday", "on Monday", "last month", "last year", "in December last year", "this week", "in early April")
/// and durations ("11-day war"). Relative dates are read against the publication date only (from the file's
/// date line, the request, or the ingest API). The latest date an article mentions is no anchor: "in December
/// last year" in a 2022 article that mentions 2021 is not 2020-12. Without a publication date a relative date
/// stays unresolved (no value, its text kept) rather than wrong. Weekdays count back to the most recent such day, or forward when the
/// sentence speaks of the future ("will", "is set to", "next").
/// </summary>
public static partial class DateResolver
{
    private static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30, ["a"] = 1,
    };

    public static IReadOnlyList<DateMention> Find(string text, DateOnly? published)
    {
        var found = new List<(int Start, int End, Func<DateAnchor?, Func<bool>, DateMention> Resolve)>();
        var taken = new bool[text.Length + 1];

        void Add(Match match, Func<DateAnchor?, Func<bool>, DateMention> resolve)
        {
            for (var i = match.Index; i < match.Index + match.Length; i++)
            {
                if (taken[i])
                {
                    return;
                }
            }

            for (var i = match.Index; i < match.Index + match.Length; i++)
            {
                taken[i] = true;
            }

            found.Add((match.Index, match.Index + match.Length, resolve));
        }

        foreach (Match m in FullDate().Matches(text))
        {
            if (NewsDateParser.TryParseDate(m.Value, out var date))
            {
                Add(m, (_, _) => new DateMention(m.Index, m.Index + m.Length, m.Value, DateKind.Date, date, date, DatePrecision.Day, false, null));
            }
        }

        foreach (Match m in MonthLastYear().Matches(text))
        {
            var month = MonthOf(m.Groups["month"].Value);
            Add(m, (anchor, _) => anchor is null ? Unresolved(m) : MonthRange(m, anchor.Date.Year - 1, month, anchor.Inferred));
        }

        foreach (Match m in MonthYear().Matches(text))
        {
            var month = MonthOf(m.Groups["month"].Value);
            var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            Add(m, (_, _) => MonthRange(m, year, month, false));
        }

        foreach (Match m in Duration().Matches(text))
        {
            var n = int.TryParse(m.Groups["n"].Value, out var number) ? number : NumberWords.GetValueOrDefault(m.Groups["n"].Value, 1);
            var unit = m.Groups["unit"].Value.ToLowerInvariant()[0] switch { 'd' => "D", 'w' => "W", 'm' => "M", _ => "Y" };
            Add(m, (_, _) => new DateMention(m.Index, m.Index + m.Length, m.Value, DateKind.Duration, null, null, DatePrecision.Day, false, $"P{n}{unit}"));
        }

        foreach (Match m in MonthDay().Matches(text))
        {
            var month = MonthOf(m.Groups["month"].Value);
            var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
            if (day is < 1 or > 31)
            {
                continue;
            }

            Add(m, (anchor, _) =>
            {
                if (anchor is null)
                {
                    return Unresolved(m);
                }

                var year = anchor.Date.Year;
                if (day > DateTime.DaysInMonth(year, month))
                {
                    return Unresolved(m);
                }

                var date = new DateOnly(year, month, day);
                // A date months after the anchor, with no year given, is most likely last year's (a year-only
                // anchor says nothing about months).
                if (anchor.Precision != DatePrecision.Year && date > anchor.Date.AddMonths(2))
                {
                    date = date.AddYears(-1);
                }

                return new DateMention(m.Index, m.Index + m.Length, m.Value, DateKind.Date, date, date, DatePrecision.Day, anchor.Inferred, null);
            });
        }

        // "in the three months to September", "the year to March", "the quarter ending in June": the months up to and
        // including the one named (business and economic figures).
        foreach (Match m in PeriodToMonth().Matches(text))
        {
            var month = MonthOf(m.Groups["month"].Value);
            var months = m.Groups["n"].Success ? MonthCount(m.Groups["n"].Value) : m.Groups["unit"].Value.ToLowerInvariant() switch
            {
                "quarter" => 3,
                "half" => 6,
                _ => 12,
            };
            Add(m, (anchor, _) =>
            {
                if (anchor is null || months is < 1 or > 24)
                {
                    return Unresolved(m);
                }

                var year = anchor.Date.Year;
                if (anchor.Precision != DatePrecision.Year && new DateOnly(year, month, 1) > anchor.Date.AddMonths(2))
                {
                    year--;
                }

                var last = new DateOnly(year, month, 1);
                return new DateMention(m.Index, m.Index + m.Length, m.Value, DateKind.Date, last.AddMonths(1 - months), last.AddMonths(1).AddDays(-1),
                    DatePrecision.Month, anchor.Inferred, null);
            });
        }

        foreach (Match m in QualifiedMonth().Matches(text))
        {
            var month = MonthOf(m.Groups["month"].Value);
            Add(m, (anchor, _) =>
            {
                if (anchor is null)
                {
                    return Unresolved(m);
                }

                var year = anchor.Date.Year;
                if (anchor.Precision != DatePrecision.Year && new DateOnly(year, month, 1) > anchor.Date.AddMonths(2))
                {
                    year--;
                }

                return MonthRange(m, year, month, anchor.Inferred);
            });
        }

        // "at around 6am", "6.10am on Wednesday", "11:30pm local time", "00:48 GMT yesterday": a time of day is the day it
        // names (its weekday, "today", "yesterday"), and stays unresolved, its text kept, when it names none.
        foreach (Match m in TimeOfDay().Matches(text))
        {
            Add(m, (anchor, future) =>
            {
                if (anchor is null || anchor.Precision != DatePrecision.Day || !(m.Groups["day"].Success || m.Groups["relative"].Success))
                {
                    return Unresolved(m);
                }

                var date = m.Groups["day"].Success
                    ? WeekdayDate(anchor.Date, (DayOfWeek)((Array.IndexOf(DayNames, m.Groups["day"].Value.ToLowerInvariant()) + 1) % 7), future())
                    : m.Groups["relative"].Value.ToLowerInvariant() is "yesterday" or "last night" ? anchor.Date.AddDays(-1) : anchor.Date;
                return new DateMention(m.Index, m.Index + m.Length, m.Value, DateKind.Date, date, date, DatePrecision.Day, anchor.Inferred, null);
            });
        }

        foreach (Match m in Relative().Matches(text))
        {
            Add(m, (anchor, future) => ResolveRelative(m, anchor));
        }

        foreach (Match m in Weekday().Matches(text))
        {
            var weekday = (DayOfWeek)((Array.IndexOf(DayNames, m.Groups["day"].Value.ToLowerInvariant()) + 1) % 7);
            Add(m, (anchor, future) =>
            {
                if (anchor is null || anchor.Precision != DatePrecision.Day)
                {
                    return Unresolved(m);
                }

                var date = WeekdayDate(anchor.Date, weekday, future());
                return new DateMention(m.Index, m.Index + m.Length, m.Value, DateKind.Date, date, date, DatePrecision.Day, anchor.Inferred, null);
            });
        }

        // "his 1973-90 rule", "the 2003-2004 season": one period from the first year to the last, not the first year alone.
        foreach (Match m in YearRange().Matches(text))
        {
            var from = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            var to = int.Parse(m.Groups["to"].Value, CultureInfo.InvariantCulture);
            to = to < 100 ? from / 100 * 100 + to : to;
            if (to > from && to - from <= 100)
            {
                Add(m, (_, _) => new DateMention(m.Index, m.Index + m.Length, m.Value, DateKind.Date,
                    new DateOnly(from, 1, 1), new DateOnly(to, 12, 31), DatePrecision.Year, false, null));
            }
        }

        foreach (Match m in Year().Matches(text))
        {
            var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            Add(m, (_, _) => new DateMention(m.Groups["year"].Index, m.Groups["year"].Index + 4, m.Groups["year"].Value, DateKind.Date,
                new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), DatePrecision.Year, false, null));
        }

        var anchor = Anchor(published);
        // Only weekdays ask whether their sentence speaks of the future.
        return found.OrderBy(f => f.Start).Select(f => f.Resolve(anchor, () => SpeaksOfFuture(text, f.Start))).ToList();
    }

    /// <summary>
    /// The anchor of relative dates: the publication date, or none. (Dates the text mentions are no anchor: an
    /// article of January 2005 that mentions December 2004 says "in January" of 2005, not of 2004.)
    /// </summary>
    public static DateAnchor? Anchor(DateOnly? published) => published is { } date ? new DateAnchor(date, DatePrecision.Day, false) : null;

    private static DateMention ResolveRelative(Match m, DateAnchor? anchor)
    {
        var phrase = m.Value.ToLowerInvariant();
        if (anchor is null)
        {
            return Unresolved(m);
        }

        var a = anchor.Date;
        var needsDay = phrase.Contains("day") || phrase.Contains("week") || phrase.Contains("yesterday") || phrase.Contains("today") || phrase.Contains("tomorrow");
        var needsMonth = phrase.Contains("month");
        if ((needsDay && anchor.Precision != DatePrecision.Day) || (needsMonth && anchor.Precision == DatePrecision.Year))
        {
            return Unresolved(m);
        }

        var shift = phrase.Contains("last") || phrase.Contains("previous") || phrase.Contains("yesterday") ? -1 : phrase.Contains("next") || phrase.Contains("tomorrow") ? 1 : 0;
        if (phrase.Contains("yesterday") || phrase.Contains("today") || phrase.Contains("tomorrow"))
        {
            var day = a.AddDays(shift);
            return new DateMention(m.Index, m.Index + m.Length, m.Value, DateKind.Date, day, day, DatePrecision.Day, anchor.Inferred, null);
        }

        if (phrase.Contains("weekend"))
        {
            // The Saturday and Sunday of the anchor's ISO week (the one before or after for "last" and "next").
            var saturday = a.AddDays(-(((int)a.DayOfWeek + 6) % 7)).AddDays(5 + 7 * shift);
            return new DateMention(m.Index, m.Index + m.Length, m.Value, DateKind.Date, saturday, saturday.AddDays(1), DatePrecision.Week, anchor.Inferred, null);
        }

        if (phrase.Contains("week"))
        {
            var monday = a.AddDays(-(((int)a.DayOfWeek + 6) % 7)).AddDays(7 * shift);
            return new DateMention(m.Index, m.Index + m.Length, m.Value, DateKind.Date, monday, monday.AddDays(6), DatePrecision.Week, anchor.Inferred, null);
        }

        if (phrase.Contains("month"))
        {
            var first = new DateOnly(a.Year, a.Month, 1).AddMonths(shift);
            return new DateMention(m.Index, m.Index + m.Length, m.Value, DateKind.Date, first, first.AddMonths(1).AddDays(-1), DatePrecision.Month, anchor.Inferred, null);
        }

        var year = a.Year + shift;
        return new DateMention(m.Index, m.Index + m.Length, m.Value, DateKind.Date, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), DatePrecision.Year, anchor.Inferred, null);
    }

    private static DateMention MonthRange(Match m, int year, int month, bool inferred)
    {
        var first = new DateOnly(year, month, 1);
        return new DateMention(m.Index, m.Index + m.Length, m.Value, DateKind.Date, first, first.AddMonths(1).AddDays(-1), DatePrecision.Month, inferred, null);
    }

    private static DateMention Unresolved(Match m) =>
        new(m.Index, m.Index + m.Length, m.Value, DateKind.Date, null, null, DatePrecision.Day, false, null);

    private static int MonthOf(string name) => NewsDateParser.MonthNumber(name);

    /// <summary>The latest <paramref name="weekday"/> on or before <paramref name="anchor"/>, or the next one after it when the sentence speaks of the future.</summary>
    private static DateOnly WeekdayDate(DateOnly anchor, DayOfWeek weekday, bool future)
    {
        var date = anchor;
        if (future)
        {
            do
            {
                date = date.AddDays(1);
            }
            while (date.DayOfWeek != weekday);
        }
        else
        {
            while (date.DayOfWeek != weekday)
            {
                date = date.AddDays(-1);
            }
        }

        return date;
    }

    private static int MonthCount(string n) => n.ToLowerInvariant() switch
    {
        "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7, "eight" => 8, "nine" => 9, "ten" => 10,
        "eleven" => 11, "twelve" => 12, "eighteen" => 18,
        var digits => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0,
    };

    /// <summary>Does the sentence around <paramref name="offset"/> speak of the future?</summary>
    private static bool SpeaksOfFuture(string text, int offset)
    {
        var start = Math.Max(0, text.LastIndexOfAny(['.', '\n', '!', '?'], Math.Max(0, offset - 1)) + 1);
        var end = text.IndexOfAny(['.', '\n', '!', '?'], offset);
        var sentence = text[start..(end < 0 ? text.Length : end)].ToLowerInvariant();
        return FutureCue().IsMatch(sentence);
    }

    private const string Month = "(?<month>" + NewsDateParser.MonthPattern + ")";

    [GeneratedRegex(@"\b" + Month + @"\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>(?:19|20)\d{2})\b|\b(?<day>\d{1,2})(?:st|nd|rd|th)?\s+" + Month + @",?\s+(?<year>(?:19|20)\d{2})\b")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"\b(?:in\s+)?" + Month + @"\s+last\s+year\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthLastYear();

    [GeneratedRegex(@"\b" + Month + @"\s+(?<year>(?:19|20)\d{2})\b")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\b" + Month + @"\s+(?<day>\d{1,2})(?:st|nd|rd|th)?\b(?![,\d]*\s*(?:19|20)\d{2})|\b(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @"\b")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(?:in\s+)?(?:(?:early|mid|late)[\s-]+)" + Month + @"\b|\bin\s+" + Month + @"\b(?!\s+\d)")]
    private static partial Regex QualifiedMonth();

    [GeneratedRegex(@"\b(?:in\s+|for\s+)?the\s+(?:(?<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|\d{1,2})\s+months|(?<unit>quarter|half|half-year|year|12\s+months))\s+(?:to|ending(?:\s+in)?|ended(?:\s+in)?)\s+" + Month + @"\b(?!\s+\d)", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodToMonth();

    [GeneratedRegex(@"\b(?:(?:last|this|next|previous|earlier\s+this|later\s+this)\s+(?:weekend|week|month|year)|yesterday|today|tomorrow)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Relative();

    [GeneratedRegex(@"\b(?:(?:on|last|next|this)\s+)?(?<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(?:at\s+)?(?:(?:around|about|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?:(?<hour>[01]?\d)(?:[.:](?<minute>[0-5]\d))?\s?(?:am|pm|a\.m\.|p\.m\.)|(?<hour>[012]\d):(?<minute>[0-5]\d)(?!\d|[.:]\d))(?:\s+(?:local\s+time|GMT|BST|UTC|ET|EST|EDT|PST|CET))?(?:\s+(?:on\s+|last\s+)?(?<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\s+(?<relative>today|yesterday|tonight|last\s+night)\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"(?<![\d,.$£€/-])(?<!\d\s)\b(?<year>(?:19|20)\d{2})\s?[-–]\s?(?<to>(?:19|20)\d{2}|\d{2})\b(?![-–/.,]?\d)")]
    private static partial Regex YearRange();

    [GeneratedRegex(@"(?<![\d,.$£€-])(?<!\b(?:cut|cuts|cutting|shed|sheds|shedding|axe|axes|axed|axing|lose|loses|lost|losing|hire|hires|hired|hiring|employ|employs|employed|create|creates|created|creating|some|nearly|almost|approximately|roughly)\s+)\b(?<year>(?:19|20)\d{2})\b(?!\.\d|\d|,\d|%|\s*(?:people|percent|troops|soldiers|hostages|dead|killed|km|miles|metres|meters|GMT|BST|hours|hrs))")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(?<unit>day|week|month|year)-long\b|\b(?<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a)[\s-](?<unit>day|week|month|year)(?:[\s-](?:long|old))?\b(?!s)", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"\b(?:will|would\s+(?:travel|visit|meet)|is\s+set\s+to|are\s+set\s+to|is\s+expected\s+to|are\s+expected\s+to|plans?\s+to|is\s+scheduled\s+to|are\s+scheduled\s+to|next|upcoming|is\s+due\s+to)\b")]
    private static partial Regex FutureCue();
}
