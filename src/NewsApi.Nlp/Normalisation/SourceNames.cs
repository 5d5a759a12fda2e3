namespace NewsApi.Nlp.Normalisation;

/// <summary>
/// Canonical names of news agencies and publishers, so that "AP", "The Associated Press" and
/// "Associated Press" are one source. Names not listed are kept as written.
/// </summary>
public static class SourceNames
{
    private static readonly (string Canonical, string[] Aliases)[] Agencies =
    [
        ("Associated Press", ["AP", "The Associated Press", "Associated Press", "The AP"]),
        ("Reuters", ["Reuters", "Thomson Reuters"]),
        ("Agence France-Presse", ["AFP", "Agence France-Presse", "Agence France Presse", "France-Presse"]),
        ("United Press International", ["UPI", "United Press International"]),
        ("Deutsche Presse-Agentur", ["dpa", "Deutsche Presse-Agentur"]),
        ("Xinhua", ["Xinhua", "Xinhua News Agency"]),
        ("ANSA", ["ANSA"]),
        ("EFE", ["EFE"]),
        ("Kyodo News", ["Kyodo", "Kyodo News"]),
        ("Yonhap", ["Yonhap", "Yonhap News Agency"]),
        ("TASS", ["TASS", "ITAR-TASS"]),
        ("Press Trust of India", ["PTI", "Press Trust of India"]),
        ("Indo-Asian News Service", ["IANS", "Indo-Asian News Service"]),
        ("Australian Associated Press", ["AAP", "Australian Associated Press"]),
        ("The Canadian Press", ["CP", "The Canadian Press", "Canadian Press"]),
        ("PA Media", ["PA", "PA Media", "Press Association", "The Press Association"]),
        ("Bloomberg", ["Bloomberg", "Bloomberg News"]),
        ("CNN", ["CNN"]),
        ("BBC News", ["BBC", "BBC News"]),
    ];

    private static readonly Dictionary<string, string> ByAlias = BuildAliasMap();

    /// <summary>True when <paramref name="name"/> is a known agency or publisher name or abbreviation.</summary>
    public static bool IsKnown(string name) => ByAlias.ContainsKey(Trim(name));

    /// <summary>The canonical form of a source name ("The Associated Press" → "Associated Press").</summary>
    public static string Canonicalize(string name)
    {
        var trimmed = Trim(name);
        return ByAlias.TryGetValue(trimmed, out var canonical) ? canonical : trimmed;
    }

    private static string Trim(string name) => name.Trim().TrimEnd('.', ',', ';', ':', ' ').Trim();

    private static Dictionary<string, string> BuildAliasMap()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (canonical, aliases) in Agencies)
        {
            foreach (var alias in aliases)
            {
                map[alias] = canonical;
            }
        }

        return map;
    }
}
