using System.Text.RegularExpressions;
using NewsApi.Nlp.Ner;
using NewsApi.Nlp.Text;

namespace NewsApi.Nlp.Entities;

/// <summary>
/// Corrections of the recogniser's types by general rules of news writing, applied before names are resolved to
/// entities (docs/entities.md), so that works, products, competitions and awards stop landing among organisations,
/// people and places:
/// <list type="bullet">
/// <item>a title-cased name in quotation marks is a work ('Hey Mama', "Car Wash"): other names (MISC), the whole quote;</item>
/// <item>names headed by an award or competition word ("Brit Awards", "Six Nations", "Davis Cup") and the awards
/// known by one word (Grammy, Oscar, Bafta) are other names;</item>
/// <item>formats everyone writes in capitals (DVD, CD, PC, TV, MP3, GDP) and time zones (GMT, EST) are no names at all;</item>
/// <item>a title that is part of a name stays in it ("Prince Charles", "Pope John Paul II", "Lord Moynihan");</item>
/// <item>"X administration" is an organisation ("the Obama administration"), not the person X;</item>
/// <item>in an article about a match, a country is a team, an organisation ("England beat Wales", "below the likes of
/// Estonia and Ghana"), unless it is written as a place ("in France", "flew to Italy") and no word of the game is next to it.</item>
/// </list>
/// </summary>
public static partial class NameTypes
{
    private static readonly HashSet<string> CompetitionAndAwardHeads = new(StringComparer.Ordinal)
    {
        "Award", "Awards", "Prize", "Prizes", "Cup", "Championship", "Championships", "Games", "Olympics", "Open", "Trophy", "Nations", "Premiership",
        "Festival", "Grand Prix", "Masters", "Classic", "Series", "Medal", "Medals", "Globes", "Brits", "Bowl",
        "Marathon", "Sevens", "Indoors", "Contest", "Race", "Rally", "Tour", "Show",
    };

    /// <summary>Heads that open an event's or treaty's name before "of" ("Treaty of Amsterdam", "Festival of Fantastic Film").</summary>
    private static readonly HashSet<string> OpeningEventHeads = new(StringComparer.Ordinal) { "Treaty", "Festival", "Battle", "Siege" };

    private static readonly HashSet<string> OneWordAwards = new(StringComparer.Ordinal)
    {
        "Grammy", "Grammys", "Oscar", "Oscars", "Emmy", "Emmys", "Bafta", "Baftas", "Brits", "Mobo", "Mobos", "Tony", "Tonys", "Booker", "Pulitzer",
    };

    /// <summary>Formats, units and time zones everyone writes in capitals: never names, nor parts of one ("Sony DVD").</summary>
    public static readonly IReadOnlySet<string> NotNames = DocumentConsistency.Formats.Union(DocumentConsistency.TimeZones).ToHashSet(StringComparer.Ordinal);

    /// <summary>Titles that are part of a name, not roles of it.</summary>
    public static readonly IReadOnlySet<string> NameTitles = new HashSet<string>(StringComparer.Ordinal)
    {
        "Prince", "Princess", "King", "Queen", "Pope", "Lord", "Lady", "Duke", "Duchess", "Earl", "Countess", "Baron", "Baroness", "Emperor",
        "Empress", "Sheikh", "Tsar", "Crown", "Archbishop", "Cardinal",
    };

    /// <summary>Portfolios that name a minister's office ("Economy and Labour Minister", "Health Secretary").</summary>
    private static readonly HashSet<string> Portfolios = new(StringComparer.Ordinal)
    {
        "Labour", "Labor", "Economy", "Finance", "Foreign", "Defence", "Defense", "Health", "Education", "Trade", "Energy", "Interior", "Justice",
        "Home", "Culture", "Environment", "Transport", "Industry", "Agriculture", "Treasury", "Work", "Employment", "Commerce",
    };

    /// <summary>Nouns after "labour" that make it the economy's labour, not the party ("labour markets", "labour costs").</summary>
    private static readonly HashSet<string> LabourNouns = new(StringComparer.Ordinal)
    {
        "market", "markets", "costs", "cost", "shortage", "shortages", "force", "laws", "law", "productivity", "supply", "relations", "unrest",
    };

    private static readonly HashSet<string> MinorWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "and", "in", "on", "to", "for", "with", "my", "me", "is", "it", "at", "by", "or", "your", "you", "i", "we", "be",
    };

    private static readonly HashSet<string> SportWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "match", "game", "final", "semi-final", "quarter-final", "cup", "league", "championship", "tournament", "title", "season", "derby", "fixture",
        "coach", "striker", "midfielder", "defender", "goalkeeper", "squad", "team", "side", "captain", "try", "tries", "goal", "goals", "innings",
        "wicket", "wickets", "rugby", "football", "cricket", "tennis", "referee", "kick", "scrum", "fly-half", "win", "victory", "defeat", "beat",
        "draw", "drew", "lost", "won", "score", "scored", "points", "fans", "stadium", "international", "caps", "ranking", "rankings", "play", "played",
        "flanker", "winger", "cap", "opponents", "pitch",
    };

    private static readonly HashSet<string> TeamCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "beat", "beats", "beaten", "against", "v", "vs", "win", "won", "lost", "lose", "drew", "draw", "side", "team", "squad", "captain", "coach",
        "fans", "play", "played", "playing", "face", "faced", "facing", "host", "hosts", "visit", "scored", "victory", "defeat", "trounced", "thrashed", "edged",
        "beating", "defeating", "defeated", "replacement", "outing", "debut", "appearances", "appearance", "goalkicking", "knocked", "loss", "defeats",
    };

    /// <summary>The mentions with their types corrected (and a few dropped or widened), in text order.</summary>
    public static List<EntityMention> Correct(AnalyzedText analysis, Lexicon? lexicon = null)
    {
        var text = analysis.Text;
        var tokens = analysis.Tokens;
        var sport = SportArticle(analysis);
        // In tennis or athletics a country is the players' nationality: a place.
        var teamSport = sport && !IndividualSport(analysis);
        var corrected = new List<EntityMention>(analysis.Entities.Count);
        var consumedUntil = -1;
        var ordered = analysis.Entities.OrderBy(m => m.Start).ToList();
        // Names the article puts after a word that locates once at least ("in Rio", "to Ibrox", "at the Maracana").
        var located = ordered.Where(m => m.Type == EntityType.LOC && Located(text, m.Start)).Select(m => m.Text).ToHashSet(StringComparer.Ordinal);
        // "Paris, Lille, Lyon": the mention at index <at> is listed right after or right before a place.
        bool BesidePlace(int at) =>
            (corrected.Count > 0 && corrected[^1].Type == EntityType.LOC && ListSeparator(text, corrected[^1].End, ordered[at].Start))
            || (at + 1 < ordered.Count && ordered[at + 1].Type == EntityType.LOC && ListSeparator(text, ordered[at].End, ordered[at + 1].Start));
        for (var k = 0; k < ordered.Count; k++)
        {
            var mention = ordered[k];
            if (mention.Start < consumedUntil)
            {
                continue;
            }

            var words = mention.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // "BBC One's Breakfast with Frost", "Sky News' Sunday with Adam Boulton": a broadcaster's programme named after its
            // presenter is a work; the presenter inside it is no one the news is about (the owner must read as a channel:
            // "Blair's Talks with Bush" in a headline is no programme).
            if (mention.Type is EntityType.PER or EntityType.ORG
                && ProgrammeWithPresenter().Match(text[Math.Max(0, mention.Start - 40)..mention.Start]) is { Success: true } programme)
            {
                var start = Math.Max(0, mention.Start - 40) + programme.Groups[1].Index;
                corrected.Add(mention with { Type = EntityType.MISC, Start = start, Text = text[start..mention.End] });
                continue;
            }

            // "Dreamworks hit Shrek", "BBC documentary Secret Agent", "Support act Brigade", "Courvoisier brandy": a common noun
            // written in lower case inside a name ends it; the name is the capitalised words after it (a work after a works
            // noun), else those before it.
            if (words.Length > 1 && InnerCommonNoun(words) is var common and >= 0)
            {
                var tail = string.Join(' ', words[(common + 1)..]);
                var keep = tail.Length > 0 ? tail : string.Join(' ', words[..common]);
                if (keep.Length > 0 && char.IsUpper(keep[0]))
                {
                    var start = tail.Length > 0 ? mention.Start + mention.Text.LastIndexOf(tail, StringComparison.Ordinal) : mention.Start;
                    var type = tail.Length > 0 && WorkNouns.Contains(words[common]) ? EntityType.MISC : mention.Type;
                    corrected.Add(mention with { Text = keep, Start = start, End = start + keep.Length, Type = type });
                }

                continue;
            }

            // "Munich-based", "Albanian-born", "US-led", "TiVo-type": a compound adjective names what its first part names (a
            // place, a nationality, a body or a product), not a name of its own.
            if (CompoundAdjective().Match(mention.Text) is { Success: true } compound)
            {
                var name = compound.Groups[1].Value;
                var nameWords = name.Split(' ');
                var nameListed = lexicon?.Lookup(nameWords.Select(w => w.ToLowerInvariant())) ?? 0;
                if (NotNames.Contains(name))
                {
                    continue;
                }

                // (An acronym that is no place, "DTI-funded", "NEC-backed", is a body.)
                var type = PlaceNames.IsKnownCountryVariant(name) || PlaceNames.IsState(name) ? EntityType.LOC
                    : PlaceNames.CountryOfDemonym(name) is not null ? EntityType.MISC
                    : (nameListed & PlaceLists) != 0 ? EntityType.LOC
                    : (nameListed & (1 << (int)Lexicon.List.KnownOrganisation)) != 0 || (name.Length is >= 2 and <= 5 && name.All(char.IsAsciiLetterUpper)) ? EntityType.ORG
                    : mention.Type;
                corrected.Add(mention with { Text = name, End = mention.Start + name.Length, Type = type });
                continue;
            }

            // "thank God", "God cut from Dark Materials film": a god is no person, organisation or place of the news; nor are
            // a century ("the 21st Century": a time) or the internet.
            if (NotNames.Contains(mention.Text) || mention.Text is "God" or "Internet" || Century().IsMatch(mention.Text))
            {
                continue;
            }

            // "Marvel TV and movie productions", "made by the UPN TV network": a format after a name is no part of it (the
            // name stands alone: "Marvel", "UPN").
            if (mention.Type is EntityType.ORG or EntityType.MISC && words.Length == 2 && words[1] == "TV" && char.IsUpper(words[0][0])
                && !PlaceNames.IsKnownCountryVariant(words[0]) && PlaceNames.CountryOfDemonym(words[0]) is null)
            {
                var end = mention.Start + words[0].Length;
                corrected.Add(mention with { Text = words[0], End = end });
                continue;
            }

            // The gazetteers' lists holding the whole name (none without a lexicon).
            var listed = lexicon?.Lookup(words.Select(w => w.ToLowerInvariant())) ?? 0;

            // "Symbolically, a higher penalty …", "Interestingly, …": an adverb that opens a sentence is capitalised, not a name.
            if (words.Length == 1 && listed == 0 && SentenceAdverb(text, mention))
            {
                continue;
            }

            // "Washington DC", "Washington D.C.": the district is part of the city's name, not an organisation of its own.
            if (mention.Type == EntityType.LOC && words.Length == 1 && NextWord(text, mention.End) is { Word: "DC" or "D" } district
                && (district.Word == "DC" || string.CompareOrdinal(text, district.End, ".C.", 0, 3) == 0))
            {
                var end = district.Word == "DC" ? district.End : district.End + 3;
                corrected.Add(mention with { Text = text[mention.Start..end], End = end });
                consumedUntil = end;
                continue;
            }

            // "The US Secretary of Energy Spencer Abraham confirmed …": an office and the person who holds it, tagged one
            // organisation, are the person (the office is their role, no body of its own).
            if (lexicon is not null && mention.Type == EntityType.ORG && OfficeHolder(mention, words, lexicon) is { } holder)
            {
                corrected.Add(holder);
                continue;
            }

            // "Warner Brothers", "Jupiter Research", "RJ Reynolds Tobacco": a name ending in a word that heads firms' names is
            // a firm, not a person.
            if (mention.Type == EntityType.PER && words.Length > 1 && FirmNameHeads.Contains(words[^1]))
            {
                corrected.Add(mention with { Type = EntityType.ORG });
                continue;
            }

            // "Communist Russia", "Victorian England": a period or a regime before a country is no part of its name (unlike
            // "Equatorial Guinea" or "Great Britain", which the gazetteers list, and "North Korea", whose first word places).
            if (lexicon is not null && mention.Type == EntityType.LOC && words.Length == 2 && (listed & PlaceLists) == 0
                && !PlaceNames.IsKnownCountryVariant(mention.Text) && PlaceNames.IsKnownCountryVariant(words[1])
                && words[0].Length > 2 && char.IsUpper(words[0][0]) && words[0].Skip(1).All(char.IsLower)
                && (lexicon.Lookup([words[0].ToLowerInvariant()]) & (PlaceLists | (1 << (int)Lexicon.List.PlaceWord))) == 0)
            {
                var country = mention.Start + mention.Text.LastIndexOf(words[1], StringComparison.Ordinal);
                corrected.Add(mention with { Text = words[1], Start = country });
                continue;
            }

            // "US TV", "British TV": a format after a country or a demonym is no part of a name; the country is a place.
            if (words.Length == 2 && NotNames.Contains(words[1]) && (PlaceNames.IsKnownCountryVariant(words[0]) || PlaceNames.CountryOfDemonym(words[0]) is not null))
            {
                var end = mention.Start + words[0].Length;
                corrected.Add(mention with { Text = words[0], End = end, Type = PlaceNames.IsKnownCountryVariant(words[0]) ? EntityType.LOC : EntityType.MISC });
                continue;
            }

            // "lived in places such as Pompeii", "outside Durham": one word the gazetteers know as a town or a region, right
            // after "in", "near" or "outside", is the place, not a club or a company of its name (outside match reports
            // "at" too: "a confrontation at Sunderland").
            if (lexicon is not null && mention.Type == EntityType.ORG && words.Length == 1 && PreviousWord(text, mention.Start) is { } locative
                && (locative.Word is "in" or "near" or "outside" or "throughout" or "across" || (!sport && locative.Word is "at"))
                && (listed & ((1 << (int)Lexicon.List.City) | (1 << (int)Lexicon.List.Region))) != 0
                && (listed & (1 << (int)Lexicon.List.KnownOrganisation)) == 0)
            {
                corrected.Add(mention with { Type = EntityType.LOC });
                continue;
            }

            // "Maidenhead, Berkshire,", "a speech in Burnley, Lancashire.": one word set off by commas right after a place is
            // the region it lies in; "his Buckinghamshire home", "their Surrey training base", "its Durham headquarters": one
            // word between an owner and the place they live or work in is that place.
            if (mention.Type == EntityType.ORG && words.Length == 1 && (listed & (1 << (int)Lexicon.List.KnownOrganisation)) == 0
                && ((corrected.Count > 0 && corrected[^1].Type == EntityType.LOC && corrected[^1].End == mention.Start - 2
                     && string.CompareOrdinal(text, corrected[^1].End, ", ", 0, 2) == 0
                     && (mention.End == text.Length || text[mention.End] is ',' or '.' or ';' or ')' or '\n'))
                    || (PreviousWord(text, mention.Start) is { } owner && (owner.Word is "his" or "her" or "their" or "its" or "my" or "our"
                                                                                || (owner.Word == "s" && owner.Start > 0 && text[owner.Start - 1] is '\'' or '’'))
                        && HomeAfter(text, mention.End))))
            {
                corrected.Add(mention with { Type = EntityType.LOC });
                continue;
            }

            // "MP for Richmond", "the mayor of Leeds", "Middlesbrough mayor Ray Mallon": a town or region a member or a mayor
            // represents is the place, not a club of its name.
            if (lexicon is not null && mention.Type == EntityType.ORG && words.Length == 1
                && (listed & ((1 << (int)Lexicon.List.City) | (1 << (int)Lexicon.List.Region))) != 0
                && (listed & (1 << (int)Lexicon.List.KnownOrganisation)) == 0 && Represented(text, mention))
            {
                corrected.Add(mention with { Type = EntityType.LOC });
                continue;
            }

            // "the Isle of Wight music festival", "the Gulf of Mexico": a name that opens with a place's head and "of" is a place
            // (unless a word of it makes it a body: "Bank of …" has no place head, "Isle of Man Steam Packet Company" has one).
            if (lexicon is not null && mention.Type == EntityType.ORG && words.Length >= 3 && words[1] == "of"
                && words[0] is "Isle" or "Isles" or "Island" or "Islands" or "Gulf" or "Bay" or "Cape" or "Strait" or "Straits" or "Lake" or "Sea"
                && !words.Any(w => lexicon.Holds(w, Lexicon.List.OrganisationWord)))
            {
                corrected.Add(mention with { Type = EntityType.LOC });
                continue;
            }

            // "handsets from NEC, Fujitsu and Mitsubishi": one word tagged a person that no given-name list knows, listed between
            // organisations, is one too.
            if (lexicon is not null && mention.Type == EntityType.PER && words.Length == 1 && (listed & (1 << (int)Lexicon.List.GivenName)) == 0
                && corrected.Count > 0 && corrected[^1].Type == EntityType.ORG && ListSeparator(text, corrected[^1].End, mention.Start)
                && k + 1 < ordered.Count && ordered[k + 1].Type == EntityType.ORG && ListSeparator(text, mention.End, ordered[k + 1].Start))
            {
                corrected.Add(mention with { Type = EntityType.ORG });
                continue;
            }

            // "Paris, Lille, Lyon and Toulouse": a one-word name the gazetteers know as a town, listed beside a place, is one too.
            if (lexicon is not null && mention.Type == EntityType.ORG && words.Length == 1
                && (listed & ((1 << (int)Lexicon.List.City) | (1 << (int)Lexicon.List.Region))) != 0
                && (listed & (1 << (int)Lexicon.List.KnownOrganisation)) == 0 && BesidePlace(k))
            {
                corrected.Add(mention with { Type = EntityType.LOC });
                continue;
            }

            // A squad list in a match report, "Mike Blair (Edinburgh Rugby), … Robbie Russell (London Irish)": the words in
            // brackets after a player are their club (a country, "Davenport (US)", their nationality), whatever a part of it names.
            if (sport && corrected.Count > 0 && corrected[^1].Type == EntityType.PER && BracketAfterPerson(text, corrected[^1].End, mention.Start) is { } club)
            {
                var name = text[club.Start..club.End];
                corrected.Add(mention with { Text = name, Start = club.Start, End = club.End, Type = PlaceNames.IsKnownCountryVariant(name) ? EntityType.LOC : EntityType.ORG });
                consumedUntil = club.End;
                continue;
            }

            // "Sagem", "Freeview", "Bonhams" tagged places: one word no gazetteer knows as a place, country or demonym, and
            // not after a word that locates ("in", "at", "from", "near"), is no place the text gives; left out, not guessed.
            if (lexicon is not null && mention.Type == EntityType.LOC && words.Length == 1
                && (listed & ((1 << (int)Lexicon.List.Country) | (1 << (int)Lexicon.List.City) | (1 << (int)Lexicon.List.Region) | (1 << (int)Lexicon.List.Demonym) | (1 << (int)Lexicon.List.PlaceWord))) == 0
                && !PlaceNames.IsKnownCountryVariant(mention.Text) && PlaceNames.CountryOfDemonym(mention.Text) is null
                && !located.Contains(mention.Text) && !PlaceNounAfter(text, mention.End) && !BesidePlace(k))
            {
                continue;
            }

            // A title in quotation marks: the whole quoted phrase, when it is a short run of title-case words.
            if (QuotedTitle(text, mention) is { } title)
            {
                corrected.Add(mention with { Type = EntityType.MISC, Text = text[title.Start..title.End], Start = title.Start, End = title.End });
                consumedUntil = title.End;
                continue;
            }

            if (mention.Type != EntityType.MISC && (OneWordAwards.Contains(mention.Text) || (words.Length > 1 && CompetitionAndAwardHeads.Contains(words[^1]))
                                                    || (words.Length > 2 && OpeningEventHeads.Contains(words[0]) && words[1] == "of")
                                                    || (words.Length > 1 && words[^2] == "World" && words[^1] is "Congress" or "Conference")))
            {
                corrected.Add(mention with { Type = EntityType.MISC });
                continue;
            }

            // "the Champions League", "the Premier League": a competition ("the Arab League", "the Muslim League" stay bodies).
            if (mention.Type == EntityType.ORG && words.Length == 2 && words[1] == "League"
                && words[0] is "Champions" or "Premier" or "Europa" or "Football" or "Rugby" or "Carling" or "Coca-Cola" or "Super")
            {
                corrected.Add(mention with { Type = EntityType.MISC });
                continue;
            }

            // "films including Jungle Fever, Do The Right Thing and …": a name listed after "films/albums/roles including"
            // or "such as" is a work.
            if (mention.Type is EntityType.ORG or EntityType.LOC && ListedAsWork(text, mention.Start))
            {
                corrected.Add(mention with { Type = EntityType.MISC });
                continue;
            }

            // "CompTIA, an umbrella organization for …", "Glenmorangie, one of Scotland's premier whisky firms", "Ifo president
            // Hans-Werner Sinn", "T-Online said": a name the gazetteers do not know as a place, described as an organisation,
            // heading an office or speaking, is an organisation.
            if (lexicon is not null && mention.Type == EntityType.LOC && !PlaceNames.IsKnownCountryVariant(mention.Text)
                && (listed & PlaceLists) == 0 && ActsAsOrganisation(analysis, mention))
            {
                corrected.Add(mention with { Type = EntityType.ORG });
                continue;
            }

            // "Golden Globe awards", "Grammy nominations": a name before a lower-case award word names the award ("MTV
            // awards": an acronym is the organisation that gives them).
            var next = NextWord(text, mention.End);
            if ((mention.Type == EntityType.ORG || (mention.Type == EntityType.PER && next.Word is not ("nomination" or "nominations")))
                && !mention.Text.All(c => char.IsUpper(c) || c is ' ' or '&') && next.Word is "award" or "awards" or "prize" or "prizes" or "nomination" or "nominations" or "trophy"
                && (listed & (1 << (int)Lexicon.List.KnownOrganisation)) == 0)
            {
                corrected.Add(mention with { Type = EntityType.MISC });
                continue;
            }

            // "Economy and Labour Minister Wolfgang Clement": a word of an office's title is no organisation; "the Labour
            // Ministry" is the ministry; "Labour markets firmed" is the economy's labour.
            var after = NextWord(text, mention.End);
            if (mention.Type == EntityType.ORG && words.Length == 1)
            {
                // Only a portfolio's name: "UN Secretary-General", "NATO Secretary General" keep their organisation.
                if ((after.Word is "Minister" or "Secretary" && Portfolios.Contains(words[0]) && (after.End >= text.Length || text[after.End] != '-'))
                    || (after.Word.Length > 0 && char.IsLower(after.Word[0]) && LabourNouns.Contains(after.Word) && words[0] is "Labour" or "Labor"))
                {
                    continue;
                }

                if (after.Word is "Ministry" or "Department")
                {
                    corrected.Add(mention with { Text = text[mention.Start..after.End], End = after.End });
                    consumedUntil = after.End;
                    continue;
                }
            }

            // "the Obama administration": an organisation.
            if (mention.Type is EntityType.PER or EntityType.ORG && after.Word == "administration")
            {
                corrected.Add(mention with { Type = EntityType.ORG, Text = text[mention.Start..after.End], End = after.End });
                continue;
            }

            if (mention.Type == EntityType.PER && PreviousWord(text, mention.Start) is { } before && NameTitles.Contains(before.Word))
            {
                corrected.Add(mention with { Text = text[before.Start..mention.End], Start = before.Start });
                continue;
            }

            // "Elene Likhotseva of Russia", "China's Li Na": in tennis or athletics a country is a nationality, no team.
            if (sport && !teamSport && mention.Type == EntityType.ORG && PlaceNames.IsState(mention.Text))
            {
                corrected.Add(mention with { Type = EntityType.LOC });
                continue;
            }

            // "in the England set-up", "the Leicester flanker", "named in the Scotland squad"; anywhere, "replica England
            // football kits": a place right before a team's or a player's noun is the team.
            // "Fletcher (West Ham), Giggs (Man Utd)": in a team-sport report a place in brackets right after a player is his club.
            if (teamSport && mention.Type == EntityType.LOC && mention.Start >= 2 && text[mention.Start - 1] == '(' && mention.End < text.Length
                && text[mention.End] == ')' && k > 0 && ordered[k - 1] is { Type: EntityType.PER } listedPlayer
                && text.AsSpan(listedPlayer.End, mention.Start - listedPlayer.End).Trim() is "(")
            {
                corrected.Add(mention with { Type = EntityType.ORG });
                continue;
            }

            // "England's Charlie Hodgson", "the Scotland training squad": a player of the team, a team noun after a qualifier.
            var playerOf = teamSport && mention.Type == EntityType.LOC && mention.End + 3 < text.Length && text.AsSpan(mention.End, 3) is "'s " or "’s "
                           && k + 1 < ordered.Count && ordered[k + 1] is { Type: EntityType.PER } player && player.Start == mention.End + 3;
            if (playerOf || (teamSport && mention.Type == EntityType.LOC && NextWord(text, mention.End) is { Word.Length: > 0 } qualifier
                    && TeamQualifiers.Contains(qualifier.Word) && TeamNouns.Contains(NextWord(text, qualifier.End).Word)))
            {
                corrected.Add(mention with { Type = EntityType.ORG });
                continue;
            }

            if (mention.Type == EntityType.LOC && NextWord(text, mention.End) is { Word.Length: > 0 } teamNoun
                && (teamSport && TeamNouns.Contains(teamNoun.Word) || KitNouns.Contains(teamNoun.Word)
                    || (teamNoun.Word is "football" or "rugby" or "cricket" or "replica" && KitNouns.Contains(NextWord(text, teamNoun.End).Word))))
            {
                corrected.Add(mention with { Type = EntityType.ORG });
                continue;
            }

            // "Thailand Prime Minister Thaksin", "a US soldier", "the Middle East and America": a state before its government or
            // its people, or listed beside a region named by a compass point, is the state even in a match report (beside
            // "Hong Kong" in a list of teams it is one).
            if (teamSport && mention.Type == EntityType.LOC && PlaceNames.IsState(mention.Text) && !PlaysInSentence(analysis, mention)
                && (StateNouns.Contains(NextWord(text, mention.End).Word)
                    || (corrected.Count > 0 && corrected[^1] is { Type: EntityType.LOC } left && CompassRegion(left.Text) && ListSeparator(text, left.End, mention.Start))
                    || (k + 1 < ordered.Count && ordered[k + 1] is { Type: EntityType.LOC } right && CompassRegion(right.Text) && ListSeparator(text, mention.End, right.Start))))
            {
                corrected.Add(mention);
                continue;
            }

            if (teamSport && mention.Type == EntityType.LOC && PlaceNames.IsState(mention.Text) && (PlaysInSentence(analysis, mention) || !AfterLocative(analysis, mention)))
            {
                corrected.Add(mention with { Type = EntityType.ORG });
                continue;
            }

            // "Chelsea beat Portsmouth", "will play Newcastle on Wednesday": in a match report a town that plays is its club
            // ("flew to Leeds to play" is a place).
            if (teamSport && mention.Type == EntityType.LOC && !PlaceNames.IsState(mention.Text) && PlaysInSentence(analysis, mention) && !AfterLocative(analysis, mention))
            {
                corrected.Add(mention with { Type = EntityType.ORG });
                continue;
            }

            corrected.Add(mention);
        }

        if (teamSport)
        {
            ListedTeams(analysis, corrected);
        }

        return corrected;
    }

    /// <summary>
    /// A country the recogniser took for a person, listed beside a team in a team-sport report, is a team too ("New Zealand (1),
    /// Scotland (8), Tonga, Ireland, Korea, USA"); countries it took for places were settled above.
    /// </summary>
    private static void ListedTeams(AnalyzedText analysis, List<EntityMention> mentions)
    {
        bool Team(EntityMention m) => m.Type == EntityType.ORG && PlaceNames.IsState(m.Text);
        for (var pass = 0; pass < 2; pass++)
        {
            for (var k = 0; k < mentions.Count; k++)
            {
                var mention = mentions[k];
                if (mention.Type is EntityType.PER or EntityType.MISC && PlaceNames.IsState(mention.Text)
                    && ((k > 0 && Team(mentions[k - 1]) && TeamListSeparator(analysis.Text, mentions[k - 1].End, mention.Start))
                        || (k + 1 < mentions.Count && Team(mentions[k + 1]) && TeamListSeparator(analysis.Text, mention.End, mentions[k + 1].Start))))
                {
                    mentions[k] = mention with { Type = EntityType.ORG };
                }
            }
        }
    }

    /// <summary>A team's or a player's nouns after a place in a match report: "the England set-up", "the Leicester flanker".</summary>
    private static readonly HashSet<string> TeamNouns = new(
        ["squad", "side", "team", "set-up", "camp", "coach", "manager", "boss", "selectors", "forwards", "backs", "debut", "cap", "caps", "fans",
         "supporters", "fold", "line-up", "ranks", .. Descriptions.PlayerNouns],
        StringComparer.Ordinal);

    /// <summary>Words between a team's place and its noun: "the Scotland training squad", "the England Under-21 side".</summary>
    private static readonly HashSet<string> TeamQualifiers = new(StringComparer.Ordinal)
    {
        "training", "provisional", "senior", "national", "full", "elite", "Under-21", "Under-20", "Under-19", "under-21", "A",
    };

    /// <summary>What a team plays in: "England shirts", "replica England football kits".</summary>
    private static readonly HashSet<string> KitNouns = new(StringComparer.Ordinal)
    {
        "kit", "kits", "shirt", "shirts", "jersey", "jerseys", "strip",
    };

    /// <summary>Nouns of works that a list of titles follows ("films including …", "roles included …").</summary>
    private static readonly HashSet<string> WorkListHeads = new(StringComparer.Ordinal)
    {
        "films", "movies", "albums", "singles", "songs", "roles", "books", "novels", "musicals", "sitcoms", "dramas", "titles",
    };

    /// <summary>Listed after "films including", "films such as", "roles included": within the list up to the sentence's end.</summary>
    private static bool ListedAsWork(string text, int start)
    {
        var from = Math.Max(0, start - 120);
        var window = text[from..start];
        var stop = Math.Max(window.LastIndexOf(". ", StringComparison.Ordinal), window.LastIndexOf('\n'));
        if (stop >= 0)
        {
            window = window[(stop + 1)..];
        }

        foreach (var cue in (string[])[" including ", " included ", " such as "])
        {
            var at = window.LastIndexOf(cue, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            // The list between the cue and the name: only names, commas and "and" (no clause).
            var between = window[(at + cue.Length)..];
            // The noun right before the cue ("seven films including", "his best known roles included").
            var head = window[..at].TrimEnd().Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
            if (WorkListHeads.Contains(head.TrimEnd(',')) && between.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).All(w => char.IsUpper(w[0]) || w is "and" or "the" or "of" or "a"))
            {
                return true;
            }
        }

        return false;
    }

    private const int PlaceLists = (1 << (int)Lexicon.List.Country) | (1 << (int)Lexicon.List.City) | (1 << (int)Lexicon.List.Region) | (1 << (int)Lexicon.List.Demonym);

    /// <summary>Nouns that describe an organisation in an apposition ("…, Germany's largest online service provider").</summary>
    private static readonly HashSet<string> OrganisationHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "firm", "firms", "company", "companies", "group", "organisation", "organization", "maker", "makers", "provider", "retailer", "bank",
        "studio", "carrier", "operator", "brand", "chain", "manufacturer", "agency", "body", "charity", "institute", "publisher", "broadcaster",
        "network", "supplier", "producer", "airline", "insurer", "developer", "distiller", "brewer", "consultancy", "association", "business",
    };

    /// <summary>Offices an organisation's name heads before a person ("Ifo president Hans-Werner Sinn").</summary>
    /// <summary>A region named by a compass point that is no state: "Middle East", "North Africa", "South America" (not "South Africa").</summary>
    private static bool CompassRegion(string name) =>
        name.Split(' ') is [var point, _, ..] && point is "North" or "South" or "East" or "West" or "Middle" or "Central" or "Eastern" or "Western"
                                                  or "Northern" or "Southern" && !PlaceNames.IsState(name);

    /// <summary>Nouns after a state that make it the state, not its team: its government and its people.</summary>
    private static readonly HashSet<string> StateNouns = new(StringComparer.Ordinal)
    {
        "Prime", "President", "President's", "government", "Government", "minister", "Minister", "ministers", "officials", "embassy", "Embassy",
        "economy", "soldier", "soldiers", "troops", "army", "forces", "citizens", "networks", "authorities", "parliament", "Parliament",
    };

    private static readonly HashSet<string> OrganisationOffices = new(StringComparer.Ordinal)
    {
        "president", "chairman", "chairwoman", "chief", "boss", "spokesman", "spokeswoman", "spokesperson", "director", "executive", "founder",
    };

    /// <summary>Occupations whose employer follows "at", "of" or "with" ("an economist at Argus Research").</summary>
    private static readonly HashSet<string> Occupations = new(StringComparer.Ordinal)
    {
        "economist", "economists", "analyst", "analysts", "professor", "researcher", "researchers", "director", "spokesman", "spokeswoman",
        "executive", "strategist", "lecturer", "fellow", "engineer", "engineers", "scientist", "scientists", "consultant", "partner", "editor",
        "architect", "colleagues", "officer", "manager", "vice-president",
    };

    /// <summary>Last words of firms' names, capitalised ("Lehman Brothers", "Forrester Research", "Virgin Megastores").</summary>
    private static readonly HashSet<string> FirmNameHeads = new(StringComparer.Ordinal)
    {
        "Brothers", "Bros", "Research", "Tobacco", "Megastores", "Stores", "Records", "Pictures", "Studios", "Entertainment", "Communications",
        "Electronics", "Pharmaceuticals", "Partners", "Associates", "Securities", "Insurance", "Investments", "Foods", "Telecom",
        "Motors", "Airlines", "Airways", "Holdings", "Group", "Industries", "Systems", "Technologies", "Networks", "Software",
        "Capital", "Ventures", "Labs", "Laboratories", "Consulting", "Music", "Films",
    };

    /// <summary>Offices held for a place: "MP for Richmond", "mayor of Leeds", "Middlesbrough mayor Ray Mallon".</summary>
    private static bool Represented(string text, EntityMention mention)
    {
        if (PreviousWord(text, mention.Start) is { Word: "for" or "of" } preposition && PreviousWord(text, preposition.Start) is { } office)
        {
            return preposition.Word == "for" ? office.Word is "MP" or "MSP" or "MEP" or "AM" or "MPs" or "councillor" or "candidate" : office.Word is "mayor" or "Mayor";
        }

        // "last September's Hartlepool by-election", "the Sedgefield constituency": the place a seat is for.
        var next = NextWord(text, mention.End);
        return (next.Word is "mayor" && NextWord(text, next.End).Word is { Length: > 0 } name && char.IsUpper(name[0]))
               || next.Word is "by-election" or "constituency" or "constituents";
    }

    private static bool ActsAsOrganisation(AnalyzedText analysis, EntityMention mention)
    {
        var text = analysis.Text;
        // "an economist at Argus Research", "said Richard Yamarone of Argus Research": the employer of an occupation or a person.
        if (PreviousWord(text, mention.Start) is { Word: "at" or "of" or "with" } preposition && PreviousWord(text, preposition.Start) is { } before
            && (Occupations.Contains(before.Word) || analysis.Entities.Any(e => e.Type == EntityType.PER && e.End == before.Start + before.Word.Length)))
        {
            return true;
        }

        // "Shares in Tesco", "a 20% stake in Seagram": what is held in shares is a company.
        if (PreviousWord(text, mention.Start) is { Word: "in" or "of" } held && PreviousWord(text, held.Start) is { Word: "shares" or "Shares" or "stake" or "stakes" or "shareholders" or "shareholding" })
        {
            return true;
        }

        var after = NextWord(text, mention.End);
        if (OrganisationOffices.Contains(after.Word))
        {
            return true;
        }

        // "T-Online said", but not "police in Nasiriyah said" (the place of whoever speaks).
        if (after.Word is "said" or "says" or "announced" or "told")
        {
            return PreviousWord(text, mention.Start) is not { Word: "in" or "at" or "from" or "near" or "of" or "outside" };
        }

        // An apposition: a comma, then up to eight words reaching an organisation noun before the next comma or full stop.
        if (mention.End >= text.Length || text[mention.End] != ',')
        {
            return false;
        }

        var stop = text.IndexOfAny([',', '.', ';', '(', '"'], mention.End + 1);
        var apposition = text[(mention.End + 1)..(stop < 0 ? text.Length : stop)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (apposition.Length is < 2 or > 8)
        {
            return false;
        }

        // "…, an umbrella organization", "…, one of Scotland's premier whisky firms", "…, Germany's largest provider".
        var first = apposition[0];
        var opens = first is "a" or "an" or "the" or "one" || first.EndsWith("'s", StringComparison.Ordinal) || first.EndsWith("’s", StringComparison.Ordinal);
        return opens && apposition.Skip(1).Any(OrganisationHeads.Contains);
    }

    /// <summary>An article about a match: sport's words all over it.</summary>
    internal static bool SportArticle(AnalyzedText analysis)
    {
        var count = 0;
        var distinct = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var token in analysis.Tokens)
        {
            var word = token.Text(analysis.Text);
            if (SportWords.Contains(word))
            {
                count++;
                distinct.Add(word);
            }
        }

        return (count >= 8 && distinct.Count >= 4) || (count >= 6 && distinct.Count >= 5);
    }

    /// <summary>Words of sports that people play for themselves, whose countries are nationalities, not teams.</summary>
    private static readonly HashSet<string> IndividualSportWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "tennis", "seed", "seeded", "seeds", "Wimbledon", "athletics", "athlete", "marathon", "metres", "sprinter", "sprint", "hurdles", "hurdler",
        "golf", "golfer", "boxing", "boxer", "snooker",
    };

    /// <summary>Words of team games.</summary>
    private static readonly HashSet<string> TeamSportWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "rugby", "football", "squad", "striker", "midfielder", "defender", "goalkeeper", "fly-half", "scrum", "cricket", "wicket", "wickets",
        "innings", "caps", "team-mates", "relay",
    };

    /// <summary>
    /// A report on a sport people play for themselves (tennis, athletics, golf, boxing): "Elene Likhotseva of Russia", "China's Jie
    /// Zheng" give the players' nationality, and no country plays.
    /// </summary>
    internal static bool IndividualSport(AnalyzedText analysis)
    {
        var individual = 0;
        var team = 0;
        foreach (var token in analysis.Tokens)
        {
            var word = token.Text(analysis.Text);
            // "eighth-seed", "seventh-seeded": the compound's last word.
            var dash = word.LastIndexOf('-');
            var last = dash > 0 && dash < word.Length - 1 && char.IsLetter(word[dash + 1]) ? word[(dash + 1)..] : word;
            if (IndividualSportWords.Contains(last) || TennisSet(word))
            {
                individual++;
            }
            else if (TeamSportWords.Contains(word))
            {
                team++;
            }
        }

        return individual >= 2 && individual > team;
    }

    /// <summary>A tennis set's score: "6-4", "7-5", "6-7" (a football score seldom reaches six).</summary>
    private static bool TennisSet(string word) =>
        word.Length == 3 && word[1] == '-' && word[0] is >= '0' and <= '7' && word[2] is >= '0' and <= '7'
        && (word[0] is '6' or '7' || word[2] is '6' or '7') && word[0] != word[2];

    /// <summary>Words before a country that make it a place even in a match report ("in France", "flew to Italy", "born in Wales").</summary>
    private static readonly HashSet<string> Locatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "from", "to", "into", "across", "around", "throughout", "near", "visit", "visited", "visiting", "toured",
    };

    /// <summary>Is the country written as a place: right after a locative preposition ("in France"), perhaps with "the" between?</summary>
    private static bool AfterLocative(AnalyzedText analysis, EntityMention mention)
    {
        var tokens = analysis.Tokens;
        var t = tokens.IndexAt(mention.Start) - 1;
        if (t >= 0 && tokens[t].Text(analysis.Text) is "the" or "The")
        {
            t--;
        }

        // "the 1-0 loss to West Ham", "a defeat by Leeds": after a result's noun, "to" and "by" name the other side.
        return t >= 0 && Locatives.Contains(tokens[t].Text(analysis.Text))
               && !(t > 0 && tokens[t].Text(analysis.Text) is "to" or "by" && tokens[t - 1].Text(analysis.Text) is "loss" or "losses" or "defeat" or "defeats" or "draw" or "lost" or "beaten" or "losing" or "lose" or "loses");
    }

    /// <summary>A country that plays: next to a word of the game ("England beat", "against Wales", "Ireland's captain").</summary>
    private static bool PlaysInSentence(AnalyzedText analysis, EntityMention mention)
    {
        var tokens = analysis.Tokens;
        var first = tokens.IndexAt(mention.Start);
        var last = tokens.IndexAt(mention.End - 1);
        for (var t = Math.Max(0, first - 2); t <= Math.Min(tokens.Count - 1, last + 3); t++)
        {
            if ((t < first || t > last) && TeamCues.Contains(tokens[t].Text(analysis.Text)))
            {
                return true;
            }
        }

        return false;
    }

    private static (int Start, int End)? QuotedTitle(string text, EntityMention mention)
    {
        // The quotation mark that opens before the mention on its line, and the one that closes after it.
        var open = -1;
        for (var i = mention.Start - 1; i >= Math.Max(0, mention.Start - 80) && text[i] != '\n'; i--)
        {
            if (text[i] is '“' or '‘' or '"' || (text[i] == '\'' && (i == 0 || !char.IsLetter(text[i - 1]))))
            {
                open = i;
                break;
            }

            if (text[i] is '”' or '’' && !(i + 1 < text.Length && char.IsLetter(text[i + 1])))
            {
                return null;
            }
        }

        if (open < 0)
        {
            return null;
        }

        var close = -1;
        for (var i = mention.End; i < Math.Min(text.Length, mention.End + 80) && text[i] != '\n'; i++)
        {
            if (text[i] is '”' or '"' || (text[i] is '’' or '\'' && (i + 1 == text.Length || !char.IsLetter(text[i + 1]))))
            {
                close = i;
                break;
            }
        }

        if (close < 0)
        {
            return null;
        }

        var content = text[(open + 1)..close].Trim().TrimEnd(',', '.', '!', '?');
        var words = content.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 8 || !words.All(w => char.IsUpper(w[0]) || char.IsDigit(w[0]) || MinorWords.Contains(w)) || !char.IsUpper(words[0][0]) && !char.IsDigit(words[0][0]))
        {
            return null;
        }

        var start = text.IndexOf(content, open + 1, StringComparison.Ordinal);
        return start < 0 ? null : (start, start + content.Length);
    }

    private static (string Word, int Start, int End) NextWord(string text, int end)
    {
        var start = end;
        while (start < text.Length && text[start] == ' ')
        {
            start++;
        }

        // Letters, digits and inner hyphens ("set-up", "line-up", "Under-21").
        var stop = start;
        while (stop < text.Length && (char.IsLetterOrDigit(text[stop]) || (text[stop] == '-' && stop > start && stop + 1 < text.Length && char.IsLetterOrDigit(text[stop + 1]))))
        {
            stop++;
        }

        return (text[start..stop], start, stop);
    }

    /// <summary>
    /// The bracketed words a mention at <paramref name="start"/> opens right after a person ending at <paramref name="personEnd"/>:
    /// " (Edinburgh Rugby)", " (The Borders)" give "Edinburgh Rugby", "Borders"; one to three capitalised words, nothing else.
    /// </summary>
    private static (int Start, int End)? BracketAfterPerson(string text, int personEnd, int start)
    {
        var between = text.AsSpan(personEnd, Math.Max(0, start - personEnd));
        if (between is not (" (" or " (The "))
        {
            return null;
        }

        var close = text.IndexOf(')', start);
        if (close < 0 || close - start > 40)
        {
            return null;
        }

        var words = text[start..close].Split(' ');
        return words.Length <= 3 && words.All(w => w.Length > 0 && char.IsUpper(w[0]) && w.All(c => char.IsLetter(c) || c is '-' or '\'' or '.')) ? (start, close) : null;
    }

    /// <summary>Is the name at <paramref name="start"/> after a word that locates ("in Rio", "at the Maracana")?</summary>
    private static bool Located(string text, int start)
    {
        var before = PreviousWord(text, start);
        if (before is { Word: "the" or "The" })
        {
            before = PreviousWord(text, before.Value.Start);
        }

        return before is { } word && Locatives.Contains(word.Word);
    }

    /// <summary>Lower-case nouns after a name that make it a place ("the Himrin field", "Wembley stadium").</summary>
    private static readonly string[] PlaceNouns = ["field", "oilfield", "stadium", "province", "region", "district", "valley", "river", "airport", "island", "county", "dome", "park"];

    private static bool PlaceNounAfter(string text, int end) =>
        end + 1 < text.Length && text[end] == ' ' && PlaceNouns.Any(n => string.Compare(text, end + 1, n, 0, n.Length, StringComparison.OrdinalIgnoreCase) == 0
                                                                         && (end + 1 + n.Length == text.Length || !char.IsLetter(text[end + 1 + n.Length])));

    /// <summary>A list separator, perhaps after a seeding or ranking in brackets ("Scotland (8), Tonga").</summary>
    private static bool TeamListSeparator(string text, int end, int start) =>
        start > end && start - end <= 12 && SeededSeparator().IsMatch(text.AsSpan(end, start - end));

    /// <summary>Lower-case words that may sit inside a name ("Bank of England", "Osama bin Laden", "Vincent van Gogh").</summary>
    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "of", "the", "and", "de", "du", "des", "la", "le", "les", "van", "von", "der", "den", "del", "della", "da", "di", "dos", "das", "for",
        "on", "in", "bin", "ibn", "al", "el", "y", "e", "upon", "at", "a", "an", "to", "auf", "und", "zu", "with", "administration", "bank",
    };

    private static readonly HashSet<string> WorkNouns = new(StringComparer.Ordinal)
    {
        "hit", "documentary", "film", "movie", "album", "single", "show", "series", "drama", "comedy", "novel", "book", "game", "sitcom", "musical",
    };

    /// <summary>The index of a lower-case common word inside a name's words (-1 when there is none).</summary>
    private static int InnerCommonNoun(string[] words) =>
        Array.FindIndex(words, w => w.Length > 1 && w.All(char.IsAsciiLetterLower) && !NameParticles.Contains(w));

    [GeneratedRegex(@"(?:BBC|ITV|Sky|Channel|Radio|News|One|Two|Three|Four|Five|\d|FM|TV|Live)(?:'s|'|’s|’) ([A-Z][a-z]+ with )$")]
    private static partial Regex ProgrammeWithPresenter();

    [GeneratedRegex(@"^\d{1,2}(?:st|nd|rd|th) [Cc]entury$")]
    private static partial Regex Century();

    [GeneratedRegex(@"^(.*\w)-(?:based|born|led|backed|style|type|speaking|owned|funded|made|bred|listed|nominated|winning|wide)$")]
    private static partial Regex CompoundAdjective();

    [GeneratedRegex(@"^(?: \(\d{1,2}\))?(?:, | and |, and )$")]
    private static partial Regex SeededSeparator();

    /// <summary>Is the text between two names a list's separator (", ", " and ", ", and ")?</summary>
    private static bool ListSeparator(string text, int end, int start) =>
        start > end && text.AsSpan(end, start - end) is ", " or " and " or ", and " or " or ";

    /// <summary>Adverbial endings that no given name or surname has ("-ically", "-ingly", "-ously", "-edly").</summary>
    private static readonly string[] AdverbEndings = ["ally", "ingly", "ously", "ibly", "ably", "edly", "ively", "fully", "ently", "antly", "ately"];

    /// <summary>Is the one-word mention a sentence's opening adverb followed by a comma ("Symbolically, …")?</summary>
    private static bool SentenceAdverb(string text, EntityMention mention)
    {
        if (mention.End >= text.Length || text[mention.End] != ',' || mention.Text.Length < 7
            || !AdverbEndings.Any(e => mention.Text.EndsWith(e, StringComparison.Ordinal)))
        {
            return false;
        }

        var k = mention.Start - 1;
        while (k >= 0 && text[k] is ' ' or '"' or '\u201C' or '\'')
        {
            k--;
        }

        return k < 0 || text[k] is '.' or '!' or '?' or '\n' or ':';
    }

    private static readonly HashSet<string> OfficeTitles = new(StringComparer.Ordinal)
    {
        "Secretary", "Minister", "President", "Chairman", "Director", "Governor", "Commissioner", "Ambassador", "Chancellor", "Spokesman",
    };

    /// <summary>The person at the end of an organisation span that is an office and its holder ("US Secretary of Energy Spencer Abraham").</summary>
    private static EntityMention? OfficeHolder(EntityMention mention, string[] words, Lexicon lexicon)
    {
        var office = Array.FindIndex(words, w => OfficeTitles.Contains(w));
        if (office < 0)
        {
            return null;
        }

        var first = office + 1;
        if (first + 1 < words.Length && words[first] is "of" or "for")
        {
            first += 2;
        }

        if (words.Length - first is < 2 or > 3 || !lexicon.Holds(words[first], Lexicon.List.GivenName)
            || !words[first..].All(w => w.Length > 1 && char.IsUpper(w[0])))
        {
            return null;
        }

        var offset = 0;
        for (var k = 0; k < first; k++)
        {
            offset = mention.Text.IndexOf(words[k], offset, StringComparison.Ordinal) + words[k].Length;
        }

        var start = mention.Start + mention.Text.IndexOf(words[first], offset, StringComparison.Ordinal);
        return mention with { Type = EntityType.PER, Text = mention.Text[(start - mention.Start)..], Start = start };
    }

    /// <summary>Does the place someone lives or works in follow ("home", "headquarters", "training base")?</summary>
    private static bool HomeAfter(string text, int end)
    {
        var next = NextWord(text, end);
        if (next.Word == "training")
        {
            next = NextWord(text, next.End);
            return next.Word is "base" or "ground" or "camp";
        }

        return next.Word is "home" or "headquarters" or "base" or "estate" or "farm" or "mansion" or "residence";
    }

    private static (string Word, int Start)? PreviousWord(string text, int start)
    {
        var end = start;
        if (end == 0 || text[end - 1] != ' ')
        {
            return null;
        }

        end--;
        var begin = end;
        while (begin > 0 && char.IsLetter(text[begin - 1]))
        {
            begin--;
        }

        return begin == end ? null : (text[begin..end], begin);
    }
}
