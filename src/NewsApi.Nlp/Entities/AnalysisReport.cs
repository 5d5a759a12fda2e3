namespace NewsApi.Nlp.Entities;

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
