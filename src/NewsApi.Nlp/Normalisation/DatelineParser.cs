using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsApi.Nlp.Normalisation;

/// <summary>A dateline at the start of an article: where it was filed, and the agency that filed it.</summary>
/// <param name="Place">The place as a reader would write it ("Rome", "Gaza City, Gaza Strip").</param>
/// <param name="Agency">The credited agency's canonical name, when the dateline names one.</param>
/// <param name="Text">The dateline exactly as it appeared, without the dash that ends it.</param>
public sealed record Dateline(string Place, string? Agency, string Text);

/// <summary>
/// Finds a dateline at the start of the first paragraph, in the forms news sites use:
/// "ROME (AP) — …", "LONDON, June 5 (Reuters) - …", "WASHINGTON — …", "NEW DELHI: …" and "Rome. …".
/// </summary>
public static partial class DatelineParser
{
    /// <summary>Capitalised labels that open a paragraph like a dateline but are not places.</summary>
    private static readonly HashSet<string> NotPlaces = new(StringComparer.OrdinalIgnoreCase)
    {
        "Breaking", "Update", "Updated", "Watch", "Live", "Exclusive", "Opinion", "Analysis", "Editorial", "Note",
        "Editor's Note", "Correction", "Photos", "Photo", "Video", "Listen", "Read", "Comment", "Review", "Interview",
        "Yes", "No", "Well", "So", "Okay", "Ok", "Still", "Indeed", "Meanwhile", "Again", "Sure", "Thanks", "Done",
        "Stop", "Wait", "Look", "Now", "Then", "Today", "Yesterday", "Tomorrow", "Exactly", "Nothing", "Everything",
        "Nobody", "Everyone", "Maybe", "Perhaps", "Finally", "Later", "First", "Next", "Last", "Why", "How", "What",
        "Who", "When", "Where", "Hello", "Goodbye", "Enough", "Right", "Wrong", "True", "False", "Never", "Always",
        "Secret", "Silence", "Chaos", "Boom", "Crisis", "Victory", "Defeat", "Sorry", "Please", "Welcome", "News",
        "Alert", "Report", "Statement", "Press", "Release", "Advertisement", "Sponsored", "Summary", "Background",
    };

    /// <summary>
    /// Reads a dateline from the start of <paramref name="paragraph"/>. <paramref name="fullText"/> is the
    /// article's text, used to confirm a "Place." dateline by the place being named again.
    /// </summary>
    public static bool TryParse(string paragraph, string fullText, out Dateline dateline, out string rest)
    {
        dateline = null!;
        rest = paragraph;

        var agency = AgencyDateline().Match(paragraph);
        if (agency.Success)
        {
            var agencyName = agency.Groups["agency"].Value.Trim();
            if (LooksLikeAgency(agencyName) && IsPlaceText(agency.Groups["place"].Value))
            {
                dateline = new Dateline(DisplayPlace(agency.Groups["place"].Value), SourceNames.Canonicalize(agencyName), DatelineText(agency));
                rest = paragraph[agency.Length..];
                return rest.Length > 0;
            }
        }

        foreach (var match in new[] { DashDateline().Match(paragraph), ColonDateline().Match(paragraph) })
        {
            if (match.Success && IsPlaceText(match.Groups["place"].Value) && !HasLabelWord(match.Groups["place"].Value))
            {
                dateline = new Dateline(DisplayPlace(match.Groups["place"].Value), null, DatelineText(match));
                rest = paragraph[match.Length..];
                return rest.Length > 0;
            }
        }

        var period = PeriodDateline().Match(paragraph);
        if (period.Success)
        {
            var place = period.Groups["place"].Value;
            if (!NotPlaces.Contains(place) && IsNamedAgain(place, fullText, period.Index + period.Length))
            {
                dateline = new Dateline(place, null, place);
                rest = paragraph[period.Length..];
                return rest.Length > 0;
            }
        }

        return false;
    }

    private static bool HasLabelWord(string place) =>
        NotPlaces.Contains(place) || place.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(NotPlaces.Contains);

    /// <summary>"ROME" → "Rome", "NEW YORK, N.Y." → "New York, N.Y.", "GAZA CITY, Gaza Strip" → "Gaza City, Gaza Strip".</summary>
    public static string DisplayPlace(string place)
    {
        var parts = place.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !MonthDay().IsMatch(p));
        return string.Join(", ", parts.Select(TitleCaseWords));
    }

    private static string TitleCaseWords(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word =>
            word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c)) && !word.Contains('.')
                ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(word.ToLowerInvariant())
                : word));

    private static string DatelineText(Match match) => match.Value.Trim().TrimEnd('—', '–', '-', ':').Trim();

    private static bool LooksLikeAgency(string name) =>
        SourceNames.IsKnown(name) || AgencyShape().IsMatch(name);

    private static bool IsPlaceText(string place) =>
        place.Length <= 60 && place.Count(char.IsLetter) >= 2;

    /// <summary>The place also appears capitalised later in the article, as a real place name does.</summary>
    private static bool IsNamedAgain(string place, string fullText, int from)
    {
        var index = fullText.IndexOf(place, Math.Min(from, fullText.Length), StringComparison.Ordinal);
        while (index >= 0)
        {
            var before = index > 0 ? fullText[index - 1] : ' ';
            var afterIndex = index + place.Length;
            var after = afterIndex < fullText.Length ? fullText[afterIndex] : ' ';
            if (!char.IsLetterOrDigit(before) && !char.IsLetterOrDigit(after))
            {
                return true;
            }

            index = fullText.IndexOf(place, index + 1, StringComparison.Ordinal);
        }

        return false;
    }

    [GeneratedRegex(@"^(?<place>[\p{Lu}][\p{Lu}'’.\- ]*[\p{Lu}.](?:,\s*[\p{Lu}][\p{L}'’.\- ]*?)*)\s*(?:,\s*(?<date>[\p{Lu}][a-z]{2,8}\.?\s+\d{1,2}))?\s*\((?<agency>[^()]{1,40})\)\s*[—–-]{1,2}\s*")]
    private static partial Regex AgencyDateline();

    [GeneratedRegex(@"^(?<place>[\p{Lu}][\p{Lu}'’.\-]+(?: [\p{Lu}][\p{Lu}'’.\-]+){0,3}(?:,\s*[\p{Lu}][\p{L}'’.\-]+(?: [\p{Lu}][\p{L}'’.\-]+){0,2})?)\s*(?:,\s*[\p{Lu}][a-z]{2,8}\.?\s+\d{1,2})?\s+[—–]\s*|^(?<place>[\p{Lu}][\p{Lu}'’.\-]+(?: [\p{Lu}][\p{Lu}'’.\-]+){0,3})\s+--?\s+")]
    private static partial Regex DashDateline();

    [GeneratedRegex(@"^(?<place>[\p{Lu}][\p{Lu}'’.\-]+(?: [\p{Lu}][\p{Lu}'’.\-]+){0,3})\s*:\s+(?=[\p{Lu}“""‘'])")]
    private static partial Regex ColonDateline();

    [GeneratedRegex(@"^(?<place>[\p{Lu}][\p{Ll}'’]+(?:[ -][\p{Lu}][\p{Ll}'’]+){0,2})\.\s+(?=[\p{Lu}“""‘'])")]
    private static partial Regex PeriodDateline();

    [GeneratedRegex(@"^[A-Z][A-Za-z.&'’ -]{1,30}$")]
    private static partial Regex AgencyShape();

    [GeneratedRegex(@"^[\p{Lu}][a-z]{2,8}\.?\s+\d{1,2}$")]
    private static partial Regex MonthDay();
}
