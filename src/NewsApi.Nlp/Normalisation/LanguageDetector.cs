namespace NewsApi.Nlp.Normalisation;

/// <summary>
/// Identifies the language of an article from the share of its words that are that language's most common
/// function words ("stopword profile"). Reliable on article-length text in the seven languages profiled;
/// text with too few words, or no clear winner, is "und" (undetermined, ISO 639-2).
/// </summary>
public static class LanguageDetector
{
    public const string Method = "stopword-profile";
    public const string Undetermined = "und";

    private static readonly (string Code, HashSet<string> Words)[] Profiles =
    [
        ("en", Set("the of and to in a is that for it was on with as by at he said from his an be are has have this not but had they were which will their its who been would")),
        ("de", Set("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um")),
        ("fr", Set("le la les de des et en un une du est que qui dans pour pas sur au par il elle ce sont avec plus se ne ont été aux son sa mais")),
        ("es", Set("el la los las de del y en que un una es por con para se no al lo como su más pero sus le ha fue este esta son entre")),
        ("it", Set("il la di che e un una per non in del della è sono con si da al le dei delle gli ha nel alla anche come più ma")),
        ("pt", Set("o a os as de do da dos das e em um uma que é para com não no na por se mais como mas foi ao ele ela seu sua")),
        ("nl", Set("de het een en van in is dat op te zijn met voor niet aan er die om ook als bij maar ze hij wordt door naar dan")),
    ];

    public static string Detect(string text)
    {
        var scores = new int[Profiles.Length];
        var words = 0;
        foreach (var word in Words(text))
        {
            if (++words > 2000)
            {
                break;
            }

            for (var p = 0; p < Profiles.Length; p++)
            {
                if (Profiles[p].Words.Contains(word))
                {
                    scores[p]++;
                }
            }
        }

        if (words < 5)
        {
            return Undetermined;
        }

        var best = 0;
        var second = -1;
        for (var p = 1; p < Profiles.Length; p++)
        {
            if (scores[p] > scores[best])
            {
                second = best;
                best = p;
            }
            else if (second < 0 || scores[p] > scores[second])
            {
                second = p;
            }
        }

        var share = (double)scores[best] / words;
        var clearWinner = second < 0 || scores[best] >= 1.5 * scores[second];
        return share >= 0.15 && clearWinner ? Profiles[best].Code : Undetermined;
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isLetter = i < text.Length && char.IsLetter(text[i]);
            if (isLetter && start < 0)
            {
                start = i;
            }
            else if (!isLetter && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    private static HashSet<string> Set(string words) => new(words.Split(' '), StringComparer.Ordinal);
}
