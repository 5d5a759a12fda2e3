using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsApi.Nlp.Normalisation;

/// <summary>A line the normaliser took out of the body, and why.</summary>
public sealed record RemovedLine(int LineNumber, string Text, string Reason);

/// <summary>An article as clean text with its metadata, ready to store.</summary>
public sealed record NormalizedArticle
{
    public required string Title { get; init; }

    /// <summary>The file has no headline; the title was made from the first sentence.</summary>
    public required bool TitleDerived { get; init; }

    public string? Subtitle { get; init; }

    public required IReadOnlyList<string> Authors { get; init; }

    /// <summary>The publisher or agency, canonical name; null when the text does not say.</summary>
    public string? Source { get; init; }

    public Dateline? Dateline { get; init; }

    /// <summary>The publication date the page states; null when it states none.</summary>
    public DateOnly? PublishedAt { get; init; }

    /// <summary>ISO 639-1 code, or "und" when undetermined (see <see cref="LanguageDetector"/>).</summary>
    public required string Language { get; init; }

    public required IReadOnlyList<string> Paragraphs { get; init; }

    public required int WordCount { get; init; }

    /// <summary>Lines removed as page furniture or metadata, with their 1-based line numbers in the input.</summary>
    public required IReadOnlyList<RemovedLine> Removed { get; init; }

    /// <summary>The body: paragraphs separated by a blank line.</summary>
    public string Body => string.Join(ParagraphSeparator, Paragraphs);

    public const string ParagraphSeparator = "\n\n";

    /// <summary>SHA-256 (hex) of title and body: the article's identity for de-duplication.</summary>
    public string ContentHash()
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(Title + "\n" + Body));
        return Convert.ToHexStringLower(bytes);
    }
}

/// <summary>
/// Turns the decoded text of a news file into a clean article: page furniture removed, headline, standfirst,
/// authors, source, dateline and publication date taken out as metadata, paragraphs kept, whitespace
/// normalised. Every rule is general; each lives in its own class (<see cref="BoilerplateFilter"/>,
/// <see cref="BylineDetector"/>, <see cref="DatelineParser"/>, <see cref="NewsDateParser"/>, <see cref="TitleDeriver"/>).
/// </summary>
public static partial class ArticleNormalizer
{
    /// <summary>Lines near the top and the foot where bylines, dates and credits are looked for.</summary>
    private const int HeadLines = 8;
    private const int FootLines = 6;

    /// <summary>A headline is a short line; longer first lines are body text.</summary>
    private const int MaxHeadlineWords = 30;
    private const int MaxHeadlineLength = 220;

    /// <summary>A line of at least this many words that ends a sentence is article text, not a link or a button.</summary>
    private const int MinParagraphWords = 15;

    public static NormalizedArticle Normalize(string text)
    {
        var lines = ReadLines(text);
        var removed = new List<RemovedLine>();
        var authors = new List<string>();
        string? source = null;
        string? sourceFromAuthorNote = null;
        DateOnly? published = null;
        DateOnly? updated = null;

        void Remove(Line line, string reason)
        {
            line.Removed = true;
            removed.Add(new RemovedLine(line.Number, line.Text, reason));
        }

        // Breadcrumb trails at the top; what follows the trail is a headline hint.
        string? breadcrumbTitle = null;
        foreach (var line in lines.Take(3))
        {
            if (BoilerplateFilter.TryStripBreadcrumb(line.Text, out var remainder))
            {
                breadcrumbTitle = remainder.Length > 0 ? remainder : null;
                Remove(line, "breadcrumb");
            }
        }

        // Metadata lines: credits, author notes, bylines and date lines near the top and the foot.
        var live = lines.Where(l => !l.Removed).ToList();
        for (var i = 0; i < live.Count; i++)
        {
            var line = live[i];
            var inHead = i < HeadLines && i < live.Count / 2;
            var inFoot = i >= live.Count - FootLines;
            if (TryParseSourceLine(line.Text, out var credited))
            {
                source ??= credited;
                Remove(line, "source credit");
            }
            else if (BoilerplateFilter.TryParseCommunityFooter(line.Text, out var community) && (inHead || inFoot))
            {
                sourceFromAuthorNote ??= SourceNames.Canonicalize(community);
                Remove(line, "community footer");
            }
            else if ((inHead || inFoot) && BylineDetector.TryParse(line.Text, out var byline))
            {
                foreach (var author in byline.Authors.Where(a => !authors.Contains(a, StringComparer.OrdinalIgnoreCase)))
                {
                    authors.Add(author);
                }

                // A note at the head is the publisher's own byline; at the foot it usually describes a guest
                // writer's other affiliation, which is not who published this article.
                if (byline.Publisher is not null && inHead)
                {
                    sourceFromAuthorNote ??= byline.Publisher;
                }

                Remove(line, "byline");
            }
            else if ((inHead || inFoot) && NewsDateParser.TryParseDateLine(line.Text, out var date, out var kind))
            {
                if (kind == NewsDateParser.DateLineKind.Updated)
                {
                    updated ??= date;
                }
                else
                {
                    published ??= date;
                }

                Remove(line, "date line");
            }
        }

        published ??= updated;

        // Page furniture: whole tails of link lists and comment forms, and single lines anywhere.
        live = lines.Where(l => !l.Removed).ToList();
        var seenContent = false;
        for (var i = 0; i < live.Count; i++)
        {
            var line = live[i];
            if (seenContent && BoilerplateFilter.IsTailMarker(line.Text)
                && !live.Skip(i + 1).Any(l => LooksLikeArticleText(l.Text)))
            {
                foreach (var tail in live.Skip(i))
                {
                    Remove(tail, "page furniture after the article");
                }

                break;
            }

            var reason = BoilerplateFilter.Classify(line.Text);
            if (reason is not null)
            {
                Remove(line, reason);
            }
            else if (WordCounter.Count(line.Text) >= 12)
            {
                seenContent = true;
            }
        }

        // Headline, its repeats, and the standfirst under it.
        live = lines.Where(l => !l.Removed).ToList();
        string? title = null;
        string? subtitle = null;
        if (live.Count > 0 && IsHeadline(live, breadcrumbTitle))
        {
            var headline = live[0];
            title = TidyHeadline(headline.Text);
            Remove(headline, "headline");
            var key = ComparisonKey(headline.Text);
            foreach (var repeat in live.Skip(1).Where(l => ComparisonKey(l.Text) == key))
            {
                Remove(repeat, "repeated headline");
            }

            live = lines.Where(l => !l.Removed).ToList();
            if (live.Count > 1 && IsStandfirst(live[0], live[1], lines))
            {
                subtitle = live[0].Text;
                Remove(live[0], "standfirst");
            }
        }
        else if (breadcrumbTitle is not null && WordCounter.Count(breadcrumbTitle) <= MaxHeadlineWords)
        {
            title = TidyHeadline(breadcrumbTitle);
        }

        // Body paragraphs; a dateline opens the first one.
        var paragraphs = BuildParagraphs(lines);
        Dateline? dateline = null;
        if (paragraphs.Count > 0 && DatelineParser.TryParse(paragraphs[0], text, out var parsed, out var rest))
        {
            dateline = parsed;
            paragraphs[0] = rest;
        }

        var titleDerived = title is null;
        title ??= TitleDeriver.Derive(paragraphs);
        source ??= dateline?.Agency ?? sourceFromAuthorNote;
        var body = string.Join(NormalizedArticle.ParagraphSeparator, paragraphs);

        return new NormalizedArticle
        {
            Title = title,
            TitleDerived = titleDerived,
            Subtitle = subtitle,
            Authors = authors,
            Source = source,
            Dateline = dateline,
            PublishedAt = published,
            Language = LanguageDetector.Detect(body),
            Paragraphs = paragraphs,
            WordCount = WordCounter.Count(body),
            Removed = removed.OrderBy(r => r.LineNumber).ToList(),
        };
    }

    private sealed class Line(int number, string text, bool blankBefore)
    {
        public int Number { get; } = number;
        public string Text { get; } = text;
        public bool BlankBefore { get; } = blankBefore;
        public bool Removed { get; set; }
    }

    private static List<Line> ReadLines(string text)
    {
        var lines = new List<Line>();
        var blank = false;
        var number = 0;
        foreach (var raw in LineCleaner.SplitLines(text))
        {
            number++;
            var cleaned = LineCleaner.Clean(raw);
            if (cleaned.Length == 0)
            {
                blank = true;
                continue;
            }

            lines.Add(new Line(number, cleaned, blank));
            blank = false;
        }

        return lines;
    }

    private static bool IsHeadline(List<Line> live, string? breadcrumbTitle)
    {
        var candidate = live[0].Text;
        var words = WordCounter.Count(candidate);
        if (words == 0 || words > MaxHeadlineWords || candidate.Length > MaxHeadlineLength || live.Count < 2)
        {
            return false;
        }

        if (DatelineParser.TryParse(candidate, candidate, out _, out _) && words > 12)
        {
            return false;
        }

        var key = ComparisonKey(candidate);
        if (breadcrumbTitle is not null && ComparisonKey(breadcrumbTitle) == key)
        {
            return true;
        }

        if (live.Skip(1).Any(l => ComparisonKey(l.Text) == key))
        {
            return true;
        }

        return !EndsLikeSentence(candidate);
    }

    /// <summary>A standfirst follows the headline directly, reads as a phrase rather than a sentence, and is not a dateline.</summary>
    private static bool IsStandfirst(Line candidate, Line next, List<Line> all)
    {
        var words = WordCounter.Count(candidate.Text);
        if (words is < 5 or > 60 || EndsLikeSentence(candidate.Text))
        {
            return false;
        }

        if (DatelineParser.TryParse(candidate.Text, candidate.Text, out _, out _))
        {
            return false;
        }

        // Directly under the headline, or directly above a byline or author note that was taken out.
        var followedByMetadata = all.Any(l => l.Removed && l.Number > candidate.Number && l.Number < next.Number);
        return !candidate.BlankBefore || followedByMetadata;
    }

    private static bool LooksLikeArticleText(string line) =>
        WordCounter.Count(line) >= MinParagraphWords && (EndsLikeSentence(line) || line.EndsWith('?') || line.EndsWith('!'));

    private static bool EndsLikeSentence(string line)
    {
        var trimmed = line.TrimEnd('"', '”', '’', '\'', ')', ' ');
        if (trimmed.EndsWith("...", StringComparison.Ordinal) || trimmed.EndsWith('…'))
        {
            return false;
        }

        return trimmed.Length > 0 && trimmed[^1] is '.' or ',' or ';' or ':';
    }

    /// <summary>Drops a headline's closing full stop (but not an abbreviation's, nor "?" or "!").</summary>
    private static string TidyHeadline(string headline)
    {
        if (headline.EndsWith("...", StringComparison.Ordinal) || !headline.EndsWith('.'))
        {
            return headline;
        }

        var lastSpace = headline.LastIndexOf(' ');
        var lastWord = headline.AsSpan(lastSpace + 1, headline.Length - lastSpace - 2);
        return Text.Abbreviations.IsDotted(lastWord) || Text.Abbreviations.IsKnown(lastWord) ? headline : headline[..^1];
    }

    /// <summary>Letters and digits only, lower-cased: two lines with the same key say the same thing.</summary>
    private static string ComparisonKey(string line)
    {
        var builder = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Paragraphs are blocks between blank lines. Inside a block each line is a paragraph, unless the block
    /// is hard-wrapped text (lines of similar, moderate length that mostly end mid-sentence), whose lines are
    /// joined.
    /// </summary>
    private static List<string> BuildParagraphs(List<Line> lines)
    {
        var blocks = new List<List<Line>>();
        foreach (var line in lines.Where(l => !l.Removed))
        {
            if (blocks.Count == 0 || line.BlankBefore)
            {
                blocks.Add([]);
            }

            blocks[^1].Add(line);
        }

        var paragraphs = new List<string>();
        foreach (var block in blocks)
        {
            if (IsHardWrapped(block))
            {
                paragraphs.Add(string.Join(' ', block.Select(l => l.Text)));
            }
            else
            {
                paragraphs.AddRange(block.Select(l => l.Text));
            }
        }

        return paragraphs;
    }

    private static bool IsHardWrapped(List<Line> block)
    {
        if (block.Count < 2)
        {
            return false;
        }

        var wrapped = block.Take(block.Count - 1).ToList();
        if (wrapped.Any(l => l.Text.Length is < 40 or > 100))
        {
            return false;
        }

        var openEnded = wrapped.Count(l => !EndsLikeSentence(l.Text) && !l.Text.EndsWith('?') && !l.Text.EndsWith('!'));
        return openEnded * 2 >= wrapped.Count;
    }

    /// <summary>"Source: The Associated Press: …", "© 2021 Reuters", "This article originally appeared on …".</summary>
    private static bool TryParseSourceLine(string line, out string source)
    {
        source = "";
        if (line.Length > 200)
        {
            return false;
        }

        var match = SourceLine().Match(line);
        if (!match.Success)
        {
            match = CopyrightLine().Match(line);
        }

        if (!match.Success)
        {
            return false;
        }

        var name = match.Groups["publisher"].Value.Trim();
        if (name.Length < 2 || WordCounter.Count(name) > 8)
        {
            return false;
        }

        source = SourceNames.Canonicalize(name);
        return true;
    }

    [GeneratedRegex(@"^(?:(?i:source|sources|via|courtesy(?:\s+of)?)\s*:|(?i:courtesy\s+of|originally\s+published\s+(?:by|in|on|at)|this\s+(?:article|story)\s+(?:originally\s+)?(?:appeared|was\s+(?:first\s+)?published)\s+(?:on|in|at|by)))\s*(?<publisher>(?:[Tt]he\s+)?[\p{Lu}][^:|–—]*?)\s*(?:(?:[:|–—]|\s-\s).*)?\.?$")]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"^(?:©|(?i:\(c\)|copyright))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?(?<publisher>[\p{Lu}][^.]*?)\.?\s*(?:(?i:all\s+rights\s+reserved)\.?)?$")]
    private static partial Regex CopyrightLine();
}
