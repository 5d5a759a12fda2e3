using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using NewsApi.Api.Infrastructure;
using NewsApi.Api.Shared;

namespace NewsApi.Api.Articles;

/// <summary>Query parameters of <c>GET /articles</c>.</summary>
public sealed record ArticleListQuery : PageQuery
{
    [FromQuery(Name = "q")]
    [Description("Full-text search over title, standfirst and body, in web-search syntax: words, \"a phrase\", or, -exclude.")]
    [Example("Blinken Lapid")]
    public string? Q { get; init; }

    [FromQuery(Name = "source")]
    [Description("Only articles from this source: its id, or its name (case-insensitive).")]
    [Example("Associated Press")]
    public string? Source { get; init; }

    [FromQuery(Name = "from")]
    [Description("Only articles dated on or after this date (yyyy-MM-dd) or instant (ISO 8601). An article's date is its publication date, or its import time when the text states none.")]
    [Example("2021-06-01")]
    public string? From { get; init; }

    [FromQuery(Name = "to")]
    [Description("Only articles dated on or before this date (yyyy-MM-dd, the whole day) or instant (ISO 8601).")]
    [Example("2024-12-31")]
    public string? To { get; init; }

    [FromQuery(Name = "person")]
    [Description("Only articles that mention this person (id from /people).")]
    public long? Person { get; init; }

    [FromQuery(Name = "organisation")]
    [Description("Only articles that mention this organisation (id from /organisations).")]
    public long? Organisation { get; init; }

    [FromQuery(Name = "place")]
    [Description("Only articles that mention this place (id from /places).")]
    public long? Place { get; init; }

    [FromQuery(Name = "name")]
    [Description("Only articles that mention this other name (a work, product, competition, event or award, as listed in an article's names), compared ignoring case and punctuation.")]
    [Example("Six Nations")]
    public string? Name { get; init; }

    [FromQuery(Name = "sort")]
    [Description("newest (default), oldest, or relevance (only with q).")]
    [DefaultValue("newest")]
    public string? Sort { get; init; }
}

/// <summary>An article in a list.</summary>
public sealed record ArticleSummary
{
    /// <example>1</example>
    public required long Id { get; init; }

    /// <example>Blinken Meets With His New Israeli Counterpart As Both Governments Attempt To Reestablish Relations</example>
    public required string Title { get; init; }

    /// <summary>True when the file had no headline and the title was made from the first sentence.</summary>
    public required bool TitleDerived { get; init; }

    /// <summary>The standfirst under the headline, when the article has one.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Authors named by a byline or author note.</summary>
    public required IReadOnlyList<string> Authors { get; init; }

    /// <summary>The publisher or agency; null when the text does not say.</summary>
    public SourceReference? Source { get; init; }

    /// <summary>The dateline place, e.g. "Rome".</summary>
    /// <example>Rome</example>
    public string? Dateline { get; init; }

    /// <summary>The publication date the article states; null when it states none.</summary>
    public DateOnly? PublishedAt { get; init; }

    /// <summary>ISO 639-1 language code, or "und" when undetermined.</summary>
    /// <example>en</example>
    public required string Language { get; init; }

    /// <example>1089</example>
    public required int WordCount { get; init; }

    /// <summary>The start of the body.</summary>
    public required string Excerpt { get; init; }

    /// <summary>The file the article was imported from, relative to the import folder.</summary>
    /// <example>000_e37a18c862025018.txt</example>
    public required string File { get; init; }

    public required DateTimeOffset ImportedAt { get; init; }
}

/// <summary>An article in full.</summary>
public sealed record ArticleDetail
{
    /// <example>1</example>
    public required long Id { get; init; }

    /// <example>Blinken Meets With His New Israeli Counterpart As Both Governments Attempt To Reestablish Relations</example>
    public required string Title { get; init; }

    /// <summary>True when the file had no headline and the title was made from the first sentence.</summary>
    public required bool TitleDerived { get; init; }

    /// <summary>The standfirst under the headline, when the article has one.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Authors named by a byline or author note.</summary>
    public required IReadOnlyList<string> Authors { get; init; }

    /// <summary>The publisher or agency; null when the text does not say.</summary>
    public SourceReference? Source { get; init; }

    /// <summary>The dateline place, e.g. "Rome".</summary>
    /// <example>Rome</example>
    public string? Dateline { get; init; }

    /// <summary>The publication date the article states; null when it states none.</summary>
    public DateOnly? PublishedAt { get; init; }

    /// <summary>ISO 639-1 language code, or "und" when undetermined (detected from function-word frequencies).</summary>
    /// <example>en</example>
    public required string Language { get; init; }

    /// <example>1089</example>
    public required int WordCount { get; init; }

    /// <summary>The body as paragraphs, page furniture removed.</summary>
    public required IReadOnlyList<string> Paragraphs { get; init; }

    /// <summary>The body as one text, paragraphs separated by a blank line.</summary>
    public required string Body { get; init; }

    /// <summary>The file the article was imported from, relative to the import folder.</summary>
    /// <example>000_e37a18c862025018.txt</example>
    public required string File { get; init; }

    /// <summary>The encoding the file was decoded with.</summary>
    /// <example>utf-8</example>
    public required string Encoding { get; init; }

    /// <summary>How the file was read: "encoding-fallback" (not valid UTF-8, read as Windows-1252), "byte-order-mark", "line-ends-normalised".</summary>
    public required IReadOnlyList<string> Flags { get; init; }

    public required DateTimeOffset ImportedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The people the article mentions, most salient first.</summary>
    public required IReadOnlyList<ArticleEntityItem> People { get; init; }

    /// <summary>The organisations the article mentions, most salient first.</summary>
    public required IReadOnlyList<ArticleEntityItem> Organisations { get; init; }

    /// <summary>The places the article mentions, most salient first.</summary>
    public required IReadOnlyList<ArticleEntityItem> Places { get; init; }

    /// <summary>
    /// Other names: works, products, competitions, events and awards (not people, organisations or places), in
    /// order of first mention. Filter articles by one with <c>GET /articles?name=</c>.
    /// </summary>
    public required IReadOnlyList<ArticleNameItem> Names { get; init; }

    /// <summary>Who said what, in text order.</summary>
    public required IReadOnlyList<QuoteItem> Quotes { get; init; }

    /// <summary>The events the article reports, in the order it first reports them (see <c>GET /events/{id}</c>).</summary>
    public required IReadOnlyList<ArticleEventItem> Events { get; init; }

    /// <summary>The article's main event in the 5W1H frame; null when it reports no event.</summary>
    public MainEventItem? MainEvent { get; init; }

    /// <summary>
    /// The date expressions of the title and body, in text order, resolved against the publication date: without
    /// one, relative dates ("on Monday", "last year") keep their text and have no value. Found when the article was
    /// analysed (the whole text, also past the analysis's length limit).
    /// </summary>
    public required IReadOnlyList<ArticleDate> Dates { get; init; }

    /// <summary>The story the article belongs to (see <c>GET /stories/{id}</c>).</summary>
    public long? StoryId { get; init; }

    /// <summary>The earlier article this one nearly duplicates, when it does.</summary>
    public long? DuplicateOf { get; init; }

    /// <summary>What produced the entity annotations (recogniser model and resolution rules); null until analysed.</summary>
    public string? PipelineVersion { get; init; }
}

/// <summary>A name in an article that is not a person, organisation or place: a work, product, competition, event or award.</summary>
/// <param name="Name">As first written: "Six Nations", "Xbox", "Million Dollar Baby".</param>
/// <param name="MentionCount">How often the article names it.</param>
/// <param name="Offsets">Where it is first named, in the title or the body.</param>
public sealed record ArticleNameItem(string Name, int MentionCount, TextOffsets Offsets);

/// <summary>A date expression in an article.</summary>
/// <param name="Text">As written: "on Monday", "3 March 2004", "last year".</param>
/// <param name="Offsets">Where it is, in the title or the body.</param>
/// <param name="Kind">date (a point or period) or duration ("11-day").</param>
/// <param name="Value">What it denotes, ISO at its precision ("2004-03-03", "2004-03", "2004", "2004-W10", a span of years "1973/1990"); null when unresolved.</param>
/// <param name="Precision">day, week, month or year; null when unresolved.</param>
/// <param name="From">The first day it denotes; null when unresolved.</param>
/// <param name="Until">The last day it denotes; null when unresolved.</param>
/// <param name="Duration">For durations, ISO 8601 ("P11D").</param>
public sealed record ArticleDate(string Text, TextOffsets Offsets, string Kind, string? Value, string? Precision, DateOnly? From, DateOnly? Until, string? Duration);

/// <summary>An event an article reports.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Type">Its type.</param>
/// <param name="Title">Its title.</param>
public sealed record ArticleEventItem(long Id, string Type, string Title);

/// <summary>The article's main event: who did what, when, where, why and how, as short phrases from the text.</summary>
public sealed record MainEventItem
{
    /// <summary>
    /// Who acted: the event's actors, or, when the lead names no one as its subject, the person or organisation
    /// whose name opens the headline, else the lead's subject phrase ("Computer users"), which
    /// <see cref="WhoEntities"/> then leaves empty.
    /// </summary>
    /// <example>U.S. Secretary of State Antony Blinken and Israeli Foreign Minister Yair Lapid</example>
    public string? Who { get; init; }

    /// <example>met</example>
    public required string What { get; init; }

    /// <example>on Sunday</example>
    public string? When { get; init; }

    /// <example>in Rome</example>
    public string? Where { get; init; }

    public string? Why { get; init; }

    public string? How { get; init; }

    /// <summary>The event record.</summary>
    public long? EventId { get; init; }

    /// <summary>The entities <see cref="Who"/> names.</summary>
    public required IReadOnlyList<EntityReference> WhoEntities { get; init; }

    public EntityReference? WherePlace { get; init; }

    /// <summary>The resolved date of <see cref="When"/>, ISO at its precision.</summary>
    public string? WhenValue { get; init; }
}

/// <summary>An entity in an article, most salient first.</summary>
/// <param name="Id">The entity.</param>
/// <param name="Name">Its name.</param>
/// <param name="Salience">0–1: mentions, first position and headline presence in this article.</param>
/// <param name="MentionCount">Mentions in this article.</param>
public sealed record ArticleEntityItem(long Id, string Name, double Salience, int MentionCount);
