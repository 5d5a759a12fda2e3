using System.Reflection;
using NewsApi.Nlp.Ner;

namespace NewsApi.Nlp.Entities;

/// <summary>
/// Names of organisations: acronyms a text spells out ("Israel Defense Forces (IDF)", or both forms in one
/// article, matched by initials), the names and short forms of the alias file the project owns
/// (<c>data/aliases/organisations.tsv</c>: "Tories" is the Conservative Party, "BBC" the British Broadcasting
/// Corporation), and the variants general rules derive ("Labour Party" is also "Labour", "Liberal Democrats"
/// also "Liberal Democrat").
/// </summary>
public static class OrganisationNames
{
    private static readonly (Dictionary<string, string> Names, Dictionary<string, string> Acronyms, Dictionary<string, string[]> Lines) Known = Load();

    private static readonly HashSet<string> Minor = new(StringComparer.OrdinalIgnoreCase) { "of", "the", "and", "for", "&", "on", "in", "de", "a", "an" };

    /// <summary>The organisation's name in the alias file for one of its names or acronyms ("Tories" → "Conservative Party"), or null.</summary>
    /// Acronyms match only as written ("CIA", not "Cia"); other names ignore case and punctuation.
    public static string? Canonical(string name)
    {
        name = name.Trim();

        // A singular of a plural the file lists names the same organisation ("Conservative" MP, "Liberal Democrat").
        return Known.Acronyms.GetValueOrDefault(name) ?? Known.Names.GetValueOrDefault(EntityNames.Key(name))
            ?? (LooksLikeAcronym(name) || name.EndsWith('s') ? null : Known.Names.GetValueOrDefault(EntityNames.Key(name + "s")));
    }

    /// <summary>The spelled-out name of a well-known acronym, or null.</summary>
    public static string? Expansion(string acronym) => LooksLikeAcronym(acronym.Trim()) ? Canonical(acronym) : null;

    /// <summary>
    /// Other names general rules give the organisation, for matching across articles: without a closing "Party"
    /// ("Labour Party" → "Labour"), the last word in the singular ("Liberal Democrats" → "Liberal Democrat",
    /// "Tories" → "Tory"), and the alias file's names for it ("Tories" → "Conservative Party", "Tory Party"). Acronyms have none but the file's.
    /// </summary>
    public static IEnumerable<string> Variants(string name)
    {
        var variants = new List<string>();
        if (Canonical(name) is { } canonical)
        {
            variants.AddRange(Known.Lines[canonical].Where(n => !string.Equals(n, name, StringComparison.OrdinalIgnoreCase)));
        }

        if (LooksLikeAcronym(name))
        {
            return variants;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 2 && words[^1] is "Party" or "party" && !Minor.Contains(words[^2]))
        {
            variants.Add(string.Join(' ', words[..^1]));
        }

        // Only simple names: "Party of the Regions" is not also "Party of the Region".
        if (!words.Any(Minor.Contains) && Singular(words[^1]) is { } singular)
        {
            variants.Add(string.Join(' ', words[..^1].Append(singular)));
        }

        return variants.Distinct(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A political party: a name ending in "Party", or one whose alias-file line has such a name ("Liberal Democrats",
    /// "Liberal Democrat Party"; "Labour", "Labour Party").
    /// </summary>
    public static bool IsParty(string name) =>
        name.EndsWith(" Party", StringComparison.OrdinalIgnoreCase)
        || (Canonical(name) is { } canonical && Known.Lines[canonical].Any(n => n.EndsWith(" Party", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Words for members or voices of an organisation that the recogniser sometimes takes into its name.</summary>
    private static readonly HashSet<string> MemberWords = new(StringComparer.Ordinal)
    {
        "MP", "MPs", "MSP", "MSPs", "MEP", "MEPs", "AM", "AMs", "peer", "peers", "councillor", "councillors", "activist", "activists",
        "member", "members", "supporter", "supporters", "voter", "voters", "leader", "leaders", "candidate", "candidates",
        "spokesman", "spokeswoman", "spokesperson", "source", "sources", "chairman", "chairwoman", "minister", "ministers",
    };

    /// <summary>
    /// The organisation a mention names when the recogniser took in what follows it: a possessive ("Labour's") or a
    /// word for its members after a name of the alias file ("Labour MPs", "Tory MP for Sleaford", "Lib Dem
    /// spokesman"), what a known organisation's possessive owns ("Scottish National Party's Holyrood"), a closing
    /// format ("Sony DVD"). Other mentions are returned as they are.
    /// </summary>
    public static EntityMention TrimMembers(EntityMention mention)
    {
        var text = mention.Text;
        if (text.EndsWith("'s", StringComparison.Ordinal) || text.EndsWith("’s", StringComparison.Ordinal))
        {
            return mention with { Text = text[..^2], End = mention.End - 2 };
        }

        // "Scottish National Party's Holyrood": the organisation whose something it is.
        var possessive = Math.Max(text.IndexOf("'s ", StringComparison.Ordinal), text.IndexOf("’s ", StringComparison.Ordinal));
        if (possessive > 0 && Canonical(text[..possessive]) is not null)
        {
            return mention with { Text = text[..possessive], End = mention.Start + possessive };
        }

        var words = text.Split(' ');

        // "Sony DVD": a format is no part of the name (though "TV" is of broadcasters': "YLE TV", "Sky TV").
        if (words.Length > 1 && NameTypes.NotNames.Contains(words[^1]) && words[^1] is not ("TV" or "TVs"))
        {
            var kept = text[..text.LastIndexOf(' ')];
            return mention with { Text = kept, End = mention.Start + kept.Length };
        }

        for (var k = words.Length - 1; k >= 1; k--)
        {
            if (MemberWords.Contains(words[k]))
            {
                var prefix = string.Join(' ', words[..k]);
                if (Canonical(prefix) is not null)
                {
                    return mention with { Text = prefix, End = mention.Start + prefix.Length };
                }
            }
        }

        return mention;
    }

    /// <summary>"Democrats" → "Democrat", "Tories" → "Tory"; null when the word does not look like a plural.</summary>
    private static string? Singular(string word)
    {
        if (word.Length < 5 || !char.IsUpper(word[0]) || !word.All(char.IsLetter) || word.All(char.IsUpper))
        {
            return null;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        // "News", "Express", "Reuters" and "Times" are not plurals of anything an organisation is called.
        return word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && word is not ("News" or "Times" or "Reuters" or "Series" or "Games" or "Olympics" or "Athletics" or "Nations")
            ? word[..^1]
            : null;
    }

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

    private static (Dictionary<string, string> Names, Dictionary<string, string> Acronyms, Dictionary<string, string[]> Lines) Load()
    {
        var known = (new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string[]>(StringComparer.Ordinal));
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("NewsApi.Nlp.organisations.tsv")
            ?? throw new InvalidOperationException("The organisation alias file is not embedded.");
        using var reader = new StreamReader(stream);
        Read(reader, known);
        return known;
    }

    private static void Read(TextReader reader, (Dictionary<string, string> Names, Dictionary<string, string> Acronyms, Dictionary<string, string[]> Lines) known)
    {
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var names = line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            known.Lines[names[0]] = names;
            foreach (var name in names)
            {
                if (LooksLikeAcronym(name))
                {
                    known.Acronyms[name] = names[0];
                }
                else
                {
                    known.Names[EntityNames.Key(name)] = names[0];
                }
            }
        }
    }
}
