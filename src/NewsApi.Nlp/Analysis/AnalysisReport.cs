using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Events;

namespace NewsApi.Nlp.Analysis;

/// <summary>The analysis of a text as the API's <c>POST /analyze</c> and the CLI's <c>analyze --json</c> print it.</summary>
public sealed record AnalysisReport
{
    /// <summary>The recogniser's model version.</summary>
    public required string Model { get; init; }

    /// <summary>Model and resolution rules together, as stored on analysed articles.</summary>
    public required string PipelineVersion { get; init; }

    public required int Tokens { get; init; }

    public required int Sentences { get; init; }

    /// <summary>People, organisations and places, most salient first, with their mentions and roles.</summary>
    public required IReadOnlyList<ReportEntity> Entities { get; init; }

    /// <summary>Every name the recogniser found, MISC included, before resolution.</summary>
    public required IReadOnlyList<ReportName> Names { get; init; }

    /// <summary>Date expressions and what they resolve to.</summary>
    public IReadOnlyList<ReportDate> Dates { get; init; } = [];

    /// <summary>Quotes with their speakers.</summary>
    public IReadOnlyList<ReportQuote> Quotes { get; init; } = [];

    /// <summary>Events the text reports.</summary>
    public IReadOnlyList<ReportEvent> Events { get; init; } = [];

    /// <summary>The main event: who, what, when, where, why, how.</summary>
    public ReportMainEvent? MainEvent { get; init; }

    /// <summary>Analysis limits the text reached: analysis-truncated, mentions-capped, quotes-capped, events-capped (none for ordinary articles).</summary>
    public IReadOnlyList<string> LimitsReached { get; init; } = [];

    public static AnalysisReport From(ArticleAnalysis analysis, string model, string pipelineVersion) => new()
    {
        Model = model,
        PipelineVersion = pipelineVersion,
        Tokens = analysis.Tokens.Tokens.Count,
        Sentences = analysis.Tokens.Sentences.Count,
        Entities = analysis.Entities.Select(e => new ReportEntity
        {
            Kind = e.Kind.ToString().ToLowerInvariant(),
            Name = e.Name,
            Salience = e.Salience,
            Aliases = e.Aliases.Keys.ToList(),
            Roles = e.Roles.Select(r => new ReportRole(r.Title, r.Affiliation, r.Former, analysis.Text[r.Start..r.End])).Distinct().ToList(),
            Mentions = e.Mentions.Select(m => new ReportMention(m.Start, m.End, m.Surface, m.Sentence, m.Reason)).ToList(),
        }).ToList(),
        Names = analysis.Tokens.Entities.Select(n => new ReportName(n.Type.ToString(), n.Text, n.Start, n.End, n.Confidence)).ToList(),
        Dates = analysis.Dates.Select(d => new ReportDate(d.Text, d.Start, d.End, d.Kind.ToString().ToLowerInvariant(), d.Iso, d.Value, d.Until,
            d.Resolved ? d.Precision.ToString().ToLowerInvariant() : null, d.Inferred, d.Duration)).ToList(),
        Quotes = analysis.Quotes.Select(q => new ReportQuote(q.Text, q.Start, q.End, q.Kind.ToString().ToLowerInvariant(), q.Cue, q.Speaker?.Name, q.SpeakerText, q.Continues)).ToList(),
        Events = analysis.Events.Select(e => new ReportEvent(
            EventTypes.Name(e.Type), EventTypes.Cameo(e.Type).Code, e.Title,
            e.Participants.Select(p => new ReportParticipant(p.Entity.Name, p.Entity.Kind.ToString().ToLowerInvariant(), p.Role.ToString().ToLowerInvariant())).ToList(),
            e.Place?.Name, e.Date?.Text, e.Date?.Iso, e.Date is { Resolved: true } d ? d.Precision.ToString().ToLowerInvariant() : null, e.Date?.Inferred ?? false,
            Math.Round(e.Confidence, 2),
            e.Evidence.Select(x => new ReportEvidence(analysis.Text[x.Start..x.End], x.Start, x.End, x.Trigger)).ToList())).ToList(),
        MainEvent = analysis.MainEvent is { } main ? new ReportMainEvent(main.Who, main.What, main.When, main.Where, main.Why, main.How) : null,
        LimitsReached = analysis.LimitsReached,
    };
}

public sealed record ReportEntity
{
    /// <summary>person, organisation or place.</summary>
    public required string Kind { get; init; }

    public required string Name { get; init; }

    public required double Salience { get; init; }

    public required IReadOnlyList<string> Aliases { get; init; }

    public required IReadOnlyList<ReportRole> Roles { get; init; }

    public required IReadOnlyList<ReportMention> Mentions { get; init; }
}

/// <param name="Title">The office, e.g. "Secretary of State".</param>
/// <param name="Affiliation">Whose office, e.g. "United States".</param>
/// <param name="Former">Stated as former.</param>
/// <param name="Text">The words that state it.</param>
public sealed record ReportRole(string Title, string? Affiliation, bool Former, string Text);

/// <param name="Start">Offset in the analysed text.</param>
/// <param name="End">Offset past the end.</param>
/// <param name="Text">As written.</param>
/// <param name="Sentence">Sentence index.</param>
/// <param name="Reason">Why it belongs to its entity when not by its full name.</param>
public sealed record ReportMention(int Start, int End, string Text, int Sentence, string? Reason);

/// <param name="Type">PER, ORG, LOC or MISC.</param>
/// <param name="Text">As written.</param>
/// <param name="Start">Offset in the analysed text.</param>
/// <param name="End">Offset past the end.</param>
/// <param name="Confidence">The recogniser's probability for the span.</param>
public sealed record ReportName(string Type, string Text, int Start, int End, double Confidence);

/// <param name="Text">As written.</param>
/// <param name="Start">Offset.</param>
/// <param name="End">Offset past the end.</param>
/// <param name="Kind">date or duration.</param>
/// <param name="Value">ISO value at its precision ("2021-06-13", "2021-06", "2021", "2021-W23"); null when unresolved.</param>
/// <param name="From">First day.</param>
/// <param name="Until">Last day.</param>
/// <param name="Precision">day, week, month or year; null when unresolved.</param>
/// <param name="Inferred">Resolved against a date the text states rather than the publication date.</param>
/// <param name="Duration">ISO 8601 duration for durations ("P11D").</param>
public sealed record ReportDate(string Text, int Start, int End, string Kind, string? Value, DateOnly? From, DateOnly? Until, string? Precision, bool Inferred, string? Duration);

/// <param name="Text">The quoted content.</param>
/// <param name="Start">Offset of the content.</param>
/// <param name="End">Offset past its end.</param>
/// <param name="Kind">direct, partial or indirect.</param>
/// <param name="Cue">The cue verb.</param>
/// <param name="Speaker">The resolved speaker's name.</param>
/// <param name="SpeakerText">The speaker as written.</param>
/// <param name="Continues">A later part of the previous quote's quotation, split around its attribution ("“A,” he said. “B.”").</param>
public sealed record ReportQuote(string Text, int Start, int End, string Kind, string? Cue, string? Speaker, string? SpeakerText, bool Continues);

/// <param name="Name">Entity name.</param>
/// <param name="Kind">person, organisation or place.</param>
/// <param name="Role">actor1, actor2 or other.</param>
public sealed record ReportParticipant(string Name, string Kind, string Role);

/// <param name="Sentence">The sentence.</param>
/// <param name="Start">Its offset.</param>
/// <param name="End">Offset past its end.</param>
/// <param name="Trigger">The words that signal the event.</param>
public sealed record ReportEvidence(string Sentence, int Start, int End, string Trigger);

/// <param name="Type">Event type (snake_case).</param>
/// <param name="Cameo">CAMEO code.</param>
/// <param name="Title">A short description.</param>
/// <param name="Participants">Actors and others.</param>
/// <param name="Place">Where.</param>
/// <param name="DateText">The date as written.</param>
/// <param name="Date">The date's ISO value.</param>
/// <param name="DatePrecision">Its precision.</param>
/// <param name="DateInferred">Resolved against a date the text states.</param>
/// <param name="Confidence">0–1.</param>
/// <param name="Evidence">Sentences reporting it.</param>
public sealed record ReportEvent(string Type, string Cameo, string Title, IReadOnlyList<ReportParticipant> Participants, string? Place, string? DateText,
    string? Date, string? DatePrecision, bool DateInferred, double Confidence, IReadOnlyList<ReportEvidence> Evidence);

/// <param name="Who">Who.</param>
/// <param name="What">What.</param>
/// <param name="When">When, as written.</param>
/// <param name="Where">Where.</param>
/// <param name="Why">Why, as a phrase from the text.</param>
/// <param name="How">How, as a phrase from the text.</param>
public sealed record ReportMainEvent(string? Who, string What, string? When, string? Where, string? Why, string? How);
