using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsApi.Nlp.Normalisation;

/// <summary>Shape checks and tidying for personal names found in bylines and author notes.</summary>
public static partial class PersonNames
{
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos", "das", "bin", "ibn", "bint", "al", "el", "y", "ten", "ter",
    };

    /// <summary>Lower-case words inside personal names: "van", "de", "bin", "al".</summary>
    public static bool IsParticle(string word) => Particles.Contains(word);

    /// <summary>
    /// Tidies a name as written: drops a nickname in parentheses ("Tobias (Toby) Siegal" → "Tobias Siegal"),
    /// title-cases names written in capitals, and removes trailing punctuation.
    /// </summary>
    public static string Tidy(string name)
    {
        var withoutNickname = Parenthesised().Replace(name, " ");
        var collapsed = Spaces().Replace(withoutNickname, " ").Trim().TrimEnd('.', ',', ';', ':').Trim();
        if (collapsed.Any(char.IsLower))
        {
            return collapsed;
        }

        return CultureInfo.InvariantCulture.TextInfo.ToTitleCase(collapsed.ToLowerInvariant());
    }

    /// <summary>
    /// True when <paramref name="name"/> looks like one person's name: two to five words, each capitalised
    /// (or a particle such as "van" or "al"), no digits.
    /// </summary>
    public static bool IsPlausible(string name)
    {
        if (name.Length is < 4 or > 60 || name.Any(char.IsDigit))
        {
            return false;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 5)
        {
            return false;
        }

        var capitalised = 0;
        foreach (var word in words)
        {
            if (Particles.Contains(word) || Particles.Contains(word.Split('-')[0]))
            {
                continue;
            }

            if (!char.IsUpper(word[0]) || !word.All(c => char.IsLetter(c) || c is '\'' or '’' or '-' or '.'))
            {
                return false;
            }

            capitalised++;
        }

        return capitalised >= 2;
    }

    /// <summary>Splits "A, B and C" or "A &amp; B" into names.</summary>
    public static IReadOnlyList<string> SplitList(string names) =>
        ListSeparator().Split(names).Select(n => n.Trim()).Where(n => n.Length > 0).ToList();

    [GeneratedRegex(@"\s*\([^)]*\)\s*")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)", RegexOptions.IgnoreCase)]
    private static partial Regex ListSeparator();
}
