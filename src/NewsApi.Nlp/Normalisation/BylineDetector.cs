using System.Text.RegularExpressions;

namespace NewsApi.Nlp.Normalisation;

/// <summary>What a byline or author note says: who wrote the article, and for whom when it says so.</summary>
public sealed record Byline(IReadOnlyList<string> Authors, string? Publisher);

/// <summary>
/// Recognises the lines that name an article's authors: bylines ("By Jane Doe and John Roe, Reuters"),
/// author notes ("Tobias (Toby) Siegal is a breaking news editor and contributor to The Times of Israel.")
/// and agency credits ("Reporting by Jane Doe; Editing by John Roe"). Such lines are metadata, not body text.
/// </summary>
public static partial class BylineDetector
{
    public static bool TryParse(string line, out Byline byline) =>
        TryParseByline(line, out byline) || TryParseAuthorNote(line, out byline) || TryParseReportingCredit(line, out byline);

    /// <summary>"By Jane Doe", "By JANE DOE and John Roe | CNN", "Written by Jane Doe, Associated Press".</summary>
    public static bool TryParseByline(string line, out Byline byline)
    {
        byline = null!;
        var match = BylinePattern().Match(line);
        if (!match.Success || WordCount(line) > 16)
        {
            return false;
        }

        var names = match.Groups["names"].Value;
        string? publisher = null;
        var credit = PublisherSuffix().Match(names);
        if (credit.Success)
        {
            publisher = SourceNames.Canonicalize(credit.Groups["publisher"].Value);
            names = names[..credit.Index];
        }

        var parts = PersonNames.SplitList(names);
        if (publisher is null && parts.Count > 1 && SourceNames.IsKnown(parts[^1]))
        {
            // "By Jane Doe, Reuters": a trailing agency name is the publisher, not an author.
            publisher = SourceNames.Canonicalize(parts[^1]);
            parts = parts.Take(parts.Count - 1).ToList();
        }

        var authors = parts.Select(PersonNames.Tidy).ToList();
        if (authors.Count == 0 || !authors.All(PersonNames.IsPlausible))
        {
            return false;
        }

        byline = new Byline(authors, publisher);
        return true;
    }

    /// <summary>"Jane Doe is a senior correspondent for Example News."</summary>
    public static bool TryParseAuthorNote(string line, out Byline byline)
    {
        byline = null!;
        var match = AuthorNotePattern().Match(line);
        if (!match.Success || WordCount(line) > 60)
        {
            return false;
        }

        var name = PersonNames.Tidy(match.Groups["name"].Value);
        if (!PersonNames.IsPlausible(name))
        {
            return false;
        }

        var role = match.Groups["role"].Value;
        var publisherMatch = PublisherInNote().Match(role);
        var publisher = publisherMatch.Success ? SourceNames.Canonicalize(publisherMatch.Groups["publisher"].Value) : null;
        byline = new Byline([name], publisher);
        return true;
    }

    /// <summary>"Reporting by Jane Doe and John Roe; Editing by Sam Poe": the reporters are the authors.</summary>
    public static bool TryParseReportingCredit(string line, out Byline byline)
    {
        byline = null!;
        var match = ReportingCredit().Match(line);
        if (!match.Success)
        {
            return false;
        }

        var authors = PersonNames.SplitList(match.Groups["names"].Value).Select(PersonNames.Tidy).ToList();
        if (authors.Count == 0 || !authors.All(PersonNames.IsPlausible))
        {
            return false;
        }

        byline = new Byline(authors, null);
        return true;
    }

    private static int WordCount(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"^(?i:by|written by|words by|story by|text by)\s*:?\s+(?<names>[\p{Lu}][^:;]*?)\s*$")]
    private static partial Regex BylinePattern();

    [GeneratedRegex(@"\s*(?:\||\s[-–—]\s|,\s*(?:for|at)\s)\s*(?<publisher>[\p{Lu}][\p{L}\p{N}'’&. -]{1,60})$")]
    private static partial Regex PublisherSuffix();

    [GeneratedRegex(
        @"^(?<name>[\p{Lu}][\p{L}'’.-]*(?:\s+(?:\([^)]{1,30}\)|[\p{Lu}][\p{L}'’.-]*|de|da|van|von|al|bin|del|la|le)){1,5})\s+(?:is|was|has been)\s+(?:an?|the)\s+(?<role>(?:[\p{L}-]+\s+){0,4}(?:editor|reporter|correspondent|writer|journalist|columnist|contributor|producer|analyst|author|blogger|freelancer|photographer|intern|fellow)s?\b[^\n]{0,200}?)\.?$")]
    private static partial Regex AuthorNotePattern();

    [GeneratedRegex(@"\b(?:at|for|to|with|of)\s+(?<publisher>(?:[Tt]he\s+)?[\p{Lu}][\p{L}\p{N}'’&.-]*(?:\s+(?:of|the|and|&|for|[\p{Lu}][\p{L}\p{N}'’&.-]*))*)")]
    private static partial Regex PublisherInNote();

    [GeneratedRegex(@"^\(?\s*(?i:(?:additional\s+)?reporting\s+by)\s+(?<names>[^;)]+?)\s*(?:[;)]|\bin\s+[\p{Lu}]|$)")]
    private static partial Regex ReportingCredit();
}
