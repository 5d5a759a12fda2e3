using System.Text.RegularExpressions;

namespace NewsApi.Nlp.Normalisation;

/// <summary>
/// Recognises the lines a web page adds around an article: breadcrumbs, comment forms, share buttons,
/// related-link lists, newsletter prompts, community footers. The patterns describe ordinary news pages;
/// none is written for one particular file.
/// </summary>
public static partial class BoilerplateFilter
{
    /// <summary>
    /// A breadcrumb trail at the top of a page ("Home Posts …", "Home › World › Middle East"). Returns what
    /// follows the trail, which is often the headline.
    /// </summary>
    public static bool TryStripBreadcrumb(string line, out string remainder)
    {
        var match = Breadcrumb().Match(line);
        remainder = match.Success ? line[match.Length..].Trim() : line;
        return match.Success;
    }

    /// <summary>
    /// Lines that start the page furniture after an article ("Related Posts", "Leave a Reply", "Social Media"):
    /// when only short lines follow, everything from here on is furniture.
    /// </summary>
    public static bool IsTailMarker(string line) => line.Length <= 80 && TailMarker().IsMatch(line);

    /// <summary>A single line of page furniture anywhere in the text, or null when the line is content.</summary>
    public static string? Classify(string line)
    {
        if (line.Length > 160)
        {
            return null;
        }

        if (TailMarker().IsMatch(line))
        {
            return "page furniture";
        }

        if (CommentForm().IsMatch(line))
        {
            return "comment form";
        }

        if (ShareButtons().IsMatch(line))
        {
            return "share buttons";
        }

        if (Prompt().IsMatch(line))
        {
            return "prompt";
        }

        if (MediaCredit().IsMatch(line))
        {
            return "media credit";
        }

        return null;
    }

    /// <summary>"The Times of Israel Community." and the like: a publisher's community footer.</summary>
    public static bool TryParseCommunityFooter(string line, out string publisher)
    {
        var match = CommunityFooter().Match(line);
        publisher = match.Success ? match.Groups["publisher"].Value : "";
        return match.Success;
    }

    [GeneratedRegex(@"^(?:home|start|main)(?:\s*[>»›/|:]\s*|\s+(?=posts?\b|news\b|blog\b|articles?\b|world\b))(?:(?:posts?|news|blog|articles?|world|[\p{L}&' -]{1,30}?)\s*[>»›/|]\s*)*(?:posts?\s+|news\s+|blog\s+|articles?\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex Breadcrumb();

    [GeneratedRegex(@"^(?:related(?:\s+(?:posts?|articles?|stories|news|content|coverage|reading|links|topics|items))?|more\s+(?:stories|news|articles|from\s+[\p{L} ]{1,40})|recommended(?:\s+(?:for you|stories|articles|reading))?|you\s+(?:might|may)\s+also\s+(?:like|enjoy)|also\s+read|read\s+(?:next|more|also)|leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+a\s+comment|(?:\d+\s+)?comments?|comments\s+are\s+closed|join\s+the\s+(?:conversation|discussion)|share\s+(?:this|on|via)(?:\s+(?:article|story|post|page))?|social\s+media|follow\s+us(?:\s+on\s+[\p{L}, ]{1,60})?|(?:previous|next)\s+(?:post|article|story)|tags?|filed\s+under|categories|popular(?:\s+(?:posts|stories))?|trending(?:\s+now)?|most\s+(?:read|popular|viewed))\s*[:.]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TailMarker();

    [GeneratedRegex(@"^(?:your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked|you\s+must\s+be\s+logged\s+in\s+to\s+post|log\s+in\s+to\s+(?:comment|reply)|save\s+my\s+name,\s+email|notify\s+me\s+of\s+(?:new\s+)?(?:follow-up\s+)?comments|cancel\s+reply|(?:tags?|filed\s+under|categories|posted\s+in)\s*:)", RegexOptions.IgnoreCase)]
    private static partial Regex CommentForm();

    [GeneratedRegex(@"^(?:(?:share|tweet|email|print|copy\s+link|facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|messenger|flipboard)[\s,|•·/]*)+$", RegexOptions.IgnoreCase)]
    private static partial Regex ShareButtons();

    [GeneratedRegex(@"^(?:advertisement|advert|sponsored(?:\s+content)?|skip\s+to\s+(?:main\s+)?content|click\s+here\b.*|subscribe(?:\s+now|\s+to\s+.*)?|sign\s+up\b.*\bnewsletter\b.*|get\s+(?:our|the)\s+(?:free\s+)?(?:app|newsletter)\b.*|download\s+(?:our|the)\s+app\b.*|loading\.*|listen\s+to\s+(?:this\s+)?(?:article|story)\b.*|\d+\s+min(?:ute)?s?\s+read|reading\s+time\s*:.*|all\s+rights\s+reserved\.?|scroll\s+to\s+continue.*|continue\s+reading.*|read\s+more\s*[:›»>].*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Prompt();

    [GeneratedRegex(@"^(?:photo|image|picture|video|graphic)s?(?:\s+credit)?\s*:\s*.{1,80}$", RegexOptions.IgnoreCase)]
    private static partial Regex MediaCredit();

    [GeneratedRegex(@"^(?<publisher>(?:[Tt]he\s+)?[\p{Lu}][\p{L}\p{N}'’&.-]*(?:\s+(?:of|the|and|&|[\p{Lu}][\p{L}\p{N}'’&.-]*)){0,6})\s+[Cc]ommunity\.?$")]
    private static partial Regex CommunityFooter();
}
