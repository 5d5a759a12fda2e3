using NewsApi.Nlp.Dates;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Events;
using NewsApi.Nlp.Ner;
using NewsApi.Nlp.Normalisation;
using NewsApi.Nlp.Quotes;
using NewsApi.Nlp.Text;
using System.Text.RegularExpressions;

namespace NewsApi.Nlp.Analysis;

/// <summary>The entities of one article.</summary>
/// <param name="Text">The analysed text: the title, a blank line, then the body.</param>
/// <param name="BodyOffset">Where the body starts in <paramref name="Text"/>.</param>
public sealed record ArticleAnalysis(string Text, int BodyOffset, AnalyzedText Tokens, IReadOnlyList<AnalysedEntity> Entities)
{
    /// <summary>
    /// Other names (MISC): works, products, competitions, events, awards, in order of first mention; one per name.
    /// Nationality adjectives are not among them (they point to their country).
    /// </summary>
    public IReadOnlyList<OtherName> Names { get; init; } = [];

    /// <summary>Date expressions, relative ones resolved against the publication date only (none without it).</summary>
    public IReadOnlyList<Dates.DateMention> Dates { get; init; } = [];

    /// <summary>Quotes with their speakers.</summary>
    public IReadOnlyList<Quotes.Quote> Quotes { get; init; } = [];

    /// <summary>Events, one per real-world event the article reports.</summary>
    public IReadOnlyList<Events.AnalysedEvent> Events { get; init; } = [];

    /// <summary>The main event in the 5W1H frame, when the article reports any event.</summary>
    public Events.MainEvent? MainEvent { get; init; }

    /// <summary>The <see cref="AnalysisLimits"/> this article reached, as flags ("analysis-truncated", "quotes-capped", …).</summary>
    public IReadOnlyList<string> LimitsReached { get; init; } = [];

    public IEnumerable<AnalysedEntity> Of(AnalysedKind kind) => Entities.Where(e => e.Kind == kind);

    /// <summary>The sentence's text.</summary>
    public string SentenceText(int sentence)
    {
        var s = Tokens.Sentences[sentence];
        return Text[s.Start(Tokens.Tokens)..s.End(Tokens.Tokens)];
    }
}

/// <summary>
/// Turns the recogniser's mentions into the entities of one article. General rules, no per-article cases:
/// <list type="bullet">
/// <item>a short form joins the full name it abbreviates ("Blinken" → "Antony Blinken"); when several people
/// share it ("Herzog"), the nearest preceding full mention wins;</item>
/// <item>titles become roles, not names: "U.S. Secretary of State Antony Blinken" is Antony Blinken with the
/// role Secretary of State of the United States; "former President Donald Trump" is a former President;
/// appositions count too ("Ilan Goldenberg, a Mideast security expert at …");</item>
/// <item>acronyms join their expansion when the article has both (by initials) or the acronym is well known;</item>
/// <item>country variants are one place ("U.S.", "US", "America" → United States); nationality adjectives
/// ("Israeli") point to their country as affiliations but are not place mentions.</item>
/// </list>
/// </summary>
public sealed partial class ArticleAnalyzer(EntityRecognizer recognizer)
{
    /// <summary>Changes when the rules change, so stored articles can be brought up to date.</summary>
    public const string RulesVersion = "rules-58";

    /// <summary>
    /// Words before a name that are not part of it: honorifics and occupations the recogniser sometimes takes in
    /// ("Mr Gates", "Singer Jenifer", "DJ Dan Peppe"). Titles that are part of a name (Prince, Lord, Pope) stay:
    /// <see cref="NameTypes.NameTitles"/>.
    /// </summary>
    private static readonly HashSet<string> Honorifics = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Prof", "Prof.", "Singer", "DJ", "Rapper", "Actor", "Actress",
        "Director", "Presenter", "Comedian", "Star", "Striker", "Coach", "Boss", "Chef", "Designer", "Model", "Author", "Writer", "Producer",
        "Guitarist", "Drummer", "Frontman", "Songwriter", "Midfielder", "Defender", "Goalkeeper", "Winger", "Skipper",
    };

    public EntityRecognizer Recognizer { get; } = recognizer;

    /// <summary>"ner model version; resolution rules version": what produced an article's annotations.</summary>
    public string PipelineVersion => $"{Recognizer.Version}+{RulesVersion}";

    /// <summary>The text an article is analysed (and sketched for stories) as: its title, a blank line, its body.</summary>
    public static string Join(string? title, string body) => string.IsNullOrWhiteSpace(title) ? body : title + "\n\n" + body;

    /// <summary>The bounds every analysis keeps to (<see cref="AnalysisLimits"/>).</summary>
    public AnalysisLimits Limits { get; init; } = AnalysisLimits.Default;

    /// <summary>Analyses a normalised article: its title (unless it was derived from the body), body and publication date.</summary>
    public ArticleAnalysis Analyze(NormalizedArticle article, CancellationToken cancellationToken = default) =>
        Analyze(article.TitleDerived ? null : article.Title, article.Body, article.PublishedAt, cancellationToken);

    /// <summary>
    /// Analyses an article: entities, then dates (against <paramref name="published"/>), quotes and events. Work is
    /// bounded by <see cref="Limits"/>; the limits reached are listed in <see cref="ArticleAnalysis.LimitsReached"/>.
    /// <paramref name="cancellationToken"/> is checked between the steps.
    /// </summary>
    public ArticleAnalysis Analyze(string? title, string body, DateOnly? published = null, CancellationToken cancellationToken = default)
    {
        var reached = new List<string>();
        var text = Join(title, body);
        var bodyOffset = string.IsNullOrWhiteSpace(title) ? 0 : title.Length + 2;
        if (text.Length > Limits.MaxCharacters)
        {
            text = text[..AnalysisLimits.CutPoint(text, Limits.MaxCharacters)];
            reached.Add(AnalysisLimits.TruncatedFlag);
        }

        var recognised = Recognizer.Analyze(text);
        var analysis = recognised with { Entities = NameTypes.Correct(recognised, Recognizer.Model.Lexicon) };
        cancellationToken.ThrowIfCancellationRequested();
        var context = new Context(text, analysis);

        var people = ResolvePeople(context);
        var organisations = ResolveOrganisations(context);
        MergeAliases(text, people, organisations);
        var places = ResolvePlaces(context);
        var entities = people.Concat(organisations).Concat(places).ToList();
        if (AnalysisLimits.KeepFirstMentions(entities, Limits.MaxMentions))
        {
            entities.RemoveAll(e => e.Mentions.Count == 0);
            reached.Add(AnalysisLimits.MentionsCappedFlag);
        }

        Score(entities, text.Length, bodyOffset);
        var result = new ArticleAnalysis(text, bodyOffset, analysis, entities.OrderByDescending(e => e.Salience).ThenBy(e => e.FirstOffset).ToList());
        cancellationToken.ThrowIfCancellationRequested();
        var dates = DateResolver.Find(text, published);
        var quotes = QuoteExtractor.Extract(result);
        if (quotes.Count > Limits.MaxQuotes)
        {
            quotes.RemoveRange(Limits.MaxQuotes, quotes.Count - Limits.MaxQuotes);
            reached.Add(AnalysisLimits.QuotesCappedFlag);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var (events, main, eventsCapped) = EventExtractor.Extract(result, dates, quotes, Limits.MaxEvents);
        if (eventsCapped)
        {
            reached.Add(AnalysisLimits.EventsCappedFlag);
        }

        return result with { Names = OtherNames(analysis, Limits.MaxMentions), Dates = dates, Quotes = quotes, Events = events, MainEvent = main, LimitsReached = reached };
    }

    /// <summary>The article's other names, one per matching key, at most <paramref name="max"/> mentions in all.</summary>
    private static List<OtherName> OtherNames(AnalyzedText analysis, int max) =>
        analysis.Entities
            .Where(e => e.Type == EntityType.MISC && PlaceNames.CountryOfDemonym(e.Text) is null)
            .Select(e => (Mention: e, Key: EntityNames.Key(e.Text)))
            .Where(e => e.Key.Length > 0)
            .Take(max)
            .GroupBy(e => e.Key, e => e.Mention)
            .Select(g => new OtherName(g.First().Text, g.Select(e => (e.Start, e.End)).ToList()))
            .ToList();

    /// <summary>Token-level view of the recogniser's output.</summary>
    private sealed class Context
    {
        public Context(string text, AnalyzedText analysis)
        {
            Text = text;
            Analysis = analysis;
            foreach (var entity in analysis.Entities)
            {
                var first = TokenAt(entity.Start);
                var last = TokenAt(entity.End - 1);
                EntityByLastToken[last] = entity;
                EntityByFirstToken[first] = entity;
            }
        }

        public string Text { get; }

        public AnalyzedText Analysis { get; }

        public Dictionary<int, EntityMention> EntityByLastToken { get; } = [];

        public Dictionary<int, EntityMention> EntityByFirstToken { get; } = [];

        public int TokenAt(int offset) => Analysis.Tokens.IndexAt(offset);

        public string Word(int token) => Analysis.Tokens[token].Text(Text);

        public Sentence SentenceOf(int sentence) => Analysis.Sentences[sentence];
    }

    private List<AnalysedEntity> ResolvePeople(Context context)
    {
        var candidates = new List<(EntityMention Mention, int Start, string Name)>();
        foreach (var mention in context.Analysis.Entities.Where(e => e.Type == EntityType.PER))
        {
            // Drop honorifics the recogniser included ("Mr Gates") and a trailing possessive.
            var first = context.TokenAt(mention.Start);
            var last = context.TokenAt(mention.End - 1);
            while (first < last && Honorifics.Contains(context.Word(first)))
            {
                first++;
            }

            var start = context.Analysis.Tokens[first].Start;
            var name = context.Text[start..mention.End];
            if (name.Length > 0)
            {
                candidates.Add((mention, start, name));
            }
        }

        // "Blinken Lapid meet in Rome": a multi-word name made only of other people's surnames is a list of them.
        // Indexed by last word once, so the check stays linear in the number of names.
        var fullNames = candidates.Where(c => Words(c.Name).Length > 1).Select(c => NameKey(c.Name)).Where(f => Words(f).Length > 1).ToHashSet();
        var fullNamesByLastWord = fullNames.GroupBy(LastWord).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var split = new List<(EntityMention Mention, int Start, string Name)>();
        var kept = new List<(EntityMention Mention, int Start, string Name)>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var key = NameKey(candidate.Name);
            var words = Words(key);
            var own = fullNames.Contains(key) ? LastWord(key) : null;
            if (words.Length > 1 && words.All(w => fullNamesByLastWord.GetValueOrDefault(w) - (w == own ? 1 : 0) > 0))
            {
                var offset = candidate.Start;
                foreach (var part in candidate.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    offset = context.Text.IndexOf(part, offset, StringComparison.Ordinal);
                    split.Add((candidate.Mention, offset, part));
                    offset += part.Length;
                }
            }
            else
            {
                kept.Add(candidate);
            }
        }

        candidates = kept;
        candidates.AddRange(split);

        var clusters = new List<AnalysedEntity>();
        var byKey = new Dictionary<string, AnalysedEntity>(StringComparer.Ordinal);
        foreach (var (mention, start, name) in candidates.Where(c => Words(c.Name).Length > 1))
        {
            var key = NameKey(name);
            if (!byKey.TryGetValue(key, out var person))
            {
                person = new AnalysedEntity { Kind = AnalysedKind.Person, Name = name };
                byKey[key] = person;
                clusters.Add(person);
            }

            person.Mentions.Add(new Mention(start, start + name.Length, mention.Sentence, name, null));
        }

        // Every cluster so far has a full (multi-word) mention; index them by first and last word once.
        var fullByWord = new Dictionary<string, List<AnalysedEntity>>(StringComparer.Ordinal);
        foreach (var cluster in clusters.Where(c => c.Mentions.Any(m => Words(NameKey(m.Surface)).Length > 1)))
        {
            var key = NameKey(cluster.Name);
            foreach (var word in new[] { LastWord(key), FirstWord(key) }.Distinct())
            {
                if (!fullByWord.TryGetValue(word, out var list))
                {
                    fullByWord[word] = list = [];
                }

                list.Add(cluster);
            }
        }

        // Each cluster's mention offsets in order, for "the nearest full mention before" in constant time per cluster.
        var mentionStarts = clusters.ToDictionary(c => c, c => c.Mentions.Select(m => m.Start).Order().ToList());
        foreach (var (mention, start, name) in candidates.Where(c => Words(c.Name).Length == 1))
        {
            var word = NameKey(name);
            var matches = fullByWord.GetValueOrDefault(word) ?? [];
            AnalysedEntity? person = null;
            string? reason = null;
            if (matches.Count == 1)
            {
                person = matches[0];
                reason = LastWord(NameKey(person.Name)) == word ? $"surname of {person.Name} in the same article" : $"given name of {person.Name} in the same article";
            }
            else if (matches.Count > 1)
            {
                // Several people share the name: take the one mentioned last before, else first after.
                person = matches.Select(c => (c, Distance: DistanceBefore(mentionStarts[c], start)))
                    .OrderBy(x => x.Distance).ThenBy(x => mentionStarts[x.c][0]).First().c;
                reason = $"surname shared by {matches.Count} people in the article; {person.Name} is the nearest full mention";
            }

            if (person is null)
            {
                if (!byKey.TryGetValue(word, out person))
                {
                    person = new AnalysedEntity { Kind = AnalysedKind.Person, Name = name };
                    byKey[word] = person;
                    clusters.Add(person);
                    mentionStarts[person] = [];
                }
            }

            person.Mentions.Add(new Mention(start, start + name.Length, mention.Sentence, name, reason));
            var starts = mentionStarts[person];
            var at = starts.BinarySearch(start);
            starts.Insert(at < 0 ? ~at : at, start);
        }

        foreach (var person in clusters)
        {
            person.Mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
            foreach (var mention in person.Mentions)
            {
                person.Roles.AddRange(RolesOf(context, mention));
                if (!string.Equals(mention.Surface, person.Name, StringComparison.Ordinal))
                {
                    person.Aliases[mention.Surface] = person.Aliases.GetValueOrDefault(mention.Surface) + 1;
                }
            }
        }

        return clusters;
    }

    /// <summary>What stands between a person's name and another name the text gives them: "Norman Cook - aka Fatboy Slim", "Marshall Mathers, better known as Eminem".</summary>
    [GeneratedRegex(@"^\s*[-–—,(]?\s*(aka|a\.k\.a\.?|also known as|better known as|known professionally as)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex AliasJoiner();

    /// <summary>
    /// A person the text names a second way with "aka" or "also known as" ("DJ Norman Cook - aka Fatboy Slim - has said",
    /// "Marshall Mathers, better known as Eminem") is one person: the second name's mentions (and the mentions it gathered:
    /// "says Fatboy") join the first, as aliases, whether the second name was read as a person or, as stage names often
    /// are, as an organisation.
    /// </summary>
    private static void MergeAliases(string text, List<AnalysedEntity> people, List<AnalysedEntity> organisations)
    {
        var mentions = people.Concat(organisations).SelectMany(p => p.Mentions.Select(m => (Mention: m, Person: p))).OrderBy(x => x.Mention.Start).ToList();
        for (var k = 0; k + 1 < mentions.Count; k++)
        {
            var (first, second) = (mentions[k], mentions[k + 1]);
            if (first.Person == second.Person || first.Person.Kind != AnalysedKind.Person || second.Mention.Start - first.Mention.End > 30
                || !AliasJoiner().IsMatch(text.AsSpan(first.Mention.End, second.Mention.Start - first.Mention.End))
                || !(people.Contains(second.Person) || organisations.Contains(second.Person)))
            {
                continue;
            }

            foreach (var mention in second.Person.Mentions)
            {
                first.Person.Mentions.Add(mention with { Reason = $"another name the text gives {first.Person.Name} (\"aka\")" });
                first.Person.Aliases[mention.Surface] = first.Person.Aliases.GetValueOrDefault(mention.Surface) + 1;
            }

            first.Person.Roles.AddRange(second.Person.Roles);
            first.Person.Mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
            people.Remove(second.Person);
            organisations.Remove(second.Person);
            for (var j = 0; j < mentions.Count; j++)
            {
                if (mentions[j].Person == second.Person)
                {
                    mentions[j] = (mentions[j].Mention, first.Person);
                }
            }
        }
    }

    /// <summary>How far before <paramref name="offset"/> the nearest of <paramref name="starts"/> (sorted) is; int.MaxValue when none is.</summary>
    private static int DistanceBefore(List<int> starts, int offset)
    {
        var at = starts.BinarySearch(offset);
        var before = (at < 0 ? ~at : at) - 1;
        while (before >= 0 && starts[before] >= offset)
        {
            before--;
        }

        return before >= 0 ? offset - starts[before] : int.MaxValue;
    }

    private static string NameKey(string name) => EntityNames.Key(name);

    private static string[] Words(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string LastWord(string key) => EntityNames.LastWord(key);

    private static string FirstWord(string key) => key.Split(' ')[0];

    /// <summary>Lower-case words that can follow the head of an apposition ("…, the chief executive of Shell").</summary>
    private static readonly HashSet<string> AppositionContinuations = new(StringComparer.Ordinal)
    {
        "at", "of", "for", "with", "in", "on", "from", "to", "and", "or", "since", "until", "who", "whose", "which", "between",
        "during", "under", "over", "before", "after", "there", "here", "then", "now", "himself", "herself",
    };

    /// <summary>Roles stated before the name ("U.S. Secretary of State …") or in an apposition after it.</summary>
    private IEnumerable<Role> RolesOf(Context context, Mention mention)
    {
        var firstToken = context.TokenAt(mention.Start);
        var lastToken = context.TokenAt(mention.End - 1);
        var sentence = context.SentenceOf(mention.Sentence);

        // Before the name: [former] [affiliation] title words.
        var titleStart = firstToken;
        var j = firstToken - 1;
        while (j >= sentence.FirstToken)
        {
            var word = context.Word(j);
            if (Roles.IsTitleWord(word) && !context.EntityByLastToken.ContainsKey(j))
            {
                titleStart = j--;
                continue;
            }

            if (Roles.IsConnector(word) && titleStart < firstToken && j - 1 >= sentence.FirstToken && Roles.IsTitleWord(context.Word(j - 1)))
            {
                titleStart = j--;
                continue;
            }

            break;
        }

        if (titleStart < firstToken)
        {
            var words = Enumerable.Range(titleStart, firstToken - titleStart).Select(context.Word).ToList();
            if (words.Any(Roles.IsHead))
            {
                var (affiliation, kind, affiliationStart) = AffiliationBefore(context, titleStart, sentence.FirstToken);
                var formerAt = affiliationStart - 1;
                var former = formerAt >= sentence.FirstToken && Roles.IsFormer(context.Word(formerAt).TrimEnd('-'));
                var start = context.Analysis.Tokens[former ? formerAt : affiliationStart].Start;
                yield return new Role(Roles.Normalize(words), affiliation, kind, former, mention.Sentence, start, mention.End);
            }
        }

        // After the name: ", a [former] [affiliation] [words] head [at/of/for ORG]".
        var k = lastToken + 1;
        if (k < sentence.EndToken && context.Word(k) == ",")
        {
            k++;
            if (k < sentence.EndToken && context.Word(k) is "a" or "an" or "the")
            {
                k++;
            }

            var former = k < sentence.EndToken && Roles.IsFormer(context.Word(k));
            if (former)
            {
                k++;
            }

            string? affiliation = null;
            AnalysedKind? kind = null;
            var titleWords = new List<string>();
            for (var steps = 0; k < sentence.EndToken && steps < 6; steps++, k++)
            {
                var word = context.Word(k);
                if (word is "," or "." or ";" or "who" or "which")
                {
                    break;
                }

                if (context.EntityByFirstToken.TryGetValue(k, out var entity) && titleWords.Count == 0)
                {
                    (affiliation, kind) = Affiliation(entity);
                    k = context.TokenAt(entity.End - 1);
                    continue;
                }

                if (PlaceNames.CountryOfDemonym(word) is { } country && titleWords.Count == 0)
                {
                    (affiliation, kind) = (country, AnalysedKind.Place);
                    continue;
                }

                if (!char.IsLetter(word[0]) || (char.IsUpper(word[0]) && !Roles.IsTitleWord(word)))
                {
                    break;
                }

                titleWords.Add(word);
                if (Roles.IsHead(word))
                {
                    // "Echoing Condoleezza Rice, the prime minister said …": a verb right after the head makes the
                    // noun phrase the next clause's subject, not an apposition to the name.
                    if (k + 1 < sentence.EndToken && context.Analysis.Tokens[k + 1].Kind == TokenKind.Word
                        && context.Word(k + 1) is var after && char.IsLower(after[0]) && !AppositionContinuations.Contains(after)
                        && !Roles.IsTitleWord(after) && !Roles.IsHead(after))
                    {
                        yield break;
                    }

                    // A following "at/of/for/with/to ORGANISATION" names the employer.
                    var p = k + 1;
                    if (p < sentence.EndToken && context.Word(p) is "at" or "of" or "for" or "with")
                    {
                        p++;
                        while (p < sentence.EndToken && context.Word(p) is "the" or "a" or "an" || (p < sentence.EndToken && char.IsLower(context.Word(p)[0]) && !context.EntityByFirstToken.ContainsKey(p) && p - k < 5))
                        {
                            p++;
                        }

                        if (context.EntityByFirstToken.TryGetValue(p, out var employer))
                        {
                            (affiliation, kind) = Affiliation(employer);
                        }
                    }

                    var end = context.Analysis.Tokens[k].End;
                    yield return new Role(Roles.Normalize(titleWords), affiliation, kind, former, mention.Sentence, mention.Start, end);
                    yield break;
                }
            }
        }
    }

    private static (string? Name, AnalysedKind? Kind, int Start) AffiliationBefore(Context context, int titleStart, int sentenceStart)
    {
        var before = titleStart - 1;
        if (before < sentenceStart)
        {
            return (null, null, titleStart);
        }

        if (context.EntityByLastToken.TryGetValue(before, out var entity) && entity.Type != EntityType.PER)
        {
            var (name, kind) = Affiliation(entity);
            return name is null ? (null, null, titleStart) : (name, kind, context.TokenAt(entity.Start));
        }

        if (PlaceNames.CountryOfDemonym(context.Word(before)) is { } country)
        {
            return (country, AnalysedKind.Place, before);
        }

        return (null, null, titleStart);
    }

    private static (string? Name, AnalysedKind? Kind) Affiliation(EntityMention entity) => entity.Type switch
    {
        EntityType.LOC => (PlaceNames.Canonical(entity.Text), AnalysedKind.Place),
        EntityType.ORG => (OrganisationNames.Expansion(entity.Text) ?? entity.Text, AnalysedKind.Organisation),
        EntityType.MISC when PlaceNames.CountryOfDemonym(entity.Text) is { } country => (country, AnalysedKind.Place),
        _ => (null, null),
    };

    private static List<AnalysedEntity> ResolveOrganisations(Context context)
    {
        var clusters = new List<AnalysedEntity>();
        var byKey = new Dictionary<string, AnalysedEntity>(StringComparer.OrdinalIgnoreCase);
        var mentions = context.Analysis.Entities.Where(e => e.Type == EntityType.ORG).Select(OrganisationNames.TrimMembers).ToList();

        // Clipped forms: "Fed" in an article that names the "Federal Reserve" (or "US Federal Reserve") is that organisation
        // when one organisation it names, the shortest of them, has a word, not its last, that the short word clips.
        // Built once: each clipped form (3 to 5 letters) of a word of a full name, not its last, and the full names it clips.
        var clips = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var full in mentions.Select(m => StripArticle(m.Text)).Where(n => n.Contains(' ', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            foreach (var w in full.Split(' ')[..^1])
            {
                for (var length = 3; length <= 5 && length + 3 <= w.Length; length++)
                {
                    if (!clips.TryGetValue(w[..length], out var names))
                    {
                        clips[w[..length]] = names = new HashSet<string>(StringComparer.Ordinal);
                    }

                    names.Add(full);
                }
            }
        }

        // Of several, the one with the fewest words ("Fed": the "Federal Reserve", not its "Federal Open Markets
        // Committee"), when no other has as few.
        string? Clipped(string name)
        {
            if (!(name.Length is >= 3 and <= 5 && char.IsUpper(name[0]) && name.Skip(1).All(char.IsLower) && clips.TryGetValue(name, out var names)))
            {
                return null;
            }

            var shortest = names.GroupBy(n => n.Count(c => c == ' ')).MinBy(g => g.Key)!;
            return shortest.Count() == 1 ? shortest.First() : null;
        }

        // Full names first, so acronyms find them.
        foreach (var mention in mentions.OrderBy(m => OrganisationNames.LooksLikeAcronym(m.Text) ? 1 : 0).ThenBy(m => m.Start))
        {
            var name = StripArticle(mention.Text);
            string? reason = null;
            var variants = OrganisationNames.Variants(name).ToList();
            AnalysedEntity? organisation = byKey.GetValueOrDefault(name);
            if (organisation is null && OrganisationNames.LooksLikeAcronym(name))
            {
                organisation = clusters.FirstOrDefault(c => OrganisationNames.Abbreviates(name, c.Name));
                if (organisation is not null)
                {
                    reason = $"acronym of {organisation.Name} in the same article";
                }
            }

            if (organisation is null && OrganisationNames.Canonical(name) is { } canonical && !string.Equals(canonical, name, StringComparison.OrdinalIgnoreCase))
            {
                // "Tories", "BBC", "Man Utd": the alias file's name.
                organisation = byKey.GetValueOrDefault(canonical);
                if (organisation is null)
                {
                    organisation = new AnalysedEntity { Kind = AnalysedKind.Organisation, Name = canonical };
                    byKey[canonical] = organisation;
                    clusters.Add(organisation);
                }

                reason = OrganisationNames.LooksLikeAcronym(name) ? $"well-known acronym of {canonical}" : $"known short form of {canonical}";
            }

            if (organisation is null && variants.FirstOrDefault(byKey.ContainsKey) is { } variant)
            {
                // "Labour Party" then "Labour", "Liberal Democrats" then "Liberal Democrat".
                organisation = byKey[variant];
                reason = $"short form of {organisation.Name} in the same article";
            }

            if (organisation is null && Clipped(name) is { } full)
            {
                organisation = byKey.GetValueOrDefault(full);
                if (organisation is null)
                {
                    organisation = new AnalysedEntity { Kind = AnalysedKind.Organisation, Name = full };
                    byKey[full] = organisation;
                    clusters.Add(organisation);
                }

                reason = $"short form of {full} in the same article";
            }

            if (organisation is null)
            {
                organisation = new AnalysedEntity { Kind = AnalysedKind.Organisation, Name = name };
                clusters.Add(organisation);
            }

            byKey[name] = organisation;
            foreach (var v in variants)
            {
                byKey.TryAdd(v, organisation);
            }

            if (!string.Equals(name, organisation.Name, StringComparison.OrdinalIgnoreCase))
            {
                organisation.Aliases[name] = organisation.Aliases.GetValueOrDefault(name) + 1;
            }

            organisation.Mentions.Add(new Mention(mention.Start, mention.End, mention.Sentence, mention.Text, reason));
        }

        // Names the rules and the alias file give each organisation beyond those the article wrote, for matching
        // across articles ("Labour" for the "Labour Party" of another article).
        foreach (var organisation in clusters)
        {
            foreach (var written in organisation.Aliases.Keys.Prepend(organisation.Name).ToList())
            {
                foreach (var v in OrganisationNames.Variants(written))
                {
                    if (!string.Equals(v, organisation.Name, StringComparison.OrdinalIgnoreCase) && !organisation.Aliases.ContainsKey(v))
                    {
                        organisation.KnownAs.Add(v);
                    }
                }
            }
        }

        foreach (var organisation in clusters)
        {
            organisation.Mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        return clusters;
    }

    private static List<AnalysedEntity> ResolvePlaces(Context context)
    {
        var byName = new Dictionary<string, AnalysedEntity>(StringComparer.OrdinalIgnoreCase);
        var clusters = new List<AnalysedEntity>();
        var mentions = context.Analysis.Entities.Where(e => e.Type == EntityType.LOC).ToList();
        var known = mentions.Select(m => PlaceNames.Canonical(StripArticle(m.Text))).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // "US Israel relations": a name made only of other places' names is a list of places.
        foreach (var mention in mentions.ToList())
        {
            var parts = mention.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1 && !PlaceNames.IsKnownCountryVariant(mention.Text)
                && parts.All(p => PlaceNames.IsKnownCountryVariant(p) || known.Contains(p)))
            {
                mentions.Remove(mention);
                var offset = mention.Start;
                foreach (var part in parts)
                {
                    offset = context.Text.IndexOf(part, offset, StringComparison.Ordinal);
                    mentions.Add(mention with { Text = part, Start = offset, End = offset + part.Length });
                    offset += part.Length;
                }
            }
        }

        foreach (var mention in mentions.OrderBy(m => m.Start))
        {
            var canonical = PlaceNames.Canonical(StripArticle(mention.Text));
            if (!byName.TryGetValue(canonical, out var place))
            {
                place = new AnalysedEntity { Kind = AnalysedKind.Place, Name = canonical };
                byName[canonical] = place;
                clusters.Add(place);
            }

            var reason = string.Equals(canonical, mention.Text, StringComparison.OrdinalIgnoreCase) ? null : $"variant of {canonical}";
            if (reason is not null)
            {
                place.Aliases[mention.Text] = place.Aliases.GetValueOrDefault(mention.Text) + 1;
            }

            place.Mentions.Add(new Mention(mention.Start, mention.End, mention.Sentence, mention.Text, reason));
        }

        return clusters;
    }

    private static string StripArticle(string name) =>
        name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && name.Length > 4 ? name[4..] : name;

    /// <summary>Salience: half mention share, three tenths earliness, one fifth a headline mention.</summary>
    private static void Score(List<AnalysedEntity> entities, int length, int bodyOffset)
    {
        var most = entities.Count == 0 ? 1 : entities.Max(e => e.Mentions.Count);
        foreach (var entity in entities)
        {
            var share = (double)entity.Mentions.Count / most;
            var earliness = 1 - (double)entity.FirstOffset / Math.Max(1, length);
            var inHeadline = bodyOffset > 0 && entity.FirstOffset < bodyOffset ? 1 : 0;
            entity.Salience = Math.Round(0.5 * share + 0.3 * earliness + 0.2 * inHeadline, 3);
        }
    }
}
