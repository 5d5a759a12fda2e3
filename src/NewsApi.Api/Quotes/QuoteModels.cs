using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using NewsApi.Api.Infrastructure;
using NewsApi.Api.Shared;

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

