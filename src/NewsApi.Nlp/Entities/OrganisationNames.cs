namespace NewsApi.Nlp.Entities;

/// <summary>
/// Acronyms of organisations: those a text spells out ("Israel Defense Forces (IDF)", or both forms in one
/// article, matched by initials) and a short list of ones any reader knows without being told.
/// </summary>
public static class OrganisationNames
{
    private static readonly Dictionary<string, string> WellKnown = new(StringComparer.Ordinal)
    {
        ["IDF"] = "Israel Defense Forces",
        ["UN"] = "United Nations",
        ["U.N."] = "United Nations",
        ["EU"] = "European Union",
        ["E.U."] = "European Union",
        ["NATO"] = "North Atlantic Treaty Organization",
        ["CIA"] = "Central Intelligence Agency",
        ["FBI"] = "Federal Bureau of Investigation",
        ["NSA"] = "National Security Agency",
        ["WHO"] = "World Health Organization",
        ["IMF"] = "International Monetary Fund",
        ["WTO"] = "World Trade Organization",
        ["IAEA"] = "International Atomic Energy Agency",
        ["ICC"] = "International Criminal Court",
        ["ICJ"] = "International Court of Justice",
        ["PLO"] = "Palestine Liberation Organization",
        ["PA"] = "Palestinian Authority",
        ["UNRWA"] = "United Nations Relief and Works Agency",
        ["UNICEF"] = "United Nations Children's Fund",
        ["UNHCR"] = "United Nations High Commissioner for Refugees",
        ["ECB"] = "European Central Bank",
        ["SEC"] = "Securities and Exchange Commission",
        ["OPEC"] = "Organization of the Petroleum Exporting Countries",
        ["BBC"] = "British Broadcasting Corporation",
        ["NHS"] = "National Health Service",
        ["ANC"] = "African National Congress",
        ["BJP"] = "Bharatiya Janata Party",
        ["GOP"] = "Republican Party",
        ["AP"] = "Associated Press",
        ["AFP"] = "Agence France-Presse",
    };

    private static readonly HashSet<string> Minor = new(StringComparer.OrdinalIgnoreCase) { "of", "the", "and", "for", "&", "on", "in", "de", "a", "an" };

    /// <summary>The spelled-out name of a well-known acronym, or null.</summary>
    public static string? Expansion(string acronym) => WellKnown.GetValueOrDefault(acronym.Trim());

    /// <summary>True when <paramref name="name"/> is written like an acronym: 2–7 capitals, dots allowed.</summary>
    public static bool LooksLikeAcronym(string name)
    {
        var letters = name.Where(char.IsLetter).ToList();
        return letters.Count is >= 2 and <= 7 && letters.All(char.IsUpper) && name.All(c => char.IsLetter(c) || c == '.' || c == '&');
    }

    /// <summary>The initials of a multi-word name ("Israel Defense Forces" → "IDF"), skipping minor words.</summary>
    public static string Initials(string name)
    {
        var words = name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => !Minor.Contains(w)).ToList();
        return words.Count < 2 ? "" : string.Concat(words.Select(w => char.ToUpperInvariant(w[0])));
    }

    /// <summary>Does <paramref name="acronym"/> abbreviate <paramref name="name"/>, by the text's initials or by common knowledge?</summary>
    public static bool Abbreviates(string acronym, string name)
    {
        if (!LooksLikeAcronym(acronym))
        {
            return false;
        }

        var letters = new string(acronym.Where(char.IsLetter).ToArray());
        return Initials(name) == letters || string.Equals(Expansion(acronym), name, StringComparison.OrdinalIgnoreCase);
    }
}
