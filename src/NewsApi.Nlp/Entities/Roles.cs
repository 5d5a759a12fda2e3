using System.Globalization;

namespace NewsApi.Nlp.Entities;

/// <summary>The words of job titles and offices in news English ("Secretary of State", "Foreign Minister", "CIA director").</summary>
public static class Roles
{
    /// <summary>Words that make a phrase a title ("Minister", "director", "expert").</summary>
    private static readonly HashSet<string> Heads = new(StringComparer.OrdinalIgnoreCase)
    {
        "President", "Minister", "Secretary", "Chancellor", "Premier", "King", "Queen", "Prince", "Princess", "Emir",
        "Sheikh", "Sultan", "Ambassador", "Envoy", "Director", "Chairman", "Chairwoman", "Chair", "Chief", "CEO",
        "Spokesman", "Spokeswoman", "Spokesperson", "Senator", "Governor", "Mayor", "Judge", "Justice", "General",
        "Admiral", "Colonel", "Commander", "Leader", "Speaker", "Adviser", "Advisor", "Commissioner", "Pope",
        "Archbishop", "Bishop", "Rabbi", "Imam", "Coach", "Manager", "Captain", "Editor", "Correspondent", "Official",
        "Expert", "Analyst", "Economist", "Professor", "Founder", "Owner", "Representative", "Congressman",
        "Congresswoman", "Lawmaker", "MP", "Negotiator", "Mediator", "Diplomat", "Lawyer", "Attorney", "Prosecutor",
        "Researcher", "Fellow", "Executive", "Head", "Officer", "Striker", "Midfielder", "Defender", "Goalkeeper",
        "Chairperson", "Deputy", "Secretary-General", "Prime Minister",
    };

    /// <summary>Words that qualify a title ("Foreign", "Defense", "Prime", "of State").</summary>
    private static readonly HashSet<string> Modifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "Foreign", "Defense", "Defence", "Finance", "Interior", "Justice", "Health", "Education", "Trade", "Economy",
        "Economic", "Energy", "State", "Home", "National", "Security", "Deputy", "Vice", "Acting", "Chief", "Prime",
        "General", "Attorney", "Senior", "Top", "Military", "Intelligence", "Executive", "Managing", "Supreme",
        "Crown", "Opposition", "Party", "Cabinet", "Press", "Communications", "Policy", "Foreign Affairs", "Affairs",
        "Transport", "Environment", "Agriculture", "Labour", "Labor", "Culture", "Sports", "Technology", "Treasury",
        "Joint", "Staff", "Special", "Assistant", "Associate", "Majority", "Minority", "House", "Senate", "Regional",
        "Political", "Legal", "Medical", "Technical", "Financial", "Operating", "Information", "Science",
    };

    private static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase) { "of", "for" };

    private static readonly HashSet<string> FormerWords = new(StringComparer.OrdinalIgnoreCase) { "former", "ex", "ex-", "then", "late", "erstwhile" };

    public static bool IsHead(string word) => Heads.Contains(word);

    public static bool IsTitleWord(string word) => Heads.Contains(word) || Modifiers.Contains(word);

    public static bool IsConnector(string word) => Connectors.Contains(word);

    public static bool IsFormer(string word) => FormerWords.Contains(word);

    /// <summary>Title case, keeping minor words lower ("secretary of state" → "Secretary of State").</summary>
    public static string Normalize(IEnumerable<string> words) =>
        string.Join(' ', words.Select((w, i) => i > 0 && (Connectors.Contains(w) || w is "the" or "and")
            ? w.ToLowerInvariant()
            : w.Length <= 4 && w.All(c => char.IsUpper(c) || !char.IsLetter(c)) ? w
            : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w.ToLowerInvariant())));
}
