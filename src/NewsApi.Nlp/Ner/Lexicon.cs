using System.Text.Json;

namespace NewsApi.Nlp.Ner;

/// <summary>
/// Word lists the tagger consults: gazetteers of countries, demonyms, cities, regions and given names (built
/// from <c>../shared/data/gazetteers</c> at training time and stored in the model only as phrase hashes), cue
/// words written here (titles, organisation and place words), and, per word, how often it is capitalised in
/// mid-sentence in unlabeled news text.
/// </summary>
public sealed class Lexicon
{
    public const int MaxPhraseWords = 6;

    /// <summary>The lists, one bit each.</summary>
    public enum List
    {
        Country,
        Demonym,
        City,
        Region,
        GivenName,
        PersonTitle,
        OrganisationWord,
        PlaceWord,
        TimeWord,
        Agency,
        KnownOrganisation,
        MiscWord,
    }

    public static readonly int ListCount = Enum.GetValues<List>().Length;

    /// <summary>Phrase hash → bit mask of lists.</summary>
    public Dictionary<ulong, ushort> Phrases { get; } = [];

    /// <summary>Hashes of the words that begin some phrase: a word not here starts no match.</summary>
    public HashSet<ulong> PhraseFirstWords { get; } = [];

    /// <summary>Lower-cased word hash → capitalisation bucket (see <see cref="CapitalisationBucket"/>).</summary>
    public Dictionary<ulong, byte> Capitalisation { get; } = [];

    /// <summary>Word hash → distributional classes: a coarse class in the high 16 bits, a fine one in the low 16.</summary>
    public Dictionary<ulong, uint> Clusters { get; } = [];

    /// <summary>The classes of a word as written, else of its lower-case form, else of its capitalised form ("delaware", "MIRAMAR").</summary>
    public uint ClustersOf(WordForm word) =>
        Clusters.TryGetValue(word.WordHash, out var classes) ? classes
        : Clusters.TryGetValue(word.LowerHash, out classes) ? classes
        : Clusters.GetValueOrDefault(word.TitleHash);

    /// <summary>The mid-sentence capitalisation bucket of a word (0 = not seen in unlabeled text).</summary>
    public byte CapitalisationOf(WordForm word) => Capitalisation.GetValueOrDefault(word.LowerHash);

    /// <summary>Learns word classes at two granularities from unlabeled sentences (see <see cref="WordClusters"/>).</summary>
    public void LearnClusters(IReadOnlyList<IReadOnlyList<string>> sentences, int coarse, int fine, int iterations, TextWriter? log = null)
    {
        var coarseClasses = WordClusters.Train(sentences, coarse, iterations, minCount: 3, log);
        var fineClasses = WordClusters.Train(sentences, fine, iterations, minCount: 3, log);
        foreach (var (word, coarseClass) in coarseClasses)
        {
            Clusters[FeatureHash.Text(word)] = (uint)coarseClass << 16 | (uint)fineClasses[word];
        }
    }

    public void Add(List list, IEnumerable<string> words)
    {
        var lower = words.Select(w => w.ToLowerInvariant()).ToList();
        if (lower.Count == 0 || lower.Count > MaxPhraseWords)
        {
            return;
        }

        var hash = FeatureHash.Phrase(lower.Select(w => FeatureHash.Text(w)));
        Phrases[hash] = (ushort)(Phrases.GetValueOrDefault(hash) | (1 << (int)list));
        PhraseFirstWords.Add(FeatureHash.Text(lower[0]));
    }

    public void Add(List list, string phrase) => Add(list, SplitPhrase(phrase));

    public ushort Lookup(IEnumerable<string> lowerWords) => Phrases.GetValueOrDefault(FeatureHash.Phrase(lowerWords.Select(w => FeatureHash.Text(w))));

    /// <summary>Does <paramref name="list"/> hold the single word <paramref name="word"/> (any case)?</summary>
    public bool Holds(string word, List list) => (Lookup([word.ToLowerInvariant()]) & (1 << (int)list)) != 0;

    /// <summary>Splits a gazetteer name into words the way the tokenizer would.</summary>
    public static IEnumerable<string> SplitPhrase(string phrase)
    {
        var tokens = Text.Tokenizer.Tokenize(phrase);
        return tokens.Select(t => WordForms.Normalize(t.Span(phrase)));
    }

    /// <summary>Buckets a word's mid-sentence capitalisation: 1–5 by share, +5 when the word is rare (fewer than 5 sightings).</summary>
    public static byte CapitalisationBucket(int capitalised, int total)
    {
        var share = (double)capitalised / total;
        var bucket = share switch
        {
            < 0.02 => 1,
            < 0.3 => 2,
            < 0.7 => 3,
            < 0.98 => 4,
            _ => 5,
        };
        return (byte)(total < 5 ? bucket + 5 : bucket);
    }

    /// <summary>Fills the gazetteers from the shared data folder (countries.json, world-cities.csv, given names).</summary>
    public void LoadGazetteers(string folder, int minGivenNameBirths = 300)
    {
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "countries", "countries.json"))))
        {
            foreach (var country in json.RootElement.EnumerateArray())
            {
                var name = country.GetProperty("name");
                Add(List.Country, name.GetProperty("common").GetString()!);
                Add(List.Country, name.GetProperty("official").GetString()!);
                foreach (var alternative in country.GetProperty("altSpellings").EnumerateArray())
                {
                    var text = alternative.GetString()!;
                    if (text.Length > 2 || text is "US" or "UK")
                    {
                        Add(List.Country, text);
                    }
                }

                if (country.TryGetProperty("capital", out var capitals))
                {
                    foreach (var capital in capitals.EnumerateArray())
                    {
                        Add(List.City, capital.GetString()!);
                    }
                }

                if (country.TryGetProperty("demonyms", out var demonyms) && demonyms.TryGetProperty("eng", out var english))
                {
                    foreach (var form in new[] { "m", "f" })
                    {
                        if (english.TryGetProperty(form, out var demonym) && demonym.GetString() is { Length: > 0 } text)
                        {
                            Add(List.Demonym, text);
                            Add(List.Demonym, text.EndsWith('s') ? text : text + "s");
                        }
                    }
                }
            }
        }

        foreach (var line in File.ReadLines(Path.Combine(folder, "world-cities", "world-cities.csv")).Skip(1))
        {
            var columns = SplitCsv(line);
            if (columns.Count >= 3)
            {
                Add(List.City, columns[0]);
                Add(List.Region, columns[2]);
            }
        }

        foreach (var line in File.ReadLines(Path.Combine(folder, "given-names", "DERIVED_totals_1880_2023.tsv")).Skip(1))
        {
            var columns = line.Split('\t');
            if (columns.Length >= 3 && long.TryParse(columns[2], out var births) && births >= minGivenNameBirths)
            {
                Add(List.GivenName, columns[0]);
            }
        }
    }

    /// <summary>
    /// Counts, per word, how often it is capitalised when it is not the first word of a sentence, over
    /// unlabeled text (sentences of tokens). Words seen fewer than twice are left out.
    /// </summary>
    public void LearnCapitalisation(IEnumerable<IReadOnlyList<string>> sentences)
    {
        var counts = new Dictionary<string, (int Capitalised, int Total)>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            var letters = sentence.Count(w => w.Any(char.IsLetter));
            var capitals = sentence.Count(w => w.Any(char.IsLetter) && !w.Any(char.IsLower));
            if (letters == 0 || capitals * 10 >= letters * 8)
            {
                continue;
            }

            for (var i = 1; i < sentence.Count; i++)
            {
                var word = sentence[i];
                if (word.Length == 0 || !char.IsLetter(word[0]) || sentence[i - 1] is "\"" or "'" or ":" or "-" or "(")
                {
                    continue;
                }

                var lower = word.ToLowerInvariant();
                var (capitalised, total) = counts.GetValueOrDefault(lower);
                counts[lower] = (capitalised + (char.IsUpper(word[0]) ? 1 : 0), total + 1);
            }
        }

        foreach (var (word, (capitalised, total)) in counts)
        {
            if (total >= 2)
            {
                Capitalisation[FeatureHash.Text(word)] = CapitalisationBucket(capitalised, total);
            }
        }
    }

    /// <summary>Cue words that are general knowledge of news English, not taken from any data set.</summary>
    public void LoadCueWords()
    {
        foreach (var title in PersonTitles)
        {
            Add(List.PersonTitle, title);
        }

        foreach (var word in OrganisationWords)
        {
            Add(List.OrganisationWord, word);
        }

        foreach (var word in PlaceWords)
        {
            Add(List.PlaceWord, word);
        }

        foreach (var word in TimeWords)
        {
            Add(List.TimeWord, word);
        }

        foreach (var word in AgencyNames)
        {
            Add(List.Agency, word);
        }

        foreach (var name in KnownOrganisations)
        {
            Add(List.KnownOrganisation, name);
        }

        foreach (var word in MiscWords)
        {
            Add(List.MiscWord, word);
        }
    }

    private static List<string> SplitCsv(string line)
    {
        var columns = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                columns.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        columns.Add(current.ToString());
        return columns;
    }

    private static readonly string[] PersonTitles =
    [
        "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof", "Prof.", "Sir", "Dame", "Lord", "Lady", "President", "Vice President",
        "Prime Minister", "Minister", "Secretary", "Secretary of State", "Senator", "Sen.", "Rep.", "Representative", "Congressman",
        "Congresswoman", "Governor", "Gov.", "Mayor", "Chancellor", "King", "Queen", "Prince", "Princess", "Sheikh", "Emir",
        "Pope", "Cardinal", "Archbishop", "Bishop", "Rabbi", "Imam", "Father", "Rev.", "General", "Gen.", "Colonel", "Col.",
        "Major", "Maj.", "Captain", "Capt.", "Lieutenant", "Lt.", "Sergeant", "Sgt.", "Admiral", "Adm.", "Commander",
        "Judge", "Justice", "Attorney General", "Ambassador", "Envoy", "Speaker", "Chairman", "Chairwoman", "Chair",
        "Chief Executive", "CEO", "Director", "Spokesman", "Spokeswoman", "Spokesperson", "Coach", "Manager", "Striker",
        "Midfielder", "Defender", "Goalkeeper", "Captain", "Champion", "Premier", "Deputy", "Foreign Minister",
        "Defense Minister", "Defence Minister", "Finance Minister", "Interior Minister", "Leader", "Opposition Leader",
        "Senior", "Detective", "Inspector", "Officer", "Agent", "Professor", "Doctor", "Nurse", "Dean", "Councillor",
    ];

    private static readonly string[] OrganisationWords =
    [
        "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Ltd", "Ltd.", "Limited", "Plc", "PLC", "LLC", "AG",
        "GmbH", "SA", "NV", "BV", "Group", "Holdings", "Bank", "Party", "Council", "Committee", "Commission", "Association",
        "Union", "University", "College", "School", "Institute", "Ministry", "Department", "Agency", "Authority", "Board",
        "Organisation", "Organization", "Federation", "Foundation", "Fund", "Trust", "Club", "FC", "United", "Rovers",
        "Athletic", "Wanderers", "Airlines", "Airways", "Motors", "Industries", "Systems", "Technologies", "Services",
        "Press", "News", "Times", "Post", "Journal", "Herald", "Telegraph", "Guardian", "Network", "Television",
        "Radio", "Court", "Parliament", "Senate", "Congress", "Assembly", "Army", "Navy", "Force", "Forces", "Police",
        "Brigade", "Brigades", "Movement", "Front", "Alliance", "League", "Church", "Hospital", "Museum", "Exchange",
        "Office", "Service", "Centre", "Center", "Society", "Cabinet", "Government", "Administration", "Company",
    ];

    private static readonly string[] PlaceWords =
    [
        "River", "Mountain", "Mountains", "Mount", "Mt.", "Lake", "Sea", "Ocean", "Gulf", "Bay", "Strait", "Island",
        "Islands", "Isle", "Valley", "Desert", "Peninsula", "Coast", "Province", "State", "County", "District", "Region",
        "Street", "St.", "Avenue", "Road", "Square", "Bridge", "Airport", "Port", "Harbour", "Harbor", "Canal", "Strip",
        "Bank", "Heights", "Hills", "Plain", "Plains", "Forest", "Park", "Cape", "North", "South", "East", "West",
        "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower", "New", "City", "Town", "Village",
    ];

    private static readonly string[] TimeWords =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Monday",
        "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Christmas", "Easter", "Ramadan",
        "today", "yesterday", "tomorrow", "week", "month", "year", "GMT", "EST", "EDT", "BST",
    ];

    /// <summary>
    /// Organisations any news desk knows by name: international bodies, alliances, security services, armed
    /// groups, parties, broadcasters and large companies, worldwide. Membership is a feature, not a verdict.
    /// </summary>
    private static readonly string[] KnownOrganisations =
    [
        "United Nations", "UN", "U.N.", "UN Security Council", "Security Council", "General Assembly", "UNICEF", "UNESCO",
        "UNHCR", "UNRWA", "World Health Organization", "WHO", "World Bank", "International Monetary Fund", "IMF",
        "World Trade Organization", "WTO", "NATO", "European Union", "EU", "European Commission", "European Parliament",
        "European Central Bank", "ECB", "African Union", "Arab League", "ASEAN", "OPEC", "OECD", "G7", "G20",
        "International Criminal Court", "ICC", "International Court of Justice", "Red Cross", "Red Crescent",
        "International Committee of the Red Cross", "Amnesty International", "Human Rights Watch", "Doctors Without Borders",
        "Medecins Sans Frontieres", "MSF", "Greenpeace", "Oxfam", "Save the Children", "International Atomic Energy Agency",
        "IAEA", "Interpol", "Europol", "FIFA", "UEFA", "IOC", "International Olympic Committee", "ICC", "NBA", "NFL",
        "Hamas", "Hezbollah", "Islamic Jihad", "Fatah", "PLO", "Palestinian Authority", "Taliban", "al-Qaeda", "al Qaeda",
        "Islamic State", "ISIS", "ISIL", "Boko Haram", "al-Shabab", "Houthis", "Wagner", "IRA", "ETA", "PKK", "FARC",
        "Muslim Brotherhood", "CIA", "FBI", "NSA", "DHS", "Pentagon", "State Department", "Justice Department",
        "Treasury", "Federal Reserve", "Fed", "SEC", "FDA", "CDC", "NASA", "MI5", "MI6", "GCHQ", "Mossad", "Shin Bet",
        "IDF", "Israel Defense Forces", "KGB", "FSB", "Kremlin", "White House", "Downing Street", "Elysee", "Knesset",
        "Congress", "Senate", "House of Representatives", "House of Commons", "House of Lords", "Bundestag", "Duma",
        "Supreme Court", "Democratic Party", "Republican Party", "GOP", "Labour", "Labour Party", "Conservative Party",
        "Conservatives", "Tories", "Liberal Democrats", "Likud", "Yesh Atid", "Blue and White", "National Unity",
        "Christian Democratic Union", "CDU", "SPD", "ANC", "BJP", "Congress Party", "Communist Party", "Kuomintang",
        "Reuters", "Associated Press", "AP", "AFP", "BBC", "CNN", "Fox News", "NBC", "CBS", "ABC", "MSNBC", "NPR",
        "Al Jazeera", "Sky News", "The New York Times", "New York Times", "The Washington Post", "Washington Post",
        "The Wall Street Journal", "Wall Street Journal", "Financial Times", "The Guardian", "The Times", "The Economist",
        "Bloomberg", "Axios", "Politico", "Haaretz", "The Times of Israel", "Times of Israel", "Xinhua", "Interfax",
        "Apple", "Microsoft", "Google", "Alphabet", "Amazon", "Meta", "Facebook", "Twitter", "Tesla", "IBM", "Intel",
        "Samsung", "Sony", "Toyota", "Volkswagen", "General Motors", "Ford", "Boeing", "Airbus", "Exxon", "ExxonMobil",
        "Shell", "BP", "Chevron", "Gazprom", "Aramco", "Goldman Sachs", "JPMorgan", "Morgan Stanley", "Citigroup",
        "HSBC", "Barclays", "Deutsche Bank", "Nike", "Coca-Cola", "McDonald's", "Walmart", "Nokia", "Ericsson",
        "Siemens", "Nestle", "Unilever", "Pfizer", "Moderna", "AstraZeneca", "OpenAI", "Netflix", "Disney", "Uber",
        "Manchester United", "Real Madrid", "Barcelona", "Bayern Munich", "Juventus", "Chelsea", "Arsenal", "Liverpool",
    ];

    /// <summary>Words that end names of treaties, events, prizes and works (MISC in CoNLL terms).</summary>
    private static readonly string[] MiscWords =
    [
        "Accord", "Accords", "Agreement", "Treaty", "Convention", "Act", "Doctrine", "Plan", "Declaration", "Protocol",
        "Cup", "Games", "Olympics", "Olympic", "Championship", "Championships", "Open", "Grand Prix", "Trophy", "Award",
        "Awards", "Prize", "Festival", "Summit", "Conference", "Forum", "War", "Revolution", "Crisis", "Intifada",
    ];

    private static readonly string[] AgencyNames =
    [
        "Reuters", "AP", "AFP", "Associated Press", "Agence France-Presse", "Xinhua", "Interfax", "Itar-Tass", "TASS",
        "Bloomberg", "UPI", "dpa", "ANSA", "EFE", "Kyodo", "Yonhap", "PTI", "CNN", "BBC",
    ];
}
