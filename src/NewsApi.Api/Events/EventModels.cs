using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using NewsApi.Api.Infrastructure;
using NewsApi.Api.Quotes;
using NewsApi.Api.Shared;

namespace NewsApi.Api.Events;

/// <summary>Query parameters of <c>GET /events</c>.</summary>
public sealed record EventListQuery : PageQuery
{
    [FromQuery(Name = "type")]
    [Description("Only events of this type (see docs/events.md): consult_or_meet, visit, negotiate, call, agreement, ceasefire, acquisition, merger, bid, investment, sale, appoint, resign, elect, dismiss, retire, arrest, charge, trial, verdict, sentence, lawsuit, ruling, fine, ban, attack, fight, killing, protest, product_launch, media_release, publication, prize, match_result, bill, vote, economic_figure, statement, appeal, intent_to_cooperate, demand, criticise, reject, threaten, provide_aid, sanction. Several may be given, comma-separated.")]
    [Example("consult_or_meet")]
    public string? Type { get; init; }

    [FromQuery(Name = "from")]
    [Description("Only events dated on or after this date (yyyy-MM-dd). An event's date is the date the articles state, else the date of its first article.")]
    public string? From { get; init; }

    [FromQuery(Name = "to")]
    [Description("Only events dated on or before this date (yyyy-MM-dd, the whole day).")]
    public string? To { get; init; }

    [FromQuery(Name = "participant")]
    [Description("Only events this person, organisation or place takes part in (an entity id).")]
    public long? Participant { get; init; }

    [FromQuery(Name = "place")]
    [Description("Only events that happen in this place (id from /places).")]
    public long? Place { get; init; }

    [FromQuery(Name = "article")]
    [Description("Only events this article reports.")]
    public long? Article { get; init; }

    [FromQuery(Name = "sort")]
    [Description("-date (default: latest first), date (earliest first) or articles (most reported first).")]
    [DefaultValue("-date")]
    public string? Sort { get; init; }

    [FromQuery(Name = "minConfidence")]
    [Description("Only events at least this confident (0 to 1). The default, 0.5, serves the precise ones; lower it to see hedged and weakly attested events too.")]
    [DefaultValue(0.5)]
    public double? MinConfidence { get; init; }
}

/// <summary>Query parameters of an entity's events and of the timeline.</summary>
public sealed record EntityEventQuery : PageQuery
{
    [FromQuery(Name = "type")]
    [Description("Only events of these types (comma-separated).")]
    public string? Type { get; init; }

    [FromQuery(Name = "from")]
    [Description("Only events dated on or after this date (yyyy-MM-dd).")]
    public string? From { get; init; }

    [FromQuery(Name = "to")]
    [Description("Only events dated on or before this date (yyyy-MM-dd).")]
    public string? To { get; init; }

    [FromQuery(Name = "minConfidence")]
    [Description("Only events at least this confident (0 to 1). The default, 0.5, serves the precise ones; lower it to see hedged and weakly attested events too.")]
    [DefaultValue(0.5)]
    public double? MinConfidence { get; init; }
}

/// <summary>An event's date as the articles state it.</summary>
/// <param name="Value">ISO 8601 at its precision: "2021-06-27", "2021-W26", "2021-06", "2021", or a span of years "1973/1990".</param>
/// <param name="Precision">day, week, month or year.</param>
/// <param name="Inferred">True when resolved against a date the article states rather than its publication date.</param>
/// <param name="From">First day.</param>
/// <param name="Until">Last day.</param>
/// <param name="Text">The words that state it ("on Sunday").</param>
public sealed record EventDate(string Value, string Precision, bool Inferred, DateOnly From, DateOnly Until, string? Text)
{
    public static EventDate? Of(DateOnly? from, DateOnly? until, string? precision, bool inferred, string? text)
    {
        if (from is not { } value)
        {
            return null;
        }

        var iso = precision switch
        {
            "day" => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "month" => value.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            "year" => value.Year.ToString(CultureInfo.InvariantCulture),
            _ => $"{ISOWeek.GetYear(value.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(value.ToDateTime(TimeOnly.MinValue)):00}",
        };
        return new EventDate(iso, precision ?? "week", inferred, value, until ?? value, text);
    }
}

/// <summary>Someone taking part in an event.</summary>
/// <param name="Id">The entity's id.</param>
/// <param name="Name">Its canonical name.</param>
/// <param name="Kind">person, organisation or place.</param>
/// <param name="Role">actor1 (who acts), actor2 (acted upon or with) or other.</param>
public sealed record EventParticipantItem(long Id, string Name, string Kind, string Role);

/// <summary>An event in a list.</summary>
public sealed record EventSummary
{
    /// <example>1</example>
    public required long Id { get; init; }

    /// <example>consult_or_meet</example>
    public required string Type { get; init; }

    /// <summary>The CAMEO code the type maps to.</summary>
    /// <example>040</example>
    public required string Cameo { get; init; }

    /// <example>Antony Blinken meets Yair Lapid in Rome</example>
    public required string Title { get; init; }

    public EventDate? Date { get; init; }

    public EntityReference? Place { get; init; }

    public required IReadOnlyList<EventParticipantItem> Participants { get; init; }

    /// <summary>How many articles report it.</summary>
    public required int ArticleCount { get; init; }

    /// <summary>0 to 1: how sure the extraction is, higher when several articles report it.</summary>
    public required double Confidence { get; init; }
}

/// <summary>An article reporting an event.</summary>
/// <param name="Id">The article's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="PublishedAt">Its publication date, when stated.</param>
/// <param name="MatchReason">Why its report was joined to this event.</param>
public sealed record EventArticle(long Id, string Title, DateOnly? PublishedAt, string? MatchReason);

/// <summary>A sentence reporting an event.</summary>
/// <param name="ArticleId">The article it is in.</param>
/// <param name="Sentence">The sentence.</param>
/// <param name="Offsets">Where the sentence is in the article.</param>
/// <param name="Trigger">The word that signals the event.</param>
public sealed record EventEvidenceItem(long ArticleId, string Sentence, TextOffsets Offsets, string Trigger);

/// <summary>One real-world event, with every article and sentence that reports it.</summary>
public sealed record EventDetail
{
    /// <example>1</example>
    public required long Id { get; init; }

    /// <example>consult_or_meet</example>
    public required string Type { get; init; }

    /// <example>040</example>
    public required string Cameo { get; init; }

    /// <summary>The CAMEO root category ("04 Consult").</summary>
    public required string CameoRoot { get; init; }

    /// <example>Antony Blinken meets Yair Lapid in Rome</example>
    public required string Title { get; init; }

    public EventDate? Date { get; init; }

    public EntityReference? Place { get; init; }

    /// <summary>"eighth" trip: 8.</summary>
    public int? Ordinal { get; init; }

    public required IReadOnlyList<EventParticipantItem> Participants { get; init; }

    /// <summary>The articles that report it, earliest first.</summary>
    public required IReadOnlyList<EventArticle> Articles { get; init; }

    /// <summary>The sentences that report it, by article and position; at most 50 (see <see cref="EvidenceCount"/>).</summary>
    public required IReadOnlyList<EventEvidenceItem> Evidence { get; init; }

    /// <summary>How many sentences report it in all, listed or not.</summary>
    /// <example>4</example>
    public required int EvidenceCount { get; init; }

    public required double Confidence { get; init; }
}

