namespace NewsApi.Nlp.Entities;

public static class EntityNames
{
    /// <summary>
    /// The matching key of a name: lower case, full stops and typographic apostrophes folded, single spaces
    /// ("U.S." → "us", "Rosh Ha’ayin" → "rosh ha'ayin").
    /// </summary>
    public static string Key(string name) =>
        string.Join(' ', name.Replace(".", "", StringComparison.Ordinal).Replace('’', '\'').ToLowerInvariant()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The last word of a key (a person's surname).</summary>
    public static string LastWord(string key) => key[(key.LastIndexOf(' ') + 1)..];

    public static int WordCount(string key) => key.Length == 0 ? 0 : key.Count(c => c == ' ') + 1;
}
