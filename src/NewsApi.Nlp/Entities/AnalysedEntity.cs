namespace NewsApi.Nlp.Entities;

public enum AnalysedKind
{
    Person,
    Organisation,
    Place,
}

/// <summary>A name that is not a person, organisation or place (MISC): "Six Nations", "Xbox", "Million Dollar Baby".</summary>
/// <param name="Name">As first written.</param>
/// <param name="Mentions">Where each mention is, in the analysed text, in text order.</param>
public sealed record OtherName(string Name, IReadOnlyList<(int Start, int End)> Mentions);

/// <summary>One mention of an entity: where it is, and why it belongs to its entity.</summary>
/// <param name="Start">Offset of the first character in the analysed text.</param>
/// <param name="End">Offset just past the last character.</param>
/// <param name="Sentence">Index of its sentence.</param>
/// <param name="Surface">The mention as written (titles and possessives excluded).</param>
/// <param name="Reason">Why it was put with its entity, when that was not by its full name.</param>
public sealed record Mention(int Start, int End, int Sentence, string Surface, string? Reason);

/// <summary>A role the text states for a person: "U.S. Secretary of State Antony Blinken".</summary>
/// <param name="Title">The office or job, title-cased ("Secretary of State", "Security Expert").</param>
/// <param name="Affiliation">Whose office: a country or organisation name, canonical, or null.</param>
/// <param name="AffiliationKind">Whether the affiliation is a place or an organisation.</param>
/// <param name="Former">The text says "former", "ex-", "then" or "late".</param>
/// <param name="Sentence">The sentence that states it.</param>
/// <param name="Start">Offset of the role phrase.</param>
/// <param name="End">Offset past the end of the name it is attached to.</param>
public sealed record Role(string Title, string? Affiliation, AnalysedKind? AffiliationKind, bool Former, int Sentence, int Start, int End);

/// <summary>An entity as one article presents it: one person, organisation or place with all its mentions.</summary>
public sealed class AnalysedEntity
{
    public required AnalysedKind Kind { get; init; }

    /// <summary>The fullest name the article gives ("Antony Blinken", "Israel Defense Forces", "United States").</summary>
    public required string Name { get; set; }

    public List<Mention> Mentions { get; } = [];

    public List<Role> Roles { get; } = [];

    /// <summary>Names other than <see cref="Name"/> it is known by (acronyms, country variants); counted with the mentions.</summary>
    public Dictionary<string, int> Aliases { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Names it goes by that the article did not write, from general rules and the alias file ("Labour" for the
    /// "Labour Party"); used to match it across articles, stored as rule aliases.
    /// </summary>
    public HashSet<string> KnownAs { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>0–1: how central the entity is to the article (mentions, first position, headline).</summary>
    public double Salience { get; set; }

    public int FirstOffset => Mentions.Count == 0 ? int.MaxValue : Mentions.Min(m => m.Start);
}
