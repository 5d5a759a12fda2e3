using System.Runtime.CompilerServices;
using NewsApi.Nlp.Analysis;

namespace NewsApi.Nlp.Entities;

/// <summary>
/// Definite descriptions of people by their office: "the top US diplomat" is the person the article gives the
/// role Secretary of State (or Foreign Minister, …) with the affiliation United States; "the premier" is its
/// Prime Minister. Used for event subjects and quote speakers.
/// </summary>
public static class Descriptions
{
    /// <summary>Nouns that describe an office, and the role titles that hold it.</summary>
    private static readonly Dictionary<string, string[]> RoleNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["diplomat"] = ["Secretary of State", "Foreign Minister", "Foreign Secretary", "Ambassador", "Envoy"],
        ["envoy"] = ["Envoy", "Ambassador", "Special Envoy"],
        ["premier"] = ["Prime Minister", "Premier"],
        ["president"] = ["President"],
        ["minister"] = ["Minister", "Prime Minister", "Foreign Minister", "Defense Minister", "Defence Minister"],
        ["secretary"] = ["Secretary", "Secretary of State", "Foreign Secretary"],
        ["leader"] = ["Leader", "Prime Minister", "President"],
        ["chancellor"] = ["Chancellor"],
    };

    public static bool IsRoleNoun(string word) => RoleNouns.ContainsKey(word);

    /// <summary>Nouns of players a club or a country qualifies ("the Glasgow forward", "the Leicester flanker").</summary>
    internal static readonly HashSet<string> PlayerNouns = new(StringComparer.Ordinal)
    {
        "forward", "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger", "flanker", "fly-half", "scrum-half", "full-back",
        "prop", "hooker", "lock", "centre", "captain", "skipper", "player", "star", "bowler", "batsman", "wicketkeeper",
    };

    /// <summary>Nouns of a relative right before a name ("with wife Ffion", "Nogar's son Stephen").</summary>
    internal static readonly HashSet<string> RelativeNouns = new(StringComparer.Ordinal)
    {
        "son", "daughter", "wife", "husband", "widow", "widower", "brother", "sister", "father", "mother", "girlfriend", "boyfriend",
        "fiancee", "fiance",
    };

    /// <summary>
    /// Function words, pronouns, time words and common verbs: lower-case words that never stand in a noun phrase
    /// describing a name ("US actor", "Cebit organiser", "US rate rises").
    /// </summary>
    private static readonly HashSet<string> NotDescribing = new(StringComparer.Ordinal)
    {
        "the", "and", "or", "but", "nor", "for", "with", "from", "on", "in", "at", "to", "by", "of", "as", "than", "into", "over", "under",
        "after", "before", "since", "during", "until", "through", "against", "about", "amid", "despite", "like", "both", "all", "not", "so",
        "if", "because", "who", "which", "that", "where", "when", "while", "this", "its", "his", "her", "their", "new", "last", "next",
        "earlier", "later", "yesterday", "today", "tonight", "also", "again", "too", "itself", "alone", "instead", "twice", "once", "back",
        "soon", "first", "according",
        "has", "have", "had", "was", "were", "are", "is", "will", "would", "could", "can", "may", "say", "says", "said", "told", "tells",
        "added", "adds", "met", "meets", "beat", "beats", "won", "wins", "lost", "loses", "sees", "saw", "urges", "backs", "joins", "signs",
        "faces", "hits", "hit", "wants", "plans", "gets", "gives", "takes", "makes", "leaves", "quits", "calls", "sold", "bought", "paid",
        "left", "took", "gave", "made", "sent", "held", "kept", "led", "set", "put", "warns", "sells", "buys", "pays", "rules", "names",
        "sues", "fires",
    };

    /// <summary>
    /// A lower-case word that can describe a name in a noun phrase: "actor" in "US actor Ossie Davis", "organiser" in
    /// "Cebit organiser Gabriele Dorries", "rate" in "US rate rises" (letters and hyphens, three or more, no function
    /// word or common verb, no "-ed", "-ing" or "-ly" form).
    /// </summary>
    public static bool IsDescribingNoun(string word) =>
        word.Length > 2 && word.All(c => char.IsLower(c) || c == '-') && !NotDescribing.Contains(word)
        && !word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("ing", StringComparison.Ordinal) && !word.EndsWith("ly", StringComparison.Ordinal);

    /// <summary>
    /// The person a description of up to eight words names by office, with the affiliation a demonym or country
    /// in it gives ("US", "Israeli"); when several people hold a matching role, the most salient. Null when the
    /// description names no office or the article gives no one that role.
    /// </summary>
    public static AnalysedEntity? Person(ArticleAnalysis analysis, IReadOnlyList<string> words)
    {
        var noun = words.LastOrDefault(RoleNouns.ContainsKey);
        if (noun is null || words.Count > 8)
        {
            return null;
        }

        var affiliation = words.Select(w => PlaceNames.CountryOfDemonym(w) ?? (PlaceNames.IsKnownCountryVariant(w) ? PlaceNames.Canonical(w) : null))
            .FirstOrDefault(a => a is not null);
        // "the prime minister", "the welfare minister": a lower-case word before the noun names one office; only a
        // holder whose role says it is that person ("welfare minister Frank Field" is not "the prime minister").
        var at = LastIndex(words, noun);
        var compound = at > 0 && words[at - 1] is var qualifier && qualifier.Length > 2 && qualifier.All(char.IsLower)
                       && !GenericQualifiers.Contains(qualifier) && PlaceNames.CountryOfDemonym(qualifier) is null
            ? $"{qualifier} {noun}"
            : null;
        var shadow = words.Any(w => w.Equals("shadow", StringComparison.OrdinalIgnoreCase));
        var holders = Holders.GetValue(analysis.Entities, BuildHolders);
        AnalysedEntity? best = null;
        foreach (var title in RoleNouns[noun])
        {
            foreach (var (person, roleAffiliation, role) in holders.GetValueOrDefault(title) ?? [])
            {
                if (compound is not null && !title.Equals(compound, StringComparison.OrdinalIgnoreCase)
                    && analysis.Text.AsSpan(role.Start, role.End - role.Start).IndexOf(compound, StringComparison.OrdinalIgnoreCase) < 0)
                {
                    continue;
                }

                // "shadow chancellor Oliver Letwin" is not "the chancellor" (the word may sit just before the role's text).
                if (!shadow && analysis.Text.AsSpan(Math.Max(0, role.Start - 7), role.End - Math.Max(0, role.Start - 7)).IndexOf("shadow", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    continue;
                }

                if ((affiliation is null || roleAffiliation == affiliation) && (best is null || person.Salience > best.Salience
                        || (person.Salience == best.Salience && Order(analysis, person) < Order(analysis, best))))
                {
                    best = person;
                }
            }
        }

        return best;
    }

    /// <summary>Words before an office's noun that do not name another office ("the top diplomat", "the new minister").</summary>
    private static readonly HashSet<string> GenericQualifiers = new(StringComparer.Ordinal)
    {
        "the", "top", "senior", "former", "new", "current", "then", "veteran", "outgoing", "incoming", "acting", "junior", "late", "party",
    };

    private static int LastIndex(IReadOnlyList<string> words, string word)
    {
        for (var i = words.Count - 1; i >= 0; i--)
        {
            if (string.Equals(words[i], word, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Who holds each role title in an article (distinct person and affiliation, with the first role that says so), built once per article.</summary>
    private static readonly ConditionalWeakTable<IReadOnlyList<AnalysedEntity>, Dictionary<string, List<(AnalysedEntity Person, string? Affiliation, Role Role)>>> Holders = new();

    private static Dictionary<string, List<(AnalysedEntity, string?, Role)>> BuildHolders(IReadOnlyList<AnalysedEntity> entities)
    {
        var holders = new Dictionary<string, List<(AnalysedEntity, string?, Role)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in entities.Where(e => e.Kind == AnalysedKind.Person))
        {
            foreach (var role in person.Roles.DistinctBy(r => (r.Title, r.Affiliation)))
            {
                if (!holders.TryGetValue(role.Title, out var list))
                {
                    holders[role.Title] = list = [];
                }

                list.Add((person, role.Affiliation, role));
            }
        }

        return holders;
    }

    /// <summary>Ties on salience go to the entity listed first, as before the index.</summary>
    private static int Order(ArticleAnalysis analysis, AnalysedEntity entity) => IndexOf(analysis.Entities, entity);

    private static int IndexOf(IReadOnlyList<AnalysedEntity> entities, AnalysedEntity entity)
    {
        for (var i = 0; i < entities.Count; i++)
        {
            if (ReferenceEquals(entities[i], entity))
            {
                return i;
            }
        }

        return -1;
    }
}
