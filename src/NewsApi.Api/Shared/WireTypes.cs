using System.ComponentModel;

namespace NewsApi.Api.Shared;

// The wire types several resources show: a span of text, a reference to an entity or a source, evidence, a quote.

/// <summary>Where a span of text is: in the article's title or body, and its character offsets there.</summary>
/// <param name="Field">title or body.</param>
/// <param name="Start">Offset of the first character (UTF-16 code units, as JavaScript counts).</param>
/// <param name="End">Offset past the last character.</param>
public sealed record TextOffsets(string Field, int Start, int End);

/// <summary>Who said it, resolved to a record.</summary>
/// <param name="Id">The person's or organisation's id.</param>
/// <param name="Name">Its canonical name.</param>
/// <param name="Kind">person or organisation.</param>
public sealed record QuoteSpeaker(long Id, string Name, string Kind);

/// <summary>Something an article reports someone said.</summary>
public sealed record QuoteItem
{
    /// <example>1</example>
    public required long Id { get; init; }

    /// <summary>What was said (for indirect speech, the reported clause).</summary>
    /// <example>Mistakes were made in the last few years</example>
    public required string Text { get; init; }

    /// <summary>direct (a whole utterance in quotation marks, or a transcript's turn), partial (quoted words in the writer's sentence) or indirect (reported speech, and stated intents, judgements and questions).</summary>
    /// <example>direct</example>
    public required string Kind { get; init; }

    /// <summary>The verb or mark that reports it: "said", "told", "according to"; "wants", "called", "questioned" for a stated intent, a judgement or a question; ":" for a transcript's turn or a labelled line.</summary>
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

    /// <summary>True when this quote continues the article's previous quote (in text order): a later part of one quotation split around its attribution in one paragraph ("“A,” he said. “B.”"), with the same speaker. Join the parts to read the whole quotation.</summary>
    /// <example>false</example>
    public bool Continues { get; init; }

    /// <example>1</example>
    public required long ArticleId { get; init; }

    public string? ArticleTitle { get; init; }

    /// <summary>The article's date (publication date, else import time).</summary>
    public required DateTimeOffset ArticleDate { get; init; }
}

/// <summary>A person, organisation or place, by reference.</summary>
/// <param name="Id">Its id under /people, /organisations or /places.</param>
/// <param name="Name">Its canonical name.</param>
/// <param name="Kind">person, organisation or place.</param>
public sealed record EntityReference(long Id, string Name, string Kind);

/// <summary>A source, as it appears inside an article.</summary>
/// <param name="Id">The source's id (see <c>GET /sources/{id}</c>).</param>
/// <param name="Name">The canonical name, e.g. "Associated Press".</param>
public sealed record SourceReference(long Id, string Name);

/// <summary>A sentence of an article that supports a fact.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Sentence">The sentence.</param>
public sealed record Evidence(long ArticleId, string Sentence);
