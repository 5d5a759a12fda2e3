using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using NewsApi.Api.Infrastructure;

namespace NewsApi.Api.Stories;

/// <summary>Query parameters of <c>GET /stories</c>.</summary>
public sealed record StoryListQuery : PageQuery
{
    [FromQuery(Name = "minArticles")]
    [Description("Only stories told by at least this many articles (default 2: stories of one article are left out).")]
    [DefaultValue(2)]
    public int? MinArticles { get; init; }

    [FromQuery(Name = "sort")]
    [Description("latest (default: the most recently updated first) or articles (most articles first).")]
    [DefaultValue("latest")]
    public string? Sort { get; init; }
}

/// <summary>A story in a list.</summary>
public sealed record StorySummary
{
    /// <example>1</example>
    public required long Id { get; init; }

    /// <summary>The title of its earliest article.</summary>
    public required string Title { get; init; }

    public required int ArticleCount { get; init; }

    /// <summary>The earliest article's date (publication date, else import time).</summary>
    public required DateTimeOffset FirstDate { get; init; }

    public required DateTimeOffset LastDate { get; init; }
}

/// <summary>An article of a story.</summary>
/// <param name="Id">The article's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="PublishedAt">Its publication date, when stated.</param>
/// <param name="Date">Its date (publication date, else import time).</param>
/// <param name="File">The file it was imported from.</param>
/// <param name="DuplicateOf">The earlier article it nearly duplicates, when it does.</param>
public sealed record StoryArticle(long Id, string Title, DateOnly? PublishedAt, DateTimeOffset Date, string File, long? DuplicateOf);

/// <summary>A story: articles that tell the same news, earliest first.</summary>
public sealed record StoryDetail
{
    /// <example>1</example>
    public required long Id { get; init; }

    public required string Title { get; init; }

    public required int ArticleCount { get; init; }

    public required DateTimeOffset FirstDate { get; init; }

    public required DateTimeOffset LastDate { get; init; }

    public required IReadOnlyList<StoryArticle> Articles { get; init; }
}

/// <summary>An article like another.</summary>
public sealed record SimilarArticle
{
    /// <example>2</example>
    public required long Id { get; init; }

    public required string Title { get; init; }

    public DateOnly? PublishedAt { get; init; }

    /// <summary>Estimated Jaccard similarity of the two texts' word 3-shingles (0 to 1).</summary>
    /// <example>0.13</example>
    public required double Similarity { get; init; }

    /// <summary>Estimated share of the shorter text's shingles found in the longer one (0 to 1).</summary>
    public required double Containment { get; init; }

    /// <summary>near-duplicate, same-story, or related (shares passages but below the story threshold).</summary>
    /// <example>same-story</example>
    public required string Relation { get; init; }

    /// <summary>True when both articles are in the same story.</summary>
    public required bool SameStory { get; init; }
}
