namespace NewsApi.Data.Entities;

/// <summary>Articles that tell one story: near-duplicates and rewrites of each other.</summary>
public class Story
{
    /// <summary>The id of the article that started the story.</summary>
    public long Id { get; set; }

    /// <summary>The title of its earliest article.</summary>
    public required string Title { get; set; }

    public int ArticleCount { get; set; }

    public DateTimeOffset FirstDate { get; set; }

    public DateTimeOffset LastDate { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A sampled word-shingle hash of an article (the sketch near-duplicates are found by).</summary>
public class ArticleShingle
{
    public int Hash { get; set; }

    public long ArticleId { get; set; }
}

/// <summary>The article's main event in the 5W1H frame, stored on the article as JSON.</summary>
public class MainEventFrame
{
    public string? Who { get; set; }

    public required string What { get; set; }

    public string? When { get; set; }

    public string? Where { get; set; }

    public string? Why { get; set; }

    public string? How { get; set; }

    /// <summary>Filled in after the event is stored.</summary>
    public long? EventId { get; set; }

    /// <summary>The entities <see cref="Who"/> names.</summary>
    public List<long> WhoIds { get; set; } = [];

    public long? WhereId { get; set; }

    /// <summary>ISO date of <see cref="When"/> at its precision, when resolved.</summary>
    public string? WhenValue { get; set; }
}
