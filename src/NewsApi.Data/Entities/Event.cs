namespace NewsApi.Data.Entities;

public enum ParticipantRole
{
    /// <summary>Who acts (CAMEO's source actor).</summary>
    Actor1,

    /// <summary>Who is acted upon or with (CAMEO's target actor).</summary>
    Actor2,

    /// <summary>Named in the event but neither (a mediator, an affiliation).</summary>
    Other,
}

/// <summary>
/// One real-world event, however many articles report it. Its fields summarise the articles' own readings
/// (<see cref="ArticleEvent"/>), which are kept so that the summary can be recomputed when an article changes.
/// </summary>
public class Event
{
    public long Id { get; set; }

    /// <summary>The taxonomy's name ("consult_or_meet", "visit", …).</summary>
    public required string Type { get; set; }

    /// <summary>The CAMEO code it maps to.</summary>
    public required string Cameo { get; set; }

    /// <summary>A short generated description ("Antony Blinken meets Yair Lapid in Rome").</summary>
    public required string Title { get; set; }

    /// <summary>First day of the event's date, when an article states one.</summary>
    public DateOnly? DateValue { get; set; }

    public DateOnly? DateUntil { get; set; }

    /// <summary>day, week, month or year.</summary>
    public string? DatePrecision { get; set; }

    /// <summary>Resolved against a date the article states rather than its publication date.</summary>
    public bool DateInferred { get; set; }

    /// <summary>The date expression as written.</summary>
    public string? DateText { get; set; }

    public long? PlaceId { get; set; }

    public Entity? Place { get; set; }

    /// <summary>"eighth" trip: 8.</summary>
    public int? Ordinal { get; set; }

    public int ArticleCount { get; set; }

    public int EvidenceCount { get; set; }

    public double Confidence { get; set; }

    /// <summary>The event's date when known, else the date of the first article reporting it: what lists sort by.</summary>
    public DateTimeOffset SortDate { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<EventParticipant> Participants { get; set; } = [];

    public List<ArticleEvent> Articles { get; set; } = [];
}

/// <summary>One article's reading of an event: what it says about the date, the place and who took part.</summary>
public class ArticleEvent
{
    public long EventId { get; set; }

    public long ArticleId { get; set; }

    public required string Title { get; set; }

    public DateOnly? DateValue { get; set; }

    public DateOnly? DateUntil { get; set; }

    public string? DatePrecision { get; set; }

    public bool DateInferred { get; set; }

    public string? DateText { get; set; }

    public long? PlaceId { get; set; }

    public int? Ordinal { get; set; }

    public double Confidence { get; set; }

    /// <summary>The article's main event (its 5W1H).</summary>
    public bool Main { get; set; }

    /// <summary>Why this article's event was joined to the record ("same type, shared participants Antony Blinken, Yair Lapid; same place Rome").</summary>
    public string? MatchReason { get; set; }
}

/// <summary>An entity taking part in an event, as one article reports it.</summary>
public class EventParticipant
{
    public long EventId { get; set; }

    public long ArticleId { get; set; }

    public long EntityId { get; set; }

    public Entity Entity { get; set; } = null!;

    public ParticipantRole Role { get; set; }
}

/// <summary>A sentence that reports an event.</summary>
public class EventEvidence
{
    public long Id { get; set; }

    public long EventId { get; set; }

    public long ArticleId { get; set; }

    public bool InTitle { get; set; }

    /// <summary>Offsets of the sentence in the article's title or body.</summary>
    public int Start { get; set; }

    public int End { get; set; }

    public required string Sentence { get; set; }

    /// <summary>The trigger word ("met", "talks").</summary>
    public required string Trigger { get; set; }

    public int TriggerStart { get; set; }
}
