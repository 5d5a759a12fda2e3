using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using NewsApi.Api.Infrastructure;

namespace NewsApi.Api.Quotes;

/// <summary>Query parameters of <c>GET /quotes</c>.</summary>
public sealed record QuoteListQuery : PageQuery
{
    [FromQuery(Name = "speaker")]
    [Description("Only quotes by this person or organisation (id from /people or /organisations).")]
    public long? Speaker { get; init; }

    [FromQuery(Name = "q")]
    [Description("Full-text search over what was said (web-search syntax: words, \"a phrase\", or, -exclude).")]
    [Example("mistakes")]
    public string? Q { get; init; }

    [FromQuery(Name = "article")]
    [Description("Only quotes from this article.")]
    public long? Article { get; init; }

    [FromQuery(Name = "kind")]
    [Description("direct, partial or indirect.")]
    public string? Kind { get; init; }

    [FromQuery(Name = "from")]
    [Description("Only quotes in articles dated on or after this date (yyyy-MM-dd) or instant.")]
    public string? From { get; init; }

    [FromQuery(Name = "to")]
    [Description("Only quotes in articles dated on or before this date (yyyy-MM-dd, the whole day) or instant.")]
    public string? To { get; init; }
}

/// <summary>Query parameters of a person's or organisation's quotes.</summary>
public sealed record SpeakerQuoteQuery : PageQuery
{
    [FromQuery(Name = "q")]
    [Description("Full-text search over what was said.")]
    public string? Q { get; init; }

    [FromQuery(Name = "from")]
    [Description("Only quotes in articles dated on or after this date (yyyy-MM-dd) or instant.")]
    public string? From { get; init; }

    [FromQuery(Name = "to")]
    [Description("Only quotes in articles dated on or before this date (yyyy-MM-dd, the whole day) or instant.")]
    public string? To { get; init; }
}

/// <summary>Who said it, resolved to a record.</summary>
/// <param name="Id">The person's or organisation's id.</param>
/// <param name="Name">Its canonical name.</param>
/// <param name="Kind">person or organisation.</param>
public sealed record QuoteSpeaker(long Id, string Name, string Kind);

/// <summary>Where a span of text is: in the article's title or body, and its character offsets there.</summary>
/// <param name="Field">title or body.</param>
/// <param name="Start">Offset of the first character (UTF-16 code units, as JavaScript counts).</param>
/// <param name="End">Offset past the last character.</param>
public sealed record TextOffsets(string Field, int Start, int End);

/// <summary>Something an article reports someone said.</summary>
public sealed record QuoteItem
{
    /// <example>1</example>
    public required long Id { get; init; }

    /// <summary>What was said (for indirect speech, the reported clause).</summary>
    /// <example>Mistakes were made in the last few years</example>
    public required string Text { get; init; }

    /// <summary>direct (a whole utterance in quotation marks), partial (quoted words in the writer's sentence) or indirect (reported speech).</summary>
    /// <example>direct</example>
    public required string Kind { get; init; }

    /// <summary>The verb that reports it ("said", "told").</summary>
    /// <example>told</example>
    public string? Cue { get; init; }

    /// <summary>The person or organisation who said it; null when the text only describes the speaker.</summary>
    public QuoteSpeaker? Speaker { get; init; }

    /// <summary>The speaker as the text writes it ("Lapid", "he", "a senior Biden administration official").</summary>
    /// <example>Lapid</example>
    public string? SpeakerText { get; init; }

    /// <summary>Where the quoted words are in the article.</summary>
    public required TextOffsets Offsets { get; init; }

    /// <summary>Where the speaker is named, when the text names one.</summary>
    public TextOffsets? SpeakerOffsets { get; init; }

    /// <example>1</example>
    public required long ArticleId { get; init; }

    public string? ArticleTitle { get; init; }

    /// <summary>The article's date (publication date, else import time).</summary>
    public required DateTimeOffset ArticleDate { get; init; }
}
