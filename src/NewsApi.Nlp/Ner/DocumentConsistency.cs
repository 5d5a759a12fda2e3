using System.Text.RegularExpressions;
using NewsApi.Nlp.Normalisation;

namespace NewsApi.Nlp.Ner;

/// <summary>
/// Deterministic repairs after tagging, each a rule of news English rather than of any one corpus:
/// <list type="bullet">
/// <item>a person's name takes in a following name particle ("Abdel Fattah al-Sisi", "Ursula von der Leyen");</item>
/// <item>a sentence-initial word that is almost never capitalised mid-sentence is not part of a name ("Even Bennett");</item>
/// <item>an institution named "X for/of Y" is one organisation ("Center for a New American Security",
/// "Bank of England"), whatever the tagger made of its parts;</item>
/// <item>a "name" ending in a word that ends names of treaties or events is not a person ("Abraham Accords");</item>
/// <item>one sense per document: a word tagged alone with another type, or missed, while it ends a person's
/// full name elsewhere in the document is that person ("Biden administration" after "Joe Biden"); once "Hurricane
/// Rita" is named, "Rita" alone is the storm;</item>
/// <item>web text, e-mail and chat (<see cref="WebText"/>): greetings and titles are not part of a person ("Dear
/// Nina"), spans holding URLs, e-mail addresses or file names are dropped, a lower-case span stays only when news
/// or a gazetteer capitalises its words.</item>
/// </list>
/// </summary>
public static partial class DocumentConsistency
{
    /// <summary>Capitalised words that head the names of institutions written "X for/of Y".</summary>
    private static readonly HashSet<string> InstitutionHeads = new(StringComparer.Ordinal)
    {
        "Center", "Centre", "Institute", "Council", "Committee", "Foundation", "Society", "University", "College",
        "Department", "Ministry", "Bureau", "Office", "Agency", "Commission", "Association", "Federation", "League",
        "Coalition", "Campaign", "Movement", "Fund", "Bank", "Court", "Organization", "Organisation", "Academy",
        "Board", "Authority", "Corporation", "Church", "Order", "Union", "Alliance", "Party", "Museum", "School",
    };

    private static readonly HashSet<string> NameConnectors = new(StringComparer.Ordinal) { "and", "&", "of", "for", "the", "on", "de" };

    public static bool Enabled { get; set; } = true;

    public static void Apply(TaggerDocument document, List<byte[]> labels, Lexicon lexicon)
    {
        if (!Enabled)
        {
            return;
        }

        for (var s = 0; s < labels.Count; s++)
        {
            WebText(document.Sentences[s], labels[s], lexicon);

            JoinInstitutionNames(document.Sentences[s], labels[s]);
            JoinStationNames(document.Sentences[s], labels[s]);
            var words = document.Sentences[s];
            var spans = Bilou.Decode(labels[s]);
            var changed = false;
            for (var k = 0; k < spans.Count; k++)
            {
                var span = spans[k];
                if (span.Type == EntityType.PER)
                {
                    var end = span.End;

                    // "Abdel Fattah al-Sisi" with "al-Sisi" tagged alone as another type: the particle name is the surname.
                    if (end < words.Length && HyphenatedParticle().IsMatch(words[end].Word) && labels[s][end] != Bilou.Outside
                        && spans.Any(x => x.Start == end && x.Length == 1 && x.Type != EntityType.PER))
                    {
                        labels[s][end] = Bilou.Outside;
                        spans.RemoveAll(x => x.Start == end && x.Length == 1);
                    }

                    while (end < words.Length && labels[s][end] == Bilou.Outside)
                    {
                        if (HyphenatedParticle().IsMatch(words[end].Word))
                        {
                            end++;
                        }
                        else if (PersonNames.IsParticle(words[end].Word) && end + 1 < words.Length && words[end + 1].InitialCapital
                                 && (labels[s][end + 1] == Bilou.Outside || Bilou.TypeOf(labels[s][end + 1]) == EntityType.PER))
                        {
                            end += labels[s][end + 1] == Bilou.Outside ? 2 : 1;
                        }
                        else
                        {
                            break;
                        }
                    }

                    if (end != span.End)
                    {
                        // Swallow a following PER span the particle joined to this one.
                        var next = k + 1 < spans.Count && spans[k + 1].Start < end ? spans[k + 1].End : end;
                        spans[k] = span with { End = Math.Max(end, next) };
                        if (next > end)
                        {
                            spans.RemoveAt(k + 1);
                        }

                        changed = true;
                        span = spans[k];
                    }
                }

                // "US composer recreates Bach score": a person's name opens with no lower-case word but a particle ("de Klerk") or a
                // given name written in lower case ("samantha Fox").
                if (span.Type == EntityType.PER && span.Length > 1 && words[span.Start].HasLetter && !words[span.Start].Word.Any(char.IsUpper)
                    && !PersonNames.IsParticle(words[span.Start].Word) && !ArabicParticles.Contains(words[span.Start].Word)
                    && words[span.Start + 1].InitialCapital && (lexicon.Lookup([words[span.Start].Lower]) & (1 << (int)Lexicon.List.GivenName)) == 0)
                {
                    spans[k] = span = span with { Start = span.Start + 1 };
                    changed = true;
                }

                // "Mr Hockney", "Dr Jane Holt": a name after an honorific is a person, without the honorific.
                var honorificInside = span.Length > 1 && Honorifics.Contains(words[span.Start].Word);
                var honorificBefore = span.Start > 0 && labels[s][span.Start - 1] == Bilou.Outside && Honorifics.Contains(words[span.Start - 1].Word);
                if (honorificInside || (honorificBefore && span.Type != EntityType.PER))
                {
                    spans[k] = span = span with { Start = honorificInside ? span.Start + 1 : span.Start, Type = EntityType.PER };
                    changed = true;
                }

                // "George W Bush", "Michael J. Fox": a known given name (even one that is also a town), a middle initial and a
                // capitalised word is a person.
                if (span.Type != EntityType.PER && span.Length == 3 && MiddleInitial(words[span.Start + 1].Word)
                    && words[span.Start].InitialCapital && !words[span.Start].AllCapitals && words[span.End - 1].InitialCapital
                    && lexicon.Lookup([words[span.Start].Lower]) is var given && (given & (1 << (int)Lexicon.List.GivenName)) != 0
                    && (given & (1 << (int)Lexicon.List.Country)) == 0)
                {
                    spans[k] = span = span with { Type = EntityType.PER };
                    changed = true;
                }
                else if (span.Length == 1 && span.End + 1 < words.Length && MiddleInitial(words[span.End].Word) && words[span.End + 1].InitialCapital
                         && words[span.Start].InitialCapital && !words[span.Start].AllCapitals && !words[span.End + 1].AllCapitals
                         && lexicon.Lookup([words[span.Start].Lower]) is var first && (first & (1 << (int)Lexicon.List.GivenName)) != 0
                         && (first & (1 << (int)Lexicon.List.Country)) == 0
                         && (labels[s][span.End + 1] == Bilou.Outside || Bilou.TypeOf(labels[s][span.End + 1]) == EntityType.PER)
                         && spans.All(x => x.Start != span.End + 1 || x.Length == 1))
                {
                    // "George" tagged alone before "W Bush": the three words are one person.
                    var end = span.End + 2;
                    spans.RemoveAll(x => x.Start > span.Start && x.Start < end);
                    k = spans.IndexOf(span);
                    spans[k] = span = span with { End = end, Type = EntityType.PER };
                    changed = true;
                }

                // "5.45m Euros": an amount, never a person ("50 Cent" is one).
                // "made 5.45m Euros": a currency alone right after an amount.
                if ((span.Type == EntityType.PER && words[span.Start].HasDigit && (Currencies.Contains(words[span.End - 1].Word) || AmountWord().IsMatch(words[span.Start].Word)))
                    || (span.Length == 1 && span.Start > 0 && words[span.Start - 1].HasDigit && Currencies.Contains(words[span.Start].Word)))
                {
                    spans.RemoveAt(k--);
                    changed = true;
                    continue;
                }

                // "Leonardo DiCaprio" tagged a place: a known given name and one more capitalised word, neither a place's
                // nor an organisation's word, that no gazetteer knows as a whole, is a person.
                if (span.Type == EntityType.LOC && span.Length == 2 && words[span.Start].InitialCapital && words[span.End - 1].InitialCapital
                    && !words[span.Start].AllCapitals && !words[span.End - 1].AllCapitals
                    && lexicon.Lookup([words[span.Start].Lower]) is var givenFirst && (givenFirst & (1 << (int)Lexicon.List.GivenName)) != 0
                    && (givenFirst & (Places | NameWords)) == 0
                    && (lexicon.Lookup([words[span.End - 1].Lower]) & (Places | NameWords)) == 0
                    && (Listed(lexicon, words, span) & (Places | NameWords)) == 0)
                {
                    spans[k] = span = span with { Type = EntityType.PER };
                    changed = true;
                }

                // "Gambling Bill", "Freedom of Information Act": a law is a name of its own kind, not an organisation.
                if (span.Type == EntityType.ORG && span.Length > 1 && words[span.End - 1].Word is "Bill" or "Act")
                {
                    spans[k] = span = span with { Type = EntityType.MISC };
                    changed = true;
                }

                // "Kodak Theatre", "Petronas Towers", "Millennium Stadium": a building is a place, whatever it is named after.
                if (span.Type == EntityType.ORG && span.Length > 1 && Buildings.Contains(words[span.End - 1].Word))
                {
                    spans[k] = span = span with { Type = EntityType.LOC };
                    changed = true;
                }

                if (span.Type == EntityType.PER && span.Length > 1 && (lexicon.Lookup([words[span.End - 1].Lower]) & (1 << (int)Lexicon.List.MiscWord)) != 0)
                {
                    spans[k] = span = span with { Type = EntityType.MISC };
                    changed = true;
                }

                if (span.Start == 0 && span.Length > 1 && words[0].InitialCapital && !words[0].AllCapitals
                    && lexicon.CapitalisationOf(words[0]) == 1)
                {
                    spans[k] = span with { Start = 1 };
                    changed = true;
                }
            }

            if (changed)
            {
                Relabel(labels[s], spans);
            }
        }

        StormNames(document, labels);
        PersonCues(document, labels, lexicon);
        OrganisationCues(document, labels, lexicon);
        WorkCues(document, labels, lexicon);

        // Surnames: the last word of multi-word PER entities, with the first words written before them.
        var givenBySurname = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var s = 0; s < labels.Count; s++)
        {
            var words = document.Sentences[s];
            foreach (var span in Bilou.Decode(labels[s]).Where(x => x.Type == EntityType.PER && x.Length > 1))
            {
                if (!givenBySurname.TryGetValue(words[span.End - 1].Word, out var given))
                {
                    givenBySurname[words[span.End - 1].Word] = given = new HashSet<string>(StringComparer.Ordinal);
                }

                given.Add(words[span.Start].Word);
            }
        }

        // Retyping one-word names leaves the multi-word ones, so the map still holds for the adjective trim.
        RetypeNames(document, labels, givenBySurname.Keys.ToHashSet(StringComparer.Ordinal), type => type != EntityType.PER, EntityType.PER);
        TrimHeadlineAdjectives(document, labels, lexicon, givenBySurname);
        DropLoneHonorifics(document, labels);
    }

    /// <summary>An honorific is no name of its own: "said Mr Irish" with "Mr" tagged alone and "Irish" a surname after it.</summary>
    private static void DropLoneHonorifics(TaggerDocument document, List<byte[]> labels)
    {
        for (var s = 0; s < labels.Count; s++)
        {
            var words = document.Sentences[s];
            var spans = Bilou.Decode(labels[s]);
            if (spans.RemoveAll(x => x.Length == 1 && (Honorifics.Contains(words[x.Start].Word) || words[x.Start].Word == "Miss")) > 0)
            {
                Relabel(labels[s], spans);
            }
        }
    }

    /// <summary>
    /// "Faultless Federer has no equal": a headline's capitalised adjective before a surname the article writes with a
    /// given name ("Roger Federer") is no part of the name, when running text nearly never capitalises it (or it ends
    /// as adjectives do) and no list knows it as a given name.
    /// </summary>
    private static void TrimHeadlineAdjectives(TaggerDocument document, List<byte[]> labels, Lexicon lexicon, Dictionary<string, HashSet<string>> givenBySurname)
    {
        for (var s = 0; s < labels.Count; s++)
        {
            var words = document.Sentences[s];
            var spans = Bilou.Decode(labels[s]);
            var changed = false;
            for (var k = 0; k < spans.Count; k++)
            {
                var span = spans[k];
                if (span.Type == EntityType.PER && span.Length == 2 && givenBySurname.TryGetValue(words[span.End - 1].Word, out var given)
                    && given.Any(g => g != words[span.Start].Word)
                    && (lexicon.CapitalisationOf(words[span.Start]) is 1 or 2 or 6 or 7 || AdjectiveEnding().IsMatch(words[span.Start].Word))
                    && (lexicon.Lookup([words[span.Start].Lower]) & (1 << (int)Lexicon.List.GivenName)) == 0)
                {
                    spans[k] = span with { Start = span.Start + 1 };
                    changed = true;
                }
            }

            if (changed)
            {
                Relabel(labels[s], spans);
            }
        }
    }

    /// <summary>Endings of English adjectives that no given name has ("Faultless", "Fearless", "Ruthless", "Majestic").</summary>
    [GeneratedRegex(@"^\p{Lu}\p{Ll}+(?:less|ful|ous|ive|able|ible|ic)$")]
    private static partial Regex AdjectiveEnding();

    private static void Relabel(byte[] labels, List<TokenSpan> spans) => Bilou.Encode(spans, labels);

    /// <summary>A middle initial: one capital letter, with or without a full stop ("W", "J."); "A" and "I" alone are words.</summary>
    private static bool MiddleInitial(string word) => ((word.Length == 1 && word is not ("A" or "I")) || (word.Length == 2 && word[1] == '.')) && char.IsUpper(word[0]);

    /// <summary>Currencies that end an amount the tagger took for a name ("3.5m Euros").</summary>
    private static readonly HashSet<string> Currencies = new(StringComparer.OrdinalIgnoreCase)
    {
        "euros", "euro", "dollars", "pounds", "yen", "francs", "rupees", "pesos", "roubles", "rubles", "yuan", "marks",
    };

    [GeneratedRegex(@"^\d+([.,]\d+)?(m|bn|k|million|billion)$", RegexOptions.IgnoreCase)]
    private static partial Regex AmountWord();

    /// <summary>Last words of the names of buildings and venues (places in news and in CoNLL).</summary>
    private static readonly HashSet<string> Buildings = new(StringComparer.Ordinal)
    {
        "Tower", "Towers", "Dome", "Stadium", "Arena", "Theatre", "Theater",
    };

    /// <summary>Honorifics that only ever stand before a person's name.</summary>
    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal) { "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Mme", "Mme." };

    /// <summary>Nouns that class an organisation when a name follows them: "drugs group Eli Lilly", "the band Travis" (not "giant": "two giant Texas plants").</summary>
    private static readonly HashSet<string> OrganisationClasses = new(StringComparer.Ordinal)
    {
        "firm", "group", "company", "retailer", "carmaker", "airline", "bank", "brewer", "supermarket", "chain", "band",
        "label", "conglomerate", "manufacturer", "broadcaster", "insurer", "lender", "outfit", "multinational",
        "firms", "groups", "companies", "giants", "retailers", "carmakers", "airlines", "banks", "brewers", "supermarkets", "chains",
        "bands", "labels", "conglomerates", "manufacturers", "broadcasters", "insurers", "lenders", "multinationals",
    };

    /// <summary>Class nouns that make the name before them an organisation ("the Arthur D. Little consultancy"), but not a
    /// person after them ("the CGA consultancy Jeanne-Marie Gescher" is its founder).</summary>
    private static readonly HashSet<string> ClassesAfterName = new(StringComparer.Ordinal)
    {
        "consultancy", "bookmaker", "brokerage", "brokerages",
    };

    /// <summary>Words that qualify a class noun after a name ("Sal Oppenheim investment bank", "Smith Barney retail brokerages").</summary>
    private static readonly HashSet<string> ClassQualifiers = new(StringComparer.Ordinal)
    {
        "investment", "merchant", "private", "retail", "venture", "record", "consulting", "accountancy", "law", "advertising", "insurance",
    };

    /// <summary>
    /// Nouns that class a person when a name follows them: "pop singer Delta Goodrem", "striker Wayne Rooney" (not
    /// "manager", "coach" or "director": fund managers, coach firms and directors' boards are classed so too).
    /// </summary>
    private static readonly HashSet<string> PersonClasses = new(
        ["singer", "actor", "actress", "rapper", "songwriter", "comedian", "presenter", "striker", "midfielder",
         "defender", "goalkeeper", "winger", "spokesman", "spokeswoman", "chairman", "chairwoman", "footballer", "golfer", "cricketer",
         "sprinter", "novelist", "author", "musician", "guitarist", "drummer", "frontman", "frontwoman", "businessman", "businesswoman",
         "tycoon", "actors", "singers", .. Entities.Descriptions.RelativeNouns],
        StringComparer.Ordinal);

    /// <summary>
    /// One sense per document for people: a name the document once writes right after a noun that classes a person
    /// (<see cref="PersonClasses"/>, lower case, outside the name) is a person wherever it was tagged an organisation,
    /// a place or another name ("Delta" of an airline, "Cher" of a place), unless a gazetteer knows the whole name as
    /// an organisation or a place.
    /// </summary>
    private static void PersonCues(TaggerDocument document, List<byte[]> labels, Lexicon lexicon)
    {
        HashSet<string>? people = null;
        const int Known = Places | (1 << (int)Lexicon.List.KnownOrganisation) | (1 << (int)Lexicon.List.Agency);
        for (var s = 0; s < labels.Count; s++)
        {
            var words = document.Sentences[s];
            foreach (var span in Bilou.Decode(labels[s]))
            {
                if (span.Type == EntityType.PER || span.Start == 0 || span.Length > 3 || labels[s][span.Start - 1] != Bilou.Outside
                    || !PersonClasses.Contains(words[span.Start - 1].Word)
                    || (Listed(lexicon, words, span) & Known) != 0)
                {
                    continue;
                }

                (people ??= new HashSet<string>(StringComparer.Ordinal)).Add(Name(words, span));
            }
        }

        if (people is not null)
        {
            RetypeNames(document, labels, people, type => type != EntityType.PER, EntityType.PER);
        }
    }

    /// <summary>Nouns that class a work or a product when a name follows them: "its product Prozac", "the film Troy", "TV show Little Britain".</summary>
    private static readonly HashSet<string> WorkClasses = new(StringComparer.Ordinal)
    {
        "album", "albums", "song", "songs", "film", "films", "movie", "movies", "novel", "novels", "product", "products", "console",
        "consoles", "handset", "handsets", "browser", "musical", "opera", "sitcom", "show", "drug", "track", "tracks", "hits", "software",
        "game", "games", "code-named", "codenamed", "comedy", "comedies", "drama", "dramas", "documentary", "thriller", "sequel", "soap",
        "tale", "blockbuster", "biopic", "cartoon", "animation", "spin-off", "remake", "prequel",
    };

    /// <summary>Words of a sentence that lists nominees with what each is nominated for.</summary>
    private static readonly HashSet<string> NominationWords = new(StringComparer.Ordinal)
    {
        "nominee", "nominees", "nominated", "nomination", "nominations", "category", "shortlist", "shortlisted",
    };

    /// <summary>Words of films and television: where they are written of, a name's "star" played in it.</summary>
    /// <summary>Words of music, books and the stage: with <see cref="ScreenWords"/>, an article where works are written of.</summary>
    private static readonly HashSet<string> OtherWorkWords = new(StringComparer.Ordinal)
    {
        "album", "albums", "novel", "novels", "novelist", "opera", "operas", "songs", "musical", "singer", "composer",
    };

    private static readonly HashSet<string> ScreenWords = new(StringComparer.Ordinal)
    {
        "film", "films", "movie", "movies", "tv", "television", "sitcom", "actor", "actress", "hollywood",
    };

    /// <summary>The words of the document's people's names of two words or more ("Johnny Depp" gives "Johnny" and "Depp").</summary>
    private static HashSet<string> PeoplesNameWords(TaggerDocument document, List<byte[]> labels)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < labels.Count; s++)
        {
            foreach (var span in Bilou.Decode(labels[s]))
            {
                if (span.Type == EntityType.PER && span.End - span.Start >= 2)
                {
                    for (var i = span.Start; i < span.End; i++)
                    {
                        words.Add(document.Sentences[s][i].Word);
                    }
                }
            }
        }

        return words;
    }

    /// <summary>Nouns of a part played, before "in" and a work's name ("her role in Vera Drake", "his performance in Kinsey").</summary>
    private static readonly HashSet<string> PlayedIn = new(StringComparer.Ordinal)
    {
        "role", "roles", "performance", "performances", "part", "starring", "starred", "appearance", "cameo", "character",
    };

    /// <summary>The last word of a prize's category before "for" and the work it went to ("best pop video for Hey Mama").</summary>
    private static readonly HashSet<string> PrizeCategories = new(StringComparer.Ordinal)
    {
        "actor", "actress", "director", "film", "album", "song", "video", "single", "record", "performance", "newcomer", "act", "artist",
        "group", "band", "score", "screenplay", "award", "prize", "gong", "honour", "title", "soundtrack", "musical", "play", "drama", "comedy",
    };

    private const int Places = (1 << (int)Lexicon.List.Country) | (1 << (int)Lexicon.List.City) | (1 << (int)Lexicon.List.Region);

    private const int PlacesOrKnownOrganisations = Places | (1 << (int)Lexicon.List.KnownOrganisation);

    /// <summary>The gazetteer lists (a bit per <see cref="Lexicon.List"/>) that hold a span's words as one phrase.</summary>
    private static int Listed(Lexicon lexicon, WordForm[] words, TokenSpan span) => lexicon.Lookup(words[span.Start..span.End].Select(w => w.Lower).ToArray());

    /// <summary>Lists of words and names that make a span something other than a person.</summary>
    private const int NameWords = (1 << (int)Lexicon.List.OrganisationWord) | (1 << (int)Lexicon.List.PlaceWord) | (1 << (int)Lexicon.List.KnownOrganisation)
                                  | (1 << (int)Lexicon.List.Agency) | (1 << (int)Lexicon.List.MiscWord) | (1 << (int)Lexicon.List.Demonym);

    /// <summary>Words after a name that close it as a noun phrase rather than open a clause with it as subject.</summary>
    private static readonly HashSet<string> PhraseClosers = new(StringComparer.Ordinal)
    {
        ",", ".", ";", ":", "and", "with", "by", "in", "for", "from", "on", "at", "to", "(", ")",
    };

    /// <summary>
    /// One sense per document for works and products: a name the document once writes as one (right after a noun that
    /// classes one, <see cref="WorkClasses"/>, not after a demonstrative; or after it and "such as": "films such as Troy
    /// and …"; after "single," or "album,") is not an organisation or a place anywhere in it; people are left alone ("single" alone
    /// would be too loose: "a single Tesco store"; so would "the X project", which organisations have).
    /// </summary>
    private static void WorkCues(TaggerDocument document, List<byte[]> labels, Lexicon lexicon)
    {
        var works = new HashSet<string>(StringComparer.Ordinal);
        var personLike = new HashSet<string>(StringComparer.Ordinal);
        var screen = new Lazy<bool>(() => document.Sentences.Any(sentence => sentence.Any(w => ScreenWords.Contains(w.Lower))));
        // How many times each word is written inside a name tagged a person.
        var personWordCounts = new Lazy<Dictionary<string, int>>(() =>
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var s = 0; s < labels.Count; s++)
            {
                foreach (var person in Bilou.Decode(labels[s]).Where(x => x.Type == EntityType.PER))
                {
                    for (var i = person.Start; i < person.End; i++)
                    {
                        counts[document.Sentences[s][i].Word] = counts.GetValueOrDefault(document.Sentences[s][i].Word) + 1;
                    }
                }
            }

            return counts;
        });
        var worksWritten = new Lazy<bool>(() => screen.Value || document.Sentences.Any(sentence => sentence.Any(w => OtherWorkWords.Contains(w.Lower))));
        var nameWords = new Lazy<HashSet<string>>(() => PeoplesNameWords(document, labels));

        // A one-word "person" no given-name list knows and no full name of the document holds ("Sideways", "Kinsey",
        // "Hitch"; not "Depp" where "Johnny Depp" is written): after a noun that classes a work, or as a prize's work, a title.
        bool LoneName(WordForm[] words, TokenSpan span) =>
            span.Type == EntityType.PER && span.End - span.Start == 1 && !nameWords.Value.Contains(words[span.Start].Word)
            && (Listed(lexicon, words, span) & (1 << (int)Lexicon.List.GivenName)) == 0;
        for (var s = 0; s < labels.Count; s++)
        {
            var words = document.Sentences[s];
            string At(int i) => i >= 0 && i < words.Length ? words[i].Lower : "";
            var spans = Bilou.Decode(labels[s]);
            for (var n = 0; n < spans.Count; n++)
            {
                var span = spans[n];
                // "In this movie Google and Amazon create …": after a demonstrative the noun is complete and the name starts a clause.
                var (w1, w2, w3) = (At(span.Start - 1), At(span.Start - 2), At(span.Start - 3));
                // "family comedy The Pacifier": the title's own article between the noun and the name.
                var titled = w1 == "the" && span.Start > 0 && words[span.Start - 1].Word == "The" && WorkClasses.Contains(w2);
                var classed = (WorkClasses.Contains(w1) && w2 is not ("this" or "that" or "these" or "those")) || titled
                              || (w1 == "," && w2 is "single" or "album" or "film")
                              || (w1 == "as" && w2 == "such" && WorkClasses.Contains(w3))
                              || (w1 == "of" && w2 is "version" or "versions" or "copies" && w3 is "a" or "new" or "latest" or "the" or "pirated" or "counterfeit" or "legal")
                              || (w1 == "system" && w2 == "operating")
                              || (w1 is "include" or "included" or "including" && WorkClasses.Contains(w2));

                // "her role in Vera Drake", "best pop video for Hey Mama": a part played in a work, a prize for a work
                // (not a person, "best director for Alexander Payne"; not a known place, "Britain's role in Iraq").
                var played = span.Type != EntityType.PER && w1 == "in" && PlayedIn.Contains(w2)
                             && (Listed(lexicon, words, span) & Places) == 0;
                var prized = (span.Type != EntityType.PER || LoneName(words, span)) && w1 == "for" && PrizeCategories.Contains(w2) && Enumerable.Range(3, 5).Any(k => At(span.Start - k) == "best");
                // "the Oscar-nominated Hotel Rwanda", "Oscar-winning Million Dollar Baby" (not a person: "Oscar-winning Jamie Foxx").
                var acclaimed = span.Type != EntityType.PER && (w1.EndsWith("-nominated", StringComparison.Ordinal) || w1.EndsWith("-winning", StringComparison.Ordinal))
                                && (Listed(lexicon, words, span) & PlacesOrKnownOrganisations) == 0;
                if (played || prized || acclaimed)
                {
                    if (span.Start == 0 || labels[s][span.Start - 1] == Bilou.Outside || acclaimed)
                    {
                        (span.Type == EntityType.PER ? personLike : works).Add(Name(words, span));
                    }

                    continue;
                }

                // "Hollywood blockbuster The Aviator, starring DiCaprio, …": what stars someone is a work; so, in a sentence of
                // nominations, is what a nominee is named for ("Charlize Theron for Monster, Ziyi Zhang for House of Flying
                // Daggers"), where films or TV are written of.
                var starring = span.Type != EntityType.PER && (At(span.End) == "starring" || (At(span.End) == "," && At(span.End + 1) == "starring"));
                // "Martin Scorsese's The Aviator", "Fatboy Slim's Palookaville", "Giuseppe Verdi's La Traviata": where works are
                // written of, a name a person owns is their work, unless a word of it makes it a body ("Suu Kyi's National League for Democracy").
                var titleArticle = w1 == "the" && words[span.Start - 1].Word == "The" ? 1 : 0;
                var possessiveAt = span.Start - 1 - titleArticle;
                // A "person" so owned is a work too when the document names no one else with its words and the owner is a
                // person by a full name ("Giacomo Puccini's Madame Butterfly", "Vincenzo Bellini's Norma"; not "Tony Blair's
                // Gordon Brown" where Brown is written again, nor "Ray's Taylor Hackford", where the owner is a film).
                var ownedWork = span.Type == EntityType.ORG
                                || (span.Type == EntityType.PER && n > 0 && (spans[n - 1].Length > 1 || nameWords.Value.Contains(words[spans[n - 1].Start].Word))
                                    && Enumerable.Range(span.Start, span.End - span.Start).All(i => personWordCounts.Value.GetValueOrDefault(words[i].Word) <= 1));
                if (ownedWork && possessiveAt > 0 && At(possessiveAt) is "'s" or "’s" && n > 0
                    && spans[n - 1].Type == EntityType.PER && spans[n - 1].End == possessiveAt && worksWritten.Value
                    && (Listed(lexicon, words, span) & PlacesOrKnownOrganisations) == 0
                    && !Enumerable.Range(span.Start, span.End - span.Start).Any(i => lexicon.Holds(words[i].Word, Lexicon.List.OrganisationWord)))
                {
                    (span.Type == EntityType.PER ? personLike : works).Add(Name(words, span));
                    continue;
                }

                var nominatedFor = span.Type != EntityType.PER && w1 == "for" && n > 0 && spans[n - 1].Type == EntityType.PER && spans[n - 1].End == span.Start - 1
                                   && words.Any(w => NominationWords.Contains(w.Lower));
                if ((starring || nominatedFor) && screen.Value
                    && (Listed(lexicon, words, span) & PlacesOrKnownOrganisations) == 0)
                {
                    works.Add(Name(words, span));
                    continue;
                }

                // "Spider-Man creator Stan Lee", "Aviator star Alan Alda": a name that a person created or starred in, right
                // before them, is a work ("star" only where films or TV are written of: "Chelsea star Frank Lampard").
                // "former Friends actress Lisa Kudrow", "Kudrow's Friends co-star, David Schwimmer".
                if (span.Type == EntityType.ORG && n + 1 < spans.Count && spans[n + 1].Type == EntityType.PER
                    && (spans[n + 1].Start == span.End + 1 || (spans[n + 1].Start == span.End + 2 && At(span.End + 1) == ","))
                    && (At(span.End) == "creator" || (At(span.End) is "star" or "co-star" or "actress" or "actor" && screen.Value))
                    && (Listed(lexicon, words, span) & PlacesOrKnownOrganisations) == 0)
                {
                    works.Add(Name(words, span));
                    continue;
                }

                if (!classed || (span.Start > 0 && labels[s][span.Start - 1] != Bilou.Outside))
                {
                    continue;
                }

                // A person's name after such a noun starts a clause more often than it names a work ("In the film Tom
                // Hanks plays …"); it is a work only when what follows closes it as a phrase ("the hit track Lady
                // Marmalade with …", "her hits include … and Beautiful.").
                var listed = ListedAfter(spans, n, At).ToList();
                if (span.Type == EntityType.PER)
                {
                    var last = listed.Count > 0 ? listed[^1] : span;
                    if (!PhraseClosers.Contains(At(last.End)) && last.End < words.Length && !(listed.Count == 0 && LoneName(words, span)))
                    {
                        continue;
                    }

                    personLike.Add(Name(words, span));
                    personLike.UnionWith(listed.Where(x => x.Type == EntityType.PER).Select(x => Name(words, x)));
                }

                works.Add(Name(words, span));
                works.UnionWith(listed.Select(x => Name(words, x)));
            }
        }

        RetypeNames(document, labels, works, type => type is EntityType.ORG or EntityType.LOC, EntityType.MISC);
        RetypeNames(document, labels, personLike, type => type == EntityType.PER, EntityType.MISC);
    }

    /// <summary>
    /// A lower-case word before "giant" that names an industry ("technology giant Hewlett Packard", "consumer goods giant
    /// Unilever"), not a count or a determiner ("two giant Texas plants", "a giant Christmas tree").
    /// </summary>
    private static bool IndustryWord(string word) =>
        word.Length >= 3 && word.All(char.IsAsciiLetterLower) && !NotIndustries.Contains(word);

    private static readonly HashSet<string> NotIndustries = new(StringComparer.Ordinal)
    {
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "the", "its", "his", "her", "their", "our", "your",
        "new", "old", "huge", "very", "this", "that", "these", "those", "some", "many", "and", "with", "into", "from", "like",
    };

    /// <summary>A plural noun that classes organisations ("companies", "brands", "studios").</summary>
    private static bool IsOrganisationClass(string word) =>
        word.EndsWith('s') && (OrganisationClasses.Contains(word) || NonPersonOrganisationClasses.Contains(word));

    /// <summary>Nouns that class an organisation only when what follows is not a person: "mobile operator O2", "the marques Opel and Saab".</summary>
    private static readonly HashSet<string> NonPersonOrganisationClasses = new(StringComparer.Ordinal)
    {
        "operator", "operators", "marque", "marques", "brand", "brands", "studio", "studios", "carrier", "carriers",
    };

    /// <summary>
    /// What only an organisation has: "Eli Lilly's chief medical officer", "John Lewis's chairman", "Tesco's annual
    /// profits" (not shares, losses, earnings or a takeover, which people have or make too).
    /// </summary>
    private static readonly HashSet<string> BusinessPossessions = new(StringComparer.Ordinal)
    {
        "profits", "revenue", "revenues", "shareholders", "turnover", "subsidiary", "subsidiaries", "headquarters", "chairman",
        "chairwoman", "board", "workforce",
    };

    /// <summary>What a company has and a place never does: "Metlife's chairman", "Parmalat's shareholders".</summary>
    private static readonly HashSet<string> CorporateOffices = new(StringComparer.Ordinal)
    {
        "chairman", "chairwoman", "shareholders", "subsidiary", "subsidiaries",
    };

    /// <summary>Words that may stand between the possessive and what it owns: "Tesco's annual profits".</summary>
    private static readonly HashSet<string> BusinessQualifiers = new(StringComparer.Ordinal)
    {
        "heavy", "annual", "net", "pre-tax", "quarterly", "full-year", "half-year", "record", "total", "worldwide", "global", "operating", "falling", "rising",
    };

    /// <summary>
    /// One sense per document for organisations: a name the document once writes as an organisation (after a noun that
    /// classes one, or in a list that follows one: "technology companies Dell, Samsung and Matsushita"; or owning what
    /// only an organisation owns, <see cref="OrganisationClasses"/>, <see cref="BusinessPossessions"/>, "chief
    /// executive/financial/… officer") is an organisation wherever it was tagged a person or a place: bands and
    /// companies named like people or places ("Travis", "Eli Lilly", "Opel").
    /// </summary>
    private static void OrganisationCues(TaggerDocument document, List<byte[]> labels, Lexicon lexicon)
    {
        var organisations = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < labels.Count; s++)
        {
            var words = document.Sentences[s];
            string At(int i) => i >= 0 && i < words.Length ? words[i].Lower : "";
            var spans = Bilou.Decode(labels[s]).Where(x => x.Type is EntityType.PER or EntityType.ORG or EntityType.LOC).ToList();
            for (var n = 0; n < spans.Count; n++)
            {
                var span = spans[n];
                var noun = At(span.Start - 1);
                var classed = (OrganisationClasses.Contains(noun) || (span.Type != EntityType.PER && NonPersonOrganisationClasses.Contains(noun))
                               || (noun is "giant" && span.Start >= 2 && IndustryWord(words[span.Start - 2].Word)))
                              && labels[s][span.Start - 1] == Bilou.Outside;

                // "companies such as Nokia, Sagem, Sony and Thomson", "GM's European brands are Opel and Vauxhall": a
                // plural class noun, then "such as", "including" or "are", then the list (never a known place).
                var (p1, p2, p3) = (At(span.Start - 1), At(span.Start - 2), At(span.Start - 3));
                var plural = (p1 == "as" && p2 == "such" && IsOrganisationClass(p3))
                             || (p1 is "including" or "include" or "are" && IsOrganisationClass(p2));
                bool NotPlace() => (Listed(lexicon, words, span) & Places) == 0 && !Entities.PlaceNames.IsKnownCountryVariant(Name(words, span));
                if (plural && labels[s][span.Start - 1] == Bilou.Outside)
                {
                    // A town's name is a company's after such a noun ("Thomson"); a country's is not ("Britain's BT").
                    organisations.UnionWith(ListedAfter(spans, n, At).Prepend(span)
                        .Where(x => (Listed(lexicon, words, x) & (1 << (int)Lexicon.List.Country)) == 0 && !Entities.PlaceNames.IsKnownCountryVariant(Name(words, x)))
                        .Select(x => Name(words, x)));
                }

                // "former Vodafone boss Chris Gent", "market leader Diageo", "Ukrainian steel producer Krivorizhstal": a one-word
                // name heading a company's office before a person, or after a market's or an industry's maker.
                var oneWord = span.Length == 1 && span.Type != EntityType.ORG && (Listed(lexicon, words, span) & (1 << (int)Lexicon.List.GivenName)) == 0 && NotPlace();
                classed |= oneWord && At(span.End) is "boss" or "chairman" or "chairwoman" or "founder"
                           && n + 1 < spans.Count && spans[n + 1].Type == EntityType.PER && spans[n + 1].Start == span.End + 1;
                classed |= oneWord && ((p1 == "leader" && p2 == "market") || (p1 is "producer" or "maker" or "manufacturer" or "exporter"
                               && p2 is "steel" or "oil" or "car" or "chip" or "drug" or "drinks" or "food" or "aluminium" or "gas" or "arms" or "aircraft" or "mobile" or "phone" or "software" or "games"))
                           && labels[s][span.Start - 1] == Bilou.Outside;

                // "Bonhams auction house", "the Sagem group": a name no gazetteer knows as a place before a lower-case class noun.
                classed |= span.Type != EntityType.ORG && ((OrganisationClasses.Contains(At(span.End)) && !At(span.End).EndsWith('s'))
                                                           || ClassesAfterName.Contains(At(span.End))
                                                           || (At(span.End) == "auction" && At(span.End + 1) == "house"))
                           && At(span.End + 1) is not ("'s" or "’s") && NotPlace();
                // "Sal Oppenheim investment bank", "Smith Barney retail brokerages": the class noun after a qualifier.
                classed |= span.Type != EntityType.ORG && ClassQualifiers.Contains(At(span.End)) && (OrganisationClasses.Contains(At(span.End + 1)) || ClassesAfterName.Contains(At(span.End + 1)))
                           && At(span.End + 2) is not ("'s" or "’s") && NotPlace();

                if (classed)
                {
                    organisations.UnionWith(ListedAfter(spans, n, At).Select(x => Name(words, x)));
                }

                // A place owns a workforce and revenues too ("Britain's workforce"): only names tagged people or
                // organisations are cued by what they own, and a name no gazetteer knows as a place by a chairman or
                // shareholders ("Metlife's chairman and chief executive").
                var owned = false;
                if (At(span.End) is "'s" or "’s" && (span.Type is EntityType.PER or EntityType.ORG || NotPlace()))
                {
                    var k = span.End + 1;
                    if (BusinessQualifiers.Contains(At(k)))
                    {
                        k++;
                    }

                    owned = span.Type == EntityType.LOC
                        ? CorporateOffices.Contains(At(k)) || (At(k) == "chief" && At(k + 1) is "executive")
                        : BusinessPossessions.Contains(At(k))
                          || (At(k) == "chief" && At(k + 1) is "executive" or "financial" or "operating" or "medical" or "technology" or "technical");
                }

                if (classed || owned)
                {
                    organisations.Add(Name(words, span));
                }
            }
        }

        if (organisations.Count == 0)
        {
            return;
        }

        // "Lilly" alone after "Eli Lilly" (a company the tagger took for a person somewhere) is the company too, unless a
        // person of the document has that surname; only people are retyped so (the last word of "Air France" or "Royal
        // Bank of Scotland" is a place).
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        var personLike = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < labels.Count; s++)
        {
            foreach (var span in Bilou.Decode(labels[s]).Where(x => x.Type == EntityType.PER && x.Length > 1))
            {
                var name = Name(document.Sentences[s], span);
                if (organisations.Contains(name))
                {
                    personLike.Add(name);
                }
                else
                {
                    surnames.Add(document.Sentences[s][span.End - 1].Word);
                }
            }
        }

        var lastWords = personLike.Where(n => n.Contains(' ', StringComparison.Ordinal)).Select(n => n[(n.LastIndexOf(' ') + 1)..])
            .Where(last => !surnames.Contains(last)).ToHashSet(StringComparer.Ordinal);

        RetypeNames(document, labels, organisations, type => type is EntityType.PER or EntityType.LOC, EntityType.ORG);
        RetypeNames(document, labels, lastWords, type => type == EntityType.PER, EntityType.ORG);
    }

    /// <summary>The words of a span, as the cue rules collect names.</summary>
    private static string Name(WordForm[] words, TokenSpan span) => string.Join(' ', words[span.Start..span.End].Select(w => w.Word));

    /// <summary>
    /// The spans after <c>spans[first]</c> that it heads as a list: joined to it by commas and "and" only, up to the
    /// last one "and" brings in ("companies Dell, Samsung and Matsushita"; "banks Barclays, Gordon Brown said" is no list).
    /// </summary>
    private static IEnumerable<TokenSpan> ListedAfter(List<TokenSpan> spans, int first, Func<int, string> at)
    {
        var last = first;
        while (last + 1 < spans.Count && spans[last + 1].Start > spans[last].End
               && Enumerable.Range(spans[last].End, spans[last + 1].Start - spans[last].End).All(i => at(i) is "," or "and"))
        {
            last++;
        }

        while (last > first && at(spans[last].Start - 1) != "and")
        {
            last--;
        }

        return spans.Skip(first + 1).Take(last - first);
    }

    /// <summary>
    /// Gives every entity whose words are one of <paramref name="names"/> (words joined by single spaces; a set of single
    /// words retypes one-word entities only), of a type <paramref name="from"/> accepts, the type <paramref name="to"/>.
    /// </summary>
    private static void RetypeNames(TaggerDocument document, List<byte[]> labels, HashSet<string> names, Func<EntityType, bool> from, EntityType to)
    {
        if (names.Count == 0)
        {
            return;
        }

        for (var s = 0; s < labels.Count; s++)
        {
            var spans = Bilou.Decode(labels[s]);
            var changed = false;
            for (var k = 0; k < spans.Count; k++)
            {
                if (from(spans[k].Type) && names.Contains(Name(document.Sentences[s], spans[k])))
                {
                    spans[k] = spans[k] with { Type = to };
                    changed = true;
                }
            }

            if (changed)
            {
                Relabel(labels[s], spans);
            }
        }
    }

    /// <summary>Words that open a greeting or a sign-off before a name ("Dear Nina", "Hey Vladi", "Thanks Debra").</summary>
    private static readonly HashSet<string> Greetings = new(StringComparer.OrdinalIgnoreCase)
    {
        "Dear", "Hi", "Hey", "Hello", "Hiya", "Thanks", "Cheers", "Regards", "Congratulations", "Congrats", "Love", "Morning",
        "P.S.", "PS", "PS.",
    };

    /// <summary>Titles that conventionally stay outside a person's name ("Dr Mcdonald", "Aunt Toni").</summary>
    private static readonly HashSet<string> LeadingTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Drs", "Drs.", "Doctor", "Prof", "Prof.", "Aunt", "Auntie",
        "Uncle", "Grandma", "Grandpa",
    };

    private static readonly HashSet<string> ArabicParticles = new(StringComparer.Ordinal)
    {
        "al", "el", "ad", "as", "ash", "at", "an", "ar", "az", "abu", "bin", "ibn", "bint", "ben",
    };

    /// <summary>
    /// Conventions of e-mail, chat and pre-tokenised web text: an entity never starts or ends with punctuation;
    /// a greeting or a courtesy title before a person is not part of the name; a line that is only a
    /// capitalised name beginning with a known given name is a person (signatures, "Phillip ,"); a greeting
    /// followed by a capitalised word names a person; "al - Sadr" (hyphen split off) keeps its particle.
    /// </summary>
    private static void WebText(WordForm[] words, byte[] labels, Lexicon lexicon)
    {
        var spans = Bilou.Decode(labels);
        var changed = false;
        for (var k = 0; k < spans.Count; k++)
        {
            var span = spans[k];
            var start = span.Start;
            var end = span.End;
            while (start < end && IsTrimmable(words[start]))
            {
                start++;
            }

            while (end > start && IsTrimmable(words[end - 1]))
            {
                end--;
            }

            if (span.Type == EntityType.PER)
            {
                while (end - start > 1 && (Greetings.Contains(words[start].Word) || LeadingTitles.Contains(words[start].Word)))
                {
                    start++;
                }

                if (end - start > 2 && words[start].Word is "Good" or "Thank" && words[start + 1].Word is "Morning" or "morning" or "Afternoon" or "afternoon" or "Evening" or "evening" or "You" or "you")
                {
                    start += 2;
                }

                while (end - start > 1 && words[start].Word is "From" or "from" or "Again" or "again" or "To" or "to")
                {
                    start++;
                }
            }

            // "al - Sadr", "bin Laden": a particle (and a split-off hyphen) before the name.
            if (start >= 2 && words[start - 1].Word == "-" && ArabicParticles.Contains(words[start - 2].Word.ToLowerInvariant())
                && labels[start - 2] == Bilou.Outside && labels[start - 1] == Bilou.Outside)
            {
                start -= 2;
            }
            else if (start >= 1 && words[start - 1].Word is "bin" or "ibn" or "al" or "el" or "abu" && labels[start - 1] == Bilou.Outside)
            {
                start -= 1;
            }

            // "Muqtada al - Sadr": a person's name continues over "particle - Name".
            if (span.Type == EntityType.PER && end + 2 < words.Length
                && ArabicParticles.Contains(words[end].Word) && words[end + 1].Word == "-" && words[end + 2].InitialCapital)
            {
                var last = end + 3;
                while (last < words.Length && labels[last] != Bilou.Outside && Bilou.TypeOf(labels[last]) == EntityType.PER)
                {
                    last++;
                }

                if (k + 1 < spans.Count && spans[k + 1].Start == end + 2)
                {
                    last = Math.Max(last, spans[k + 1].End);
                    spans.RemoveAt(k + 1);
                }

                end = last;
            }

            if (start != span.Start || end != span.End)
            {
                if (start >= end)
                {
                    spans.RemoveAt(k--);
                }
                else
                {
                    spans[k] = span with { Start = start, End = end };
                }

                changed = true;
            }
        }

        // Web addresses, e-mail addresses, user names and file names are not names of entities.
        changed |= spans.RemoveAll(x => Enumerable.Range(x.Start, x.Length).Any(i => WebToken().IsMatch(words[i].Word))) > 0;

        // A lone word that is no name in any writing: a common-noun acronym ("FYI", "ASAP", "IPO", "DVD"), a word
        // stretched for emphasis ("Sooooo", "VERYYYY") or a common word shouted in capitals ("WOW", "NICE"), unless a
        // gazetteer knows it as a name.
        var shoutedLine = words.All(w => !w.HasLetter || w.AllCapitals);
        changed |= spans.RemoveAll(x => x.Length == 1 && NotAName(words[x.Start], lexicon, shoutedLine)) > 0;
        for (var k = 0; k < spans.Count; k++)
        {
            var (start, end) = (spans[k].Start, spans[k].End);
            while (end - start > 1 && ChatAcronyms.Contains(words[end - 1].Word))
            {
                end--;
            }

            while (end - start > 1 && ChatAcronyms.Contains(words[start].Word))
            {
                start++;
            }

            if (end - start != spans[k].Length)
            {
                spans[k] = spans[k] with { Start = start, End = end };
                changed = true;
            }
        }

        // In lower case, only words known as names are names: capitalised in news nearly always, or in a gazetteer
        // ("kerala", "jen", but not "bacon", "lol", "best").
        changed |= spans.RemoveAll(x => !Enumerable.Range(x.Start, x.Length).Any(i => words[i].Word.Any(char.IsUpper))
            && !(x.Length > 1 && (lexicon.Lookup([words[x.End - 1].Lower]) & (1 << (int)Lexicon.List.OrganisationWord)) != 0)
            && !Enumerable.Range(x.Start, x.Length).All(i => !words[i].HasLetter || KnownAsName(words, i, lexicon) || (x.Length > 1 && PlaceModifiers.Contains(words[i].Word)))) > 0;

        // An elliptical possessive names an establishment: "at Del Frisco 's for dinner", "McDonald s", "wendy 's ."
        for (var k = 0; k < spans.Count; k++)
        {
            var span = spans[k];
            var at = span.End;
            if (at >= words.Length || words[at].Word is not ("'s" or "s" or "'S") || (k + 1 < spans.Count && spans[k + 1].Start == at))
            {
                continue;
            }

            var after = at + 1 < words.Length ? words[at + 1] : null;
            if (after is null || IsTrimmable(after) || PossessiveEnders.Contains(after.Word))
            {
                spans[k] = span with { End = at + 1, Type = span.Type == EntityType.PER ? EntityType.LOC : span.Type };
                changed = true;
            }
        }

        // A named storm is an event, not a person: "Hurricane Rita", "Tropical Storm Bill".
        for (var k = 0; k < spans.Count; k++)
        {
            var x = spans[k];
            var before = x.Start > 0 ? words[x.Start - 1].Word : "";
            if (x.Type != EntityType.MISC && (StormWords.Contains(before) || (x.Length > 1 && StormWords.Contains(words[x.Start].Word))))
            {
                spans[k] = x with { Type = EntityType.MISC };
                changed = true;
            }
        }

        // Tried and left out: a lone LOC/ORG word the gazetteers know only as a given name is a person ("forward it
        // to Brant"). It gave 0.7 F1 on UNER EWT dev and cost 0.14 on CoNLL dev, and it turns places into people.

        // A line that is only a name: "Debra Perlingiere", "Phillip ,", "Vince -".
        var first = 0;
        var stop = words.Length;
        while (stop > first && IsPunctuationOnly(words[stop - 1]))
        {
            stop--;
        }

        var greeting = false;
        if (stop - first >= 2 && Greetings.Contains(words[first].Word))
        {
            first++;
            greeting = true;
        }
        else if (stop - first >= 3 && words[first].Word is "Good" && Greetings.Contains(words[first + 1].Word))
        {
            first += 2;
            greeting = true;
        }

        while (stop - first >= 2 && LeadingTitles.Contains(words[first].Word))
        {
            first++;
        }

        var length = stop - first;
        if (length is >= 1 and <= 3 && Enumerable.Range(first, length).All(i => words[i].InitialCapital && !words[i].AllCapitals
                && words[i].Word.All(c => char.IsLetter(c) || c is '.' or '\'' or '-')
                && lexicon.CapitalisationOf(words[i]) is not (1 or 2 or 6 or 7)
                && (lexicon.Lookup([words[i].Lower]) & NotPersonWords) == 0))
        {
            var given = lexicon.Lookup([words[first].Lower]);
            var place = (1 << (int)Lexicon.List.City) | (1 << (int)Lexicon.List.Country) | (1 << (int)Lexicon.List.Region) | (1 << (int)Lexicon.List.Demonym);
            if ((greeting || (given & (1 << (int)Lexicon.List.GivenName)) != 0) && (given & place) == 0
                && !spans.Any(x => x.Start < first + length && x.End > first && x.Type == EntityType.PER && x.Start == first && x.End == first + length))
            {
                spans.RemoveAll(x => x.Start < first + length && x.End > first);
                spans.Add(new TokenSpan(first, first + length, EntityType.PER));
                spans.Sort((a, b) => a.Start.CompareTo(b.Start));
                changed = true;
            }
        }

        if (changed)
        {
            Relabel(labels, spans);
        }
    }

    /// <summary>Formats and units everyone writes in capitals: never names, nor parts of one ("Sony DVD").</summary>
    public static readonly IReadOnlySet<string> Formats = new HashSet<string>(StringComparer.Ordinal)
    {
        "DVD", "DVDs", "CD", "CDs", "PC", "PCs", "TV", "TVs", "MP3", "MP3s", "SMS", "GDP", "FDI", "CEO", "CEOs", "MP", "MPs", "PIN", "ISP", "ISPs", "HD",
    };

    /// <summary>Time zones: no names of entities either, though CoNLL tags them as other names (MISC).</summary>
    public static readonly IReadOnlySet<string> TimeZones = new HashSet<string>(StringComparer.Ordinal)
    {
        "GMT", "BST", "UTC", "EST", "EDT", "PST", "PDT", "CET", "CEST",
    };

    /// <summary>Acronyms of common nouns and office shorthand besides the formats: capitalised everywhere, names nowhere.</summary>
    private static readonly HashSet<string> CommonAcronyms = new(StringComparer.Ordinal)
    {
        "FAQ", "FAQs", "DIY", "VHS", "VCR", "PDF", "HTML", "URL", "USB", "GPS", "LCD", "HDTV", "RAM", "CPU", "IPO", "CFO", "COO", "CTO", "ROI", "IRR",
        "RFP", "SEO", "ATM", "VAT", "LNG", "MMOG", "ADHD", "HIV", "DNA", "PM", "AM", "Q&A", "OK",
    };

    /// <summary>Chat and office shorthand, which also ends or opens no name ("send it to Karen ASAP").</summary>
    private static readonly HashSet<string> ChatAcronyms = new(StringComparer.Ordinal)
    {
        "FYI", "ASAP", "LOL", "LMAO", "ROFL", "OMG", "BTW", "IMO", "IMHO", "TBD", "TBA", "RSVP", "AKA", "AFAIK",
    };

    private static readonly int AnyNameList = (1 << (int)Lexicon.List.Country) | (1 << (int)Lexicon.List.City) | (1 << (int)Lexicon.List.Region)
        | (1 << (int)Lexicon.List.Demonym) | (1 << (int)Lexicon.List.GivenName) | (1 << (int)Lexicon.List.KnownOrganisation) | (1 << (int)Lexicon.List.Agency);

    private static bool NotAName(WordForm word, Lexicon lexicon, bool shoutedLine)
    {
        if (Formats.Contains(word.Word) || CommonAcronyms.Contains(word.Word) || ChatAcronyms.Contains(word.Word))
        {
            return true;
        }

        if (!word.HasLetter || (lexicon.Lookup([word.Lower]) & AnyNameList) != 0)
        {
            return false;
        }

        // A letter written three times or more in a row ("Sooooo"), not a Roman numeral ("XIII").
        var run = 1;
        for (var i = 1; i < word.Word.Length && run < 3; i++)
        {
            run = char.ToLowerInvariant(word.Word[i]) == char.ToLowerInvariant(word.Word[i - 1]) && char.IsLetter(word.Word[i]) ? run + 1 : 1;
        }

        if (run >= 3 && !word.Word.All(c => c is 'I' or 'V' or 'X'))
        {
            return true;
        }

        // A word of three letters or more in capitals that written text almost never capitalises mid-sentence, in a line
        // not written all in capitals (where "NICE" and "REAL" may be the clubs).
        return !shoutedLine && word.AllCapitals && word.Word.Length >= 3 && word.Word.All(char.IsLetter) && lexicon.CapitalisationOf(word) is 1 or 6;
    }

    private static readonly int NotPersonWords = (1 << (int)Lexicon.List.TimeWord) | (1 << (int)Lexicon.List.OrganisationWord)
        | (1 << (int)Lexicon.List.KnownOrganisation) | (1 << (int)Lexicon.List.MiscWord) | (1 << (int)Lexicon.List.PlaceWord)
        | (1 << (int)Lexicon.List.Agency);

    /// <summary>Punctuation an entity never starts or ends with (brackets and quotes may belong to it).</summary>
    private static bool IsTrimmable(WordForm word) => word.Word is "!" or "!!" or "-" or "--" or "," or ":" or ";" or "?" or "..." or "." or "*" or "~";

    /// <summary>Words after an elliptical possessive ("at Kenneally 's at around 5"): it possesses nothing.</summary>
    private static readonly HashSet<string> PossessiveEnders = new(StringComparer.Ordinal)
    {
        "at", "in", "on", "for", "to", "with", "near", "tonight", "tomorrow", "today", "yesterday", "and", "or", "is", "was",
        "has", "had", "does", "did", "are", "were",
    };

    [GeneratedRegex(@"@.*\.|^(https?:|www\.)|\.(com|org|net|edu|gov|co\.uk|pdf|docx?|xlsx?|pptx?|txt|jpe?g|gif|png|html?|zip|exe)$", RegexOptions.IgnoreCase)]
    private static partial Regex WebToken();

    /// <summary>Once "Hurricane Rita" is in the document, "Rita" alone is the storm too.</summary>
    private static void StormNames(TaggerDocument document, List<byte[]> labels)
    {
        var storms = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < labels.Count; s++)
        {
            var words = document.Sentences[s];
            for (var i = 0; i + 1 < words.Length; i++)
            {
                if (StormWords.Contains(words[i].Word) && words[i + 1].InitialCapital)
                {
                    storms.Add(words[i + 1].Word);
                }
            }
        }

        RetypeNames(document, labels, storms, type => type == EntityType.PER, EntityType.MISC);
    }

    private static readonly HashSet<string> StormWords = new(StringComparer.Ordinal) { "Hurricane", "Typhoon", "Cyclone", "Storm", "hurricane", "typhoon", "cyclone" };

    /// <summary>Lower-case words that begin place names ("greater noida", "north goa").</summary>
    private static readonly HashSet<string> PlaceModifiers = new(StringComparer.Ordinal)
    {
        "greater", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "new", "old", "upper", "lower",
        "central", "san", "santa", "saint", "st", "st.", "los", "las", "la", "le", "el", "de", "port", "fort", "mount", "lake", "bay", "island",
        "city", "county", "river", "beach",
    };

    private static readonly int NameLists = (1 << (int)Lexicon.List.City) | (1 << (int)Lexicon.List.Country)
        | (1 << (int)Lexicon.List.Region) | (1 << (int)Lexicon.List.GivenName) | (1 << (int)Lexicon.List.KnownOrganisation)
        | (1 << (int)Lexicon.List.Agency);

    /// <summary>A lower-case word that is capitalised in news at least 70% of the time, or (not a common word) in a name gazetteer.</summary>
    private static bool KnownAsName(WordForm[] words, int i, Lexicon lexicon)
    {
        var bucket = lexicon.CapitalisationOf(words[i]);
        if (bucket is 4 or 5 or 9 or 10)
        {
            return true;
        }

        if (bucket is 1 or 2 or 6 or 7 || words[i].Word == "'s" || words[i].Word == "s")
        {
            return words[i].Word is "'s" or "s";
        }

        return (lexicon.Lookup([words[i].Lower]) & NameLists) != 0
            || (i + 1 < words.Length && (lexicon.Lookup([words[i].Lower, words[i + 1].Lower]) & NameLists) != 0)
            || (i > 0 && (lexicon.Lookup([words[i - 1].Lower, words[i].Lower]) & NameLists) != 0);
    }

    private static bool IsPunctuationOnly(WordForm word) => word.Word.Length > 0 && !word.HasLetter && !word.HasDigit;

    /// <summary>Words that name a station after "Radio" ("Radio 4", "Radio Five Live", "Radio Wales") besides numbers.</summary>
    private static readonly HashSet<string> StationWords = new(StringComparer.Ordinal)
    {
        "One", "Two", "Three", "Four", "Five", "Six", "Live", "Extra", "Scotland", "Wales", "Ulster", "Cymru", "London", "Manchester",
    };

    private static bool IsStationNumber(WordForm word) =>
        word.Word is "One" or "Two" or "Three" or "Four" or "Five" or "1" or "2" or "3" or "4" or "5";

    /// <summary>
    /// "BBC Radio 4", "BBC Radio Five Live", "BBC Radio Wales": an organisation ending in "Radio" takes the station's
    /// number or name after it ("the BBC News website" stays "BBC News": the website is no part of the name).
    /// </summary>
    private static void JoinStationNames(WordForm[] words, byte[] labels)
    {
        var spans = Bilou.Decode(labels);
        var changed = false;
        for (var k = 0; k < spans.Count; k++)
        {
            var span = spans[k];
            // "Channel Four's winter season", "Channel 4": a broadcaster, whatever the tagger took it for.
            if (span.Type != EntityType.ORG && words[span.Start].Word == "Channel" && span.Length <= 2
                && (span.Length == 1 ? span.End < words.Length && IsStationNumber(words[span.End]) && (k + 1 == spans.Count || spans[k + 1].Start > span.End)
                                     : IsStationNumber(words[span.Start + 1])))
            {
                spans[k] = new TokenSpan(span.Start, span.Start + 2, EntityType.ORG);
                changed = true;
                continue;
            }

            if (span.Type != EntityType.ORG || span.End >= words.Length)
            {
                continue;
            }

            var last = words[span.End - 1].Word;
            var end = span.End;
            if (last == "Radio")
            {
                while (end < words.Length && end - span.End < 2
                       && ((words[end].Word is { Length: 1 or 2 } number && number.All(char.IsDigit)) || StationWords.Contains(words[end].Word)))
                {
                    end++;
                }
            }

            // Only over words that are no other name's, or a one-word place ("Wales") the station is named after.
            if (end == span.End || spans.Any(x => x.Start >= span.End && x.Start < end && !(x.Type == EntityType.LOC && x.End <= end)))
            {
                continue;
            }

            spans.RemoveAll(x => x.Start >= span.End && x.End <= end);
            spans[spans.IndexOf(span)] = new TokenSpan(span.Start, end, EntityType.ORG);
            changed = true;
        }

        if (changed)
        {
            Bilou.Encode(spans, labels);
        }
    }

    /// <summary>"Center for a New American Security": head word, for/of, an optional article, then capitalised words.</summary>
    private static void JoinInstitutionNames(WordForm[] words, byte[] labels)
    {
        for (var i = 0; i + 2 < words.Length; i++)
        {
            if (!InstitutionHeads.Contains(words[i].Word) || words[i + 1].Word is not ("for" or "of"))
            {
                continue;
            }

            var j = i + 2;
            if (words[j].Word is "a" or "an" or "the")
            {
                j++;
            }

            var end = j;
            while (end < words.Length && (words[end].InitialCapital || (NameConnectors.Contains(words[end].Word) && end + 1 < words.Length && words[end + 1].InitialCapital && end > j)))
            {
                end++;

                // "Court of Appeals for the District of Columbia": a second "for the", "of the" or "on the" before capitals.
                if (end + 2 < words.Length && end > j && words[end].Word is "for" or "of" or "on" && words[end + 1].Word == "the" && words[end + 2].InitialCapital)
                {
                    end += 2;
                }
            }

            if (end == j)
            {
                continue;
            }

            // Never cut through an entity that starts before the head or runs past the end, nor swallow a person.
            var spans = Bilou.Decode(labels);
            var start = i;
            // "US Court of Appeals for the District of Columbia": an organisation that opens before the head and ends in
            // the name is its start.
            if (spans.FirstOrDefault(x => x.Type == EntityType.ORG && x.Start < start && x.End > start && x.End <= end) is { Length: > 0 } opening)
            {
                start = opening.Start;
            }

            if (spans.Any(x => (x.Start < start && x.End > start) || (x.Start < end && x.End > end) || (x.Type == EntityType.PER && x.Start >= start && x.End <= end)))
            {
                continue;
            }

            spans.RemoveAll(x => x.Start >= start && x.End <= end);
            spans.Add(new TokenSpan(start, end, EntityType.ORG));
            spans.Sort((a, b) => a.Start.CompareTo(b.Start));
            Bilou.Encode(spans, labels);
            i = end - 1;
        }
    }

    [GeneratedRegex(@"^(?:al|el|ad|as|ash|at|an|ar|az|abu|bin|ibn|bint|ben)-\p{Lu}")]
    private static partial Regex HyphenatedParticle();
}
