using System.Globalization;
using System.Text;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Events;
using NewsApi.Nlp.Ner;

namespace NewsApi.Nlp.Training.Evaluation;

/// <summary>Counts of one or more articles' evaluation; they add up over a corpus.</summary>
public sealed record AnnotatedScores
{
    public int Articles { get; init; }

    /// <summary>Per entity type (PER, ORG, LOC, MISC): system records, the correct ones, gold records, the found ones.</summary>
    public Dictionary<string, (int System, int Correct, int Gold, int Found)> Entities { get; init; } = [];

    public int SystemEvents { get; init; }

    public int CorrectEvents { get; init; }

    public int GoldEvents { get; init; }

    public int FoundEvents { get; init; }

    /// <summary>Main event per question: gold answers, hits.</summary>
    public Dictionary<string, (int Gold, int Hits)> MainEvent { get; init; } = [];

    public int SystemDates { get; init; }

    /// <summary>Dates the system gave a value the text does not fix, or a value that is wrong.</summary>
    public int WrongDates { get; init; }

    public int RightDates { get; init; }

    public int GoldQuotes { get; init; }

    public int MatchedQuotes { get; init; }

    public int NamedSpeakers { get; init; }

    public int RightSpeakers { get; init; }

    /// <summary>Wrong findings, for --verbose: "file: what".</summary>
    public List<string> Errors { get; init; } = [];

    public AnnotatedScores Add(AnnotatedScores other) => new()
    {
        Articles = Articles + other.Articles,
        Entities = Merge(Entities, other.Entities, (a, b) => (a.System + b.System, a.Correct + b.Correct, a.Gold + b.Gold, a.Found + b.Found)),
        SystemEvents = SystemEvents + other.SystemEvents,
        CorrectEvents = CorrectEvents + other.CorrectEvents,
        GoldEvents = GoldEvents + other.GoldEvents,
        FoundEvents = FoundEvents + other.FoundEvents,
        MainEvent = Merge(MainEvent, other.MainEvent, (a, b) => (a.Gold + b.Gold, a.Hits + b.Hits)),
        SystemDates = SystemDates + other.SystemDates,
        WrongDates = WrongDates + other.WrongDates,
        RightDates = RightDates + other.RightDates,
        GoldQuotes = GoldQuotes + other.GoldQuotes,
        MatchedQuotes = MatchedQuotes + other.MatchedQuotes,
        NamedSpeakers = NamedSpeakers + other.NamedSpeakers,
        RightSpeakers = RightSpeakers + other.RightSpeakers,
        Errors = [.. Errors, .. other.Errors],
    };

    private static Dictionary<string, T> Merge<T>(Dictionary<string, T> a, Dictionary<string, T> b, Func<T, T, T> add)
    {
        var merged = new Dictionary<string, T>(a);
        foreach (var (key, value) in b)
        {
            merged[key] = merged.TryGetValue(key, out var existing) ? add(existing, value) : value;
        }

        return merged;
    }

    private static string Percent(int part, int whole) => whole == 0 ? "n/a" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture);

    public string Summary
    {
        get
        {
            var text = new StringBuilder();
            foreach (var type in new[] { "PER", "ORG", "LOC", "MISC" })
            {
                var (system, correct, gold, found) = Entities.GetValueOrDefault(type);
                text.Append(CultureInfo.InvariantCulture, $"{type} P {Percent(correct, system)} R {Percent(found, gold)} ({correct}/{system}, {found}/{gold}); ");
            }

            text.Append(CultureInfo.InvariantCulture, $"events P {Percent(CorrectEvents, SystemEvents)} R {Percent(FoundEvents, GoldEvents)} ({CorrectEvents}/{SystemEvents}, {FoundEvents}/{GoldEvents}); ");
            var wh = new[] { "who", "where", "when" }.Select(q => MainEvent.GetValueOrDefault(q)).Aggregate((0, 0), (s, x) => (s.Item1 + x.Gold, s.Item2 + x.Hits));
            text.Append(CultureInfo.InvariantCulture, $"main who/where/when {Percent(wh.Item2, wh.Item1)} ({wh.Item2}/{wh.Item1}); ");
            foreach (var q in new[] { "who", "what", "when", "where", "why", "how" })
            {
                var (gold, hits) = MainEvent.GetValueOrDefault(q);
                text.Append(CultureInfo.InvariantCulture, $"{q} {hits}/{gold} ");
            }

            text.Append(CultureInfo.InvariantCulture, $"; dates wrong {WrongDates} of {SystemDates} valued (right {RightDates}); ");
            text.Append(CultureInfo.InvariantCulture, $"quotes matched {MatchedQuotes}/{GoldQuotes}, speaker {Percent(RightSpeakers, NamedSpeakers)} ({RightSpeakers}/{NamedSpeakers})");
            return text.ToString();
        }
    }
}

/// <summary>
/// Scores an analysis against an annotated article (data/annotations/GUIDELINES.md):
/// <list type="bullet">
/// <item>entities as records: a system person, organisation, place or other name is correct when one of its names
/// matches a name of an annotated entity of the same type; an annotated entity is found when a system record of its
/// type matches it;</item>
/// <item>events above <c>minConfidence</c>: correct when an annotated event of the same class (contact, transaction,
/// personnel, …) is stated in the same sentence or shares an actor with it, one system event per annotated one (those
/// in the same sentence paired first, then those sharing an actor);</item>
/// <item>the main event by the Giveme5W1H criterion (at least half of the system phrase's words in the annotated one);</item>
/// <item>dates: a system value is wrong when the annotation gives the expression no value or another one;</item>
/// <item>quotes: matched by their words; the speaker is right when the system names the annotated person or organisation.</item>
/// </list>
/// Texts are compared by words, so the system's normalised text and the file's text need not share offsets.
/// </summary>
public static class AnnotatedEvaluation
{
    /// <summary>
    /// Does the main event's who (or where) overlap an annotation? The who and the where are linked entities, so
    /// any name the article gives them counts: "Tories" for the Conservative Party, "US" for the United States.
    /// </summary>
    public static bool WhoHit(MainEvent? main, IReadOnlyList<string> annotated) =>
        main is not null && LinkedHit(main.Who, main.WhoEntities, annotated);

    public static bool WhereHit(MainEvent? main, IReadOnlyList<string> annotated) =>
        main is not null && LinkedHit(main.Where, main.WhereEntity is { } place ? [place] : [], annotated);

    private static bool LinkedHit(string? answer, IEnumerable<AnalysedEntity> entities, IReadOnlyList<string> annotated)
    {
        var linked = entities.ToList();
        return PhraseMatch.Hit(answer, annotated) || PhraseMatch.Hit(string.Join(' ', linked.SelectMany(e => e.Mentions.Select(m => m.Surface)).Distinct()), annotated)
            // The annotation names the same country by another name or its demonym: "US" for the United States, "Japanese"
            // (the Japanese economy) for Japan. The system's answer is one entity: it must be the only one named.
            || (linked.Count == 1 && linked[0].Kind == AnalysedKind.Place && annotated.Any(a => Countries(a).Contains(linked[0].Name)));
    }

    /// <summary>The countries an annotated phrase names, by name, variant ("US", "Britain") or demonym ("Japanese").</summary>
    private static HashSet<string> Countries(string phrase) =>
        phrase.Split([' ', ',', '.', '\'', '’', '(', ')', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsUpper(w[0]))
            .Select(w => PlaceNames.CountryOfDemonym(w) ?? (PlaceNames.IsKnownCountryVariant(w) ? PlaceNames.Canonical(w) : null)).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>One band of confidence: the events a threshold of <see cref="Lower"/> serves beyond one of <see cref="Upper"/> (none: the top band), how many of them are right, and the scores at <see cref="Lower"/>.</summary>
    public sealed record ConfidenceBand(double Lower, double? Upper, int Events, int Right, AnnotatedScores AtLower);

    /// <summary>
    /// How well the events' confidence is calibrated: the sample scored at each threshold of <paramref name="ladder"/>
    /// (highest first; default 0.95 down to 0), and per band between two thresholds the events it adds and how many of
    /// them are right: the difference of two scorings, so that each band is judged as a threshold would serve it.
    /// </summary>
    public static IReadOnlyList<ConfidenceBand> Calibration(IEnumerable<(ArticleAnnotation Annotation, string Text, ArticleAnalysis Analysis)> scored, IReadOnlyList<double>? ladder = null)
    {
        ladder ??= [0.95, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.0];
        var articles = scored.ToList();
        var bands = new List<ConfidenceBand>();
        AnnotatedScores? above = null;
        for (var i = 0; i < ladder.Count; i++)
        {
            var threshold = ladder[i];
            var scores = articles.Aggregate(new AnnotatedScores(), (sum, a) => sum.Add(Score(a.Annotation, a.Text, a.Analysis, threshold)));
            bands.Add(new ConfidenceBand(threshold, i == 0 ? null : ladder[i - 1], scores.SystemEvents - (above?.SystemEvents ?? 0), scores.CorrectEvents - (above?.CorrectEvents ?? 0), scores));
            above = scores;
        }

        return bands;
    }

    public static AnnotatedScores Score(ArticleAnnotation gold, string text, ArticleAnalysis analysis, double minConfidence)
    {
        var errors = new List<string>();
        var name = gold.File;

        // Entities.
        var goldRecords = gold.Entities.GroupBy(e => (e.Type, e.Name))
            .Select(g => (g.Key.Type, g.Key.Name, Keys: g.Select(e => PhraseMatch.Key(text[e.Start..e.End])).Append(PhraseMatch.Key(g.Key.Name)).Where(k => k.Length > 0).ToHashSet()))
            .ToList();
        var systemRecords = analysis.Entities.Select(e => (Type: e.Kind switch { AnalysedKind.Person => "PER", AnalysedKind.Organisation => "ORG", _ => "LOC" }, e.Name,
                Keys: e.Mentions.Select(m => m.Surface).Concat(e.Aliases.Keys).Append(e.Name).Select(PhraseMatch.Key).Where(k => k.Length > 0).ToHashSet()))
            .Concat(analysis.Tokens.Entities.Where(n => n.Type == EntityType.MISC).GroupBy(n => PhraseMatch.Key(n.Text))
                .Where(g => g.Key.Length > 0).Select(g => (Type: "MISC", Name: g.First().Text, Keys: new HashSet<string> { g.Key })))
            .ToList();
        var entities = new Dictionary<string, (int, int, int, int)>();
        foreach (var type in new[] { "PER", "ORG", "LOC", "MISC" })
        {
            var system = systemRecords.Where(s => s.Type == type).ToList();
            var golden = goldRecords.Where(g => g.Type == type).ToList();
            var correct = 0;
            foreach (var record in system)
            {
                if (golden.Any(g => g.Keys.Overlaps(record.Keys)))
                {
                    correct++;
                }
                else
                {
                    var other = goldRecords.FirstOrDefault(g => g.Keys.Overlaps(record.Keys));
                    errors.Add($"{name}: {type} '{record.Name}' {(other.Name is null ? "is no entity" : $"is {other.Type} '{other.Name}'")}");
                }
            }

            var found = golden.Count(g => system.Any(s => s.Keys.Overlaps(g.Keys)));
            entities[type] = (system.Count, correct, golden.Count, found);
        }

        // Events.
        var systemEvents = analysis.Events.Where(e => e.Confidence >= minConfidence).ToList();

        // One maximum matching (each system event paired with at most one annotated event and the other way round, as
        // many pairs as the graph allows), so that of two annotated events in one sentence ("Goodrem won the award for
        // best female, with Noll taking the title of best male") each system event gets one. An edge joins events of
        // one class stated in the same sentence or sharing an actor; a system event tries first the annotations in its
        // sentence that share an actor, then the others in its sentence, then those sharing an actor elsewhere.
        var edges = systemEvents.Select(ev =>
        {
            var cls = EventTypes.Class(ev.Type);
            var sentences = ev.Evidence.Select(x => analysis.Text[x.Start..x.End]).ToList();
            var participants = ev.Participants.SelectMany(p => p.Entity.Mentions.Select(m => m.Surface).Append(p.Entity.Name)).Select(PhraseMatch.Key).ToHashSet();
            bool SharesActor(AnnotatedEvent g) => (g.Actors ?? []).Concat(g.Patient ?? []).Any(a => participants.Contains(PhraseMatch.Key(a.Of(text))));
            bool SameSentence(AnnotatedEvent g) => sentences.Any(s => PhraseMatch.Jaccard(s, SentenceAround(text, g.Trigger.Start)) >= 0.6);
            return (IReadOnlyList<AnnotatedEvent>)gold.Events
                .Where(g => g.Class == cls && (SameSentence(g) || SharesActor(g)))
                .OrderBy(g => SameSentence(g) ? SharesActor(g) ? 0 : 1 : 2)
                .ToList();
        }).ToList();

        var pairs = MaximumMatching(edges);
        var correctEvents = pairs.Count;
        // (By reference: two annotated events can be equal records, as when an annotator entered one twice.)
        var paired = pairs.Values.ToHashSet(ReferenceEqualityComparer.Instance);
        var unmatched = gold.Events.Where(g => !paired.Contains(g)).ToList();
        var pending = systemEvents.Where((_, i) => !pairs.ContainsKey(i)).ToList();

        foreach (var ev in pending)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: event {EventTypes.Code(ev.Type)} '{ev.Title}' ({ev.Confidence:F2}, '{ev.Evidence[0].Trigger}') is no annotated event"));
        }

        foreach (var missed in unmatched)
        {
            errors.Add($"{name}: missed event {missed.Type} '{missed.Trigger.Of(text)}'");
        }

        // Main event.
        var main = new Dictionary<string, (int, int)>();
        if (gold.MainEvent is { } annotated)
        {
            var who = annotated.Who is { Count: > 0 } spans
                ? spans.Select(s => s.Of(text)).Concat(spans.SelectMany(s => gold.Entities.Where(e => e.Start < s.End && e.End > s.Start).Select(e => e.Name))).ToList()
                : [];
            var system = analysis.MainEvent;
            foreach (var (question, goldPhrases, answer) in new[]
            {
                ("who", who.Count > 0 ? [string.Join(' ', who)] : new List<string>(), system?.Who),
                ("what", Phrases(annotated.What, text), system?.What),
                ("when", Phrases(annotated.When, text), system?.When),
                ("where", Phrases(annotated.Where, text), system?.Where),
                ("why", Phrases(annotated.Why, text), system?.Why),
                ("how", Phrases(annotated.How, text), system?.How),
            })
            {
                if (goldPhrases.Count == 0)
                {
                    continue;
                }

                var hit = question switch
                {
                    "who" => WhoHit(system, goldPhrases),
                    "where" => WhereHit(system, goldPhrases),
                    _ => PhraseMatch.Hit(answer, goldPhrases),
                };
                main[question] = (1, hit ? 1 : 0);
                if (!hit && question is "who" or "where" or "when")
                {
                    errors.Add($"{name}: main {question} '{answer}' ≠ '{goldPhrases[0]}'");
                }
            }
        }

        // Dates: every value the system gives must be one the text fixes.
        var systemDates = analysis.Dates.Where(d => d.Resolved).ToList();
        int wrongDates = 0, rightDates = 0;
        // Each annotated expression answers one system date. Where the analysed text reads as the annotated one at the
        // date's offsets, that is the expression whose span overlaps it (so that "December 2003" is not checked against
        // an earlier bare "December"), and a date no annotation overlaps was not marked, so it is neither right nor wrong
        // ("1965-2003" is not checked against "the 2003 ceremony"). Elsewhere the pairing goes in text order: the second
        // "2004" of an article is checked against the second expression that holds it, not the first.
        var usedDates = new HashSet<int>();
        foreach (var date in systemDates.OrderBy(d => d.Start))
        {
            var aligned = date.End <= text.Length && string.CompareOrdinal(text, date.Start, date.Text, 0, date.Text.Length) == 0;
            var index = Enumerable.Range(0, gold.Dates.Count)
                .Where(i => PhraseMatch.Containment(text[gold.Dates[i].Start..gold.Dates[i].End], date.Text) >= 0.99)
                .Where(i => !aligned || (gold.Dates[i].Start < date.End && date.Start < gold.Dates[i].End))
                .OrderBy(i => usedDates.Contains(i) ? 1 : 0).ThenBy(i => gold.Dates[i].Start).DefaultIfEmpty(-1).First();
            var goldDate = index >= 0 ? gold.Dates[index] : null;
            usedDates.Add(index);
            if (goldDate?.Value is { } value && date.Iso is { } iso && (iso.StartsWith(value, StringComparison.Ordinal) || value.StartsWith(iso, StringComparison.Ordinal)))
            {
                rightDates++;
            }
            else if (goldDate is not null)
            {
                wrongDates++;
                errors.Add($"{name}: date '{date.Text}' = {date.Iso}, annotated {goldDate.Value ?? "no value"}");
            }
        }

        // Quotes.
        var systemQuotes = analysis.Quotes.ToList();
        int matchedQuotes = 0, named = 0, rightSpeakers = 0;
        foreach (var quote in gold.Quotes)
        {
            var content = text[quote.Start..quote.End];
            var found = systemQuotes.FirstOrDefault(q => PhraseMatch.Containment(q.Text, content) >= 0.6 && PhraseMatch.Jaccard(q.Text, content) >= 0.3);
            if (found is null)
            {
                continue;
            }

            matchedQuotes++;
            if (quote.SpeakerName is { } speaker)
            {
                named++;
                var said = found.Speaker?.Name ?? found.SpeakerText;
                var names = found.Speaker is { } entity ? entity.Mentions.Select(m => m.Surface).Concat(entity.Aliases.Keys).Append(entity.Name).ToList() : [];
                var goldNames = new[] { speaker }.Concat(quote.Speaker is { } span ? [span.Of(text)] : Array.Empty<string>())
                    .Concat(gold.Entities.Where(e => e.Name == speaker).Select(e => text[e.Start..e.End])).ToList();
                if (said is not null && (goldNames.Any(g => SameName(said, g)) || names.Any(n => goldNames.Any(g => SameName(n, g)))))
                {
                    rightSpeakers++;
                }
                else
                {
                    errors.Add($"{name}: quote speaker '{said}' ≠ '{speaker}'");
                }
            }
        }

        return new AnnotatedScores
        {
            Articles = 1,
            Entities = entities,
            SystemEvents = systemEvents.Count,
            CorrectEvents = correctEvents,
            GoldEvents = gold.Events.Count,
            FoundEvents = gold.Events.Count - unmatched.Count,
            MainEvent = main,
            SystemDates = systemDates.Count,
            WrongDates = wrongDates,
            RightDates = rightDates,
            GoldQuotes = gold.Quotes.Count,
            MatchedQuotes = matchedQuotes,
            NamedSpeakers = named,
            RightSpeakers = rightSpeakers,
            Errors = errors,
        };
    }

    private static List<string> Phrases(Span? span, string text) => span is { } s && s.Of(text) is { Length: > 0 } phrase ? [phrase] : [];

    /// <summary>The same person or organisation: equal names, or one is the other's surname or short form.</summary>
    private static bool SameName(string a, string b)
    {
        var x = PhraseMatch.Words(a);
        var y = PhraseMatch.Words(b);
        return x.Count > 0 && y.Count > 0 && (x.SequenceEqual(y) || x[^1] == y[^1] || x.All(y.Contains) || y.All(x.Contains));
    }

    /// <summary>
    /// A maximum matching of a bipartite graph (Kuhn's augmenting paths): for each left vertex its candidates in order of
    /// preference; returns left index to the right vertex it is paired with.
    /// </summary>
    public static Dictionary<int, T> MaximumMatching<T>(IReadOnlyList<IReadOnlyList<T>> candidates)
        where T : class
    {
        var owner = new Dictionary<T, int>(ReferenceEqualityComparer.Instance);
        bool Augment(int left, HashSet<T> seen)
        {
            foreach (var right in candidates[left])
            {
                if (!seen.Add(right))
                {
                    continue;
                }

                if (!owner.TryGetValue(right, out var other) || Augment(other, seen))
                {
                    owner[right] = left;
                    return true;
                }
            }

            return false;
        }

        for (var left = 0; left < candidates.Count; left++)
        {
            Augment(left, new HashSet<T>(ReferenceEqualityComparer.Instance));
        }

        return owner.ToDictionary(x => x.Value, x => x.Key);
    }

    /// <summary>The sentence of the file's text around an offset (from the previous full stop or line end to the next).</summary>
    public static string SentenceAround(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, Math.Max(0, text.Length - 1));
        var start = offset;
        while (start > 0 && !(text[start - 1] == '\n' || (text[start - 1] is '.' or '?' or '!' && start < text.Length && char.IsWhiteSpace(text[start]))))
        {
            start--;
        }

        var end = offset;
        while (end < text.Length && !(text[end] == '\n' || (text[end] is '.' or '?' or '!' && (end + 1 == text.Length || char.IsWhiteSpace(text[end + 1])))))
        {
            end++;
        }

        return text[start..Math.Min(text.Length, end + 1)];
    }
}
