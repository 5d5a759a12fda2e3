namespace NewsApi.Nlp.Entities;

public static class EntityNames
{
    /// <summary>
    /// The matching key of a name: lower case, full stops and typographic apostrophes folded, single spaces
    /// ("U.S." → "us", "Rosh Ha’ayin" → "rosh ha'ayin"). An acronym keeps its capitals: "CIA" is not the Brazilian
    /// company "Cia." (acronyms match case-sensitively).
    /// </summary>
    public static string Key(string name)
    {
        var folded = string.Join(' ', name.Replace('’', '\'').Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var letters = folded.Replace(".", "", StringComparison.Ordinal);
        return letters.Length is >= 2 and <= 7 && letters.All(char.IsUpper) ? letters : letters.ToLowerInvariant();
    }

    /// <summary>The key of a name for looking it up as a user types it: <see cref="Key"/>, in lower case whatever it is ("Bafta", "BAFTA" → "bafta").</summary>
    public static string SearchKey(string name) => Key(name).ToLowerInvariant();

    /// <summary>The last word of a key (a person's surname).</summary>
    public static string LastWord(string key) => key[(key.LastIndexOf(' ') + 1)..];

    public static int WordCount(string key) => key.Length == 0 ? 0 : key.Count(c => c == ' ') + 1;
}
