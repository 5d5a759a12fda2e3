using NewsApi.Nlp.Dates;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Quotes;
using NewsApi.Nlp.Text;

namespace NewsApi.Nlp.Events;

public enum ParticipantRole
{
    Actor1,
    Actor2,
    Other,
}

public sealed record EventParticipant(ArticleEntity Entity, ParticipantRole Role);

/// <summary>A sentence that reports an event, with its trigger words.</summary>
public sealed record EventEvidence(int Sentence, int Start, int End, string Trigger, int TriggerStart);

/// <summary>An event as one article reports it; several sentences may report it.</summary>
public sealed class ArticleEvent
{
    public required EventType Type { get; init; }

    public List<EventParticipant> Participants { get; } = [];

    public ArticleEntity? Place { get; set; }

    public DateMention? Date { get; set; }

    /// <summary>"seventh", "eighth": tells apart repeated events of one kind (Blinken's seventh and eighth trips).</summary>
    public int? Ordinal { get; set; }

    public List<EventEvidence> Evidence { get; } = [];

    public double Confidence { get; set; }

    public string Title { get; set; } = "";

    public IEnumerable<ArticleEntity> Actors => Participants.Where(p => p.Role != ParticipantRole.Other).Select(p => p.Entity);
}

/// <summary>The article's main event in the 5W1H frame, as short phrases from the text with links.</summary>
public sealed record MainEvent(string? Who, string What, string? When, string? Where, string? Why, string? How, ArticleEvent Event);

/// <summary>
/// Finds events in an analysed article: a trigger word of a type (docs/events.md), its actors (the named
/// subject before it and object after it, or both sides of "between … and …"), its place ("in/at" a place,
/// "to" a place for visits), its date (a date expression in the sentence) and an ordinal ("eighth trip").
/// Triggers inside quotes are speech, not reported events, and are skipped. Mentions of one event in an
/// article (same type, a shared actor, compatible place and ordinal) become one event with several evidence
/// sentences. The main event (5W1H) is the one whose actors matter most to the article and that comes first.
/// </summary>
public static class EventExtractor
{
    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12,
        ["1st"] = 1, ["2nd"] = 2, ["3rd"] = 3, ["4th"] = 4, ["5th"] = 5, ["6th"] = 6, ["7th"] = 7, ["8th"] = 8, ["9th"] = 9, ["10th"] = 10,
    };

    private static readonly HashSet<string> ClauseBreaks = new(StringComparer.Ordinal)
    {
        ",", ";", ":", "—", "–", "(", ")", "which", "who", "while", "whose", "as", "after", "before", "because", "when", "since", "amid", "where", "although", "but",
    };

    /// <summary>
    /// The events of an article and its main event. At most <paramref name="maxEvents"/> event reports are read
    /// (body sentences first); <c>Capped</c> says whether more were left unread.
    /// </summary>
    public static (List<ArticleEvent> Events, MainEvent? Main, bool Capped) Extract(ArticleAnalysis analysis, IReadOnlyList<DateMention> dates, IReadOnlyList<Quote> quotes,
        int maxEvents = int.MaxValue)
    {
        var tokens = analysis.Tokens.Tokens;
        var quoted = new SpanSet(quotes.Where(q => q.Kind != QuoteKind.Indirect).Select(q => (q.Start, q.End)));
        var mentionsBySentence = analysis.Entities.SelectMany(e => e.Mentions.Select(m => (Mention: m, Entity: e)))
            .Where(m => !quoted.Contains(m.Mention.Start)).OrderBy(m => m.Mention.Start).ToLookup(m => m.Mention.Sentence);
        var index = new ArticleIndex(analysis, dates);
        var events = new List<ArticleEvent>();

        // Body sentences first: a headline's telegraphic grammar ("Blinken Lapid meet") should only add evidence.
        var order = Enumerable.Range(0, analysis.Tokens.Sentences.Count)
            .OrderBy(i => analysis.Tokens.Sentences[i].Start(tokens) < analysis.BodyOffset ? 1 : 0).ThenBy(i => i);
        var capped = false;
        foreach (var s in order)
        {
            if (events.Count >= maxEvents)
            {
                capped = true;
                break;
            }

            var sentence = analysis.Tokens.Sentences[s];
            var inSentence = mentionsBySentence[s].ToList();
            var seenTypes = new HashSet<EventType>();
            var before = events.Count;
            for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                var token = tokens[t];
                if (!TryTrigger(analysis, t, sentence, out var type, out var verb, out var triggerEnd) || quoted.Contains(token.Start))
                {
                    continue;
                }

                if (!seenTypes.Add(type))
                {
                    continue;
                }

                var ev = Build(analysis, index, sentence, s, t, triggerEnd, type, verb, inSentence);
                if (ev is not null)
                {
                    events.Add(ev);
                }
            }

            // "announced his resignation": the announcement is how the resignation is reported, not an event of its own.
            if (events.Count - before > 1)
            {
                var statement = events.FindIndex(before, e => e.Type == EventType.Statement);
                if (statement >= 0)
                {
                    events.RemoveAt(statement);
                }
            }
        }

        if (events.Count > maxEvents)
        {
            // A sentence can add several reports at once; keep exactly the first maxEvents.
            events.RemoveRange(maxEvents, events.Count - maxEvents);
        }

        var merged = MergeWithinArticle(events);
        foreach (var ev in merged)
        {
            ev.Title = Title(ev);
        }

        return (merged, Main(analysis, merged), capped);
    }

    /// <summary>
    /// What Build looks up for every candidate, indexed once per article so that the work stays linear in the
    /// text: role spans by sentence, dates in text order, and the people named before each offset.
    /// </summary>
    private sealed class ArticleIndex
    {
        public ArticleIndex(ArticleAnalysis analysis, IReadOnlyList<DateMention> dates)
        {
            RoleSpans = analysis.Entities.Where(e => e.Kind == EntityKind.Person).SelectMany(e => e.Roles)
                .ToLookup(r => r.Sentence, r => (r.Start, r.End));
            Dates = dates.OrderBy(d => d.Start).ToArray();
            DateStarts = Dates.Select(d => d.Start).ToArray();
            DateSpans = new SpanSet(dates.Select(d => (d.Start, d.End)));
            var ends = analysis.Entities.Where(e => e.Kind == EntityKind.Person).SelectMany(p => p.Mentions.Select(m => (m.End, Person: p)))
                .OrderBy(x => x.End).ToArray();
            PersonMentionEnds = ends.Select(x => x.End).ToArray();
            PersonAtEnd = ends.Select(x => x.Person).ToArray();
        }

        /// <summary>Role phrases ("U.S. Secretary of State Antony Blinken") by sentence.</summary>
        public ILookup<int, (int Start, int End)> RoleSpans { get; }

        public DateMention[] Dates { get; }

        private int[] DateStarts { get; }

        /// <summary>Every date expression's span.</summary>
        public SpanSet DateSpans { get; }

        private int[] PersonMentionEnds { get; }

        private ArticleEntity[] PersonAtEnd { get; }

        /// <summary>The dates that start at or after <paramref name="start"/> and end by <paramref name="end"/>.</summary>
        public IEnumerable<DateMention> DatesWithin(int start, int end)
        {
            var first = Array.BinarySearch(DateStarts, start);
            first = first < 0 ? ~first : first;
            while (first > 0 && DateStarts[first - 1] == start)
            {
                first--;
            }

            for (var k = first; k < Dates.Length && Dates[k].Start < end; k++)
            {
                if (Dates[k].End <= end)
                {
                    yield return Dates[k];
                }
            }
        }

        /// <summary>The person whose mention ends last at or before <paramref name="offset"/> ("he" refers to them).</summary>
        public ArticleEntity? PersonNamedBefore(int offset)
        {
            var k = Array.BinarySearch(PersonMentionEnds, offset);
            if (k < 0)
            {
                k = ~k - 1;
            }
            else
            {
                while (k + 1 < PersonMentionEnds.Length && PersonMentionEnds[k + 1] == offset)
                {
                    k++;
                }
            }

            return k >= 0 ? PersonAtEnd[k] : null;
        }
    }

    private static bool TryTrigger(ArticleAnalysis analysis, int t, Sentence sentence, out EventType type, out bool verb, out int triggerEnd)
    {
        var tokens = analysis.Tokens.Tokens;
        var word = tokens[t].Text(analysis.Text).ToLowerInvariant();
        triggerEnd = tokens[t].End;
        type = default;
        verb = false;

        // Phrases first: "called on", "sat down", "stepped down"; "ceasefire talks", "general strike".
        string Next() => t + 1 < sentence.EndToken ? tokens[t + 1].Text(analysis.Text).ToLowerInvariant() : "";
        if (EventTypes.PhraseVerbs.Contains(word) && EventTypes.VerbPhrases.TryGetValue((word, Next()), out var phrase))
        {
            (type, verb, triggerEnd) = (phrase, true, tokens[t + 1].End);
            return true;
        }

        var previous = t > sentence.FirstToken && EventTypes.CompoundNouns.Contains(word) ? tokens[t - 1].Text(analysis.Text).ToLowerInvariant() : "";
        if (previous.Length > 0 && EventTypes.Compounds.TryGetValue((previous, word), out var compound))
        {
            (type, verb) = (compound, false);
            return true;
        }

        if (!EventTypes.Triggers.TryGetValue(word, out var found))
        {
            return false;
        }

        // "meeting" after "a"/"the" is the noun; "quit" must have a subject, so it stays a verb; "mission" only when going somewhere.
        (type, verb) = found;

        // "to demand a ceasefire", "push for a truce": a goal someone seeks, not something that happened.
        if (!verb && Sought(analysis, t, sentence))
        {
            return false;
        }

        if (word == "mission" && Next() != "to" && !(t + 2 < sentence.EndToken && tokens[t + 2].Text(analysis.Text) == "to"))
        {
            return false;
        }

        return true;
    }

    private static readonly HashSet<string> Seeking = new(StringComparer.OrdinalIgnoreCase)
    {
        "demand", "demands", "demanded", "demanding", "seek", "seeks", "sought", "seeking", "secure", "securing", "reach", "reaching",
        "toward", "towards", "push", "pushing", "pushed", "urge", "urged", "urging", "want", "wants", "wanted",
    };

    /// <summary>A noun trigger within three words of a word of seeking ("push for a ceasefire", "to demand a deal").</summary>
    private static bool Sought(ArticleAnalysis analysis, int t, Sentence sentence)
    {
        var tokens = analysis.Tokens.Tokens;
        for (var k = t - 1; k >= Math.Max(sentence.FirstToken, t - 4); k--)
        {
            var word = tokens[k].Text(analysis.Text);
            if (Seeking.Contains(word) || (word is "for" && k > sentence.FirstToken && tokens[k - 1].Text(analysis.Text) is "call" or "calls" or "called" or "calling"))
            {
                return true;
            }

            if (word is "," or "." or ";" or "and")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Participants kept per event: a list of hundreds of names is a roll call, not who took part.</summary>
    private const int MaxParticipants = 12;

    private static ArticleEvent? Build(ArticleAnalysis analysis, ArticleIndex index, Sentence sentence, int s, int trigger, int triggerEnd, EventType type, bool verb,
        List<(Mention Mention, ArticleEntity Entity)> inSentence)
    {
        var text = analysis.Text;
        var tokens = analysis.Tokens.Tokens;
        var triggerStart = tokens[trigger].Start;

        // Names that qualify a title ("U.S." in "U.S. Secretary of State Antony Blinken") are affiliations, not actors.
        var roleSpans = index.RoleSpans[s].ToList();
        var candidates = inSentence.Where(m => m.Entity.Kind == EntityKind.Person || !roleSpans.Any(r => m.Mention.Start >= r.Start && m.Mention.End <= r.End)).ToList();

        // Places: after "in"/"at", after "to" (and right after the verb) for visits and attacks, and places listed with those.
        var places = new List<(Mention Mention, ArticleEntity Entity)>();
        foreach (var m in candidates.Where(m => m.Entity.Kind == EntityKind.Place))
        {
            var before = PreviousWord(analysis, m.Mention.Start, sentence);
            var goesTo = type is EventType.Visit or EventType.Attack;
            if (before == "the")
            {
                // "trip to the Middle East": the word before the article.
                var article = analysis.Text.LastIndexOf("the", m.Mention.Start, StringComparison.OrdinalIgnoreCase);
                before = article > 0 ? PreviousWord(analysis, article, sentence) : before;
            }

            if (before is "in" or "at" or "near" || (goesTo && before is "to" or "into")
                || (type == EventType.Visit && m.Mention.Start >= triggerEnd && text[triggerEnd..m.Mention.Start].Trim().Length == 0)
                || (before is "and" or "," && places.Count > 0 && places[^1].Mention.End >= m.Mention.Start - 6))
            {
                places.Add(m);
            }
        }

        var actors = candidates.Where(m => !places.Contains(m)).ToList();
        var ev = new ArticleEvent { Type = type };

        // The subject: the nearest name before the trigger in its clause, with names coordinated to it
        // ("Antony Blinken and Israeli Foreign Minister Yair Lapid met"); else a pronoun or an office ("the top US diplomat").
        var subject = actors.Where(m => m.Mention.End <= triggerStart && !ClauseBetween(analysis, m.Mention.End, triggerStart, sentence)).ToList();

        // "The top US diplomat will meet": "US" qualifies the office; the office is the subject.
        if (subject.Count > 0 && subject[^1].Entity.Kind != EntityKind.Person
            && text[subject[^1].Mention.End..triggerStart].Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(Descriptions.IsRoleNoun)
            && DescribedSubject(analysis, index, sentence, trigger) is { } office)
        {
            subject.Clear();
            ev.Participants.Add(new EventParticipant(office, ParticipantRole.Actor1));
        }

        if (subject.Count > 0)
        {
            var nearest = subject[^1];
            var coordinated = new List<(Mention Mention, ArticleEntity Entity)> { nearest };
            for (var k = subject.Count - 2; k >= 0; k--)
            {
                var between = text[subject[k].Mention.End..coordinated[0].Mention.Start];
                var juxtaposed = between.Trim().Length == 0 && subject[k].Entity.Kind == EntityKind.Person && coordinated[0].Entity.Kind == EntityKind.Person;
                if (!juxtaposed && !IsCoordination(between))
                {
                    break;
                }

                coordinated.Insert(0, subject[k]);
            }

            ev.Participants.Add(new EventParticipant(coordinated[0].Entity, ParticipantRole.Actor1));
            foreach (var m in coordinated.Skip(1).Where(m => m.Entity != coordinated[0].Entity))
            {
                ev.Participants.Add(new EventParticipant(m.Entity, ev.Participants.Count == 1 ? ParticipantRole.Actor2 : ParticipantRole.Other));
            }
        }
        else if (ev.Participants.Count == 0 && DescribedSubject(analysis, index, sentence, trigger) is { } described)
        {
            ev.Participants.Add(new EventParticipant(described, ParticipantRole.Actor1));
        }

        // Objects: the names after the trigger, a list of them ("Negotiators from Egypt, Qatar, the US and Hamas").
        var previousEnd = triggerEnd;
        foreach (var m in actors.Where(m => m.Mention.Start >= triggerEnd))
        {
            var between = text[previousEnd..m.Mention.Start];
            var first = previousEnd == triggerEnd;
            if (first ? ClauseBetween(analysis, previousEnd, m.Mention.Start, sentence) : !IsListJoin(between))
            {
                break;
            }

            previousEnd = m.Mention.End;
            if (ev.Participants.Count >= MaxParticipants)
            {
                break;
            }

            if (ev.Participants.Any(p => p.Entity == m.Entity) || (m.Entity.Kind == EntityKind.Place && Locative(between)))
            {
                // "talks in a Rome hotel": a place after "in" is where, not who.
                continue;
            }

            var role = type == EventType.Resign ? ParticipantRole.Other
                : ev.Participants.Count == 0 ? ParticipantRole.Actor1
                : ev.Participants.Count(p => p.Role != ParticipantRole.Other) == 1 ? ParticipantRole.Actor2 : ParticipantRole.Other;
            ev.Participants.Add(new EventParticipant(m.Entity, role));
        }

        // Whoever else the trigger's clause names takes part in some way; names in other clauses are context.
        foreach (var m in actors.Where(m => ev.Participants.All(p => p.Entity != m.Entity) && m.Entity.Kind != EntityKind.Place
                     && !ClauseBetween(analysis, Math.Min(m.Mention.End, triggerEnd), Math.Max(m.Mention.Start, triggerStart), sentence)))
        {
            if (ev.Participants.Count >= MaxParticipants)
            {
                break;
            }

            ev.Participants.Add(new EventParticipant(m.Entity, ParticipantRole.Other));
        }

        if (type == EventType.Resign)
        {
            // Only the subject resigns; the government they leave is context.
            for (var k = 0; k < ev.Participants.Count; k++)
            {
                if (ev.Participants[k].Role == ParticipantRole.Actor2)
                {
                    ev.Participants[k] = ev.Participants[k] with { Role = ParticipantRole.Other };
                }
            }
        }

        // "This visit, Blinken’s eighth …": with no subject or object, a name right next to the trigger.
        if (!ev.Actors.Any())
        {
            var near = actors.Where(m => m.Entity.Kind != EntityKind.Place && Math.Min(Math.Abs(m.Mention.Start - triggerEnd), Math.Abs(triggerStart - m.Mention.End)) <= 4)
                .OrderBy(m => Math.Min(Math.Abs(m.Mention.Start - triggerEnd), Math.Abs(triggerStart - m.Mention.End))).FirstOrDefault();
            if (near.Entity is not null)
            {
                ev.Participants.RemoveAll(p => p.Entity == near.Entity);
                ev.Participants.Insert(0, new EventParticipant(near.Entity, ParticipantRole.Actor1));
            }
        }

        var needsActor = type is not (EventType.Protest or EventType.Ceasefire or EventType.Attack or EventType.Killing or EventType.Fight);
        if (needsActor && !ev.Actors.Any())
        {
            return null;
        }

        var place = places.OrderBy(p => p.Mention.Start < triggerStart ? 1 : 0).ThenBy(p => Math.Abs(p.Mention.Start - triggerStart)).FirstOrDefault();
        ev.Place = place.Entity;
        var sentenceStart = sentence.Start(tokens);
        var sentenceEnd = sentence.End(tokens);
        ev.Date = index.DatesWithin(sentenceStart, sentenceEnd).Where(d => d.Kind == DateKind.Date)
            .OrderBy(d => Math.Abs(d.Start - triggerStart)).FirstOrDefault();
        for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            // Trips are counted anywhere in the sentence ("arrived …, capping his seventh round"); other ordinals near
            // the trigger; never the day of a date ("June 7th", "the 3rd of May").
            if (Ordinals.TryGetValue(tokens[t].Text(text), out var ordinal) && (type == EventType.Visit || Math.Abs(t - trigger) <= 8)
                && !index.DateSpans.Contains(tokens[t].Start))
            {
                ev.Ordinal = ordinal;
            }
        }

        ev.Evidence.Add(new EventEvidence(s, sentenceStart, sentenceEnd, text[triggerStart..triggerEnd], triggerStart));
        ev.Confidence = Math.Min(0.95, (verb ? 0.6 : 0.45) + 0.1 * Math.Min(2, ev.Actors.Count()) + (ev.Place is null ? 0 : 0.1) + (ev.Date is { Resolved: true } ? 0.05 : 0));
        return ev;
    }

    /// <summary>"and", possibly followed by a title and qualifiers: "and Israeli Foreign Minister".</summary>
    private static bool IsCoordination(string between)
    {
        var words = between.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words[0] is "and" or "&"
            && words.Skip(1).All(w => Roles.IsTitleWord(w) || Entities.PlaceNames.CountryOfDemonym(w) is not null || w is "of" or "the" || char.IsUpper(w[0]));
    }

    /// <summary>Between items of a list: commas, "and", "the", "from", "with", "between", titles.</summary>
    private static bool IsListJoin(string between)
    {
        var words = between.Replace(",", " , ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 6 && words.All(w => w is "," or "and" or "the" or "from" or "with" or "between" or "of" || Roles.IsTitleWord(w)
            || Entities.PlaceNames.CountryOfDemonym(w) is not null || char.IsUpper(w[0]));
    }

    /// <summary>
    /// A subject that is not a name: "he"/"she" is the person named last before it; an office ("the top US
    /// diplomat") is the person the article gives that role (and affiliation).
    /// </summary>
    private static ArticleEntity? DescribedSubject(ArticleAnalysis analysis, ArticleIndex index, Sentence sentence, int trigger)
    {
        var tokens = analysis.Tokens.Tokens;
        // "he privately urged", "she has also met": the pronoun right before the verb, past adverbs and auxiliaries.
        for (var t = trigger - 1; t >= sentence.FirstToken; t--)
        {
            var word = tokens[t].Text(analysis.Text);
            if (word is "he" or "she" or "He" or "She")
            {
                return index.PersonNamedBefore(tokens[t].Start);
            }

            if (!(word.Length > 4 && word.EndsWith("ly", StringComparison.Ordinal)) && !SubjectVerbFillers.Contains(word))
            {
                break;
            }
        }

        // A description is at most eight words (Descriptions.Person), so only the last few before the verb matter.
        if (trigger - sentence.FirstToken > 8)
        {
            return null;
        }

        var words = Enumerable.Range(sentence.FirstToken, trigger - sentence.FirstToken).Select(t => tokens[t].Text(analysis.Text)).ToList();
        return Descriptions.Person(analysis, words);
    }

    private static readonly HashSet<string> SubjectVerbFillers = new(StringComparer.Ordinal)
    {
        "also", "then", "later", "again", "since", "once", "still", "already", "soon", "never", "not", "has", "had", "have",
        "will", "would", "did", "does", "could", "can", "may", "might", "should", "is", "was", "be", "been", "to", "set", "plans", "planned",
    };

    private static string? PreviousWord(ArticleAnalysis analysis, int offset, Sentence sentence)
    {
        var tokens = analysis.Tokens.Tokens;
        for (var t = Math.Min(sentence.EndToken - 1, tokens.IndexAt(offset)); t >= sentence.FirstToken; t--)
        {
            if (tokens[t].End <= offset)
            {
                return tokens[t].Text(analysis.Text).ToLowerInvariant();
            }
        }

        return null;
    }

    /// <summary>Is there a clause boundary (comma, "which", "who", …) between two offsets? Then the words are not subject and verb.</summary>
    private static bool Locative(string between)
    {
        var words = between.Split([' ', '\n', ','], StringSplitOptions.RemoveEmptyEntries);
        var k = words.Length - 1;
        if (k >= 0 && words[k] is "a" or "an" or "the")
        {
            k--;
        }

        return k >= 0 && words[k].ToLowerInvariant() is "in" or "at" or "near" or "inside" or "outside" or "across";
    }

    private static bool ClauseBetween(ArticleAnalysis analysis, int from, int to, Sentence sentence)
    {
        // Only the tokens between the offsets, and no further than the thirteenth word: the answer is known by then.
        var tokens = analysis.Tokens.Tokens;
        var words = 0;
        for (var t = Math.Max(sentence.FirstToken, tokens.IndexAt(from)); t < sentence.EndToken && tokens[t].Start < to; t++)
        {
            if (tokens[t].Start >= from && tokens[t].End <= to)
            {
                if (ClauseBreaks.Contains(tokens[t].Text(analysis.Text)))
                {
                    return true;
                }

                if (++words > 12)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Mentions of one event in one article become one event.</summary>
    private static List<ArticleEvent> MergeWithinArticle(List<ArticleEvent> events)
    {
        // Only events of the type that share a participant (or have none, like this one) can be compatible, so
        // they are found through an index rather than by comparing every pair.
        var merged = new List<ArticleEvent>();
        var byParticipant = new Dictionary<(EventType, ArticleEntity?), List<int>>();
        void Index(int at, ArticleEntity? entity)
        {
            if (!byParticipant.TryGetValue((merged[at].Type, entity), out var list))
            {
                byParticipant[(merged[at].Type, entity)] = list = [];
            }

            if (list.Count == 0 || list[^1] != at)
            {
                list.Add(at);
            }
        }

        foreach (var ev in events)
        {
            var keys = ev.Participants.Count == 0 ? [null] : ev.Participants.Select(p => (ArticleEntity?)p.Entity).Distinct();
            var candidates = keys.SelectMany(k => byParticipant.GetValueOrDefault((ev.Type, k)) ?? []).Distinct().Order();
            var at = candidates.Cast<int?>().FirstOrDefault(i => Compatible(merged[i!.Value], ev));
            if (at is null)
            {
                merged.Add(ev);
                foreach (var key in keys)
                {
                    Index(merged.Count - 1, key);
                }

                continue;
            }

            var same = merged[at.Value];

            foreach (var p in ev.Participants.Where(p => same.Participants.All(q => q.Entity != p.Entity)))
            {
                var role = p.Role != ParticipantRole.Other && same.Participants.Count(q => q.Role != ParticipantRole.Other) < 2
                    ? (same.Participants.Any(q => q.Role == ParticipantRole.Actor1) ? ParticipantRole.Actor2 : ParticipantRole.Actor1)
                    : ParticipantRole.Other;
                same.Participants.Add(p with { Role = role });
                Index(at.Value, p.Entity);
            }

            same.Place ??= ev.Place;
            same.Date = same.Date is { Resolved: true } ? same.Date : ev.Date is { Resolved: true } ? ev.Date : same.Date ?? ev.Date;
            same.Ordinal ??= ev.Ordinal;
            same.Evidence.AddRange(ev.Evidence);
            same.Confidence = Math.Min(0.99, Math.Max(same.Confidence, ev.Confidence) + 0.05);
        }

        return merged;
    }

    /// <summary>Two reports can be of one event: a shared actor (or none on either side), no conflicting place or ordinal.</summary>
    public static bool Compatible(ArticleEvent a, ArticleEvent b)
    {
        if (a.Ordinal is { } x && b.Ordinal is { } y && x != y)
        {
            return false;
        }

        if (a.Place is not null && b.Place is not null && a.Place != b.Place)
        {
            return false;
        }

        var aActors = a.Participants.Select(p => p.Entity).ToHashSet();
        var bActors = b.Participants.Select(p => p.Entity).ToHashSet();
        return aActors.Overlaps(bActors) || (aActors.Count == 0 && bActors.Count == 0);
    }

    /// <summary>
    /// A short description of the event ("Antony Blinken meets Yair Lapid in Rome"), naming its entities with
    /// <paramref name="name"/> (by default as the article names them; a store passes the canonical records' names).
    /// </summary>
    public static string Title(ArticleEvent ev, Func<ArticleEntity, string>? name = null)
    {
        name ??= e => e.Name;
        var actors = ev.Participants.Where(p => p.Role != ParticipantRole.Other).Select(p => name(p.Entity)).Distinct().ToList();
        var who = actors.Count switch
        {
            0 => null,
            1 => actors[0],
            _ => $"{actors[0]} and {actors[1]}",
        };
        var a1 = actors.Count > 0 ? actors[0] : null;
        var a2 = actors.Count > 1 ? actors[1] : null;
        var placeName = ev.Place is null ? null : name(ev.Place);
        var where = placeName is null ? "" : $" in {placeName}";
        var plural = actors.Count > 1 && !(a2 is not null && ev.Type is EventType.ConsultOrMeet or EventType.Arrest or EventType.Appeal or EventType.Criticise or EventType.Threaten or EventType.Demand);
        string Verb(string singular, string many) => plural ? many : singular;
        var title = ev.Type switch
        {
            EventType.ConsultOrMeet when a1 is not null && a2 is not null => $"{a1} meets {a2}{where}",
            EventType.ConsultOrMeet => $"Meeting of {who ?? "officials"}{where}",
            EventType.Visit => who is null ? $"Visit to {placeName ?? "the region"}" : $"{who} {Verb("visits", "visit")} {placeName ?? "the region"}",
            EventType.Negotiate => $"Negotiations involving {who ?? "the parties"}{where}",
            EventType.Agreement => a2 is null ? $"Agreement{(who is null ? "" : $" involving {who}")}" : $"Agreement between {who}",
            EventType.Ceasefire => $"Ceasefire{(who is null ? "" : $" involving {who}")}{where}",
            EventType.Resign => who is null ? "Resignation" : $"{who} {Verb("resigns", "resign")}",
            EventType.Arrest => a2 is null ? $"Arrest{(who is null ? "" : $" by {who}")}{where}" : $"{a1} arrests {a2}{where}",
            EventType.Attack => $"Attack{(who is null ? "" : $" involving {who}")}{where}",
            EventType.Fight => $"Fighting{(who is null ? "" : $" involving {who}")}{where}",
            EventType.Killing => $"Killings{(who is null ? "" : $" involving {who}")}{where}",
            EventType.Protest => $"Protest{(who is null ? "" : $" involving {who}")}{where}",
            EventType.Sanction => $"Sanctions{(who is null ? "" : $" involving {who}")}",
            EventType.Appeal => who is null ? "Appeal" : a2 is null ? $"{who} {Verb("makes", "make")} an appeal" : $"{a1} appeals to {a2}",
            EventType.Criticise => who is null ? "Criticism" : a2 is null ? $"{who} {Verb("criticises", "criticise")}" : $"{a1} criticises {a2}",
            EventType.Reject => who is null ? "Rejection" : $"{who} {Verb("rejects", "reject")}",
            EventType.Threaten => who is null ? "Threat" : a2 is null ? $"{who} {Verb("threatens", "threaten")}" : $"{a1} threatens {a2}",
            EventType.Demand => who is null ? "Demand" : a2 is null ? $"{who} {Verb("demands", "demand")}" : $"{a1} makes demands of {a2}",
            EventType.IntentToCooperate => who is null ? "Pledge of cooperation" : $"{who} {Verb("pledges", "pledge")} cooperation",
            EventType.ProvideAid => $"Aid{(who is null ? "" : $" involving {who}")}{where}",
            EventType.Statement => who is null ? "Statement" : $"{who} {Verb("makes", "make")} a statement",
            _ => $"{EventTypes.Name(ev.Type)} {who}",
        };
        return (ev.Ordinal is { } n && ev.Type == EventType.Visit ? $"{title} (trip {n})" : title).Trim();
    }

    /// <summary>The main event: its actors' salience, earliness, a verb trigger and repeated reports.</summary>
    private static MainEvent? Main(ArticleAnalysis analysis, List<ArticleEvent> events)
    {
        if (events.Count == 0)
        {
            return null;
        }

        var first = events.Min(e => e.Evidence.Min(x => x.Sentence));
        var best = events.OrderByDescending(e =>
                e.Actors.Where(a => a.Kind == EntityKind.Person).Sum(a => a.Salience) + 0.5 * e.Actors.Where(a => a.Kind != EntityKind.Person).Sum(a => a.Salience)
                + (e.Evidence.Min(x => x.Sentence) <= first + 1 ? 0.6 : 0)
                + (e.Type is EventType.Statement or EventType.Fight or EventType.Ceasefire or EventType.Agreement ? -0.4 : 0)
                + Math.Min(0.3, 0.1 * e.Evidence.Count)
                + (e.Place is null ? 0 : 0.2))
            .ThenBy(e => e.Evidence.Min(x => x.Start))
            .First();

        var evidence = best.Evidence.OrderBy(x => x.Start).First();
        var sentence = analysis.Text[evidence.Start..evidence.End];
        var relative = evidence.TriggerStart - evidence.Start;
        var who = best.Actors.Any() ? string.Join(" and ", best.Actors.Select(a => a.Name)) : null;
        return new MainEvent(who, best.Title, best.Date?.Text, best.Place?.Name, Why(sentence, relative), How(sentence, relative), best);
    }

    private static readonly string[] WhyCues = [" in order to ", " in a bid to ", " to ", " as ", " amid ", " because ", " aimed at ", " seeking to ", " after "];

    /// <summary>A purpose or cause clause after the trigger: "to discuss the plan", "as Washington intensifies …".</summary>
    private static string? Why(string sentence, int trigger)
    {
        foreach (var cue in WhyCues)
        {
            var at = sentence.IndexOf(cue, trigger, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var phrase = Clause(sentence, at + 1);
            if (phrase is not null && phrase.Split(' ').Length >= 3 && !(cue == " to " && !LooksLikeVerbPhrase(phrase)))
            {
                return phrase;
            }
        }

        return null;
    }

    private static string? How(string sentence, int trigger)
    {
        foreach (var cue in new[] { " by ", " via ", " through ", " with the help of " })
        {
            var at = sentence.IndexOf(cue, trigger, StringComparison.Ordinal);
            if (at >= 0 && Clause(sentence, at + 1) is { } phrase && phrase.Split(' ').Length >= 2)
            {
                return phrase;
            }
        }

        return null;
    }

    /// <summary>"to discuss the plan" yes, "to Egypt" no: a verb follows "to".</summary>
    private static bool LooksLikeVerbPhrase(string phrase)
    {
        var words = phrase.Split(' ');
        return words.Length > 1 && char.IsLower(words[1][0]) && words[1] is not ("the" or "a" or "an" or "his" or "her" or "their" or "its");
    }

    private static string? Clause(string sentence, int start)
    {
        var end = sentence.IndexOfAny([',', ';', '.', '—', ':'], start);
        var clause = sentence[start..(end < 0 ? sentence.Length : end)].Trim();
        var words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : string.Join(' ', words.Take(14));
    }
}
