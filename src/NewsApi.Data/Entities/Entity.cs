namespace NewsApi.Data.Entities;

public enum EntityKind
{
    Person,
    Organisation,
    Place,
}

/// <summary>One real-world person, organisation or place, with its counters kept up to date by the importer.</summary>
public class Entity
{
    public long Id { get; set; }

    public EntityKind Kind { get; set; }

    public required string Name { get; set; }

    /// <summary>Lower-case name without full stops, for matching.</summary>
    public required string NameKey { get; set; }

    /// <summary>The last word of <see cref="NameKey"/> (a person's surname), for joining surname-only records.</summary>
    public required string LastWordKey { get; set; }

    /// <summary>Set when a correction merged this record into another; requests for it are redirected there.</summary>
    public long? MergedIntoId { get; set; }

    public int ArticleCount { get; set; }

    public int MentionCount { get; set; }

    /// <summary>The earliest and latest article dates (publication date, else import time) it appears in.</summary>
    public DateTimeOffset? FirstSeen { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<EntityAlias> Aliases { get; set; } = [];
}

public enum AliasSource
{
    /// <summary>The text wrote it.</summary>
    Text,

    /// <summary>A correction added it.</summary>
    Manual,

    /// <summary>A correction removed it, or split it off: it must not be matched to this entity again.</summary>
    Blocked,

    /// <summary>
    /// A general rule or the organisation alias file gives it ("Labour" for the "Labour Party", "Tories" for the
    /// Conservative Party); no article wrote it for this record yet.
    /// </summary>
    Rule,
}

/// <summary>A name an entity goes by, with the number of mentions written that way.</summary>
public class EntityAlias
{
    public long Id { get; set; }

    public long EntityId { get; set; }

    public Entity Entity { get; set; } = null!;

    public EntityKind Kind { get; set; }

    public required string Alias { get; set; }

    public required string AliasKey { get; set; }

    public int MentionCount { get; set; }

    public AliasSource Source { get; set; }
}

/// <summary>One place in one article that names an entity.</summary>
public class EntityMention
{
    public long Id { get; set; }

    public long EntityId { get; set; }

    public long ArticleId { get; set; }

    /// <summary>True when the mention is in the title (offsets are then into the title), else in the body.</summary>
    public bool InTitle { get; set; }

    public int Start { get; set; }

    public int End { get; set; }

    public required string Surface { get; set; }

    /// <summary>The surface as an alias key (lower case, no full stops), to count aliases.</summary>
    public required string SurfaceKey { get; set; }

    public int SentenceIndex { get; set; }

    /// <summary>Offsets of the sentence, in the same field as the mention.</summary>
    public int SentenceStart { get; set; }

    public int SentenceEnd { get; set; }

    /// <summary>Why this mention belongs to its entity when not by its full name ("surname of Antony Blinken …").</summary>
    public string? Reason { get; set; }
}

/// <summary>An entity's presence in an article.</summary>
public class ArticleEntity
{
    public long ArticleId { get; set; }

    public long EntityId { get; set; }

    public Entity Entity { get; set; } = null!;

    public int MentionCount { get; set; }

    public double Salience { get; set; }

    /// <summary>Why the article's mentions were matched to this entity ("same name", "known alias IDF", …).</summary>
    public string? MatchReason { get; set; }
}

/// <summary>A role the text gives a person ("Secretary of State" of the United States), with its evidence.</summary>
public class EntityRole
{
    public long Id { get; set; }

    public long EntityId { get; set; }

    public long ArticleId { get; set; }

    public required string Title { get; set; }

    public string? Affiliation { get; set; }

    public EntityKind? AffiliationKind { get; set; }

    public bool Former { get; set; }

    public bool InTitle { get; set; }

    public int Start { get; set; }

    public int End { get; set; }

    public required string Evidence { get; set; }
}

public enum CorrectionKind
{
    Merge,
    AddAlias,
    RemoveAlias,
    Split,
}

/// <summary>A correction a person made, kept as such (the change it made is in the other tables).</summary>
public class EntityCorrection
{
    public long Id { get; set; }

    public CorrectionKind Kind { get; set; }

    public long EntityId { get; set; }

    public long? OtherEntityId { get; set; }

    public string? Alias { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
