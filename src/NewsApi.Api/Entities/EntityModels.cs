using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using NewsApi.Api.Infrastructure;
using NewsApi.Api.Shared;

namespace NewsApi.Api.Entities;

/// <summary>Query parameters of the entity lists.</summary>
public sealed record EntityListQuery : PageQuery
{
    [FromQuery(Name = "q")]
    [Description("Search names and aliases: by prefix (\"Blin\") and by similarity for misspellings (\"Netanyhu\"), case-insensitive.")]
    [Example("Blinken")]
    public string? Q { get; init; }

    [FromQuery(Name = "sort")]
    [Description("articles (default: most articles first), mentions (most mentions first) or name (A to Z).")]
    [DefaultValue("articles")]
    public string? Sort { get; init; }
}

/// <summary>Query parameters of an entity's articles and mentions.</summary>
public sealed record EntityPageQuery : PageQuery;

/// <summary>A role as the articles state it, with the sentences that state it.</summary>
public sealed record RoleSummary
{
    /// <example>Secretary of State</example>
    public required string Title { get; init; }

    /// <summary>Whose office: a country or organisation, when the text says.</summary>
    /// <example>United States</example>
    public string? Affiliation { get; init; }

    /// <summary>False when the latest article stating it calls it former.</summary>
    public required bool Current { get; init; }

    /// <summary>How many times articles state it.</summary>
    public required int Statements { get; init; }

    public DateTimeOffset? FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>Up to three sentences that state it (on a record's own page, not in lists).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Evidence>? Evidence { get; init; }
}

/// <summary>A person, organisation or place in a list.</summary>
public sealed record EntitySummary
{
    /// <example>1</example>
    public required long Id { get; init; }

    /// <example>Antony Blinken</example>
    public required string Name { get; init; }

    /// <summary>Other names it goes by, most used first.</summary>
    public required IReadOnlyList<string> Aliases { get; init; }

    /// <example>4</example>
    public required int ArticleCount { get; init; }

    /// <example>31</example>
    public required int MentionCount { get; init; }

    /// <summary>People only: their roles (without evidence; see the person's own page).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RoleSummary>? Roles { get; init; }
}

/// <summary>A name an entity goes by.</summary>
/// <param name="Alias">The name as written.</param>
/// <param name="MentionCount">Mentions written this way.</param>
/// <param name="Source">text (seen in articles), manual (added by a correction) or rule (a short form or variant the organisation alias file or a naming rule gives, such as "Labour" for the Labour Party, not yet written for this record).</param>
public sealed record AliasCount(string Alias, int MentionCount, string Source);

/// <summary>An entity often mentioned in the same articles.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">person, organisation or place.</param>
/// <param name="Articles">Articles mentioning both.</param>
public sealed record Connection(long Id, string Name, string Kind, int Articles);

/// <summary>A person, organisation or place in full.</summary>
public sealed record EntityDetail
{
    /// <example>1</example>
    public required long Id { get; init; }

    /// <summary>person, organisation or place.</summary>
    /// <example>person</example>
    public required string Kind { get; init; }

    /// <example>Antony Blinken</example>
    public required string Name { get; init; }

    public required IReadOnlyList<AliasCount> Aliases { get; init; }

    /// <summary>People: the roles articles state, with evidence. Empty for organisations and places.</summary>
    public required IReadOnlyList<RoleSummary> Roles { get; init; }

    public required int ArticleCount { get; init; }

    public required int MentionCount { get; init; }

    /// <summary>Date of the earliest article (publication date, else import time).</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>The entities most often mentioned in the same articles.</summary>
    public required IReadOnlyList<Connection> Connections { get; init; }
}

/// <summary>The sentence around a mention.</summary>
/// <param name="Index">Sentence number in the analysed text.</param>
/// <param name="Text">The sentence.</param>
/// <param name="Start">Offset of the sentence in its field.</param>
/// <param name="End">Offset past its end.</param>
public sealed record MentionSentence(int Index, string Text, int Start, int End);

/// <summary>One mention of an entity in an article.</summary>
public sealed record EntityMentionItem
{
    public required long Id { get; init; }

    public required long ArticleId { get; init; }

    public required string ArticleTitle { get; init; }

    /// <summary>The mention as written.</summary>
    /// <example>Blinken</example>
    public required string Text { get; init; }

    /// <summary>title or body: the field the offsets point into.</summary>
    public required string Field { get; init; }

    public required int Start { get; init; }

    public required int End { get; init; }

    public required MentionSentence Sentence { get; init; }

    /// <summary>Why the mention belongs to this entity when not by its full name.</summary>
    /// <example>surname of Antony Blinken in the same article</example>
    public string? Reason { get; init; }
}

/// <summary>Body of POST …/merge.</summary>
public sealed record MergeRequest
{
    /// <summary>The record to merge into this one; it becomes a redirect to this one.</summary>
    public long? OtherId { get; init; }
}

/// <summary>Body of POST …/aliases and POST …/split.</summary>
public sealed record AliasRequest
{
    /// <example>Tony Blinken</example>
    public string? Alias { get; init; }
}

/// <summary>Body of POST /analyze as JSON (plain text is accepted too).</summary>
public sealed record AnalyzeRequest
{
    /// <summary>An optional headline, analysed before the text.</summary>
    public string? Title { get; init; }

    /// <example>U.S. Secretary of State Antony Blinken met Israeli Foreign Minister Yair Lapid in Rome on Sunday.</example>
    public string? Text { get; init; }

    /// <summary>The publication date (yyyy-MM-dd) that relative dates ("on Sunday", "last month") are read against; without it, relative dates keep their text and have no value (a date the text mentions is no anchor).</summary>
    /// <example>2021-06-28</example>
    public DateOnly? Published { get; init; }
}
