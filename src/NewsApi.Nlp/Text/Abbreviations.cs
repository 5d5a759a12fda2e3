namespace NewsApi.Nlp.Text;

/// <summary>Words that end with a full stop without ending a sentence in news text.</summary>
public static class Abbreviations
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        // Titles and honorifics.
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sr", "Jr", "St", "Rev", "Hon", "Sen", "Rep", "Gov", "Gen", "Lt",
        "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt", "Cpl", "Pvt", "Supt", "Insp", "Det", "Amb", "Pres", "Atty",
        "Msgr", "Fr", "Sec", "Sens", "Reps", "Messrs", "Mme", "Mlle",
        // (Months and days: below.)
        // Organisations, places and everyday abbreviations.
        "Inc", "Ltd", "Co", "Corp", "Bros", "Plc", "Assn", "Dept", "Univ", "Ave", "Blvd", "Rd", "Mt", "Ft",
        "No", "Nos", "Vol", "vs", "etc", "approx", "est", "fig", "al", "cf", "ca", "ed", "eds",
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La",
        "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex",
        "Va", "Vt", "Wash", "Wis", "Wyo",
    };

    private static readonly HashSet<string> MonthsAndDays = new(StringComparer.OrdinalIgnoreCase)
    {
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
    };

    /// <summary>
    /// True for the abbreviation of a month or a day (without its full stop), which abbreviates only before a number
    /// ("Dec. 5", "Sept. 11"): "hosts Ant and Dec." and "told The Sun." end their sentences.
    /// </summary>
    public static bool IsMonthOrDay(ReadOnlySpan<char> word) =>
        MonthsAndDays.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>True when <paramref name="word"/> (without its full stop) is a known abbreviation.</summary>
    public static bool IsKnown(ReadOnlySpan<char> word) =>
        Known.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || IsMonthOrDay(word);

    /// <summary>
    /// True for dotted forms such as "U.S", "U.N", "a.m" or "e.g" (the final dot removed): letters
    /// separated by dots, each run at most two letters long.
    /// </summary>
    public static bool IsDotted(ReadOnlySpan<char> word)
    {
        if (word.IndexOf('.') < 0)
        {
            return false;
        }

        var run = 0;
        foreach (var c in word)
        {
            if (c == '.')
            {
                if (run == 0)
                {
                    return false;
                }

                run = 0;
            }
            else if (char.IsLetter(c) && ++run <= 2)
            {
                continue;
            }
            else
            {
                return false;
            }
        }

        return run > 0;
    }
}
