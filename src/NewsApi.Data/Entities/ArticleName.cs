namespace NewsApi.Data.Entities;

/// <summary>
/// A name in an article that is not a person, organisation or place (the recogniser's MISC): a work, product,
/// competition, event or award ("Six Nations", "Xbox", "Million Dollar Baby"). One row per name per article.
/// </summary>
public class ArticleName
{
    public long ArticleId { get; set; }

    /// <summary>The lookup key (<c>EntityNames.SearchKey</c>, lower case): what <c>GET /articles?name=</c> compares.</summary>
    public required string NameKey { get; set; }

    /// <summary>As first written in the article.</summary>
    public required string Name { get; set; }

    public int MentionCount { get; set; }

    /// <summary>True when the first mention is in the title (offsets are then into the title), else in the body.</summary>
    public bool InTitle { get; set; }

    /// <summary>Offsets of the first mention.</summary>
    public int Start { get; set; }

    public int End { get; set; }
}
