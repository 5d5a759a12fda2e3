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

    /// <summary>
    /// The person a description of up to eight words names by office, with the affiliation a demonym or country
    /// in it gives ("US", "Israeli"); when several people hold a matching role, the most salient. Null when the
    /// description names no office or the article gives no one that role.
    /// </summary>
    public static ArticleEntity? Person(ArticleAnalysis analysis, IReadOnlyList<string> words)
    {
        var noun = words.LastOrDefault(RoleNouns.ContainsKey);
        if (noun is null || words.Count > 8)
        {
            return null;
        }

        var affiliation = words.Select(w => PlaceNames.CountryOfDemonym(w) ?? (PlaceNames.IsKnownCountryVariant(w) ? PlaceNames.Canonical(w) : null))
            .FirstOrDefault(a => a is not null);
        var titles = RoleNouns[noun];
        return analysis.Entities.Where(p => p.Kind == EntityKind.Person
                && p.Roles.Any(r => titles.Contains(r.Title, StringComparer.OrdinalIgnoreCase) && (affiliation is null || r.Affiliation == affiliation)))
            .OrderByDescending(p => p.Salience).FirstOrDefault();
    }
}
