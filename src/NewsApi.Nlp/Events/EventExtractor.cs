using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Dates;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Quotes;
using NewsApi.Nlp.Text;
using System.Text.RegularExpressions;

namespace NewsApi.Nlp.Events;

public enum EventRole
{
    Actor1,
    Actor2,
    Other,
}

public sealed record AnalysedParticipant(AnalysedEntity Entity, EventRole Role);

/// <summary>A sentence that reports an event, with its trigger words.</summary>
public sealed record AnalysedEvidence(int Sentence, int Start, int End, string Trigger, int TriggerStart);

/// <summary>An event as one article reports it; several sentences may report it.</summary>
public sealed class AnalysedEvent
{
    public required EventType Type { get; init; }

    public List<AnalysedParticipant> Participants { get; } = [];

    public AnalysedEntity? Place { get; set; }

    public DateMention? Date { get; set; }

    /// <summary>"seventh", "eighth": tells apart repeated events of one kind (Blinken's seventh and eighth trips).</summary>
    public int? Ordinal { get; set; }

    public List<AnalysedEvidence> Evidence { get; } = [];

    public double Confidence { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The first actor is who the event is done to, the subject of a passive with no agent ("Peter Holt was arrested").</summary>
    public bool SubjectUndergoes { get; set; }

    /// <summary>The trigger is hedged ("any chance of beating Ireland", "could meet"): it may not have happened.</summary>
    internal bool Hedged { get; set; }

    public IEnumerable<AnalysedEntity> Actors => Participants.Where(p => p.Role != EventRole.Other).Select(p => p.Entity);
}

/// <summary>The article's main event in the 5W1H frame, as short phrases from the text with links.</summary>
/// <param name="Who">Who did it: the names of its actors.</param>
/// <param name="What">The predicate phrase, from the sentence that reports it ("agreed to buy the brewer").</param>
/// <param name="When">The date expression, as written.</param>
/// <param name="Where">The place's name.</param>
/// <param name="Why">A purpose or cause clause, when stated.</param>
/// <param name="How">A means clause, when stated.</param>
/// <param name="Event">The typed event it is, when the article reports one; null when the frame comes from the lead alone.</param>
/// <param name="WhoEntities">The entities of <paramref name="Who"/>.</param>
/// <param name="WhereEntity">The place of <paramref name="Where"/>.</param>
/// <param name="WhenDate">The date of <paramref name="When"/>, resolved when the publication date is known.</param>
public sealed record MainEvent(string? Who, string What, string? When, string? Where, string? Why, string? How, AnalysedEvent? Event,
    IReadOnlyList<AnalysedEntity> WhoEntities, AnalysedEntity? WhereEntity, DateMention? WhenDate);

/// <summary>
/// Finds events in an analysed article: a trigger word of a type (docs/events.md), its actors (the named
/// subject before it and object after it, or both sides of "between … and …"), its place ("in/at" a place,
/// "to" a place for visits), its date (a date expression in the sentence) and an ordinal ("eighth trip").
/// Triggers inside quotes are speech, not reported events, and are skipped. Mentions of one event in an
/// article (same type, a shared actor, compatible place and ordinal) become one event with several evidence
/// sentences. The main event (5W1H) is the one whose actors matter most to the article and that comes first.
/// </summary>
public static partial class EventExtractor
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
    public static (List<AnalysedEvent> Events, MainEvent? Main, bool Capped) Extract(ArticleAnalysis analysis, IReadOnlyList<DateMention> dates, IReadOnlyList<Quote> quotes,
        int maxEvents = int.MaxValue)
    {
        var tokens = analysis.Tokens.Tokens;
        var quoted = new SpanSet(quotes.Where(q => q.Kind != QuoteType.Indirect).Select(q => (q.Start, q.End)));
        var mentionsBySentence = analysis.Entities.SelectMany(e => e.Mentions.Select(m => (Mention: m, Entity: e)))
            .Where(m => !quoted.Contains(m.Mention.Start)).OrderBy(m => m.Mention.Start).ToLookup(m => m.Mention.Sentence);
        var index = new ArticleIndex(analysis, dates);
        var events = new List<AnalysedEvent>();

        // Body sentences first: a headline's telegraphic grammar ("Blinken Lapid meet") should only add evidence.
        var order = Enumerable.Range(0, analysis.Tokens.Sentences.Count)
            .OrderBy(i => analysis.Tokens.Sentences[i].Start(tokens) < analysis.BodyOffset ? 1 : 0).ThenBy(i => i);
        var capped = false;

        // In a match report a result needs no contest word of its own sentence: "following defeats by Wales and France".
        var sport = NameTypes.SportArticle(analysis.Tokens);
        foreach (var s in order)
        {
            if (events.Count >= maxEvents)
            {
                capped = true;
                break;
            }

            var sentence = analysis.Tokens.Sentences[s];
            var inSentence = mentionsBySentence[s].ToList();
            var context = new SentenceContext(analysis, sentence) { SportArticle = sport };
            var seenClasses = new HashSet<string>(StringComparer.Ordinal);
            var lastListed = new Dictionary<string, int>(StringComparer.Ordinal);
            var before = events.Count;
            for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                var token = tokens[t];
                // "Grammy-winning" is often tagged a name itself; the award's name inside it holds the trigger still.
                if (quoted.Contains(token.Start) || (index.InName(token.Start) && !IsAwardAdjective(token.Text(analysis.Text)))
                    || !TryTrigger(analysis, context, t, sentence, inSentence, out var type, out var verb, out var triggerEnd, out var needs))
                {
                    continue;
                }

                // One event of a class per sentence: "the takeover bid" is one transaction, not two. Prizes, results and
                // figures are listed several to a sentence, each in its own clause ("won best female, with Shannon Noll
                // taking the title of best male"; "GM earned $3.7bn, …, while its annual revenue rose 4.5%"): another one
                // counts after a clause break.
                var cls = EventTypes.Class(type);
                var listed = cls is "award" or "economy";
                // A trigger that made no event (no one did it: "The 3 network launched in 2003, Vodafone launched its service")
                // leaves the class to the next one.
                if (seenClasses.Contains(cls) && !(listed && lastListed.TryGetValue(cls, out var previous) && ListClauseBetween(analysis, previous, t)))
                {
                    continue;
                }

                // "Hilary Swank picked up her second best actress Oscar …, beating stars including Annette Bening": the
                // participle after a comma tells how the prize already found was won.
                if (type == EventType.Prize && seenClasses.Contains(cls) && t > sentence.FirstToken && tokens[t - 1].Text(analysis.Text) == ","
                    && token.Text(analysis.Text).EndsWith("ing", StringComparison.Ordinal))
                {
                    continue;
                }

                if (listed)
                {
                    lastListed[cls] = t;
                }

                var ev = Build(analysis, index, context, sentence, s, t, triggerEnd, type, verb, needs, inSentence);
                if (ev is not null)
                {
                    seenClasses.Add(cls);
                }

                if (ev is not null && !(!verb && PointsBack(analysis, t, sentence, s, type, events)))
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

        LeadStatement(analysis, index, quotes, events);
        LeadPublication(analysis, index, events);
        NamedPublications(analysis, index, events);

        // "… made up of female buyers, according to CEA research": a publication cited as a source further down is not
        // published news (in the opening it is the article's news: "The digital divide is narrowing, according to a World
        // Bank report"; so is one "published" or "released").
        var opening = FirstBodySentence(analysis);
        events.RemoveAll(e => e.Type == EventType.Publication && e.Evidence.Count == 1 && !InOpening(e.Evidence[0].Sentence, opening)
                              && CitedPublication(analysis, e.Evidence[0].TriggerStart));

        if (events.Count > maxEvents)
        {
            // A sentence can add several reports at once; keep exactly the first maxEvents.
            events.RemoveRange(maxEvents, events.Count - maxEvents);
        }

        // The headline and the lead's first two sentences report the article's news once: "Goodrem wins top female MTV
        // prize" / "Delta Goodrem has scooped one of the top prizes …" / "The 21-year-old singer won the award for best
        // female artist" are one prize.
        var lead = FirstBodySentence(analysis);
        var merged = MergeMirrored(MergeWithinArticle(events, lead), lead);
        foreach (var ev in merged)
        {
            ev.Title = Title(ev);
        }

        return (merged, Main(analysis, merged, dates, quotes), capped);
    }

    /// <summary>
    /// The participle right after a sentence's opening plural noun that no name holds ("Customers trying …", "Reporters
    /// covering …"), or -1.
    /// </summary>
    private static int ParticipleAfterHead(ArticleAnalysis analysis, Sentence sentence)
    {
        var tokens = analysis.Tokens.Tokens;
        var first = sentence.FirstToken;
        if (first + 1 >= sentence.EndToken)
        {
            return -1;
        }

        var head = tokens[first].Text(analysis.Text);
        var word = tokens[first + 1].Text(analysis.Text);
        return head.Length > 3 && head.EndsWith('s') && char.IsUpper(head[0]) && word.Length > 4 && word.EndsWith("ing", StringComparison.Ordinal) && char.IsLower(word[0])
               && !analysis.Entities.Any(e => e.Mentions.Any(m => m.Start == tokens[first].Start))
            ? first + 1
            : -1;
    }

    /// <summary>Types whose definite noun refers back to one already reported: deals, transactions and cases.</summary>
    private static readonly HashSet<EventType> BackReferenceTypes =
    [
        EventType.Agreement, EventType.Acquisition, EventType.Merger, EventType.Bid, EventType.Sale, EventType.Lawsuit, EventType.Ruling,
        EventType.Trial, EventType.Verdict,
    ];

    /// <summary>
    /// "Riggs spokesman Mark Hendrix said the settlement …", "The settlement follows a legal complaint filed by …": a definite
    /// noun at <paramref name="t"/> points back at the deal, the transaction or the case of its type the article already
    /// reported before sentence <paramref name="s"/>, and makes no event with the parties its own sentence names (figures
    /// and prizes are listed several to an article: "the dollar also gained"). A deal and a transaction are one family:
    /// "Citigroup has sold its insurance arm to Metlife … The deal includes Smith Barney retail brokerages" is the sale.
    /// </summary>
    private static bool PointsBack(ArticleAnalysis analysis, int t, Sentence sentence, int s, EventType type, List<AnalysedEvent> events) =>
        BackReferenceTypes.Contains(type) && t > sentence.FirstToken
        && analysis.Tokens.Tokens[t - 1].Text(analysis.Text).ToLowerInvariant() is "the" or "this" or "that"
        && events.Any(e => e.Evidence[0].Sentence < s && (e.Type == type || (Dealing(e.Type) && Dealing(type))));

    /// <summary>A deal or a transaction: what "the deal" may refer back to.</summary>
    private static bool Dealing(EventType type) => type == EventType.Agreement || EventTypes.Class(type) == "transaction";

    /// <summary>
    /// A lead that reports what someone said ("Former Conservative leader William Hague says he will not stand for the
    /// leadership again"; "Children would be offered …, the Conservatives have said") is itself the news: when neither
    /// the headline nor the lead reports a typed event, the lead's attributed quote (else the headline's: "Dance music
    /// not dead says Fatboy") is a statement by its speaker, a named person or organisation.
    /// </summary>
    private static void LeadStatement(ArticleAnalysis analysis, ArticleIndex index, IReadOnlyList<Quote> quotes, List<AnalysedEvent> events)
    {
        var tokens = analysis.Tokens.Tokens;
        var sentences = analysis.Tokens.Sentences;
        var lead = FirstBodySentence(analysis);
        if (lead < 0 || events.Any(e => e.Evidence[0].Sentence <= lead))
        {
            return;
        }

        foreach (var s in Enumerable.Range(lead, 1).Concat(Enumerable.Range(0, lead)))
        {
            var (start, end) = (sentences[s].Start(tokens), sentences[s].End(tokens));
            // Named in the sentence itself: "she said" in a lead may stand for anyone the headline names.
            // The sentence's first report: "has said that …, but has admitted …" is a statement "said".
            var quote = quotes.Where(q => q.CueStart >= start && q.CueStart < end && q.Cue is not null
                                          && q.Speaker is { Kind: AnalysedKind.Person or AnalysedKind.Organisation } named
                                          && q.SpeakerStart >= start && q.SpeakerStart < end
                                          && named.Mentions.Any(m => m.Start == q.SpeakerStart))
                .MinBy(q => q.CueStart);
            if (quote?.Speaker is not { } speaker)
            {
                continue;
            }

            var ev = new AnalysedEvent { Type = EventType.Statement };
            ev.Participants.Add(new AnalysedParticipant(speaker, EventRole.Actor1));
            ev.Date = index.DatesWithin(start, end).FirstOrDefault(d => d.Kind == DateKind.Date && DatesAnEvent(analysis.Text, d));
            ev.Evidence.Add(new AnalysedEvidence(s, start, end, quote.Cue!, quote.CueStart));
            ev.Confidence = Confidence(EventType.Statement, true, 1, false, ev.Date is { Resolved: true }, false, true);
            events.Add(ev);
            return;
        }
    }

    /// <summary>Nouns of a published finding: "a report suggests", "a new study has found".</summary>
    private static readonly HashSet<string> PublicationNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "report", "study", "survey", "research", "analysis", "review", "audit", "paper", "poll",
    };

    /// <summary>Verbs of what a publication finds.</summary>
    private static readonly HashSet<string> FindingVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "suggests", "suggested", "found", "finds", "shows", "showed", "says", "said", "revealed", "reveals", "concluded", "concludes",
        "warns", "warned", "indicates", "indicated", "claims", "claimed",
    };

    /// <summary>
    /// A headline or lead that reports what a report, a study or a survey found ("… continue to ignore security warnings,
    /// a report suggests"; "…, a new study has found"; "…, the US Federal Reserve said in its latest Beige Book report") is
    /// a publication by whoever made it, when the opening names them: "a survey conducted by security firm Mirapoint and
    /// market research company the Radicati Group", "the Fed said in its … report", "Mirapoint's survey". Without a named
    /// organisation no event is read.
    /// </summary>
    private static void LeadPublication(ArticleAnalysis analysis, ArticleIndex index, List<AnalysedEvent> events)
    {
        var tokens = analysis.Tokens.Tokens;
        var sentences = analysis.Tokens.Sentences;
        var lead = FirstBodySentence(analysis);
        if (lead < 0 || events.Any(e => e.Type == EventType.Publication))
        {
            return;
        }

        string Word(int t) => tokens[t].Text(analysis.Text);
        for (var s = 0; s <= Math.Min(lead, sentences.Count - 1); s++)
        {
            var sentence = sentences[s];
            var trigger = -1;
            AnalysedEntity? maker = null;
            for (var t = sentence.FirstToken; t < sentence.EndToken && trigger < 0; t++)
            {
                if (!PublicationNouns.Contains(Word(t)) || index.MentionAt(t) is not null)
                {
                    continue;
                }

                // "a report suggests", "a new study has found": the publication is the subject of a finding verb.
                var verb = t + 1;
                while (verb < sentence.EndToken && verb - t <= 3 && Word(verb) is "has" or "have" or "had" or "also" or "now")
                {
                    verb++;
                }

                if (verb < sentence.EndToken && FindingVerbs.Contains(Word(verb)))
                {
                    trigger = t;
                    continue;
                }

                // "the US Federal Reserve said in its latest Beige Book report": the subject of the cue reports it.
                var its = Enumerable.Range(Math.Max(sentence.FirstToken, t - 6), t - Math.Max(sentence.FirstToken, t - 6)).LastOrDefault(k => Word(k) == "its", -1);
                if (its > sentence.FirstToken + 1 && Word(its - 1) == "in" && FindingVerbs.Contains(Word(its - 2)) && OrganisationBefore(analysis, index, its - 2, sentence) is { } subject)
                {
                    trigger = t;
                    maker = subject;
                }
            }

            if (trigger < 0)
            {
                continue;
            }

            var makers = maker is null ? Makers(analysis, index, s, lead) : [maker];
            if (makers.Count == 0)
            {
                return;
            }

            // The sentence's dates are the finding's ("continue to expand in December"), not the publication's.
            var (start, end) = (sentence.Start(tokens), sentence.End(tokens));
            var ev = new AnalysedEvent { Type = EventType.Publication };
            ev.Participants.AddRange(makers.Take(2).Select((m, i) => new AnalysedParticipant(m, i == 0 ? EventRole.Actor1 : EventRole.Actor2)));
            ev.Evidence.Add(new AnalysedEvidence(s, start, end, Word(trigger), tokens[trigger].Start));
            ev.Confidence = Confidence(EventType.Publication, false, ev.Participants.Count, false, false, false, true);
            events.Add(ev);
            return;
        }
    }

    /// <summary>
    /// A report, study, survey or poll whose maker its own noun phrase names, cited for what it found, anywhere in the
    /// article: "according to a World Bank report", "A Daily Telegraph poll of 1,313 people suggests", "a recent report by
    /// Which? magazine found", "A recent survey by Mediametrie found". A publication by that organisation, with no date
    /// of its own (the sentence's dates are the finding's); one per maker.
    /// </summary>
    private static void NamedPublications(ArticleAnalysis analysis, ArticleIndex index, List<AnalysedEvent> events)
    {
        var tokens = analysis.Tokens.Tokens;
        var sentences = analysis.Tokens.Sentences;
        string Word(int t) => tokens[t].Text(analysis.Text);
        var lead = FirstBodySentence(analysis);
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                if (!PublicationNouns.Contains(Word(t)) || index.MentionAt(t) is not null || char.IsUpper(Word(t)[0]) && t > sentence.FirstToken)
                {
                    continue;
                }

                // The maker right before the noun ("a World Bank report", "Mirapoint's survey") or after "by" ("a report by Which? magazine").
                AnalysedEntity? maker = null;
                var previous = t - 1;
                if (previous >= sentence.FirstToken && Word(previous) is "'s" or "’s")
                {
                    previous--;
                }

                if (previous >= sentence.FirstToken && index.MentionAt(previous) is { Entity.Kind: AnalysedKind.Organisation } before)
                {
                    maker = before.Entity;
                }
                else if (t + 2 < sentence.EndToken && Word(t + 1) == "by" && index.MentionAt(t + 2) is { Entity.Kind: AnalysedKind.Organisation } after)
                {
                    maker = after.Entity;
                }

                if (maker is null || events.Any(e => e.Type == EventType.Publication && e.Actors.Any(a => a == maker)))
                {
                    continue;
                }

                // Cited for its finding: "according to" before the phrase, or a finding verb after it within its clause.
                var opens = Enumerable.Range(Math.Max(sentence.FirstToken, t - 8), t - Math.Max(sentence.FirstToken, t - 8))
                    .Any(k => Word(k) == "according" && k + 1 < t && Word(k + 1) == "to");
                var finds = false;
                for (var k = t + 1; !opens && k < sentence.EndToken && k - t <= 10; k++)
                {
                    var word = Word(k);
                    if (FindingVerbs.Contains(word) && word is not ("says" or "said" or "claims" or "claimed"))
                    {
                        finds = true;
                        break;
                    }

                    if (word is "," or ";" or ":" or "." or "that" or "which" or "who" or "and" or "but")
                    {
                        break;
                    }
                }

                if (!opens && !finds)
                {
                    continue;
                }

                var (start, end) = (sentence.Start(tokens), sentence.End(tokens));
                var ev = new AnalysedEvent { Type = EventType.Publication };
                ev.Participants.Add(new AnalysedParticipant(maker, EventRole.Actor1));
                ev.Evidence.Add(new AnalysedEvidence(s, start, end, Word(t), tokens[t].Start));
                ev.Confidence = Confidence(EventType.Publication, false, 1, false, false, false, InOpening(s, lead));
                events.Add(ev);
            }
        }
    }

    /// <summary>The organisation that is the subject right before the verb at <paramref name="verb"/>, if one is.</summary>
    private static AnalysedEntity? OrganisationBefore(ArticleAnalysis analysis, ArticleIndex index, int verb, Sentence sentence) =>
        verb - 1 >= sentence.FirstToken && index.MentionAt(verb - 1) is { Entity.Kind: AnalysedKind.Organisation } named ? named.Entity : null;

    /// <summary>
    /// Who made the publication the opening reports: organisations after "by" following a publication noun or "conducted",
    /// "carried out", "commissioned", "published" (with up to three words of description: "security firm Mirapoint"), or
    /// an organisation owning the publication noun ("Mirapoint's survey", "the Mirapoint survey"), in the publication's
    /// sentence and the next two.
    /// </summary>
    private static List<AnalysedEntity> Makers(ArticleAnalysis analysis, ArticleIndex index, int from, int lead)
    {
        var tokens = analysis.Tokens.Tokens;
        var sentences = analysis.Tokens.Sentences;
        string Word(int t) => tokens[t].Text(analysis.Text);
        var found = new List<AnalysedEntity>();
        for (var s = from; s <= Math.Min(lead + 2, sentences.Count - 1); s++)
        {
            var sentence = sentences[s];
            for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                if (Word(t) == "by" && Enumerable.Range(Math.Max(sentence.FirstToken, t - 3), t - Math.Max(sentence.FirstToken, t - 3))
                        .Any(k => PublicationNouns.Contains(Word(k)) || Word(k) is "conducted" or "carried" or "commissioned" or "published" or "compiled"))
                {
                    // "by security firm Mirapoint and market research company the Radicati Group".
                    for (var k = t + 1; k < sentence.EndToken && k - t <= 12; k++)
                    {
                        if (index.MentionAt(k) is { } named)
                        {
                            if (named.Entity.Kind != AnalysedKind.Organisation)
                            {
                                break;
                            }

                            if (!found.Contains(named.Entity))
                            {
                                found.Add(named.Entity);
                            }

                            while (k + 1 < sentence.EndToken && tokens[k + 1].Start < named.Mention.End)
                            {
                                k++;
                            }

                            if (k + 1 >= sentence.EndToken || Word(k + 1) != "and")
                            {
                                break;
                            }
                        }
                        else if (Word(k) is "," or "." or ";" || (tokens[k].Kind == TokenKind.Word && char.IsLower(Word(k)[0]) && !(Word(k) is "and" or "the" or "a" or "an") && k - t > 4))
                        {
                            break;
                        }
                    }
                }

                // "Mirapoint's survey", "the Mirapoint survey".
                if (PublicationNouns.Contains(Word(t)) && t - 1 >= sentence.FirstToken)
                {
                    var before = Word(t - 1) is "'s" or "’s" && t - 2 >= sentence.FirstToken ? t - 2 : t - 1;
                    if (index.MentionAt(before) is { Entity.Kind: AnalysedKind.Organisation } owner && !found.Contains(owner.Entity))
                    {
                        found.Add(owner.Entity);
                    }
                }
            }

            if (found.Count > 0)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>Words that may stand between an apposition's closing comma and its verb ("…, was named", "…, has also won").</summary>
    private static readonly HashSet<string> VerbGroupWords = new(StringComparer.Ordinal)
    {
        "was", "were", "is", "are", "has", "have", "had", "been", "also", "again", "later", "then", "just", "recently", "now", "finally", "already", "since", "still", "yet", "not", "never",
    };

    /// <summary>
    /// The sentence's subject when an apposition or a participle stands between it and the trigger: "House of Flying
    /// Daggers, directed by Yimou Zhang, was named best foreign language film"; "Imelda Staunton has been recognised for
    /// her role, winning best actress". The subject is a person or an organisation opening the sentence, and only
    /// verb-group words stand between the last comma and the trigger.
    /// </summary>
    private static (Mention Mention, AnalysedEntity Entity)? SubjectAcrossApposition(ArticleAnalysis analysis, List<(Mention Mention, AnalysedEntity Entity)> preceding, Sentence sentence, int trigger)
    {
        var tokens = analysis.Tokens.Tokens;
        var k = trigger - 1;
        while (k > sentence.FirstToken && VerbGroupWords.Contains(tokens[k].Text(analysis.Text).ToLowerInvariant()))
        {
            k--;
        }

        if (k <= sentence.FirstToken || tokens[k].Text(analysis.Text) != ",")
        {
            return null;
        }

        // "The ex-president of Bank of China, Wang Xuebing, was jailed": a person set off by commas right before the verb
        // group is the description's name, the subject.
        var named = preceding.LastOrDefault(m => m.Entity.Kind == AnalysedKind.Person);
        if (named.Entity is not null && k - 1 > sentence.FirstToken && tokens[k - 1].End == named.Mention.End
            && tokens.IndexAt(named.Mention.Start) - 1 is var comma && comma > sentence.FirstToken && tokens[comma].Text(analysis.Text) == ",")
        {
            return named;
        }

        var first = preceding.FirstOrDefault(m => m.Entity.Kind is AnalysedKind.Person or AnalysedKind.Organisation);
        if (first.Entity is null || tokens.IndexAt(first.Mention.Start) > sentence.FirstToken + 2)
        {
            return null;
        }

        // The name itself: a title or an adjective may come before it ("British actress Imelda Staunton"), never a verb.
        var after = FirstTokenFrom(analysis, first.Mention.End, sentence);
        var next = after < sentence.EndToken ? tokens[after].Text(analysis.Text) : "";
        return next == "," || VerbGroupWords.Contains(next) ? first : null;
    }

    /// <summary>Nouns of companies and institutions that a country's name can qualify ("the US giant", "a French bank").</summary>
    private static readonly HashSet<string> OrganisationNouns = new(StringComparer.Ordinal)
    {
        "giant", "firm", "company", "carmaker", "group", "bank", "airline", "retailer", "maker", "conglomerate", "operator", "broadcaster",
        "insurer", "lender", "brewer", "manufacturer", "supermarket", "chain", "club", "side", "team", "band", "movie", "film", "album",
        "novel", "book", "show", "series", "song", "single", "play", "documentary", "drama", "comedy", "musical",
    };

    /// <summary>
    /// Is the mention an adjective on one of <paramref name="nouns"/> right after it: a company's noun after a state ("The
    /// US giant earned $630m"), a player's after a club ("The Glasgow forward's ban")?
    /// </summary>
    private static bool Qualifies(ArticleAnalysis analysis, Mention mention, Sentence sentence, IReadOnlySet<string> nouns)
    {
        var tokens = analysis.Tokens.Tokens;
        var next = FirstTokenFrom(analysis, mention.End, sentence);
        return next < sentence.EndToken && nouns.Contains(tokens[next].Text(analysis.Text).ToLowerInvariant());
    }

    /// <summary>Words that end one clause of a list of prizes and open the next: ", with", "and", "whilst".</summary>
    private static readonly HashSet<string> ListClauseBreaks = new(StringComparer.Ordinal) { ",", ";", "and", "whilst", "while", "with", "but", "whereas" };

    /// <summary>Whether a clause break stands between two tokens of a sentence.</summary>
    /// <summary>"named European Businessman of the Year", "voted Player of the Year": a title of the year in capitals within eight words after the verb.</summary>
    private static bool OfTheYearAfter(ArticleAnalysis analysis, int t, Sentence sentence)
    {
        var tokens = analysis.Tokens.Tokens;
        for (var k = t + 3; k < Math.Min(sentence.EndToken, t + 9); k++)
        {
            if (tokens[k].Text(analysis.Text) == "Year" && tokens[k - 1].Text(analysis.Text) is "the" && tokens[k - 2].Text(analysis.Text) is "of"
                && char.IsUpper(tokens[k - 3].Text(analysis.Text)[0]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ListClauseBetween(ArticleAnalysis analysis, int from, int to)
    {
        var tokens = analysis.Tokens.Tokens;
        for (var k = from + 1; k < to; k++)
        {
            if (ListClauseBreaks.Contains(tokens[k].Text(analysis.Text)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words that may stand between a verb and the office it gives or takes ("became the new deputy leader").</summary>
    private static readonly HashSet<string> OfficeModifiers = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "its", "their", "his", "her", "first", "new", "deputy", "party", "club", "company", "team", "vice",
    };

    /// <summary>The token of an office within four words from <paramref name="from"/>, past its modifiers only ("an MP", "deputy party leader"), or -1.</summary>
    private static int OfficeFrom(ArticleAnalysis analysis, Sentence sentence, int from)
    {
        var tokens = analysis.Tokens.Tokens;
        for (var k = from; k < Math.Min(sentence.EndToken, from + 4); k++)
        {
            var next = tokens[k].Text(analysis.Text).ToLowerInvariant();
            if (ElectedOffices.Contains(next) || (Offices.Contains(next) && next is not ("as" or "post" or "job" or "role" or "position" or "host" or "replace")))
            {
                return k;
            }

            if (!OfficeModifiers.Contains(next))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>The first token of the sentence starting at or after <paramref name="offset"/> (the sentence's end when none).</summary>
    private static int FirstTokenFrom(ArticleAnalysis analysis, int offset, Sentence sentence)
    {
        var tokens = analysis.Tokens.Tokens;
        var k = Math.Max(sentence.FirstToken, tokens.IndexAt(offset));
        while (k < sentence.EndToken && tokens[k].Start < offset)
        {
            k++;
        }

        return k;
    }

    /// <summary>A hyphenated award or title adjective: "Grammy-winning", "Oscar-nominated".</summary>
    private static bool IsAwardAdjective(string word) =>
        word.EndsWith("-winning", StringComparison.OrdinalIgnoreCase) || word.EndsWith("-nominated", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// What Build looks up for every candidate, indexed once per article so that the work stays linear in the
    /// text: role spans by sentence, dates in text order, and the people named before each offset.
    /// </summary>
    private sealed class ArticleIndex
    {
        public ArticleIndex(ArticleAnalysis analysis, IReadOnlyList<DateMention> dates)
        {
            Lead = FirstBodySentence(analysis);
            RoleSpans = analysis.Entities.Where(e => e.Kind == AnalysedKind.Person).SelectMany(e => e.Roles)
                .ToLookup(r => r.Sentence, r => (r.Start, r.End));
            Dates = dates.OrderBy(d => d.Start).ToArray();
            DateStarts = Dates.Select(d => d.Start).ToArray();
            DateSpans = new SpanSet(dates.Select(d => (d.Start, d.End)));
            var ends = analysis.Entities.Where(e => e.Kind == AnalysedKind.Person).SelectMany(p => p.Mentions.Select(m => (m.End, Person: p)))
                .OrderBy(x => x.End).ToArray();
            PersonMentionEnds = ends.Select(x => x.End).ToArray();
            PersonAtEnd = ends.Select(x => x.Person).ToArray();

            // Every name the recogniser found: "Live Aid", "Rugby Aid match", "Battle of Britain" hold no triggers.
            Names = new SpanSet(analysis.Tokens.Entities.Select(n => (n.Start, n.End)));
            this.analysis = analysis;
        }

        private readonly ArticleAnalysis analysis;

        private (Mention Mention, AnalysedEntity Entity)?[]? mentionByToken;

        private SpanSet Names { get; }

        /// <summary>The entity mention token <paramref name="token"/> lies in, if any (indexed when first asked).</summary>
        public (Mention Mention, AnalysedEntity Entity)? MentionAt(int token)
        {
            if (mentionByToken is null)
            {
                var tokens = analysis.Tokens.Tokens;
                mentionByToken = new (Mention, AnalysedEntity)?[tokens.Count];
                foreach (var entity in analysis.Entities)
                {
                    foreach (var mention in entity.Mentions)
                    {
                        for (var t = tokens.IndexAt(mention.Start); t >= 0 && t < tokens.Count && tokens[t].Start < mention.End; t++)
                        {
                            mentionByToken[t] ??= (mention, entity);
                        }
                    }
                }
            }

            return token >= 0 && token < mentionByToken.Length ? mentionByToken[token] : null;
        }

        /// <summary>The body's first sentence (<see cref="FirstBodySentence"/>).</summary>
        public int Lead { get; }

        /// <summary>Whether an offset lies inside a name the recogniser found.</summary>
        public bool InName(int offset) => Names.Contains(offset);

        /// <summary>Role phrases ("U.S. Secretary of State Antony Blinken") by sentence.</summary>
        public ILookup<int, (int Start, int End)> RoleSpans { get; }

        public DateMention[] Dates { get; }

        private int[] DateStarts { get; }

        /// <summary>Every date expression's span.</summary>
        public SpanSet DateSpans { get; }

        private int[] PersonMentionEnds { get; }

        private AnalysedEntity[] PersonAtEnd { get; }

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
        public AnalysedEntity? PersonNamedBefore(int offset)
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

    private static bool TryTrigger(ArticleAnalysis analysis, SentenceContext context, int t, Sentence sentence, List<(Mention Mention, AnalysedEntity Entity)> inSentence,
        out EventType type, out bool verb, out int triggerEnd, out TriggerNeeds needs)
    {
        var tokens = analysis.Tokens.Tokens;
        var word = tokens[t].Text(analysis.Text).ToLowerInvariant();
        triggerEnd = tokens[t].End;
        type = default;
        verb = false;
        needs = TriggerNeeds.None;

        // Phrases first: "called on", "stepped down", "took over"; "ceasefire talks", "general strike", "takeover bid".
        string Next() => t + 1 < sentence.EndToken ? tokens[t + 1].Text(analysis.Text).ToLowerInvariant() : "";

        // "Mr Ferguson took the helm at the company in 2003", "Mr Walsh, who took charge in 2000": an office taken (not "took
        // charge of the match", a referee's).
        if (word is "took" or "takes" or "taking" or "take" && t + 2 < sentence.EndToken)
        {
            var helm = Next() == "the" && NextWord(analysis, t + 2, sentence) == "helm";
            var charge = Next() == "charge" && !(NextWord(analysis, t + 2, sentence) == "of" && Enumerable.Range(t + 3, 3)
                .Any(k => NextWord(analysis, k, sentence) is "match" or "game" or "fixture" or "final" or "tie"));
            if (helm || charge)
            {
                (type, verb, needs, triggerEnd) = (EventType.Appoint, true, TriggerNeeds.None, tokens[helm ? t + 2 : t + 1].End);
                return true;
            }
        }

        // "announcing his departure from pop band Busted": a member leaving what they belonged to.
        if (word == "departure" && t > sentence.FirstToken && tokens[t - 1].Text(analysis.Text).ToLowerInvariant() is "his" or "her" or "their" or "'s" or "’s"
            && Next() == "from")
        {
            (type, verb, needs) = (EventType.Resign, false, TriggerNeeds.None);
            return true;
        }
        if (EventTypes.PhraseVerbs.Contains(word) && EventTypes.VerbPhrases.TryGetValue((word, Next()), out var phrase))
        {
            // "went on" is a launch only as "went on sale"; "rolling out" one of a product ("rolling out a service"); "took
            // over" needs a business or an office.
            var rolled = word is "rolling" or "rolled" or "rolls";
            if (phrase == EventType.ProductLaunch && !rolled && !(t + 2 < sentence.EndToken && tokens[t + 2].Text(analysis.Text) is "sale"))
            {
                return false;
            }

            (type, verb, triggerEnd) = (phrase, true, tokens[phrase == EventType.ProductLaunch && !rolled ? t + 2 : t + 1].End);
            needs = phrase == EventType.Acquisition ? TriggerNeeds.Business : TriggerNeeds.None;
            if (rolled)
            {
                needs = TriggerNeeds.Product;
                return Satisfied(analysis, context, t, sentence, inSentence, needs);
            }

            if (phrase == EventType.Acquisition && context.Has(Offices, t, 8) && !context.Has(BusinessWords, t, 8))
            {
                // "took over as manager": an appointment.
                (type, needs) = (EventType.Appoint, TriggerNeeds.Office);
            }

            // "who took over at Villa Park in May 2003", "took over at the club": charge taken at a place, not a business
            // bought (what is bought is the verb's object: "took over Mannesmann").
            if (phrase == EventType.Acquisition && t + 2 < sentence.EndToken && tokens[t + 2].Text(analysis.Text).ToLowerInvariant() == "at")
            {
                (type, needs) = (EventType.Appoint, TriggerNeeds.None);
            }

            // "knocked out of the FA Cup" is a result; "strikes knocked out the power grid" is none.
            if (phrase == EventType.MatchResult)
            {
                needs = TriggerNeeds.Contest;
                return Satisfied(analysis, context, t, sentence, inSentence, needs);
            }

            return true;
        }

        var previous = t > sentence.FirstToken && EventTypes.CompoundNouns.Contains(word) ? tokens[t - 1].Text(analysis.Text).ToLowerInvariant() : "";
        if (previous.Length > 0 && EventTypes.Compounds.TryGetValue((previous, word), out var compound))
        {
            (type, verb) = (compound, false);
            return true;
        }

        // "Meryl Streep and Morgan Freeman are also up for prizes", "Mike Leigh is up for the best director award",
        // "Natalie Portman is up against Blanchett … in the best supporting actress category": nominated. "Up against"
        // needs a prize's own word ahead ("up against the best side in Europe" is a match).
        if (word == "up" && Next() is "for" or "against" && UpForAward(analysis, t + 2, sentence, Next() == "for"))
        {
            (type, verb, needs, triggerEnd) = (EventType.Prize, true, TriggerNeeds.None, tokens[t + 1].End);
            return true;
        }

        // "won the Oscar" is a prize; "won the final" a result; "won" alone says neither.
        if (EventTypes.Winning.Contains(word))
        {
            // "Cate Blanchett, who won for playing Katharine Hepburn": won for a performance is a prize won.
            // (A verb, in lower case: "won for Reading" is a team's.)
            if (word is "won" or "wins" or "win" && Next() == "for" && t + 2 < sentence.EndToken && tokens[t + 2].Text(analysis.Text) is var performance
                && performance.EndsWith("ing", StringComparison.Ordinal) && char.IsLower(performance[0]))
            {
                (type, verb, needs) = (EventType.Prize, true, TriggerNeeds.None);
                return true;
            }

            // "won another vital turnover", "won a line-out", "won a penalty": a moment of play, not a result.
            if (Enumerable.Range(t + 1, 4).TakeWhile(k => k < sentence.EndToken).Select(k => tokens[k].Text(analysis.Text).ToLowerInvariant())
                .TakeWhile(w => w is not ("," or "." or "and" or "but")).Any(PlayNouns.Contains))
            {
                return false;
            }

            if (context.Has(AwardWords, t, 6))
            {
                (type, verb, needs) = (EventType.Prize, true, TriggerNeeds.None);
                return true;
            }

            if (context.Has(ContestWords, t, 6) || context.HasScore || context.SportArticle)
            {
                (type, verb, needs) = (EventType.MatchResult, true, TriggerNeeds.None);
                return true;
            }

            return false;
        }

        // "Mr Hague became an MP at 27", "she became chief executive in 2003": an office taken (an elected one: elected).
        // "… made him deputy party leader": an office given to the person named or the pronoun after the verb.
        var office = -1;
        if (word is "made" or "makes" && t + 2 < sentence.EndToken && tokens[t + 1].Text(analysis.Text) is "him" or "her")
        {
            office = OfficeFrom(analysis, sentence, t + 2);
        }
        else if (word is "made" or "makes" && PersonAfter(analysis, t, sentence, inSentence))
        {
            var person = inSentence.First(m => m.Entity.Kind == AnalysedKind.Person && m.Mention.Start > tokens[t].End).Mention;
            office = OfficeFrom(analysis, sentence, FirstTokenFrom(analysis, person.End, sentence));
        }
        else if (word is "became" or "becomes" or "become" && !(t > sentence.FirstToken && tokens[t - 1].Text(analysis.Text) is "to"))
        {
            // Not "… defeated Hillary Clinton to become President": a purpose, and its subject is not the nearest name.
            office = OfficeFrom(analysis, sentence, t + 1);
        }

        if (office >= 0)
        {
            var title = tokens[office].Text(analysis.Text).ToLowerInvariant();
            (type, verb, needs, triggerEnd) = (word.StartsWith("bec", StringComparison.Ordinal) && ElectedOffices.Contains(title) ? EventType.Elect : EventType.Appoint,
                true, TriggerNeeds.None, tokens[office].End);
            return true;
        }

        if (word is "became" or "becomes" or "become")
        {
            return false;
        }

        // "Grammy-winning singer Aguilera", "Oscar-nominated actress Catherine Keener", "his Grand Slam-winning efforts":
        // a prize or a title won, told as an adjective.
        if (IsAwardAdjective(word))
        {
            var original = tokens[t].Text(analysis.Text);
            if (!char.IsUpper(original[0]))
            {
                return false;
            }

            var head = word[..word.LastIndexOf('-')];
            var contest = head is "slam" or "title" or "cup" or "championship" or "league" or "tournament" or "race" || context.Has(ContestWords, t, 2) && !context.Has(AwardWords, t, 2);
            (type, verb, needs) = (contest && word.EndsWith("-winning", StringComparison.Ordinal) ? EventType.MatchResult : EventType.Prize, false, TriggerNeeds.None);
            return true;
        }

        // "Duncan Bell has been added to England's 30-man squad", "Euan Murray has been named in the Scotland training squad",
        // "was recalled to the side": a player picked, told in the passive with the squad named within a few words.
        if (word is "named" or "added" or "recalled" or "drafted" or "called" && t > sentence.FirstToken
            && tokens[t - 1].Text(analysis.Text).ToLowerInvariant() is "been" or "was" or "is" or "were" or "are" or "being"
            && Enumerable.Range(t + 1, 6).Any(k => k < sentence.EndToken && tokens[k].Text(analysis.Text).ToLowerInvariant() is "squad" or "side" or "team" or "xv")
            && Enumerable.Range(t + 1, 2).Any(k => k < sentence.EndToken && tokens[k].Text(analysis.Text).ToLowerInvariant() is "in" or "to" or "into" or "up" or "for"))
        {
            (type, verb, needs) = (EventType.Appoint, true, TriggerNeeds.None);
            return true;
        }

        if (!EventTypes.Triggers.TryGetValue(word, out var found))
        {
            return false;
        }

        (type, verb, needs) = (found.Type, found.Verb, found.Needs);

        // "Morgan Freeman beat actors including Clive Owen to the prize for best supporting actor", "picked up her second Oscar,
        // beating stars including Annette Bening": beating rivals to an award is winning it, no match.
        if (type == EventType.MatchResult && verb && context.Has(AwardWords, t, 30) && !context.Has(ContestWords, t, 10) && !context.HasScore)
        {
            (type, needs) = (EventType.Prize, TriggerNeeds.None);
        }

        // "received a standing ovation", "took the applause": no prize taken.
        if (type == EventType.Prize && verb && ObjectNoun(analysis, t, sentence) is "standing" or "ovation" or "applause" or "praise" or "criticism" or "cheers" or "plaudits" or "acclaim"
            || (type == EventType.Prize && verb && NextWord(analysis, t + 1, sentence) is "a" && NextWord(analysis, t + 2, sentence) is "standing" or "ovation"))
        {
            return false;
        }

        // "quit the Olympics on 18 August": withdrawing from a competition is no resignation.
        if (type == EventType.Resign && word is "quit" or "quits" or "quitting" && Next() == "the"
            && NextWord(analysis, t + 2, sentence) is "olympics" or "games" or "race" or "tournament" or "championship" or "championships" or "competition" or "contest" or "event" or "match" or "tour")
        {
            return false;
        }

        // "Labour's bid for a third term", "a bid to reach the final": an attempt, no offer for a company ("a bid to buy
        // the club" is one).
        if (type == EventType.Bid && !verb
            && ((Next() == "for" && Enumerable.Range(t + 2, 3).Select(k => NextWord(analysis, k, sentence)).SkipWhile(w => w is "a" or "an" or "the" or "their" or "his" or "her" or "its" or "third" or "second" or "fourth" or "fifth" or "new" or "another" or "first")
                    .FirstOrDefault() is "term" or "title" or "seat" or "place" or "power" or "presidency" or "election" or "re-election" or "nomination" or "glory" or "medal" or "record" or "victory" or "win" or "promotion" or "office" or "leadership" or "freedom" or "asylum" or "independence")
                || (Next() == "to" && NextWord(analysis, t + 2, sentence) is not ("buy" or "acquire" or "take" or "purchase" or "merge" or "control"))))
        {
            return false;
        }

        // "all 1,400 tickets sold out", "the tour sells out": a demand met, no business sold.
        if (type == EventType.Sale && Next() == "out")
        {
            return false;
        }

        // "emotionally charged rock", "a highly charged debate": an adjective, no charge brought ("was formally charged with" is one).
        if (word == "charged" && t > sentence.FirstToken && tokens[t - 1].Text(analysis.Text).EndsWith("ly", StringComparison.Ordinal)
            && Next() is not ("with" or "over" or "for" or "by" or "in" or "after" or "on" or "under" or "") && char.IsLetter(Next()[0]))
        {
            return false;
        }

        // "a tough draw", "given tough Sevens draw", "the draw for the quarter-finals": the draw that sets who plays whom, not
        // a drawn match. A match drawn is told by its score or its opponent ("a 1-1 draw", "a goalless draw", "a draw with
        // Leeds", "held to a draw").
        if (word == "draw" && !DrawnMatch(analysis, t, sentence))
        {
            return false;
        }

        // "agreed to buy", "agreed to merge": the verb that follows is the event; the agreement is how it is reported.
        // So is "a deal to buy 26% of Indian firm Hindustan Oil Exploration": the purchase, not an agreement of its own.
        if (word is "agreed" or "agrees" or "agree" or "deal" or "agreement" && Next() == "to" && t + 2 < sentence.EndToken
            && EventTypes.Triggers.TryGetValue(tokens[t + 2].Text(analysis.Text).ToLowerInvariant(), out var agreed) && EventTypes.Class(agreed.Type) != "agreement")
        {
            return false;
        }

        // "90% of the bill was about tightening up the regulation", "complained of misrepresentation over the bill": a bill
        // named is no event; one passed, introduced, backed or defeated is.
        if (type == EventType.Bill && !verb && !context.Has(BillActions, t, 6))
        {
            return false;
        }

        // "agreed that …", "agreed with the critics", "agreed the claims were false": an opinion shared, not an agreement.
        if (word is "agreed" or "agrees" or "agree" && (Next() is "that" or "with" || ClauseFollows(analysis, t, sentence)))
        {
            return false;
        }

        // "suspended a candidate", "suspended the player": a person's job or place is taken away (personnel), not a ban.
        if (word == "suspended" && (PersonAfter(analysis, t, sentence, inSentence) || RoleNounAfter(analysis, t, sentence)))
        {
            (type, needs) = (EventType.Dismiss, TriggerNeeds.None);
        }

        // "named best group", "voted album of the year": a prize when an award is near; else an appointment, a vote.
        if (word is "named" or "voted" && (context.Has(AwardWords, t, 8) || OfTheYearAfter(analysis, t, sentence)))
        {
            (type, needs) = (EventType.Prize, TriggerNeeds.None);
        }

        // "the visiting side", "visiting fans": sport's home and away, not a visit; "when the Irish are visiting," visits
        // no one and nowhere.
        if (word == "visiting" && (t > sentence.FirstToken && tokens[t - 1].Text(analysis.Text).ToLowerInvariant() is "the" or "a"
                                   || Next() is "side" or "team" or "fans" or "supporters" or "players" or "squad" or "club" or "," or "." or ";" or ""))
        {
            return false;
        }

        // "Celtic's Boxing Day meeting with Hearts and their 2 January fixture": in a match report, teams that meet near a
        // fixture or a game play each other; it is no talks.
        if (type == EventType.ConsultOrMeet && word is "meeting" or "meet" or "meets" or "met" && context.SportArticle && context.Has(ContestWords, t, 20))
        {
            return false;
        }

        // "Bartoli retired hurt": out of a match, not a career; "signed up to the service": subscribers, not an agreement;
        // "previous winners of the award include …": a record of the past, not a prize given now.
        if ((word is "retired" or "retires" && Next() is "hurt" or "injured") || (word is "signed" or "sign" or "signs" && Next() == "up")
            || (word is "winners" or "winner" && t > sentence.FirstToken && tokens[t - 1].Text(analysis.Text).ToLowerInvariant() is "previous" or "past" or "former"))
        {
            return false;
        }

        // "Martinez, who ousted seventh-seeded Dechy 6-1 6-2": a player knocked out of a tournament, no office lost.
        if (word == "ousted" && (context.HasScore || context.SportArticle) && !context.Has(Offices, t, 10))
        {
            (type, needs) = (EventType.MatchResult, TriggerNeeds.None);
        }

        // "has been accused of", "Blunkett accused of confusion": the accused is not the accuser, who is named elsewhere if at all.
        if (word == "accused" && (Passive(analysis, t, sentence) || Next() == "of"))
        {
            return false;
        }

        // "attacked the plans" is criticism; "attacked the town" with troops in the sentence, an attack.
        if (word == "attacked" && context.Violent)
        {
            (type, needs) = (EventType.Attack, TriggerNeeds.Violence);
        }

        // "dismissed the claims" rejects something; "was dismissed" or "dismissed the manager" ends a job.
        // "Tony Blair has dismissed reports he told Gordon Brown he would quit": what is dismissed is the claim, whoever it names.
        if (word == "dismissed" && !Passive(analysis, t, sentence) && (!PersonAfter(analysis, t, sentence, inSentence) || Hearsay.Contains(ObjectNoun(analysis, t, sentence))))
        {
            (type, needs) = (EventType.Reject, TriggerNeeds.None);
        }

        // "Sideways tells the story of two men who take a road trip": what happens in a film or a book's story did not happen.
        if (Plot(context, t))
        {
            return false;
        }

        // "to demand a ceasefire", "push for a truce": a goal someone seeks, not something that happened.
        if (!verb && Sought(analysis, t, sentence))
        {
            return false;
        }

        if (word == "mission" && Next() != "to" && !(t + 2 < sentence.EndToken && tokens[t + 2].Text(analysis.Text) == "to"))
        {
            return false;
        }

        // "the banned steroid THG", "a banned substance": an adjective before a noun describes a thing, no ban happened here.
        if (word is "banned" or "suspended" or "barred" && t > sentence.FirstToken && tokens[t - 1].Text(analysis.Text).ToLowerInvariant() is "the" or "a" or "an"
            && t + 1 < sentence.EndToken && tokens[t + 1].Kind == TokenKind.Word && char.IsLower(tokens[t + 1].Text(analysis.Text)[0]))
        {
            return false;
        }

        // "the bid by Associated Press … to have jurors' responses made public", "in a bid to win": an attempt, not an
        // offer for a company, unless what is attempted is a purchase.
        if (word == "bid" && AttemptTo(analysis, t, sentence))
        {
            return false;
        }

        // "dropped their appeal against his red card": a challenge to a decision, not a call on someone.
        if (word is "appeal" or "appealed" && Next() is "against" or "over")
        {
            return false;
        }

        return Satisfied(analysis, context, t, sentence, inSentence, needs);
    }

    /// <summary>A country right before a lower-case noun it qualifies ("US rate rises", "UK officials").</summary>
    private static bool ModifiesNoun(ArticleAnalysis analysis, Mention mention, Sentence sentence)
    {
        var tokens = analysis.Tokens.Tokens;
        var next = FirstTokenFrom(analysis, mention.End, sentence);
        if (next >= sentence.EndToken || tokens[next].Start != mention.End + 1 || tokens[next].Kind != TokenKind.Word)
        {
            return false;
        }

        return Descriptions.IsDescribingNoun(tokens[next].Text(analysis.Text));
    }

    /// <summary>Verbs of buying after "bid … to": the bid is an offer for a company after all ("a bid to buy Glazer's stake").</summary>
    private static readonly HashSet<string> PurchaseVerbs = new(StringComparer.Ordinal) { "buy", "acquire", "purchase", "take", "merge" };

    /// <summary>"bid … to VERB" within the clause, the verb not one of buying: an attempt.</summary>
    private static bool AttemptTo(ArticleAnalysis analysis, int t, Sentence sentence)
    {
        var tokens = analysis.Tokens.Tokens;
        for (var k = t + 1; k + 1 < sentence.EndToken && k <= t + 10; k++)
        {
            var w = tokens[k].Text(analysis.Text);
            if (w is "," or ";" or ":" or "." or "for")
            {
                return false;
            }

            if (w == "to")
            {
                var next = tokens[k + 1].Text(analysis.Text);
                return char.IsLower(next[0]) && !PurchaseVerbs.Contains(next) && next is not ("the" or "a" or "an");
            }
        }

        return false;
    }

    /// <summary>Words that give what helped a figure: "boosted by", "driven by", "helped by" (with "thanks to", "due to").</summary>
    private static readonly HashSet<string> CauseVerbs = new(StringComparer.Ordinal)
    {
        "boosted", "driven", "helped", "lifted", "fuelled", "fueled", "buoyed", "underpinned",
    };

    /// <summary>
    /// Is the figure noun at <paramref name="t"/> inside a phrase of cause ("boosted by firming sugar prices and sales",
    /// "thanks to higher sales"), within six words of its opening?
    /// </summary>
    private static bool CauseOfAnother(ArticleAnalysis analysis, int t, Sentence sentence)
    {
        var tokens = analysis.Tokens.Tokens;
        string Word(int k) => tokens[k].Text(analysis.Text).ToLowerInvariant();
        for (var k = t - 1; k > sentence.FirstToken && k >= t - 6; k--)
        {
            var word = Word(k);
            if (word is "," or ";" or ":" or "." or "while" or "but")
            {
                return false;
            }

            if ((word == "by" && CauseVerbs.Contains(Word(k - 1))) || (word == "to" && Word(k - 1) is "thanks" or "due" or "owing")
                || (word == "of" && Word(k - 1) == "because"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What is done to a bill that makes it news.</summary>
    private static readonly HashSet<string> BillActions = new(StringComparer.Ordinal)
    {
        "passed", "passes", "approved", "approves", "introduced", "introduces", "unveiled", "published", "backed", "backs", "rejected",
        "defeated", "cleared", "voted", "vote", "signed", "enacted", "amended", "reading", "royal", "assent", "law", "overturned", "blocked",
        "thrown", "launched", "tabled", "dropped", "scrapped", "withdrawn",
    };

    /// <summary>Nouns of what is said rather than done: "dismissed reports he would quit", "Blair dismisses quit claim report".</summary>
    private static readonly HashSet<string> Hearsay = new(StringComparer.Ordinal)
    {
        "claim", "claims", "report", "reports", "rumour", "rumours", "rumor", "rumors", "speculation", "suggestion", "suggestions",
        "allegation", "allegations", "talk", "fears", "story", "stories",
    };

    /// <summary>The lower-case word at token <paramref name="k"/> when it lies in the sentence, else "".</summary>
    private static string NextWord(ArticleAnalysis analysis, int k, Sentence sentence) =>
        k < sentence.EndToken ? analysis.Tokens.Tokens[k].Text(analysis.Text).ToLowerInvariant() : "";

    /// <summary>The word after the verb at <paramref name="t"/>, past a determiner ("dismissed the claims": "claims").</summary>
    private static string ObjectNoun(ArticleAnalysis analysis, int t, Sentence sentence) =>
        NextWord(analysis, t + 1, sentence) is "the" or "these" or "those" or "such" ? NextWord(analysis, t + 2, sentence) : NextWord(analysis, t + 1, sentence);

    /// <summary>Words right before "draw" that make it a match drawn (a score is read by <see cref="ScoreLike"/>): the kind of draw a match ends in.</summary>
    private static readonly HashSet<string> DrawnBefore = new(StringComparer.Ordinal)
    {
        "goalless", "scoreless", "score", "creditable", "battling", "hard-fought", "dramatic", "late", "home", "away",
    };

    /// <summary>"a 1-1 draw", "a goalless draw", "a draw with Leeds", "a draw against Wales", "held to a draw", "ended in a draw".</summary>
    private static bool DrawnMatch(ArticleAnalysis analysis, int t, Sentence sentence)
    {
        var tokens = analysis.Tokens.Tokens;
        string At(int k) => k >= sentence.FirstToken && k < sentence.EndToken ? tokens[k].Text(analysis.Text).ToLowerInvariant() : "";
        var before = At(t - 1);
        return DrawnBefore.Contains(before) || ScoreLike().IsMatch(before) || At(t + 1) is "with" or "against" or "at"
               || (before is "a" && At(t - 2) is "to" or "in" && At(t - 3) is "held" or "ended" or "ends" or "finished" or "settled" or "hold");
    }

    [GeneratedRegex(@"^\d{1,3}-\d{1,3}$")]
    private static partial Regex ScoreLike();

    /// <summary>Whether the sentence gives a trigger what it needs (<see cref="TriggerNeeds"/>).</summary>
    private static bool Satisfied(ArticleAnalysis analysis, SentenceContext context, int t, Sentence sentence, List<(Mention Mention, AnalysedEntity Entity)> inSentence, TriggerNeeds needs)
    {
        bool Needs(TriggerNeeds need) => (needs & need) != 0;
        var tokens = analysis.Tokens.Tokens;
        var organisationNear = inSentence.Any(m => m.Entity.Kind == AnalysedKind.Organisation && Math.Abs(tokens.IndexAt(m.Mention.Start) - t) <= 10);
        return (!Needs(TriggerNeeds.Violence) || context.Violent)
            && (!Needs(TriggerNeeds.Figure) || context.HasFigure)
            && (!Needs(TriggerNeeds.Business) || organisationNear || context.Has(BusinessWords, t, 8))
            && (!Needs(TriggerNeeds.Award) || context.Has(AwardWords, t, 8))
            && (!Needs(TriggerNeeds.Contest) || context.Has(ContestWords, t, 10) || context.HasScore || context.SportArticle)
            && (!Needs(TriggerNeeds.ProtestContext) || context.Has(ProtestWords, t, 12))
            && (!Needs(TriggerNeeds.Work) || context.Has(WorkWords, t, 8))
            && (!Needs(TriggerNeeds.Court) || context.Has(CourtWords, t, 20))
            && (!Needs(TriggerNeeds.Legislature) || context.Has(LegislatureWords, t, 12))
            && (!Needs(TriggerNeeds.PersonPatient) || Passive(analysis, t, sentence) || PersonAfter(analysis, t, sentence, inSentence))
            && (!Needs(TriggerNeeds.Office) || context.Has(Offices, t, 10, after: true) || HiredPerson(analysis, t, sentence, inSentence))
            && (!Needs(TriggerNeeds.Product) || context.Has(ProductWords, t, 8))
            && (!Needs(TriggerNeeds.Change) || (context.Has(ChangeWords, t, 10) && (context.HasFigure || context.Has(Movements, t, 4, after: true)))
                || (context.HasFigure && MovesAfterApposition(analysis, t, sentence))
                || (MovementNouns.Contains(analysis.Tokens.Tokens[t].Text(analysis.Text).ToLowerInvariant()) && context.FigureInClause(t, 6))
                || OwnedFigureMoves(analysis, t, sentence) || CountHeld(analysis, t, sentence) || FigureMade(analysis, t, sentence));
    }

    /// <summary>
    /// "Shares in Solidere, the Lebanese company founded by Rafik Hariri, fell 15%": a figure noun whose owner an apposition
    /// describes moves in the verb right after the apposition's closing comma.
    /// </summary>
    private static bool MovesAfterApposition(ArticleAnalysis analysis, int t, Sentence sentence)
    {
        var tokens = analysis.Tokens.Tokens;
        string Word(int k) => k < sentence.EndToken ? tokens[k].Text(analysis.Text).ToLowerInvariant() : "";
        var open = Enumerable.Range(t + 1, 4).FirstOrDefault(k => Word(k) == ",", -1);
        if (open < 0 || Enumerable.Range(t + 1, open - t - 1).Any(k => Word(k) is "and" or "but" or "which" or "who" or "that"))
        {
            return false;
        }

        var close = Enumerable.Range(open + 1, 16).FirstOrDefault(k => Word(k) is "," or ";" or "." or "", -1);
        return close > 0 && Word(close) == "," && Movements.Contains(Word(close + 1));
    }

    /// <summary>Figure nouns of people a service counts: "now has 28 million users", "has attracted 940,000 subscribers".</summary>
    private static readonly HashSet<string> CountedNouns = new(StringComparer.Ordinal) { "users", "subscribers" };

    /// <summary>Verbs of holding or gaining a count: "has", "attracted", "signed up".</summary>
    private static readonly HashSet<string> HoldingVerbs = new(StringComparer.Ordinal)
    {
        "has", "have", "had", "attracted", "boasts", "signed", "gained", "added", "reached", "won",
    };

    /// <summary>
    /// "The system now has 28 million users around the world", "has so far attracted 940,000 users": a count of users or
    /// subscribers right after a verb of holding or gaining them is a figure (a number within three words before the
    /// noun, the verb within four before the number).
    /// </summary>
    private static bool CountHeld(ArticleAnalysis analysis, int t, Sentence sentence)
    {
        var tokens = analysis.Tokens.Tokens;
        string Word(int k) => tokens[k].Text(analysis.Text);
        if (!CountedNouns.Contains(Word(t)))
        {
            return false;
        }

        for (var k = t - 1; k >= Math.Max(sentence.FirstToken, t - 3); k--)
        {
            if (tokens[k].Kind == TokenKind.Number || Word(k).Any(char.IsDigit))
            {
                return Enumerable.Range(Math.Max(sentence.FirstToken, k - 4), k - Math.Max(sentence.FirstToken, k - 4)).Any(v => HoldingVerbs.Contains(Word(v)));
            }
        }

        return false;
    }

    /// <summary>Verbs that make or hold a figure: "made a profit of $901m", "had sales of $5.2bn".</summary>
    private static readonly HashSet<string> MakingVerbs = new(StringComparer.Ordinal)
    {
        "made", "makes", "had", "has", "recorded", "records", "booked", "generated", "generates", "achieved", "delivered", "returned",
    };

    /// <summary>
    /// "Travelers had sales of $5.2bn in 2004 and made a profit of $901m": a figure noun right after a verb of making or
    /// holding it (an article or "net"/"pre-tax" between), then "of" and an amount.
    /// </summary>
    private static bool FigureMade(ArticleAnalysis analysis, int t, Sentence sentence)
    {
        var tokens = analysis.Tokens.Tokens;
        string Word(int k) => tokens[k].Text(analysis.Text);
        if (t + 2 >= sentence.EndToken || Word(t + 1) != "of" || !(tokens[t + 2].Kind == TokenKind.Number || Word(t + 2).Any(char.IsDigit) || Word(t + 2) is "$" or "£" or "€"))
        {
            return false;
        }

        for (var k = t - 1; k >= Math.Max(sentence.FirstToken, t - 4); k--)
        {
            var word = Word(k).ToLowerInvariant();
            if (MakingVerbs.Contains(word))
            {
                return true;
            }

            if (word is not ("a" or "an" or "net" or "pre-tax" or "annual" or "operating" or "record" or "total" or "gross"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// "Shares in UK drinks firm Allied Domecq have risen", "Profits at the Dutch brewer Heineken fell": a figure noun, its
    /// owner after "in", "at" or "of", then the figure's movement as the clause's verb (within twelve words, no
    /// punctuation between).
    /// </summary>
    private static bool OwnedFigureMoves(ArticleAnalysis analysis, int t, Sentence sentence)
    {
        var tokens = analysis.Tokens.Tokens;
        var text = analysis.Text;
        if (t + 2 >= sentence.EndToken || tokens[t + 1].Text(text) is not ("in" or "at" or "of"))
        {
            return false;
        }

        for (var k = t + 2; k < Math.Min(sentence.EndToken, t + 13); k++)
        {
            var word = tokens[k].Text(text);
            if (tokens[k].Kind != TokenKind.Word && word is not ("'s" or "’s" or "&" or "-"))
            {
                return false;
            }

            if (Movements.Contains(word) && word is not ("up" or "down" or "higher" or "lower" or "record" or "unchanged"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Japan's best-known businessmen": the mention is a possessor ("'s" right after it).</summary>
    private static bool Possessive(ArticleAnalysis analysis, Mention mention) =>
        analysis.Text.AsSpan(mention.End).StartsWith("'s", StringComparison.Ordinal) || analysis.Text.AsSpan(mention.End).StartsWith("’s", StringComparison.Ordinal);

    /// <summary>Only a verb group ("has been", "was later", "were", after a comma) between an offset and token <paramref name="trigger"/>.</summary>
    private static bool VerbGroupBetween(ArticleAnalysis analysis, int offset, int trigger, Sentence sentence)
    {
        var tokens = analysis.Tokens.Tokens;
        var k = FirstTokenFrom(analysis, offset, sentence);
        if (k >= trigger)
        {
            return false;
        }

        for (; k < trigger; k++)
        {
            var word = tokens[k].Text(analysis.Text).ToLowerInvariant();
            // (A comma closes an apposition: "The Californian man, Nicholas Lee Jacobsen, was arrested".)
            if (!VerbGroupWords.Contains(word) && word is not ("be" or "being" or "got" or ",") && !(word.Length > 4 && word.EndsWith("ly", StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"the leader of the British National Party", "the head of Boeing": a name right after "of" (and "the") an office's noun.</summary>
    private static bool OfAnOffice(ArticleAnalysis analysis, Mention mention, Sentence sentence)
    {
        var tokens = analysis.Tokens.Tokens;
        var k = tokens.IndexAt(mention.Start) - 1;
        string At(int i) => i >= sentence.FirstToken && i < sentence.EndToken ? tokens[i].Text(analysis.Text).ToLowerInvariant() : "";
        if (At(k) == "the")
        {
            k--;
        }

        return At(k) == "of" && Descriptions.IsRoleNoun(At(k - 1));
    }

    /// <summary>"was sacked", "has been appointed": the trigger is a passive participle.</summary>
    private static bool Passive(ArticleAnalysis analysis, int t, Sentence sentence)
    {
        var tokens = analysis.Tokens.Tokens;
        for (var k = t - 1; k >= Math.Max(sentence.FirstToken, t - 3); k--)
        {
            if (tokens[k].Text(analysis.Text).ToLowerInvariant() is "was" or "were" or "been" or "being" or "is" or "are" or "be" or "got")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Ann Kite was hired by Michael Jackson's team", "Smith has been appointed": a person taken on, the passive's named
    /// subject, is an appointment without an office's name ("named" is left out: "was named after his grandfather").
    /// </summary>
    private static bool HiredPerson(ArticleAnalysis analysis, int t, Sentence sentence, List<(Mention Mention, AnalysedEntity Entity)> inSentence)
    {
        var tokens = analysis.Tokens.Tokens;
        if (tokens[t].Text(analysis.Text).ToLowerInvariant() is not ("hired" or "recruited" or "appointed") || !Passive(analysis, t, sentence))
        {
            return false;
        }

        var auxiliary = t - 1;
        while (auxiliary > sentence.FirstToken && tokens[auxiliary - 1].Text(analysis.Text).ToLowerInvariant() is "was" or "were" or "been" or "has" or "have" or "had" or "is" or "are" or "be")
        {
            auxiliary--;
        }

        return auxiliary > sentence.FirstToken
               && inSentence.Any(m => m.Entity.Kind == AnalysedKind.Person && m.Mention.End <= tokens[auxiliary].Start && tokens.IndexAt(m.Mention.End - 1) == auxiliary - 1);
    }

    /// <summary>A person named right after the trigger ("sacked manager Jose Mourinho").</summary>
    private static bool PersonAfter(ArticleAnalysis analysis, int t, Sentence sentence, List<(Mention Mention, AnalysedEntity Entity)> inSentence)
    {
        var tokens = analysis.Tokens.Tokens;
        var limit = t + 4 < sentence.EndToken ? tokens[t + 4].End : tokens[sentence.EndToken - 1].End;
        return inSentence.Any(m => m.Entity.Kind == AnalysedKind.Person && m.Mention.Start > tokens[t].End && m.Mention.Start <= limit);
    }

    private static readonly HashSet<string> ViolenceWords = new(StringComparer.Ordinal)
    {
        "killed", "killing", "dead", "died", "death", "deaths", "wounded", "injured", "bomb", "bombs", "bombing", "bombed", "explosion", "explosions", "blast",
        "gun", "guns", "gunmen", "gunman", "gunfire", "shot", "shooting", "shells", "shelling", "troops", "soldiers", "soldier", "army", "military", "militants",
        "militant", "insurgents", "insurgent", "rebels", "rebel", "airstrike", "airstrikes", "missile", "missiles", "rocket", "rockets", "artillery",
        "casualties", "civilians", "fighters", "terrorist", "terrorists", "terror", "weapons", "armed", "hostages", "suicide", "tanks", "grenade", "massacre",
    };

    private static readonly HashSet<string> BusinessWords = new(StringComparer.Ordinal)
    {
        "stake", "stakes", "shares", "shareholders", "firm", "firms", "company", "companies", "group", "business", "businesses", "chain", "maker",
        "operator", "unit", "division", "rights", "brand", "rival", "bank", "airline", "carrier", "network", "retailer", "brewer", "producer",
        "supplier", "plc", "takeover", "bid", "deal", "subsidiary", "assets", "arm", "giant", "conglomerate", "investor", "investors", "acquisition",
    };

    /// <summary>Data a body releases: the source of figures, not a work.</summary>
    private static readonly HashSet<string> DataWords = new(StringComparer.Ordinal) { "figures", "data", "statistics", "results", "findings", "numbers" };

    /// <summary>What a player wins in the course of a match: "won a line-out", "won a penalty".</summary>
    private static readonly HashSet<string> PlayNouns = new(StringComparer.Ordinal)
    {
        "turnover", "turnovers", "line-out", "line-outs", "lineout", "lineouts", "penalty", "penalties", "scrum", "scrums", "free-kick", "free-kicks",
        "corner", "corners", "toss", "possession", "ball", "header", "headers", "tackle", "tackles", "serve", "rebound", "rebounds",
    };

    private static readonly HashSet<string> AwardWords = new(StringComparer.Ordinal)
    {
        "award", "awards", "prize", "prizes", "oscar", "oscars", "bafta", "baftas", "grammy", "grammys", "emmy", "emmys", "globe", "globes", "medal",
        "medals", "trophy", "honour", "honor", "accolade", "nomination", "nominations", "nominated", "gong", "statuette", "brit", "brits", "mobo", "mobos",
        "best", "winner", "winners", "category", "categories", "honours", "honors", "ceremony", "nominee", "nominees", "shortlist", "shortlisted",
    };

    /// <summary>
    /// An award's word ahead of "up for" (within four words: "the best director award") or "up against" (anywhere in the
    /// sentence, but "best" alone is not enough there).
    /// </summary>
    private static bool UpForAward(ArticleAnalysis analysis, int from, Sentence sentence, bool upFor)
    {
        var tokens = analysis.Tokens.Tokens;
        var end = upFor ? Math.Min(sentence.EndToken, from + 4) : sentence.EndToken;
        for (var k = from; k < end; k++)
        {
            var next = tokens[k].Text(analysis.Text).ToLowerInvariant();
            if (AwardWords.Contains(next) && (upFor || next != "best"))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly HashSet<string> ContestWords = new(StringComparer.Ordinal)
    {
        "match", "matches", "game", "games", "final", "semi-final", "semi-finals", "quarter-final", "tie", "race", "cup", "league", "championship",
        "championships", "tournament", "title", "set", "sets", "round", "points", "goal", "goals", "try", "tries", "season", "derby", "fixture",
        "open", "slam", "contest", "event", "bout", "heat", "leg", "innings", "wickets", "runs", "victory", "defeat", "win",
    };

    private static readonly HashSet<string> ProtestWords = new(StringComparer.Ordinal)
    {
        "protest", "protests", "protesters", "protestors", "demonstrators", "demonstration", "against", "streets", "march", "marchers", "striking",
        "strikers", "union", "unions", "campaigners", "activists", "placards", "rally", "picket", "walkout", "boycott",
    };

    private static readonly HashSet<string> WorkWords = new(StringComparer.Ordinal)
    {
        "album", "albums", "film", "films", "movie", "movies", "single", "singles", "record", "records", "dvd", "dvds", "game", "games", "book",
        "books", "novel", "report", "reports", "survey", "study", "figures", "results", "version", "software", "trailer", "video", "series", "track",
        "song", "songs", "paper", "findings", "data", "statistics", "ep", "soundtrack", "memoir", "autobiography", "biography", "console", "handset",
    };

    private static readonly HashSet<string> CourtWords = new(StringComparer.Ordinal)
    {
        "court", "courts", "judge", "judges", "jury", "tribunal", "magistrates", "regulator", "watchdog", "commission", "appeal", "prosecutors",
        "prosecution", "hearing", "lawyers", "defendant", "accused", "guilty", "charges", "charged", "murder", "fraud", "case",
    };

    private static readonly HashSet<string> LegislatureWords = new(StringComparer.Ordinal)
    {
        "mps", "parliament", "commons", "lords", "senate", "congress", "assembly", "bill", "law", "laws", "legislation", "vote", "peers", "lawmakers",
        "legislators", "cabinet", "referendum", "ministers", "council", "members", "parliamentary", "delegates", "shareholders",
    };

    private static readonly HashSet<string> ProductWords = new(StringComparer.Ordinal)
    {
        "phone", "phones", "handset", "handsets", "console", "consoles", "service", "services", "model", "models", "car", "cars", "drug", "drugs",
        "version", "device", "devices", "software", "website", "site", "channel", "player", "players", "format", "range", "product", "products",
        "system", "browser", "camera", "laptop", "computer", "chip", "chips", "game", "games", "network", "player", "dvd", "dvds", "disc", "discs", "tv",
        "television", "brand", "edition", "search", "engine", "tool", "application", "app", "magazine", "newspaper", "station",
    };

    private static readonly HashSet<string> ChangeWords = new(StringComparer.Ordinal)
    {
        "rose", "rise", "risen", "rising", "rises", "fell", "fall", "fallen", "falling", "falls", "grew", "grow", "grown", "growing", "grows",
        "increased", "increase", "increases", "decreased", "decrease", "dropped", "drop", "slipped", "jumped", "jump", "slowed", "slowing", "climbed",
        "slumped", "doubled", "halved", "surged", "soared", "plunged", "declined", "decline", "up", "down", "higher", "lower", "reported", "posted",
        "hit", "reached", "record", "contracted", "shrank", "expanded", "improved", "worsened", "boosted", "cut", "lifted", "eased", "stood", "teetered",
        "stuck", "unchanged", "shrinking", "contracting", "lost", "gained",
    };

    /// <summary>
    /// The words of <see cref="ChangeWords"/> that state a movement without a figure ("sales rose", "profits fell"); "were
    /// hit by costs", "reported", "cut" say nothing of how a figure moved unless one is given.
    /// </summary>
    private static readonly HashSet<string> Movements = ChangeWords.Except(["hit", "reported", "posted", "reached", "record", "stood", "cut", "boosted", "lifted"]).ToHashSet(StringComparer.Ordinal);

    /// <summary>Offices that voters fill: becoming one is an election.</summary>
    private static readonly HashSet<string> ElectedOffices = new(StringComparer.Ordinal)
    {
        "mp", "mep", "msp", "senator", "congressman", "congresswoman", "mayor", "councillor", "president", "governor",
    };

    /// <summary>Figures that are movements themselves: "growth of just 0.1%", "a similar-sized contraction" need only a figure.</summary>
    private static readonly HashSet<string> MovementNouns = new(StringComparer.Ordinal) { "growth", "contraction" };

    private static readonly HashSet<string> Offices = new(StringComparer.Ordinal)
    {
        "as", "chief", "head", "boss", "manager", "coach", "director", "chairman", "chairwoman", "chair", "president", "captain", "executive",
        "editor", "leader", "secretary", "minister", "ambassador", "governor", "officer", "adviser", "advisor", "spokesman", "successor", "replace",
        "post", "job", "role", "position", "presenter", "host", "judge", "commissioner", "chancellor", "envoy", "vice-president", "deputy",
    };

    /// <summary>What a sentence holds, read once for all its triggers: its words, violence, figures, a score.</summary>
    private sealed class SentenceContext
    {
        private readonly string[] _words;
        private readonly int _first;

        public SentenceContext(ArticleAnalysis analysis, Sentence sentence)
        {
            var tokens = analysis.Tokens.Tokens;
            _first = sentence.FirstToken;
            _words = Enumerable.Range(sentence.FirstToken, sentence.TokenCount).Select(t => tokens[t].Text(analysis.Text).ToLowerInvariant()).ToArray();
            Violent = _words.Any(ViolenceWords.Contains);
            HasFigure = _words.Any(w => w.Any(char.IsDigit) || w is "%" or "percent" or "£" or "$" or "€" or "bn" or "billion" or "million" or "m" or "half" or "third" or "doubled" or "tripled");
            HasScore = _words.Any(w => w.Length >= 3 && w.Contains('-') && w.Split('-') is [var a, var b] && a.All(char.IsDigit) && b.All(char.IsDigit) && a.Length > 0 && b.Length > 0);
        }

        public bool Violent { get; }

        public bool HasFigure { get; }

        public bool HasScore { get; }

        /// <summary>Is the article a match report (<see cref="NameTypes.SportArticle"/>)?</summary>
        public bool SportArticle { get; init; }

        /// <summary>One of <paramref name="words"/> within <paramref name="window"/> tokens of token <paramref name="t"/> (after it only, with <paramref name="after"/>).</summary>
        public bool Has(HashSet<string> words, int t, int window, bool after = false)
        {
            var at = t - _first;
            for (var k = Math.Max(0, after ? at + 1 : at - window); k <= Math.Min(_words.Length - 1, at + window); k++)
            {
                if (k != at && words.Contains(_words[k]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A figure within <paramref name="window"/> words of token <paramref name="t"/>, in its clause: "growth of 0.4%",
        /// "0.4% growth" (not "despite strong growth, rates will stay on hold at 4.75%").
        /// </summary>
        public bool FigureInClause(int t, int window)
        {
            var at = t - _first;
            foreach (var step in new[] { -1, 1 })
            {
                for (var k = at + step; k >= 0 && k < _words.Length && Math.Abs(k - at) <= window; k += step)
                {
                    var word = _words[k];
                    if (word is "," or ";" or ":" or "but" or "while")
                    {
                        break;
                    }

                    if (word.Any(char.IsDigit) || word is "%" or "percent" or "£" or "$" or "€" or "bn" or "billion" or "million" or "half" or "third" or "doubled" or "tripled")
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// A modal or a verb of expecting between token <paramref name="t"/> and the first word of movement after it,
        /// within its clause and seven words: "prices could fall", "sales are expected to rise", "prices were overvalued and
        /// could fall" (not "sales to China rose").
        /// </summary>
        public bool ModalBeforeMovement(int t)
        {
            for (var k = t - _first + 1; k < Math.Min(_words.Length, t - _first + 8); k++)
            {
                var word = _words[k];
                if (ChangeWords.Contains(word) || word is "," or ";" or ":" or "but")
                {
                    return false;
                }

                if (word is "will" or "would" or "could" or "may" or "might" or "should" or "expected" or "set" or "likely" or "forecast" or "predicted" or "'ll" or "’ll")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The words just before token <paramref name="t"/>, nearest first.</summary>
        public IEnumerable<string> Before(int t, int count)
        {
            for (var k = t - _first - 1; k >= Math.Max(0, t - _first - count); k--)
            {
                yield return _words[k];
            }
        }
    }

    /// <summary>Does the trigger tell a story's plot: after "the story of", "the tale of", "a film about" in its sentence?</summary>
    private static bool Plot(SentenceContext context, int t)
    {
        var previous = "";
        foreach (var word in context.Before(t, 14))
        {
            if ((word is "story" or "tale" or "stories" or "tales" && previous == "of")
                || (word is "film" or "movie" or "novel" or "book" or "play" or "drama" or "documentary" && previous == "about"))
            {
                return true;
            }

            previous = word;
        }

        return false;
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

    private static AnalysedEvent? Build(ArticleAnalysis analysis, ArticleIndex index, SentenceContext context, Sentence sentence, int s, int trigger, int triggerEnd,
        EventType type, bool verb, TriggerNeeds needs, List<(Mention Mention, AnalysedEntity Entity)> inSentence)
    {
        var text = analysis.Text;
        var tokens = analysis.Tokens.Tokens;
        var triggerStart = tokens[trigger].Start;

        // Names that qualify a title ("U.S." in "U.S. Secretary of State Antony Blinken") are affiliations, not actors.
        // A medium the sentence cites ("reported by Reuters", "told the BBC", "according to AP") reports the event and
        // takes no part in it.
        var roleSpans = index.RoleSpans[s].ToList();
        // The body that releases figures is their source, not their owner ("Figures released by the Cabinet Office showed
        // that GDP fell"); a player whose scores sealed a victory is no party to it ("late scores from Hayes and Duffy sealed
        // victory").
        var candidates = inSentence.Where(m => (m.Entity.Kind == AnalysedKind.Person || !roleSpans.Any(r => m.Mention.Start >= r.Start && m.Mention.End <= r.End))
            && !(m.Entity.Kind == AnalysedKind.Organisation && (CitedSource(analysis, m.Mention, sentence) || PhotoCredit(m.Entity.Name)))
            && !(type == EventType.EconomicFigure && m.Entity.Kind == AnalysedKind.Organisation && ReleasedBy(analysis, m.Mention, sentence))
            && !(type == EventType.MatchResult && ScoredBy(analysis, m.Mention, sentence))).ToList();

        // Places: after "in"/"at", after "to" (and right after the verb) for visits and attacks, and places listed with those.
        var places = new List<(Mention Mention, AnalysedEntity Entity)>();
        foreach (var m in candidates.Where(m => m.Entity.Kind == AnalysedKind.Place))
        {
            var before = PreviousWord(analysis, m.Mention.Start, sentence);
            var goesTo = type is EventType.Visit or EventType.Attack;
            if (before == "the")
            {
                // "trip to the Middle East": the word before the article.
                var article = analysis.Text.LastIndexOf("the", m.Mention.Start, StringComparison.OrdinalIgnoreCase);
                before = article > 0 ? PreviousWord(analysis, article, sentence) : before;
            }

            // "the band's tour of the UK", "a three-day visit of Japan": where a visit goes, not who visits.
            if (before is "in" or "at" or "near" || (goesTo && before is "to" or "into") || (type == EventType.Visit && before == "of")
                || (type == EventType.Visit && m.Mention.Start >= triggerEnd && text[triggerEnd..m.Mention.Start].Trim().Length == 0)
                || (before is "and" or "," && places.Count > 0 && places[^1].Mention.End >= m.Mention.Start - 6))
            {
                places.Add(m);
            }
        }

        // Actors are people, organisations, and places only when they are states acting ("France vetoed"); a city or a
        // region never acts ("Beijing visits the region", "Iran and Tehran"), and no place launches, releases or
        // publishes anything ("went on sale in Japan").
        var releases = type is EventType.ProductLaunch or EventType.MediaRelease or EventType.Publication;
        // "The US giant", "the German carmaker": a state that qualifies a company's noun is the company's country, not an actor;
        // nor is a person's nationality ("defeated Austria's Lena Brandt", "Ilse Verhoeven of Belgium"), nor the body that gives a
        // prize ("wins top female MTV prize"), nor the club of a player's noun ("The Glasgow forward's ban": the player's).
        var actors = candidates.Where(m => !places.Contains(m) && (m.Entity.Kind != AnalysedKind.Place
                                                                   || (!releases && PlaceNames.IsState(m.Entity.Name) && !Qualifies(analysis, m.Mention, sentence, OrganisationNouns)
                                                                       && !Nationality(analysis, m.Mention.Start, m.Entity)))
                                                                   && !(type == EventType.Prize && AwardGiver(analysis, m.Mention))
                                                                   && !(m.Entity.Kind == AnalysedKind.Organisation && Qualifies(analysis, m.Mention, sentence, Descriptions.PlayerNouns))).ToList();
        var ev = new AnalysedEvent { Type = type };

        // The subject: the nearest name before the trigger in its clause, with names coordinated to it
        // ("Antony Blinken and Israeli Foreign Minister Yair Lapid met"); else a pronoun or an office ("the top US diplomat").
        // In a passive the subject undergoes the event, and a name after "of" an office's noun is whose office it is:
        // "The leader of the British National Party has been arrested" arrests no party.
        var passive = verb && Passive(analysis, trigger, sentence);
        if (passive)
        {
            actors.RemoveAll(m => m.Mention.End <= triggerStart && m.Entity.Kind != AnalysedKind.Person
                                  && (OfAnOffice(analysis, m.Mention, sentence) || (m.Entity.Kind == AnalysedKind.Place && Possessive(analysis, m.Mention))));
        }

        var preceding = actors.Where(m => m.Mention.End <= triggerStart).ToList();
        var subject = preceding.Where(m => !ClauseBetween(analysis, m.Mention.End, triggerStart, sentence)).ToList();
        if (subject.Count == 0 && verb && SubjectAcrossApposition(analysis, preceding, sentence, trigger) is { } opening)
        {
            subject.Add(opening);
        }

        // "Hantuchova moved into the quarter-finals, after beating Likhotseva": the subject of a clause of "after", "before" or
        // "by" and a verb in -ing is the sentence's own, the name that opens it.
        if (subject.Count == 0 && verb && preceding.Count > 0 && trigger > sentence.FirstToken
            && analysis.Tokens.Tokens[trigger].Text(text).EndsWith("ing", StringComparison.Ordinal)
            && analysis.Tokens.Tokens[trigger - 1].Text(text).ToLowerInvariant() is "after" or "before" or "by" or "since" or "while" or "despite"
            && preceding[0].Mention.Start <= analysis.Tokens.Tokens[Math.Min(sentence.FirstToken + 2, sentence.EndToken - 1)].Start)
        {
            subject.Add(preceding[0]);
        }

        // "The top US diplomat will meet": "US" qualifies the office; the office is the subject.
        if (subject.Count > 0 && subject[^1].Entity.Kind != AnalysedKind.Person
            && text[subject[^1].Mention.End..triggerStart].Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(Descriptions.IsRoleNoun)
            && DescribedSubject(analysis, index, sentence, trigger) is { } office)
        {
            subject.Clear();
            ev.Participants.Add(new AnalysedParticipant(office, EventRole.Actor1));
        }

        if (subject.Count > 0)
        {
            var nearest = subject[^1];
            var coordinated = new List<(Mention Mention, AnalysedEntity Entity)> { nearest };
            var listed = false;
            for (var k = preceding.IndexOf(nearest) - 1; k >= 0; k--)
            {
                var between = text[preceding[k].Mention.End..coordinated[0].Mention.Start];
                var juxtaposed = between.Trim().Length == 0 && preceding[k].Entity.Kind == AnalysedKind.Person && coordinated[0].Entity.Kind == AnalysedKind.Person;

                // "Egypt, Qatar and Hamas": a comma joins the list that an "and" closes.
                var listComma = listed && between.Trim() == ",";
                if (!juxtaposed && !listComma && !IsCoordination(between))
                {
                    break;
                }

                listed |= IsCoordination(between);
                coordinated.Insert(0, preceding[k]);
            }

            // Names coordinated as the subject of a directed event are on one side: "Sony and Philips bought" is no purchase of
            // Philips, "Hayes and Duffy sealed victory" no match between them (a meeting's or a draw's subjects are its parties).
            var oneSide = type is EventType.Acquisition or EventType.Sale or EventType.Bid or EventType.Lawsuit or EventType.Arrest or EventType.Criticise
                          || (type == EventType.MatchResult && tokens[trigger].Text(text).ToLowerInvariant() is not ("drew" or "draw" or "drawn"));
            ev.Participants.Add(new AnalysedParticipant(coordinated[0].Entity, EventRole.Actor1));
            foreach (var m in coordinated.Skip(1).Where(m => m.Entity != coordinated[0].Entity))
            {
                ev.Participants.Add(new AnalysedParticipant(m.Entity, ev.Participants.Count == 1 && !oneSide ? EventRole.Actor2 : EventRole.Other));
            }
        }
        else if (ev.Participants.Count == 0 && (DescribedSubject(analysis, index, sentence, trigger) ?? RelativeSubject(analysis, candidates, sentence, trigger)) is { } described)
        {
            ev.Participants.Add(new AnalysedParticipant(described, EventRole.Actor1));
        }

        // What a statement says ("confirmed that he could only be eligible for England") names no one who makes it.
        var verbal = EventMerging.IsVerbal(type);

        // "Investors have snapped up shares in Jet Airways": an active verb whose subject is a described group, not a name, does
        // it to the names after it; they are not who does it.
        // ("The figure announced by President Viktor Yushchenko": a participle's agent after "by" does it.)
        var describedDoer = verb && ev.Participants.Count == 0 && subject.Count == 0 && !Passive(analysis, trigger, sentence)
                            && !text.AsSpan(triggerEnd).TrimStart().StartsWith("by ", StringComparison.Ordinal)
                            && SubjectPhrase(analysis, s) is { } doer && text.IndexOf(doer, sentence.Start(tokens), StringComparison.Ordinal) is var at and >= 0
                            && at + doer.Length <= triggerStart;

        // Objects: the names after the trigger, a list of them ("Negotiators from Egypt, Qatar, the US and Hamas").
        var previousEnd = triggerEnd;
        AnalysedEntity? agent = null;
        foreach (var m in actors.Where(m => m.Mention.Start >= triggerEnd))
        {
            var between = text[previousEnd..m.Mention.Start];
            var first = previousEnd == triggerEnd;
            if (first ? ClauseBetween(analysis, previousEnd, m.Mention.Start, sentence) || (verbal && ReportedClause(between)) || PurposeBetween(between) : !IsListJoin(between))
            {
                break;
            }

            previousEnd = m.Mention.End;
            if (ev.Participants.Count >= MaxParticipants)
            {
                break;
            }

            if (ev.Participants.Any(p => p.Entity == m.Entity) || (m.Entity.Kind == AnalysedKind.Place && Locative(between)))
            {
                // "talks in a Rome hotel": a place after "in" is where, not who.
                continue;
            }

            if (m.Entity.Kind == AnalysedKind.Place && ModifiesNoun(analysis, m.Mention, sentence))
            {
                // "warns of more US rate rises", "met US officials": a country before a noun describes it, it takes no part.
                continue;
            }

            // Whom a prize's winner beat to it, and whom they played, won nothing: "beat Martin Scorsese's The Aviator to the
            // top awards", "won for playing Katharine Hepburn".
            var rivalOrRole = type == EventType.Prize && ev.Participants.Count > 0
                              && (tokens[trigger].Text(text).ToLowerInvariant() is "beat" or "beats" or "beating" or "defeated" or "defeating" or "edged" or "overcame" or "pipped"
                                  || between.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => w is "playing" or "portraying" or "played" or "as"));
            // What a team or a player wins is a contest, not a rival: "England won the first event of the IRB World Sevens
            // series" (a rival comes after "against" or "over": "won 6-3 against Spain").
            rivalOrRole |= type == EventType.MatchResult && ev.Participants.Count > 0 && EventTypes.Winning.Contains(tokens[trigger].Text(text).ToLowerInvariant())
                           && !between.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => w is "against" or "over" or "v" or "vs" or "at" or "to");
            var role = type == EventType.Resign || describedDoer || rivalOrRole ? EventRole.Other
                : ev.Participants.Count == 0 ? EventRole.Actor1
                : ev.Participants.Count(p => p.Role != EventRole.Other) == 1 ? EventRole.Actor2 : EventRole.Other;
            ev.Participants.Add(new AnalysedParticipant(m.Entity, role));
            if (first && passive && between.Trim() is "by" or "by the")
            {
                agent = m.Entity;
            }
        }

        // "Peter Holt was arrested by Lancashire Police": the passive's agent does it to its subject (actor and target,
        // as CAMEO orders them); with no agent, the subject is who it is done to ("Peter Holt was arrested": an arrest of him).
        // The subject must stand right before the verb group: in "the sale of Yugansk, which Yukos claims was illegally
        // sold" Yukos is the subject of "claims", and in "One of Japan's best-known businessmen was arrested" Japan is no one.
        var subjectUndergoes = passive && subject.Count > 0 && ev.Participants.Count > 0 && ev.Participants[0].Role == EventRole.Actor1
                               && ev.Participants[0].Entity == subject[^1].Entity && VerbGroupBetween(analysis, subject[^1].Mention.End, trigger, sentence);
        if (subjectUndergoes && agent is not null && ev.Participants[0].Entity != agent)
        {
            var undergoer = ev.Participants[0].Entity;
            ev.Participants.RemoveAll(p => p.Entity == agent);
            ev.Participants[0] = new AnalysedParticipant(undergoer, EventRole.Actor2);
            for (var k = 1; k < ev.Participants.Count; k++)
            {
                ev.Participants[k] = ev.Participants[k] with { Role = EventRole.Other };
            }

            ev.Participants.Insert(0, new AnalysedParticipant(agent, EventRole.Actor1));
        }
        else if (subjectUndergoes && verbal)
        {
            // "REM have been confirmed as headliners", "Smith was accused of lying": with no agent, the subject of a passive
            // verb of saying is what is said or whom it is said to; who said it is not written, so there is no statement
            // by anyone to serve.
            return null;
        }
        else if (subjectUndergoes)
        {
            ev.SubjectUndergoes = true;
        }

        // Whoever else the trigger's clause names takes part in some way; names in other clauses are context.
        foreach (var m in actors.Where(m => ev.Participants.All(p => p.Entity != m.Entity)
                     && !ClauseBetween(analysis, Math.Min(m.Mention.End, triggerEnd), Math.Max(m.Mention.Start, triggerStart), sentence)
                     && !(m.Mention.Start >= triggerEnd && PurposeBetween(text[triggerEnd..m.Mention.Start]))
                     && !(verbal && m.Mention.Start >= triggerEnd && ReportedClause(text[triggerEnd..m.Mention.Start]))))
        {
            if (ev.Participants.Count >= MaxParticipants)
            {
                break;
            }

            ev.Participants.Add(new AnalysedParticipant(m.Entity, EventRole.Other));
        }

        if (type == EventType.Resign)
        {
            // Only the subject resigns; the government they leave is context.
            for (var k = 0; k < ev.Participants.Count; k++)
            {
                if (ev.Participants[k].Role == EventRole.Actor2)
                {
                    ev.Participants[k] = ev.Participants[k] with { Role = EventRole.Other };
                }
            }
        }

        // "This visit, Blinken’s eighth …": with no subject or object, a name right next to the trigger.
        if (!ev.Actors.Any() && !describedDoer)
        {
            var near = actors.Where(m => m.Entity.Kind != AnalysedKind.Place && Math.Min(Math.Abs(m.Mention.Start - triggerEnd), Math.Abs(triggerStart - m.Mention.End)) <= 4)
                .OrderBy(m => Math.Min(Math.Abs(m.Mention.Start - triggerEnd), Math.Abs(triggerStart - m.Mention.End))).FirstOrDefault();
            if (near.Entity is not null)
            {
                ev.Participants.RemoveAll(p => p.Entity == near.Entity);
                ev.Participants.Insert(0, new AnalysedParticipant(near.Entity, EventRole.Actor1));
            }
        }

        // A state and a person who holds its office are one party ("US President Joe Biden"), never two participants.
        var offices = ev.Participants.Where(p => p.Entity.Kind == AnalysedKind.Person).SelectMany(p => p.Entity.Roles).Select(r => r.Affiliation).OfType<string>().ToHashSet(StringComparer.Ordinal);
        ev.Participants.RemoveAll(p => p.Entity.Kind == AnalysedKind.Place && offices.Contains(p.Entity.Name));

        // "Mr Ferguson helped it return to growth": a person owns no growth, profits or prices (a person's earnings are a
        // verb's: "Depardieu made 3.35m Euros", "earning 885,000 Euros"); such a figure whose only owners in reach are
        // people is left out.
        if (type == EventType.EconomicFigure && !verb && ev.Participants.Count > 0 && ev.Participants.All(p => p.Entity.Kind == AnalysedKind.Person))
        {
            return null;
        }

        // "a choice between Labour investment and Tory cuts", "stability and growth in a third term": in politics a party's
        // growth or investment is a promise, not a figure or a transaction; one whose only owners are parties is left out.
        if (type is EventType.EconomicFigure or EventType.Investment && !verb && ev.Participants.Count > 0 && ev.Participants.All(p => p.Entity.Kind == AnalysedKind.Organisation && OrganisationNames.IsParty(p.Entity.Name)))
        {
            return null;
        }

        // "boosted by firming sugar prices and sales of its sweeteners", "thanks to higher sales": a figure given as what
        // helped another is not reported for itself ("hit by losses at its European operations" is: a loss is news).
        if (type == EventType.EconomicFigure && !verb && CauseOfAnother(analysis, trigger, sentence))
        {
            return null;
        }

        // "Figures released by the government's Cabinet Office", "released figures showing": data are released as the
        // source of figures, no work is.
        if (type == EventType.MediaRelease && context.Has(DataWords, trigger, 3))
        {
            return null;
        }

        // "powers to place suspects under house arrest", "the foreign terror suspects currently detained": a power or a
        // state of detention, no arrest made.
        // ("house arrest" is a detention only when someone is put under it: "was placed under house arrest".)
        if (type == EventType.Arrest && ((!verb && NextWord(analysis, FirstTokenFrom(analysis, triggerEnd, sentence), sentence) is "powers" or "power" or "plans" or "laws" or "law" or "orders" or "order" or "warrant" or "warrants" or "rules" or "regime" or "scheme")
                                         || (!verb && PreviousWord(analysis, triggerStart, sentence) == "house" && !context.Before(trigger, 4).Any(w => w is "placed" or "put" or "kept" or "held"))
                                         || (verb && PreviousWord(analysis, triggerStart, sentence) is "currently" or "still" or "already")))
        {
            return null;
        }

        // "the 2,000 broadband users interviewed": the people a survey asked are no count of users.
        if (type == EventType.EconomicFigure && !verb && NextWord(analysis, FirstTokenFrom(analysis, triggerEnd, sentence), sentence) is "interviewed" or "surveyed" or "polled" or "questioned" or "asked")
        {
            return null;
        }

        // "have earned praise for turning Aer Lingus around": earning is a figure only with an amount right after it.
        if (type == EventType.EconomicFigure && verb && tokens[trigger].Text(text) is "earned" or "earns" or "earning"
            && !Enumerable.Range(trigger + 1, Math.Max(0, Math.Min(sentence.EndToken, trigger + 4) - trigger - 1))
                .Any(k => tokens[k].Text(text) is var w && (w.Any(char.IsDigit) || w is "£" or "$" or "€")))
        {
            return null;
        }

        // "German business confidence fell", "Japanese exports rose": a nationality right before the figure names its
        // owner, when the article names the country.
        if (type == EventType.EconomicFigure && ev.Participants.Count == 0)
        {
            for (var k = trigger - 1; k >= Math.Max(sentence.FirstToken, trigger - 3); k--)
            {
                // "The US giant earned": the nationality of a company's noun is not the figure's owner.
                if (PlaceNames.CountryOfDemonym(tokens[k].Text(text)) is { } country && !OrganisationNouns.Contains(tokens[k + 1].Text(text).ToLowerInvariant())
                    && analysis.Entities.FirstOrDefault(e => e.Kind == AnalysedKind.Place && e.Name == country) is { } state)
                {
                    ev.Participants.Add(new AnalysedParticipant(state, EventRole.Actor1));
                    break;
                }
            }
        }

        // An economic figure belongs to the article's subject when its sentence names no one ("growth slowed to 1%"
        // in an article about Japan's economy): the most salient state or organisation, when one stands out.
        if (type == EventType.EconomicFigure && ev.Participants.Count == 0
            && analysis.Entities.Where(e => e.Kind == AnalysedKind.Organisation || (e.Kind == AnalysedKind.Place && PlaceNames.IsState(e.Name)))
                .OrderByDescending(e => e.Salience).FirstOrDefault() is { Salience: >= 0.5 } owner)
        {
            ev.Participants.Add(new AnalysedParticipant(owner, EventRole.Actor1));
        }

        // An event needs someone who does it, or someone or something it is done to; violence and protests may
        // have neither when they have a place.
        // Votes and bills have their legislature (the context they needed) as actor even when it is not named ("MPs voted").
        var withoutParticipants = (type is EventType.Protest or EventType.Attack or EventType.Killing or EventType.Fight && places.Count > 0)
                                  || type is EventType.Vote or EventType.Bill;
        if (ev.Participants.Count == 0 && !withoutParticipants)
        {
            return null;
        }

        // "announcing his departure from pop band Busted": the one who leaves is whose departure it is, never what is left.
        if (type == EventType.Resign && !ev.Actors.Any())
        {
            var possessive = trigger > sentence.FirstToken ? tokens[trigger - 1].Text(text).ToLowerInvariant() : "";
            if (possessive is "his" or "her" && index.PersonNamedBefore(tokens[trigger - 1].Start) is { } leaver)
            {
                ev.Participants.RemoveAll(p => p.Entity == leaver);
                ev.Participants.Insert(0, new AnalysedParticipant(leaver, EventRole.Actor1));
            }
            else
            {
                return null;
            }
        }

        if (!ev.Actors.Any() && ev.Participants.Count > 0 && !describedDoer)
        {
            ev.Participants[0] = ev.Participants[0] with { Role = EventRole.Actor1 };
        }

        // "X met Y", "X and Y met": a meeting or a call has two parties.
        if ((needs & TriggerNeeds.Parties) != 0 && ev.Participants.Count < 2)
        {
            return null;
        }

        var place = places.OrderBy(p => p.Mention.Start < triggerStart ? 1 : 0).ThenBy(p => Math.Abs(p.Mention.Start - triggerStart)).FirstOrDefault();
        ev.Place = place.Entity;

        // A journey goes somewhere: "arrived", "flew" with no place reached are no visit ("the ball flew wide of Howard's goal",
        // "8,500 vehicles had arrived at the centre").
        if (type == EventType.Visit && verb && ev.Place is null)
        {
            return null;
        }
        var sentenceStart = sentence.Start(tokens);
        var sentenceEnd = sentence.End(tokens);
        ev.Date = index.DatesWithin(sentenceStart, sentenceEnd).Where(d => d.Kind == DateKind.Date && DatesAnEvent(text, d))
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

        ev.Evidence.Add(new AnalysedEvidence(s, sentenceStart, sentenceEnd, text[triggerStart..triggerEnd], triggerStart));
        var hedge = Hedge(context, trigger, type);
        // "Blair dismisses quit claim report", "merger talk": a trigger word qualifying a noun of hearsay reports a claim.
        // (Denying or dismissing the claim is itself the event: "has dismissed reports he …".)
        if (hedge == Modality.Asserted && !EventMerging.IsVerbal(type) && Hearsay.Contains(NextWord(analysis, trigger + 1, sentence)))
        {
            hedge = Modality.Hedged;
        }

        // "house prices could fall by 10%", "profits are expected to rise": a figure noun's own verb, after it, says
        // whether the figure moved or may move.
        if (hedge == Modality.Asserted && type == EventType.EconomicFigure && !verb && context.ModalBeforeMovement(trigger))
        {
            hedge = Modality.Hedged;
        }

        if (hedge == Modality.Negated)
        {
            return null;
        }

        ev.Confidence = Confidence(type, verb, ev.Actors.Count(), ev.Place is not null, ev.Date is { Resolved: true }, hedge == Modality.Hedged, InOpening(s, index.Lead));
        ev.Hedged = hedge == Modality.Hedged;
        return ev;
    }

    private enum Modality
    {
        Asserted,
        Hedged,
        Negated,
    }

    private static readonly HashSet<string> HedgeWords = new(StringComparer.Ordinal)
    {
        "will", "would", "could", "may", "might", "should", "must", "can", "shall", "if", "unless", "whether", "plans", "planned", "planning", "plan",
        "wants", "want", "wanted", "hopes", "hoped", "hope", "hoping", "aims", "aim", "intends", "intend", "expected", "expect", "expects", "forecast",
        "forecasts", "predict", "predicts", "predicted", "predicting", "dependent", "depends", "depend", "reliant", "likely", "set", "due", "considering",
        "consider", "proposed", "possible", "potential", "future", "upcoming", "chance", "chances", "rumoured", "rumored", "reportedly", "speculation", "bid", "seeking",
        "try", "trying", "tries", "attempt", "attempting", "threatens", "threatened", "offered", "offers", "promised", "promise", "promises", "ready", "prepared", "poised", "tipped", "willing", "`ll", "'ll", "’ll", "'d", "’d",
    };

    private static readonly HashSet<string> NegationWords = new(StringComparer.Ordinal)
    {
        "not", "n't", "n’t", "never", "no", "without", "failed", "fail", "denied", "denies", "deny", "refused", "refuses", "rejected", "cancelled", "canceled", "called off", "scrapped",
        // What was kept from happening: "pays $2bn to evade Fiat buyout", "averted a strike", "blocked the merger".
        "evade", "evades", "evaded", "avoid", "avoids", "avoided", "avert", "averts", "averted", "thwart", "thwarted", "block", "blocked",
        "resist", "resisted", "escape", "escaped",
    };

    /// <summary>Verbs of how a player got to a result ("came from a set down to beat", "fought back to win").</summary>
    private static readonly HashSet<string> ComebackVerbs = new(StringComparer.Ordinal)
    {
        "came", "fought", "battled", "rallied", "recovered", "bounced", "needed", "held", "went", "survived", "struggled", "hung", "stormed",
        "cruised", "raced", "surged", "powered", "eased",
    };

    /// <summary>Words before the trigger, within its clause, that can hedge or deny it.</summary>
    private const int HedgeWindow = 8;

    /// <summary>
    /// Whether the words before the trigger (its clause, at most <see cref="HedgeWindow"/> words) hedge it ("could meet",
    /// "plans to buy", "is set to steal the limelight with the launch") or deny it ("did not meet").
    /// </summary>
    private static Modality Hedge(SentenceContext context, int trigger, EventType type)
    {
        var modality = Modality.Asserted;
        var before = context.Before(trigger, HedgeWindow).ToList();
        for (var k = 0; k < before.Count; k++)
        {
            var word = before[k];
            // "Arsenal will play the Magpies a day after Chelsea beat Portsmouth": a subordinate clause has its own modality.
            if (word is "," or ";" or ":" or "—" or "and" or "but" or "who" or "which" or "that" or "after" or "since" or "because" or "while" or "when")
            {
                break;
            }

            // A denial is read in the nearest four words only ("No one was surprised when Tata bought Corus" reports a purchase).
            if (NegationWords.Contains(word) && k < 4)
            {
                return Modality.Negated;
            }

            // "agreed to buy", "voted to approve" report what happened; "plans to buy", "is to meet" do not.
            if (word == "to" && k + 1 < before.Count && before[k + 1] is "agreed" or "agrees" or "voted" or "decided" or "moved" or "went" or "came" or "used" or "deal" or "agreement")
            {
                break;
            }

            // "came from a set down to beat Vinci", "needed three sets to beat Li": a result the player got to, not a plan.
            if (word == "to" && type is EventType.MatchResult && before.Skip(k + 1).TakeWhile(w => w is not ("," or ";" or "and" or "but")).ToList() is var rest
                && rest.Any(w => ComebackVerbs.Contains(w)) && !rest.Any(w => w is "will" or "would" or "could" or "may" or "might" or "must" or "should" or "if"))
            {
                break;
            }

            // "5/1 odds of winning the best actress Oscar", "their chances of beating Wales": a prospect, not a result.
            if (word == "of" && k == 0 && before.Count > 1 && before[1] is "odds" or "chance" or "chances" or "hopes" or "hope" or "prospect" or "prospects"
                or "likelihood" or "possibility" or "dream" or "dreams" or "danger" or "risk" or "threat")
            {
                return Modality.Hedged;
            }

            // "is reported to have won", "was said to have agreed": hearsay.
            var hearsay = word is "reported" or "said" or "believed" or "thought" or "understood" or "alleged" && k > 0 && before[k - 1] == "to"
                          && k + 1 < before.Count && before[k + 1] is "is" or "are" or "was" or "were";
            // "HP was working with Nokia to launch a visual radio service": an infinitive right before the trigger is a
            // purpose or a plan, not a report (unless a verb of doing it comes before, read above).
            // ("a service to be launched in May": "to be" and the participle.)
            if (hearsay || HedgeWords.Contains(word) || (word == "to" && (k == 0 || (k == 1 && before[0] == "be") || (k + 1 < before.Count && before[k + 1] is "is" or "are" or "was" or "were" or "going" or "due"))))
            {
                modality = Modality.Hedged;
            }
        }

        return modality;
    }

    /// <summary>Events above this confidence are served by default (lists take minConfidence to change it).</summary>
    public const double DefaultMinConfidence = 0.5;

    /// <summary>The index of the body's first sentence (the lead), or -1 when there is no body.</summary>
    private static int FirstBodySentence(ArticleAnalysis analysis)
    {
        var sentences = analysis.Tokens.Sentences;
        var tokens = analysis.Tokens.Tokens;
        return Enumerable.Range(0, sentences.Count).FirstOrDefault(i => sentences[i].Start(tokens) >= analysis.BodyOffset, -1);
    }

    /// <summary>Is sentence <paramref name="s"/> in the opening (<paramref name="lead"/> the body's first sentence): the headline, the lead or the one after it?</summary>
    private static bool InOpening(int s, int lead) => lead < 0 || s <= lead + 1;

    /// <summary>
    /// How sure the rules are: a verb is stronger evidence than a noun, named actors, a place and a date each add to
    /// it, a hedge ("could", "plans to") takes much away, and verbal events (statements, appeals, criticism) start
    /// lower outside the opening (<paramref name="opening"/>: headline, lead and the sentence after), since further down
    /// they are often not news in themselves. Calibrated on the dev part of the annotated BBC sample (docs/events.md):
    /// events at or above <see cref="DefaultMinConfidence"/> are the precise ones.
    /// </summary>
    private static double Confidence(EventType type, bool verb, int actors, bool place, bool dated, bool hedged, bool opening)
    {
        var confidence = (verb ? 0.55 : 0.45) + (0.12 * Math.Min(2, actors)) + (place ? 0.08 : 0) + (dated ? 0.05 : 0);
        // What may happen is not news that it did: a hedged event stays under the default threshold however well it is
        // named and placed.
        if (hedged)
        {
            confidence = Math.Min(confidence - 0.35, DefaultMinConfidence - 0.1);
        }

        // A statement in the headline or the opening sentences is itself the news; further down it is usually commentary.
        if (EventMerging.IsVerbal(type) && !opening)
        {
            confidence -= 0.3;
        }

        return Math.Round(Math.Clamp(confidence, 0.05, 0.95), 2);
    }

    /// <summary>Does a clause of its own follow the verb ("agreed the claims were based on faulty data")? A finite verb within five words, before any punctuation.</summary>
    private static bool ClauseFollows(ArticleAnalysis analysis, int t, Sentence sentence)
    {
        var tokens = analysis.Tokens.Tokens;
        for (var k = t + 1; k < Math.Min(sentence.EndToken, t + 6); k++)
        {
            var word = tokens[k].Text(analysis.Text).ToLowerInvariant();
            // "agreed a deal that would create …": a clause on the object, not the verb's own.
            if (word is "," or ";" or ":" or "." or "to" || (k > t + 1 && word is "that" or "which" or "who"))
            {
                return false;
            }

            if (k > t + 1 && word is "was" or "were" or "is" or "are" or "had" or "has" or "have" or "would" or "should" or "could")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A role noun ("candidate", "minister", "player") right after the verb, past a determiner.</summary>
    private static bool RoleNounAfter(ArticleAnalysis analysis, int t, Sentence sentence)
    {
        var tokens = analysis.Tokens.Tokens;
        var k = t + 1;
        while (k < sentence.EndToken && tokens[k].Text(analysis.Text).ToLowerInvariant() is "a" or "an" or "the" or "its" or "his" or "her" or "their" or "two" or "three")
        {
            k++;
        }

        return k < sentence.EndToken && tokens[k].Text(analysis.Text).ToLowerInvariant() is var noun
            && (Descriptions.IsRoleNoun(noun) || noun is "candidate" or "candidates" or "member" or "members" or "player" or "players" or "official" or "officials"
                or "officer" or "officers" or "employee" or "employees" or "councillor" or "councillors" or "mp" or "mps" or "athlete" or "athletes");
    }

    /// <summary>
    /// Is the mention a medium the sentence cites: "reported by Reuters", "told Reuters", "according to Reuters",
    /// "Reuters reported"?
    /// </summary>
    private static bool CitedSource(ArticleAnalysis analysis, Mention mention, Sentence sentence)
    {
        var (tokens, text) = (analysis.Tokens.Tokens, analysis.Text);
        string Word(int t) => t >= sentence.FirstToken && t < sentence.EndToken ? tokens[t].Text(text).ToLowerInvariant() : "";
        var before = tokens.IndexAt(mention.Start) - 1;
        if (Word(before) == "the")
        {
            before--;
        }

        // "…, Reuters reported." cites; "Tesco reported a 10% rise in profits" is Tesco's own figure.
        var (w1, w2) = (Word(before), Word(before - 1));
        var after = tokens.IndexAt(mention.End - 1) + 1;
        return w1 is "told" or "tells" or "telling"
            || (w1 == "to" && w2 == "according")
            || (w1 == "by" && w2 is "reported" or "quoted" or "cited")
            || (Word(after) is "reported" or "reports" && (w1 == "," || Word(after + 1) is "." or "," or ";" or ""));
    }

    /// <summary>
    /// "purchases to make its Sandoz unit the biggest": an infinitive of purpose between a trigger and a name opens a clause
    /// of its own ("sold to Vodafone", "moved to the club" do not).
    /// </summary>
    private static bool PurposeBetween(string between)
    {
        var words = between.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (words[i] == "to" && words[i + 1].All(char.IsLower) && words[i + 1] is not ("the" or "a" or "an" or "its" or "their" or "his" or "her" or "be"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A picture library credited in a caption ("Getty Images", "AFP/Getty Images", "Rex Features"): it takes part in no
    /// event it illustrates (web pages keep their captions in the text).
    /// </summary>
    internal static bool PhotoCredit(string name) =>
        name.EndsWith(" Images", StringComparison.Ordinal) || name is "Rex Features" or "Shutterstock" or "Alamy";

    /// <summary>"according to CEA research": research or an analysis within four words after "according to".</summary>
    private static bool CitedPublication(ArticleAnalysis analysis, int triggerStart)
    {
        // A report, a survey, a study or a poll is a publication wherever the article cites it ("according to a World Bank
        // report"); research or an analysis is a source.
        var tokens = analysis.Tokens.Tokens;
        var t = tokens.IndexAt(triggerStart);
        if (tokens[t].Text(analysis.Text).ToLowerInvariant() is not ("research" or "analysis")
            || Enumerable.Range(t, 3).Any(k => k < tokens.Count && tokens[k].Text(analysis.Text) is "published" or "released" or "issued"))
        {
            return false;
        }

        for (var k = t - 1; k >= Math.Max(1, t - 5); k--)
        {
            if (tokens[k].Text(analysis.Text) == "to" && tokens[k - 1].Text(analysis.Text).Equals("according", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Figures released by the government's Cabinet Office", "data published by Eurostat": the body after a verb of releasing and "by".</summary>
    private static bool ReleasedBy(ArticleAnalysis analysis, Mention mention, Sentence sentence)
    {
        var (tokens, text) = (analysis.Tokens.Tokens, analysis.Text);
        string Word(int t) => t >= sentence.FirstToken && t < sentence.EndToken ? tokens[t].Text(text).ToLowerInvariant() : "";
        for (var k = tokens.IndexAt(mention.Start) - 1; k >= Math.Max(sentence.FirstToken + 1, tokens.IndexAt(mention.Start) - 4); k--)
        {
            if (Word(k) == "by")
            {
                return Word(k - 1) is "released" or "published" or "compiled" or "issued" or "collected" or "produced";
            }
        }

        return false;
    }

    /// <summary>"late scores from John Hayes", "tries from Hickie and O'Driscoll": the players whose scores they are.</summary>
    private static bool ScoredBy(ArticleAnalysis analysis, Mention mention, Sentence sentence)
    {
        var (tokens, text) = (analysis.Tokens.Tokens, analysis.Text);
        string Word(int t) => t >= sentence.FirstToken && t < sentence.EndToken ? tokens[t].Text(text).ToLowerInvariant() : "";
        var k = tokens.IndexAt(mention.Start) - 1;
        // A name listed after the first one: "from John Hayes and Gavin Duffy".
        while (Word(k) is "and" or "," && k - 2 >= sentence.FirstToken)
        {
            k--;
            while (k > sentence.FirstToken && Word(k - 1) is not ("from" or "by" or "and" or "," or "") && char.IsUpper(tokens[k - 1].Text(text)[0]))
            {
                k--;
            }

            k--;
        }

        return Word(k) is "from" or "by" && Word(k - 1) is "scores" or "score" or "tries" or "try" or "goals" or "goal" or "points" or "penalties" or "strikes" or "strike" or "kicks";
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
    private static AnalysedEntity? DescribedSubject(ArticleAnalysis analysis, ArticleIndex index, Sentence sentence, int trigger)
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

            // "his Grand Slam-winning efforts": the possessive right before an adjectival trigger.
            if (word is "his" or "her" or "His" or "Her" && tokens[trigger].Text(analysis.Text).Contains('-', StringComparison.Ordinal)
                && (t == trigger - 1 || (t == trigger - 2 && char.IsUpper(tokens[trigger - 1].Text(analysis.Text)[0]))))
            {
                return index.PersonNamedBefore(tokens[t].Start);
            }

            if (t == trigger - 1 && char.IsUpper(word[0]) && tokens[trigger].Text(analysis.Text).Contains('-', StringComparison.Ordinal))
            {
                // "Grand" of "his Grand Slam-winning efforts".
                continue;
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

    /// <summary>
    /// "Franz Ferdinand, who recently picked up five Brit Award nominations": the name a relative "who" or "which" right
    /// before the verb (past adverbs and auxiliaries) stands for, a person or an organisation.
    /// </summary>
    private static AnalysedEntity? RelativeSubject(ArticleAnalysis analysis, List<(Mention Mention, AnalysedEntity Entity)> candidates, Sentence sentence, int trigger)
    {
        var tokens = analysis.Tokens.Tokens;
        for (var t = trigger - 1; t - 2 >= sentence.FirstToken; t--)
        {
            var word = tokens[t].Text(analysis.Text);
            if (word is "who" or "which")
            {
                var end = tokens[t - 2].End;
                return tokens[t - 1].Text(analysis.Text) == ","
                    ? candidates.FirstOrDefault(m => m.Mention.End == end && m.Entity.Kind is AnalysedKind.Person or AnalysedKind.Organisation).Entity
                    : null;
            }

            if (!(word.Length > 4 && word.EndsWith("ly", StringComparison.Ordinal)) && !SubjectVerbFillers.Contains(word))
            {
                return null;
            }
        }

        return null;
    }

    private static readonly HashSet<string> SubjectVerbFillers = new(StringComparer.Ordinal)
    {
        "also", "then", "later", "again", "since", "once", "still", "already", "soon", "never", "not", "has", "had", "have",
        "will", "would", "did", "does", "could", "can", "may", "might", "should", "is", "was", "be", "been", "to", "set", "plans", "planned",
        "just", "now", "are", "were",
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

    /// <summary>
    /// Text between a verb of saying and a name that opens the reported clause: "confirmed that he …", "admitted he had
    /// been impressed by Yann Delaigue", or a clause of its own on a verb in -ing: "admitted his guilt … by recruiting
    /// Darleen Druyun".
    /// </summary>
    private static bool ReportedClause(string between) =>
        ReportedThat().IsMatch(between) || ReportedSubject().IsMatch(between) || ReportedNounSubject().IsMatch(between) || GerundClause().IsMatch(between);

    /// <summary>A reported clause whose subject is a described noun: "pledged the European economy would outstrip that of the US".</summary>
    [GeneratedRegex(@"^\s*(?:the|a|an|its|his|her|their|our)\s+(?:\w+\s+){0,3}(?:would|will|could|should|might|must|had|has|have|was|were|is|are)\b")]
    private static partial Regex ReportedNounSubject();

    [GeneratedRegex(@"^\s*(?:\S+\s+){0,2}that\b")]
    private static partial Regex ReportedThat();

    [GeneratedRegex(@"^\s*(?:he|she|they|we|I|it)\s+(?:had|has|have|was|were|is|are|would|will|could|should|did|does|do|might|must|\w+ed)\b")]
    private static partial Regex ReportedSubject();

    [GeneratedRegex(@"\b(?:by|in|for|of|after|before|while|from)\s+\w+ing\b")]
    private static partial Regex GerundClause();

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
    private static List<AnalysedEvent> MergeWithinArticle(List<AnalysedEvent> events, int lead)
    {
        // Only events of the type that share a participant (or have none, like this one) can be compatible, so
        // they are found through an index rather than by comparing every pair.
        var merged = new List<AnalysedEvent>();
        var byParticipant = new Dictionary<(EventType, AnalysedEntity?), List<int>>();
        void Index(int at, AnalysedEntity? entity)
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
            var keys = ev.Participants.Count == 0 ? [null] : ev.Participants.Select(p => (AnalysedEntity?)p.Entity).Distinct();
            var candidates = keys.SelectMany(k => byParticipant.GetValueOrDefault((ev.Type, k)) ?? []).Distinct().Order();
            var at = candidates.Cast<int?>().FirstOrDefault(i => Compatible(merged[i!.Value], ev, lead));
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
                var role = p.Role != EventRole.Other && same.Participants.Count(q => q.Role != EventRole.Other) < 2
                    ? (same.Participants.Any(q => q.Role == EventRole.Actor1) ? EventRole.Actor2 : EventRole.Actor1)
                    : EventRole.Other;
                same.Participants.Add(p with { Role = role });
                Index(at.Value, p.Entity);
            }

            // The more precise place: a city over its country.
            same.Place = same.Place is null || (ev.Place is not null && PlaceNames.IsState(same.Place.Name) && !PlaceNames.IsState(ev.Place.Name)) ? ev.Place ?? same.Place : same.Place;
            same.Date = same.Date is { Resolved: true } ? same.Date : ev.Date is { Resolved: true } ? ev.Date : same.Date ?? ev.Date;
            same.Ordinal ??= ev.Ordinal;
            same.Evidence.AddRange(ev.Evidence);
            same.Confidence = Math.Min(0.99, Math.Max(same.Confidence, ev.Confidence) + 0.05);
        }

        return merged;
    }

    /// <summary>
    /// One transaction told from both sides in the opening: "Metlife buys up Citigroup insurer" over "Citigroup has sold
    /// its Travelers Life & Annuity insurance arm to Metlife" is one deal, a purchase and a sale by two of the same
    /// parties. The body's report stays (the headline's evidence joins it), so the type is the lead's.
    /// </summary>
    private static List<AnalysedEvent> MergeMirrored(List<AnalysedEvent> events, int lead)
    {
        for (var i = events.Count - 1; i >= 0; i--)
        {
            var ev = events[i];
            if (ev.Type is not (EventType.Acquisition or EventType.Sale) || !InOpening(ev.Evidence[0].Sentence, lead))
            {
                continue;
            }

            var mirror = ev.Type == EventType.Acquisition ? EventType.Sale : EventType.Acquisition;
            var other = events.FirstOrDefault(o => o != ev && o.Type == mirror && InOpening(o.Evidence[0].Sentence, lead)
                                                   && o.Participants.Count(p => ev.Participants.Any(q => q.Entity == p.Entity)) >= 2);
            if (other is null)
            {
                continue;
            }

            var (kept, dropped) = other.Evidence[0].Sentence >= lead && (ev.Evidence[0].Sentence < lead || events.IndexOf(other) < i) ? (other, ev) : (ev, other);
            kept.Evidence.AddRange(dropped.Evidence);
            kept.Confidence = Math.Min(0.99, Math.Max(kept.Confidence, dropped.Confidence) + 0.05);
            events.Remove(dropped);
            i = Math.Min(i, events.Count);
        }

        return events;
    }

    /// <summary>Two reports can be of one event: a shared actor (or none on either side), no conflicting place or ordinal.</summary>
    public static bool Compatible(AnalysedEvent a, AnalysedEvent b, int lead = -1)
    {
        // Each prize and each figure an article reports is one of several ("won best album … also took the award for best
        // video"; "sales rose … profits fell"): reports in different sentences are different events, except a prize the
        // opening reports (headline, lead and the sentence after: <paramref name="lead"/> is the body's first sentence),
        // and a figure the headline reports again in the opening.
        var (sa, sb) = (a.Evidence[0].Sentence, b.Evidence[0].Sentence);
        var bothOpening = lead >= 0 && InOpening(sa, lead) && InOpening(sb, lead);
        if (a.Type is EventType.Prize or EventType.EconomicFigure && sa != sb
            && !(bothOpening && (a.Type == EventType.Prize || sa < lead || sb < lead)))
        {
            return false;
        }

        // Two clauses of one sentence with a prize or a figure each report two of them.
        if (a.Type is EventType.Prize or EventType.EconomicFigure && a.Evidence[0].Sentence == b.Evidence[0].Sentence && a.Evidence[0].TriggerStart != b.Evidence[0].TriggerStart)
        {
            return false;
        }

        if (a.Ordinal is { } x && b.Ordinal is { } y && x != y)
        {
            return false;
        }

        // Two places conflict unless one is a country and the other a place in it ("in Israel", "in Tel Aviv").
        if (a.Place is not null && b.Place is not null && a.Place != b.Place && PlaceNames.IsState(a.Place.Name) == PlaceNames.IsState(b.Place.Name))
        {
            return false;
        }

        // "Pernod's purchase of a third of Seagram in 2000" and "Pernod tried to buy Glenmorangie last year": one buyer, two
        // targets or two dates, two events.
        var aSecond = a.Participants.Where(p => p.Role == EventRole.Actor2).Select(p => p.Entity).ToHashSet();
        var bSecond = b.Participants.Where(p => p.Role == EventRole.Actor2).Select(p => p.Entity).ToHashSet();
        if (aSecond.Count > 0 && bSecond.Count > 0 && !aSecond.Overlaps(bSecond)
            && !a.Participants.Any(p => bSecond.Contains(p.Entity)) && !b.Participants.Any(p => aSecond.Contains(p.Entity)))
        {
            return false;
        }

        if (a.Date is { Resolved: true } da && b.Date is { Resolved: true } db && da.Value != db.Value)
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
    public static string Title(AnalysedEvent ev, Func<AnalysedEntity, string>? name = null)
    {
        name ??= e => e.Name;
        var actors = ev.Participants.Where(p => p.Role != EventRole.Other).Select(p => name(p.Entity)).Distinct().ToList();
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
            EventType.Arrest when ev.SubjectUndergoes => $"Arrest of {who}{where}",
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
            EventType.Call when ev.SubjectUndergoes => $"Call to {who}",
            EventType.Call => a2 is null ? $"Call{(who is null ? "" : $" by {who}")}" : $"{a1} calls {a2}",
            EventType.Acquisition => a2 is null ? $"Takeover{(who is null ? "" : $" involving {who}")}" : $"{a1} buys {a2}",
            EventType.Merger => $"Merger{(who is null ? "" : $" of {who}")}",
            EventType.Bid when ev.SubjectUndergoes => $"Bid for {who}",
            EventType.Bid => a2 is null ? $"Bid{(who is null ? "" : $" by {who}")}" : $"{a1} bids for {a2}",
            EventType.Investment => $"Investment{(who is null ? "" : $" involving {who}")}{where}",
            EventType.Sale when ev.SubjectUndergoes => $"Sale of {who}",
            EventType.Sale => a2 is null ? $"Sale{(who is null ? "" : $" by {who}")}" : $"{a1} sells to {a2}",
            EventType.Appoint => who is null ? "Appointment" : $"Appointment involving {who}",
            EventType.Elect => who is null ? "Election" : $"{who} {Verb("is", "are")} elected",
            EventType.Dismiss => who is null ? "Dismissal" : $"Dismissal involving {who}",
            EventType.Retire => who is null ? "Retirement" : $"{who} {Verb("retires", "retire")}",
            EventType.Charge => who is null ? "Charges" : $"Charges involving {who}",
            EventType.Trial => who is null ? "Trial" : $"Trial involving {who}",
            EventType.Verdict => who is null ? "Verdict" : $"Verdict involving {who}",
            EventType.Sentence => who is null ? "Sentence" : $"Sentence involving {who}",
            EventType.Lawsuit => a2 is null ? $"Lawsuit{(who is null ? "" : $" involving {who}")}" : $"{a1} sues {a2}",
            EventType.Ruling => who is null ? "Ruling" : $"Ruling involving {who}",
            EventType.Fine => who is null ? "Fine" : $"Fine involving {who}",
            EventType.Ban => who is null ? "Ban" : $"Ban involving {who}",
            EventType.ProductLaunch => who is null ? "Launch" : $"{who} {Verb("launches", "launch")} a product",
            EventType.MediaRelease => who is null ? "Release" : $"Release by {who}",
            EventType.Publication => who is null ? "Publication" : $"{who} {Verb("publishes", "publish")}",
            EventType.Prize => who is null ? "Award" : $"Award for {who}",
            EventType.MatchResult => a2 is null ? $"Result{(who is null ? "" : $" for {who}")}" : $"{a1} against {a2}",
            EventType.Bill => who is null ? "Bill" : $"Bill involving {who}",
            EventType.Vote => who is null ? "Vote" : $"Vote involving {who}",
            EventType.EconomicFigure => who is null ? "Economic figures" : $"Figures for {who}",
            _ => $"{EventTypes.Name(ev.Type)} {who}",
        };
        return (ev.Ordinal is { } n && ev.Type == EventType.Visit ? $"{title} (trip {n})" : title).Trim();
    }

    /// <summary>
    /// An event the lead gives as background, in a prepositional phrase or a relative clause beside its own news:
    /// "England will protest about the referee's performance in the defeat by Ireland"; "has played down talk … after
    /// beating Liverpool"; "… on James Comey, who announced …".
    /// </summary>
    private static bool Background(ArticleAnalysis analysis, AnalysedEvent e, List<AnalysedEvent> events)
    {
        var tokens = analysis.Tokens.Tokens;
        var evidence = e.Evidence.OrderBy(x => x.Start).First();
        var t = tokens.IndexAt(evidence.TriggerStart);
        var sentence = analysis.Tokens.Sentences[evidence.Sentence];
        for (var k = t - 1; k >= Math.Max(sentence.FirstToken, t - 4); k--)
        {
            var word = tokens[k].Text(analysis.Text).ToLowerInvariant();
            if (word is "in" or "after" or "following" or "despite" or "amid" or "since" or "before")
            {
                // "moved into the quarter-finals after beating Likhotseva": a verb of the sentence's own subject, when the
                // sentence reports no other event ("were fined after beating Liverpool" leads with the fine), is the news itself.
                return !(k == t - 1 && word is "after" && tokens[t].Text(analysis.Text).EndsWith("ing", StringComparison.Ordinal)
                         && e.Participants.Any(p => p.Role == EventRole.Actor1 && p.Entity.Mentions.Any(m => m.Start < tokens[k].Start && m.Sentence == evidence.Sentence))
                         && !events.Any(o => o != e && o.Evidence.Any(x => x.Sentence == evidence.Sentence)));
            }

            // "… on FBI director James Comey, who announced he was reopening …": a relative clause describes a name.
            if (word is "who" or "which" && k == t - 1)
            {
                return true;
            }

            // Only determiners stand between the preposition and the trigger ("Despite the rain Federer beat …" is news).
            if (word is not ("the" or "a" or "an" or "their" or "his" or "her" or "its" or "last" or "recent" or "'s" or "’s"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The main event, scored as Giveme5W1H scores candidates: the earlier it is reported (headline, lead) the more
    /// likely it is the news, the more often reported and the more words it shares with the headline the better, and
    /// its actors' salience and its confidence count too. When no typed event is reported in the headline or the
    /// first sentences, the frame is read from the lead sentence itself (its subject and predicate), so that an
    /// article about a derailment or a poll still has a main event.
    /// </summary>
    private static MainEvent? Main(ArticleAnalysis analysis, List<AnalysedEvent> events, IReadOnlyList<DateMention> dates, IReadOnlyList<Quote> quotes)
    {
        var tokens = analysis.Tokens.Tokens;
        var sentences = analysis.Tokens.Sentences;
        var title = analysis.BodyOffset > 0 ? analysis.Text[..Math.Max(0, analysis.BodyOffset - 2)] : "";
        var titleWords = ContentWords(title);
        // The lead: the first body sentence of eight words or more ("Secret diplomacy." opens a story, it does not lead it).
        var lead = Enumerable.Range(0, sentences.Count).Where(i => sentences[i].Start(tokens) >= analysis.BodyOffset)
            .FirstOrDefault(i => sentences[i].TokenCount >= 8, Enumerable.Range(0, sentences.Count).FirstOrDefault(i => sentences[i].Start(tokens) >= analysis.BodyOffset, -1));

        double Position(int sentence) =>
            sentences[sentence].Start(tokens) < analysis.BodyOffset ? 1.0
            : lead < 0 ? 0 : (sentence - lead) switch { 0 => 0.9, 1 => 0.6, 2 => 0.4, _ => 0.3 / (sentence - lead) };

        double Score(AnalysedEvent e)
        {
            var first = e.Evidence.Min(x => x.Sentence);
            var overlap = titleWords.Count == 0 ? 0 : e.Evidence.Max(x => Overlap(titleWords, ContentWords(analysis.Text[x.Start..x.End])));
            return (1.2 * Position(first)) + Math.Min(0.3, 0.1 * e.Evidence.Count) + (1.2 * overlap)
                   + (0.4 * e.Actors.Select(a => a.Salience).DefaultIfEmpty(0).Max()) + (0.4 * e.Confidence) + (e.Place is null ? 0 : 0.1);
        }

        double HeadlineOverlap(AnalysedEvent e) => titleWords.Count == 0 ? 0 : e.Evidence.Max(x => Overlap(titleWords, ContentWords(analysis.Text[x.Start..x.End])));
        // An event below the default threshold competes only with an actor: "as the North East assembly referendum
        // enters its final week" (no one votes) does not displace the lead's "Ray Mallon has been drafted in".
        // A hedged one below it never leads: "to give his side any chance of beating Ireland" reports no match.
        var best = events.Where(e => (e.Confidence >= DefaultMinConfidence || (e.Confidence >= DefaultMinConfidence - 0.1 && e.Actors.Any() && !e.Hedged)) && !Background(analysis, e, events)).OrderByDescending(Score).ThenBy(e => e.Evidence.Min(x => x.Start)).FirstOrDefault();

        // The main event is reported early, or it is the one the headline reports.
        // What someone said, or what a report found, is the main event only when the headline or the lead reports it.
        // A later report is the headline's only when it shares a word of the headline's predicate, not just its names
        // ("Boro suffer Morrison injury blow" is not "Morrison was substituted during Boro's win over Graz").
        var titleNames = ContentWords(string.Join(' ', analysis.Entities.SelectMany(e => e.Mentions).Where(m => m.End <= title.Length).Select(m => m.Surface)));
        var titlePredicate = titleWords.Where(w => !titleNames.Contains(w)).ToHashSet(StringComparer.Ordinal);
        bool SharesPredicate(AnalysedEvent e) => e.Evidence.Any(x => ContentWords(analysis.Text[x.Start..x.End]).Overlaps(titlePredicate));
        if (best is not null && (Position(best.Evidence.Min(x => x.Sentence)) >= 0.4 || (HeadlineOverlap(best) >= 0.4 && SharesPredicate(best)))
            && (!(EventMerging.IsVerbal(best.Type) || best.Type == EventType.Publication) || Position(best.Evidence.Min(x => x.Sentence)) >= 0.9))
        {
            var evidence = best.Evidence.OrderBy(x => x.Start).First();
            var sentence = analysis.Text[evidence.Start..evidence.End];
            var relative = evidence.TriggerStart - evidence.Start;
            var actors = best.Actors.ToList();
            // Else what the lead states: news gives the when and where of its main event in its first sentences.
            var where = Specific(analysis, best.Place ?? PlaceIn(analysis, evidence.Sentence) ?? LeadPlace(analysis, lead), evidence.Sentence, lead);
            var when = DayOverYear(analysis, dates, lead, best.Date ?? FirstDate(dates, sentences[evidence.Sentence].Start(tokens), sentences[evidence.Sentence].End(tokens), analysis.Text))
                       ?? LeadDate(analysis, dates, lead);
            // An event without a named actor is still done by someone the sentence describes ("Computer users are being
            // warned", "Hackers have found a way …"): the noun phrase that opens its sentence before the trigger.
            var eventWho = actors.Count > 0 ? string.Join(" and ", actors.Select(a => a.Name))
                : SubjectPhrase(analysis, evidence.Sentence) is { } described && evidence.Start + described.Length <= evidence.TriggerStart ? described : null;
            // "Shares in Solidere, the Lebanese company …, fell 15%": a noun trigger in an apposed subject is told by the verb
            // after the apposition, and its "by" is inside the apposition.
            var apposedSubject = AppositiveSubject(analysis, evidence.Sentence);
            var from = apposedSubject is { } a && evidence.TriggerStart < a.PredicateFrom && evidence.Start + a.Phrase.Length > evidence.TriggerStart ? a.PredicateFrom : evidence.TriggerStart;
            var fromRelative = from - evidence.Start;
            return new MainEvent(eventWho, Predicate(analysis, evidence.Sentence, from, skipSubject: from != evidence.TriggerStart),
                when?.Text, where?.Name, Why(sentence, fromRelative), How(sentence, fromRelative), best, actors, where, when);
        }

        if (lead < 0)
        {
            return null;
        }

        // No typed event leads the article: its lead sentence's subject and predicate.
        var leadStart = sentences[lead].Start(tokens);
        var leadEnd = sentences[lead].End(tokens);
        // The subject: the first name of the lead that is not a qualifier of the next one ("Chelsea boss Jose
        // Mourinho", "US Federal Reserve", "Ireland's Keith Wood" name Mourinho, the Federal Reserve and Wood).
        // A name after "by" is an agent inside the subject ("A DVD technology backed by Sony has received …"), not it;
        // a demonym describes the subject ("British TV viewers"), it is not the country.
        var inLead = analysis.Entities.SelectMany(e => e.Mentions.Where(m => m.Sentence == lead).Select(m => (Mention: m, Entity: e)))
            .Where(m => (m.Entity.Kind != AnalysedKind.Place || PlaceNames.IsState(m.Entity.Name)) && !PhotoCredit(m.Entity.Name) && PreviousWord(analysis, m.Mention.Start, sentences[lead]) != "by"
                        && PlaceNames.CountryOfDemonym(m.Mention.Surface) is null)
            .OrderBy(m => m.Mention.Start).ToList();
        // "World Anti-Doping Agency (WADA) chief Dick Pound": a name's acronym in brackets right after it is the same name.
        inLead.RemoveAll(m => inLead.Any(o => o.Entity == m.Entity && o.Mention.End < m.Mention.Start
                                              && analysis.Text[o.Mention.End..m.Mention.Start].Trim() == "("
                                              && m.Mention.End < analysis.Text.Length && analysis.Text[m.Mention.End] == ')'));
        var subject = inLead.FirstOrDefault();
        for (var k = 0; k + 1 < inLead.Count && Qualifies(analysis, inLead[k].Mention, inLead[k + 1].Mention, inLead[k + 1].Entity); k++)
        {
            subject = inLead[k + 1];
        }
        // "Three senior executives of Ireland's state-owned airline … are set to leave": a name after a preposition is inside the
        // subject, not it; the subject phrase says who.
        string? head = null;
        if (subject.Entity is not null && PreviousWord(analysis, subject.Mention.Start, sentences[lead]) is "of" or "at" or "in" or "from" or "for" or "with" or "on"
            && tokens.IndexAt(subject.Mention.Start) - 1 - sentences[lead].FirstToken is >= 1 and <= 5)
        {
            var words = Enumerable.Range(sentences[lead].FirstToken, tokens.IndexAt(subject.Mention.Start) - 1 - sentences[lead].FirstToken)
                .Select(t => tokens[t].Text(analysis.Text)).ToList();
            head = words.All(w => w.All(c => char.IsLetterOrDigit(c) || c == '-')) && !words.Any(w => SubjectEnders.Contains(w)) && !NotSubjectEnds.Contains(words[^1].ToLowerInvariant())
                ? analysis.Text[leadStart..tokens[tokens.IndexAt(subject.Mention.Start) - 2].End] : null;
        }

        var insideSubject = head is not null;
        // "The Sundance Film Festival, the movie industry's top destination for …, opens on Thursday": a subject that is no
        // person, organisation or place, set off from its verb by an apposition.
        var apposed = subject.Entity is null || insideSubject ? AppositiveSubject(analysis, lead) : null;

        // "A US bank has said it will donate $8m to victims of … Augusto Pinochet's regime", "Reporters covering singer Michael
        // Jackson's trial have asked …": a first name after the lead's described subject is no subject; the phrase is who.
        if (subject.Entity is not null && !insideSubject && SubjectPhrase(analysis, lead) is { } leadSubject && subject.Mention.Start >= leadStart + leadSubject.Length
            && !inLead.Any(m => m.Entity.Kind is AnalysedKind.Person or AnalysedKind.Organisation && m.Mention.Start < leadStart + leadSubject.Length))
        {
            insideSubject = true;
            apposed = (leadSubject, leadStart + leadSubject.Length);
        }

        var predicateFrom = subject.Entity is not null && !insideSubject && tokens.IndexAt(subject.Mention.Start) - sentences[lead].FirstToken <= 8 ? subject.Mention.End
            : apposed?.PredicateFrom ?? leadStart;

        // "Albania, Bulgaria and Macedonia has given the go-ahead": names coordinated with the subject are the subject too.
        var coordinated = new List<(Mention Mention, AnalysedEntity Entity)>();
        if (subject.Entity is not null && !insideSubject && predicateFrom == subject.Mention.End)
        {
            var listed = false;
            foreach (var m in inLead.Where(m => m.Mention.Start >= subject.Mention.End))
            {
                var between = analysis.Text[predicateFrom..m.Mention.Start];
                var comma = between.Trim() == ",";
                if (!(comma || IsCoordination(between)) || m.Entity.Kind is not (AnalysedKind.Person or AnalysedKind.Organisation or AnalysedKind.Place))
                {
                    break;
                }

                listed |= !comma;
                coordinated.Add(m);
                predicateFrom = m.Mention.End;
            }

            // A list ends on "and": "Albania, Bulgaria" alone is an apposition ("Fiat, the Italian carmaker") or no list.
            if (!listed)
            {
                predicateFrom = subject.Mention.End;
                coordinated.Clear();
            }
        }
        var what = Predicate(analysis, lead, predicateFrom, skipSubject: true);
        if (what.Length == 0)
        {
            return null;
        }

        var who = subject.Entity is not null && !insideSubject && (subject.Mention.End == predicateFrom || coordinated.Count > 0) ? subject.Entity : null;

        // Without a named subject, the agent of a passive lead ("… has been thrown out by an appeal court"), then the
        // name that opens the headline ("Disney backs Sony DVD technology").
        // A passive lead with its agent ("The Aviator has been tipped by UK bookmakers as …"): the agent is who does it.
        var agent = PassiveAgent(analysis, lead, tokens.IndexAt(predicateFrom));
        if (who is not null && agent is not null)
        {
            who = null;
        }

        // "Divorced parents … are often disadvantaged by the legal system, MPs have said": a lead that closes on its
        // attribution reports what its speaker said; without a named subject or agent the speaker is who.
        var speaker = who is null && agent?.Entity is null ? TrailingAttribution(quotes, leadStart, leadEnd) : null;
        who ??= agent?.Entity ?? speaker?.Speaker ?? (speaker is null ? HeadlineSubject(analysis) : null);
        var whoText = (coordinated.Count > 0 && who == subject.Entity ? analysis.Text[subject.Mention.Start..predicateFrom] : null)
                      ?? who?.Name ?? speaker?.SpeakerText ?? agent?.Phrase ?? head ?? apposed?.Phrase ?? SubjectPhrase(analysis, lead);
        var leadPlace = Specific(analysis, LeadPlace(analysis, lead), lead, lead);
        var leadDate = DayOverYear(analysis, dates, lead, LeadDate(analysis, dates, lead)) ?? FirstDate(dates, 0, analysis.BodyOffset, analysis.Text);
        var leadSentence = analysis.Text[leadStart..leadEnd];
        return new MainEvent(whoText, what, leadDate?.Text, leadPlace?.Name, Why(leadSentence, predicateFrom - leadStart),
            How(leadSentence, predicateFrom - leadStart, byIsAgent: agent is not null), null,
            who is null ? [] : coordinated.Count > 0 && who == subject.Entity ? [who, .. coordinated.Select(c => c.Entity).Where(e => e != who).Distinct()] : [who], leadPlace, leadDate);
    }

    /// <summary>
    /// The reported speech of a sentence that ends on its attribution (", MPs have said.", ", a committee of MPs and peers has
    /// warned."), with a speaker named or described.
    /// </summary>
    private static Quote? TrailingAttribution(IReadOnlyList<Quote> quotes, int start, int end) =>
        quotes.FirstOrDefault(q => q.Kind == QuoteType.Indirect && q.Cue is not null && q.Start >= start && q.CueStart < end
                                   && q.SpeakerStart >= q.End && q.CueStart > q.SpeakerStart && !string.IsNullOrWhiteSpace(q.SpeakerText)
                                   && q.SpeakerText is not ("he" or "she" or "they" or "it" or "He" or "She" or "They" or "It"));

    /// <summary>Sentences of the lead paragraph's opening read for a main event's when and where when its own sentence has none.</summary>
    private const int LeadSentences = 5;

    /// <summary>
    /// A country is where a main event happened only when the opening names no place inside it: "in Baoding, Hebei province"
    /// after "China", "in the northern city of Mazar-i-Sharif" after "Afghanistan". The first place after "in", "at" or
    /// "near" in the event's sentence or the lead's first <see cref="LeadSentences"/> sentences that is not a country.
    /// </summary>
    private static AnalysedEntity? Specific(ArticleAnalysis analysis, AnalysedEntity? place, int sentence, int lead)
    {
        if (place is null || !PlaceNames.IsState(place.Name) || lead < 0)
        {
            return place;
        }

        var tokens = analysis.Tokens.Tokens;
        var window = Enumerable.Range(lead, Math.Min(LeadSentences, analysis.Tokens.Sentences.Count - lead)).Prepend(sentence).Distinct().ToHashSet();
        return analysis.Entities.Where(e => e.Kind == AnalysedKind.Place && !PlaceNames.IsState(e.Name) && !PlaceNames.IsKnownCountryVariant(e.Name))
            .SelectMany(e => e.Mentions.Where(m => window.Contains(m.Sentence)).Select(m => (m.Sentence, m.Start, Entity: e)))
            .Where(x => tokens.IndexAt(x.Start) is > 0 and var t && tokens[t - 1].Text(analysis.Text).ToLowerInvariant() is "in" or "at" or "near")
            .OrderBy(x => x.Sentence == sentence ? 0 : 1).ThenBy(x => x.Start).Select(x => x.Entity).FirstOrDefault() ?? place;
    }

    /// <summary>The first place named in the lead's first <see cref="LeadSentences"/> sentences.</summary>
    private static AnalysedEntity? LeadPlace(ArticleAnalysis analysis, int lead) =>
        lead < 0 ? null : Enumerable.Range(lead, Math.Min(LeadSentences, analysis.Tokens.Sentences.Count - lead)).Select(s => PlaceIn(analysis, s)).FirstOrDefault(p => p is not null)
                          ?? HeadlinePlace(analysis);

    /// <summary>"Hantuchova in Dubai last eight": a place the headline puts after "in" or "at", when the opening names none.</summary>
    private static AnalysedEntity? HeadlinePlace(ArticleAnalysis analysis)
    {
        var tokens = analysis.Tokens.Tokens;
        return analysis.Entities.Where(e => e.Kind == AnalysedKind.Place)
            .SelectMany(e => e.Mentions.Where(m => m.End <= analysis.BodyOffset).Select(m => (m.Start, Entity: e)))
            .OrderBy(x => x.Start)
            .FirstOrDefault(x => tokens.IndexAt(x.Start) is var t && t > 0 && tokens[t - 1].Text(analysis.Text) is "in" or "at").Entity;
    }

    /// <summary>The first date that can date an event in the lead's first <see cref="LeadSentences"/> sentences.</summary>
    private static DateMention? LeadDate(ArticleAnalysis analysis, IReadOnlyList<DateMention> dates, int lead)
    {
        var sentences = analysis.Tokens.Sentences;
        var tokens = analysis.Tokens.Tokens;
        return lead < 0 ? null : Enumerable.Range(lead, Math.Min(LeadSentences, sentences.Count - lead))
            .Select(s => FirstDate(dates, sentences[s].Start(tokens), sentences[s].End(tokens), analysis.Text))
            .FirstOrDefault(d => d is not null && (d.Start < sentences[lead].End(tokens) || !Background(d)));
    }

    /// <summary>
    /// A bare year that an event's sentence or the lead gives only in passing ("haunted by the fatal 2003 shooting") gives way
    /// to the day the opening names ("on Monday"): news dates itself by days, history by years. A year with a day or a
    /// month stays, and so does a year when the opening names no day.
    /// </summary>
    private static DateMention? DayOverYear(ArticleAnalysis analysis, IReadOnlyList<DateMention> dates, int lead, DateMention? date)
    {
        if (date is null || lead < 0 || !BareYear().IsMatch(date.Text.Trim()))
        {
            return date;
        }

        var sentences = analysis.Tokens.Sentences;
        var tokens = analysis.Tokens.Tokens;
        var end = sentences[Math.Min(sentences.Count - 1, lead + LeadSentences - 1)].End(tokens);
        return dates.Where(d => d.Start >= sentences[lead].Start(tokens) && d.End <= end && DayWritten().IsMatch(d.Text)).OrderBy(d => d.Start).FirstOrDefault() ?? date;
    }

    [GeneratedRegex(@"^(in |since |from |of |by )?(the )?(19|20)\d\d$")]
    private static partial Regex BareYear();

    [GeneratedRegex(@"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)\b")]
    private static partial Regex DayWritten();

    /// <summary>
    /// A date with its year written out after the lead ("The bid … was launched in December 2004", "in 2003") dates the
    /// story's background more often than the news the lead reports ("Apple has won its legal fight"): news dates itself
    /// by days ("on Tuesday"), history by years.
    /// </summary>
    private static bool Background(DateMention date) => YearWritten().IsMatch(date.Text);

    [GeneratedRegex(@"\b(19|20)\d\d\b")]
    private static partial Regex YearWritten();

    /// <summary>The person or organisation (or state) whose name opens the headline, if one does.</summary>
    private static AnalysedEntity? HeadlineSubject(ArticleAnalysis analysis)
    {
        if (analysis.BodyOffset <= 0)
        {
            return null;
        }

        var opening = analysis.Entities.SelectMany(e => e.Mentions.Select(m => (Mention: m, Entity: e)))
            .Where(m => m.Mention.Start < analysis.BodyOffset).OrderBy(m => m.Mention.Start).FirstOrDefault();
        return opening.Entity is { } entity && opening.Mention.Start == 0
               && (entity.Kind is AnalysedKind.Person or AnalysedKind.Organisation || (PlaceNames.IsState(entity.Name) && !ModifiesNounPhrase(analysis, opening.Mention)))
            ? entity
            : null;
    }

    /// <summary>Words after which a lower-case headline word is a verb, not a noun: "UK backs the plan", "UK leads on aid".</summary>
    private static readonly HashSet<string> AfterHeadlineVerb = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "to", "on", "in", "for", "of", "over", "with", "up", "down", "out", "off", "its", "his", "her", "their", "new", "more",
    };

    /// <summary>
    /// "UK net users leading TV downloads", "US firms cut jobs": a country before two lower-case words describes the noun
    /// phrase it opens (the users, the firms); before a verb ("UK backs the plan", "UK leads on aid") it is the subject.
    /// </summary>
    private static bool ModifiesNounPhrase(ArticleAnalysis analysis, Mention mention)
    {
        var tokens = analysis.Tokens.Tokens;
        var t = tokens.IndexAt(mention.End - 1) + 1;
        if (t + 1 >= tokens.Count || tokens[t + 1].Start >= analysis.BodyOffset)
        {
            return false;
        }

        var first = tokens[t].Text(analysis.Text);
        var second = tokens[t + 1].Text(analysis.Text);
        return first.All(char.IsLower) && second.Length > 0 && second.All(c => char.IsLower(c) || c == '-') && !AfterHeadlineVerb.Contains(second);
    }

    /// <summary>Verbs that end a lead's subject when it names no one ("Computer users are being warned …").</summary>
    private static readonly HashSet<string> SubjectEnders = new(StringComparer.Ordinal)
    {
        "has", "have", "had", "was", "were", "is", "are", "will", "would", "could", "can", "may", "might", "must", "should", "says", "said",
        "say", "wants", "want", "faces", "face", "looks", "look", "plans", "plan", "hopes", "hope", "continue", "continues", "remain", "remains",
        "need", "needs", "risk", "risks", "appear", "appears", "seem", "seems",
    };

    /// <summary>Words a subject phrase never ends in: function words, pronouns, "There", quantifiers and numbers.</summary>
    private static readonly HashSet<string> NotSubjectEnds = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "his", "her", "its", "their", "of", "at", "in", "on", "to", "for", "with", "by", "and",
        "it", "he", "she", "they", "we", "i", "you", "there", "this", "these", "those", "that", "some", "many", "several", "all", "both",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
    };

    /// <summary>
    /// A lead's subject phrase before an apposition and the offset of its verb after it: "The Sundance Film Festival, the
    /// movie industry's top destination for new talent, opens on Thursday" gives "The Sundance Film Festival" and "opens";
    /// "Scandinavians and Koreans, two of the most adventurous groups of mobile users, are betting …". The phrase opens the
    /// sentence with a capital, holds at most eight words and no verb, and the apposition at most fifteen.
    /// </summary>
    private static (string Phrase, int PredicateFrom)? AppositiveSubject(ArticleAnalysis analysis, int sentence)
    {
        var tokens = analysis.Tokens.Tokens;
        var range = analysis.Tokens.Sentences[sentence];
        string Word(int t) => t < range.EndToken ? tokens[t].Text(analysis.Text) : "";
        var open = Enumerable.Range(range.FirstToken + 1, Math.Max(0, Math.Min(range.EndToken, range.FirstToken + 9) - range.FirstToken - 1)).FirstOrDefault(t => Word(t) == ",", -1);
        if (open < 0 || !char.IsUpper(Word(range.FirstToken)[0]) || NotSubjectEnds.Contains(Word(open - 1).ToLowerInvariant())
            || Enumerable.Range(range.FirstToken, open - range.FirstToken).Any(t => SubjectEnders.Contains(Word(t)) || Word(t) is ";" or ":" or "(" or "\"" or "“" or "who" or "which" or "that"))
        {
            return null;
        }

        var close = Enumerable.Range(open + 1, Math.Max(0, Math.Min(range.EndToken, open + 17) - open - 1)).FirstOrDefault(t => Word(t) == ",", -1);
        var verb = close + 1;
        if (close < 0 || close == open + 1 || verb >= range.EndToken)
        {
            return null;
        }

        var next = Word(verb);
        var verbal = SubjectEnders.Contains(next) || Movements.Contains(next) || (next.Length > 3 && next.All(char.IsLower) && (next.EndsWith('s') || next.EndsWith("ed", StringComparison.Ordinal))
                                                      && next is not ("as" or "is" or "this" or "his" or "its" or "was" or "news" or "plus" or "thus"));
        return verbal ? (analysis.Text[tokens[range.FirstToken].Start..tokens[open - 1].End], tokens[verb].Start) : null;
    }

    /// <summary>
    /// The subject of a lead that names no one as it ("Computer users", "An artist"): its words up to the first verb
    /// of <see cref="SubjectEnders"/> or the first word in -ed, when that is at most six words in and the words are no
    /// clause of their own (no comma); null otherwise. Not linked to any entity.
    /// </summary>
    private static string? SubjectPhrase(ArticleAnalysis analysis, int sentence)
    {
        var tokens = analysis.Tokens.Tokens;
        var range = analysis.Tokens.Sentences[sentence];
        // "Two high-speed lifts at the world's tallest building have been recognised": past seven words, the head noun
        // phrase before the first preposition.
        var preposition = -1;
        var participle = -1;
        for (var t = range.FirstToken; t < Math.Min(range.EndToken, range.FirstToken + 16); t++)
        {
            var word = tokens[t].Text(analysis.Text);
            if (word is "," or ";" or ":" or "(" or "—" or "–" or "\"" or "“" or "who" or "which" or "that")
            {
                return null;
            }

            if (preposition < 0 && t > range.FirstToken && word is "at" or "of" or "in" or "on" or "from" or "across" or "with" or "for")
            {
                preposition = t;
            }

            // "Customers trying to get through to call centres are …": a participle right after a plural head opens a clause
            // that qualifies it; the head is the subject.
            if (t == range.FirstToken + 1 && ParticipleAfterHead(analysis, range) == t)
            {
                participle = t;
            }

            // A head of two words at least ("Killings of seven villagers in the north were …" has none).
            if (t >= range.FirstToken + 7 && preposition < range.FirstToken + 2 && participle < 0)
            {
                return null;
            }

            if (t > range.FirstToken && (SubjectEnders.Contains(word) || (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(word[0])
                                                                         && !word.Contains('-', StringComparison.Ordinal) && word is not ("hundred" or "speed" or "greed" or "breed" or "creed" or "steed"))))
            {
                // A noun phrase: not opened by a gerund ("Travelling at a …"; "King Charles", "Beijing" are names), not
                // closed by a function word ("… keeps his"), a number ("Two armed men" would give "Two"), a pronoun or "There".
                var first = tokens[range.FirstToken].Text(analysis.Text);
                var second = t - 1 > range.FirstToken ? tokens[range.FirstToken + 1].Text(analysis.Text) : "";
                var gerund = first.EndsWith("ing", StringComparison.Ordinal) && second is "at" or "a" or "an" or "the" or "in" or "on" or "to" or "for" or "with" or "through" or "over" or "up" or "down";
                var end = participle >= 0 ? participle : t >= range.FirstToken + 7 ? preposition : t;
                var last = tokens[end - 1].Text(analysis.Text).ToLowerInvariant();
                var phrase = analysis.Text[tokens[range.FirstToken].Start..tokens[end - 1].End];
                if (!(phrase.Length >= 3 && char.IsUpper(phrase[0]) && !gerund && !last.Any(char.IsDigit) && !NotSubjectEnds.Contains(last)))
                {
                    return null;
                }

                // "The number of Europeans with broadband has …": who the count is of, up to its preposition.
                var count = tokens[range.FirstToken].Text(analysis.Text) is "The" && range.FirstToken + 3 < end
                            && tokens[range.FirstToken + 1].Text(analysis.Text) is "number" or "proportion" or "percentage" or "share"
                            && tokens[range.FirstToken + 2].Text(analysis.Text) == "of";
                if (count)
                {
                    var head = range.FirstToken + 3;
                    var stop = head + 1;
                    while (stop < end && tokens[stop].Text(analysis.Text) is not ("with" or "in" or "on" or "at" or "of" or "for" or "who" or "using"))
                    {
                        stop++;
                    }

                    return analysis.Text[tokens[head].Start..tokens[stop - 1].End];
                }

                // "Animated movie Robots has …": the name the describing words class, not the description (not a place
                // after a preposition: "Office workers across Europe").
                var name = end;
                while (name - 1 > range.FirstToken && tokens[name - 1].Text(analysis.Text) is { Length: > 0 } w && char.IsUpper(w[0]))
                {
                    name--;
                }

                return name < end && name - 1 > range.FirstToken && (preposition < 0 || preposition >= end) && Descriptions.IsDescribingNoun(tokens[name - 1].Text(analysis.Text))
                    ? analysis.Text[tokens[name].Start..tokens[end - 1].End]
                    : phrase;
            }
        }

        return null;
    }

    /// <summary>The place a sentence says something happens in: one after "in", "at" or "near" first, else the first it names.</summary>
    private static AnalysedEntity? PlaceIn(ArticleAnalysis analysis, int sentence)
    {
        var places = analysis.Entities.Where(e => e.Kind == AnalysedKind.Place).SelectMany(e => e.Mentions.Where(m => m.Sentence == sentence).Select(m => (m.Start, Entity: e)))
            .OrderBy(x => x.Start).ToList();
        var tokens = analysis.Tokens.Tokens;
        foreach (var (start, entity) in places)
        {
            var t = tokens.IndexAt(start);
            if (t > 0 && tokens[t - 1].Text(analysis.Text).ToLowerInvariant() is "in" or "at" or "near" or "from")
            {
                return entity;
            }
        }

        // Else the first place that is not a person's nationality ("Elene Likhotseva of Russia", "China's Li Na").
        return places.Where(x => !Nationality(analysis, x.Start, x.Entity)).Select(x => x.Entity).FirstOrDefault();
    }

    /// <summary>A name right before an award's word ("the MTV prize", "BBC awards"): who gives the prize, not who wins it.</summary>
    private static bool AwardGiver(ArticleAnalysis analysis, Mention mention)
    {
        var text = analysis.Text;
        var from = mention.End;
        while (from < text.Length && text[from] == ' ')
        {
            from++;
        }

        var to = from;
        while (to < text.Length && char.IsLetter(text[to]))
        {
            to++;
        }

        return text[from..to] is "prize" or "prizes" or "award" or "awards" or "Award" or "Awards" or "trophy" or "medal" or "gong";
    }

    /// <summary>
    /// Is the country at <paramref name="start"/> a person's or a firm's nationality: "&lt;person&gt; of X", "X's &lt;person&gt;",
    /// "France's Pernod Ricard", "General Motors of the US"?
    /// </summary>
    private static bool Nationality(ArticleAnalysis analysis, int start, AnalysedEntity place)
    {
        if (!PlaceNames.IsState(place.Name) || place.Mentions.FirstOrDefault(m => m.Start == start) is not { } mention)
        {
            return false;
        }

        var text = analysis.Text;
        var people = analysis.Entities.Where(e => e.Kind is AnalysedKind.Person or AnalysedKind.Organisation).SelectMany(e => e.Mentions).ToList();
        var before = text[..start].TrimEnd();
        if (before.EndsWith(" the", StringComparison.Ordinal))
        {
            before = before[..^4];
        }

        if (before.EndsWith(" of", StringComparison.Ordinal) && people.Any(m => m.End == before.Length - 3))
        {
            return true;
        }

        var after = text[mention.End..];
        var possessive = after.StartsWith("'s ", StringComparison.Ordinal) || after.StartsWith("’s ", StringComparison.Ordinal) ? mention.End + 3 : -1;
        if (possessive < 0)
        {
            return false;
        }

        // "Japan's best-known businessmen", "Britain's top diplomat": the people of a country, by a noun within three words.
        var next = text[possessive..Math.Min(text.Length, possessive + 60)].Split([' ', ',', '.', ';', '\n'], 4, StringSplitOptions.None).Take(3);
        return people.Any(m => m.Start == possessive) || next.Any(w => PeopleNouns.Contains(w) || Descriptions.IsRoleNoun(w));
    }

    /// <summary>Nouns of people that a country's possessive qualifies ("Japan's best-known businessmen").</summary>
    private static readonly HashSet<string> PeopleNouns = new(StringComparer.Ordinal)
    {
        "businessman", "businessmen", "businesswoman", "tycoon", "tycoons", "mogul", "moguls", "executive", "executives", "man", "men", "woman",
        "women", "people", "citizens", "athletes", "sprinters", "players", "billionaire", "billionaires", "millionaire",
    };

    /// <summary>A name that qualifies the next one: right before it, or joined by a possessive or a title ("Chelsea boss").</summary>
    private static bool Qualifies(ArticleAnalysis analysis, Mention first, Mention next, AnalysedEntity nextEntity)
    {
        var between = analysis.Text[first.End..next.Start].Trim();
        // "World Anti-Doping Agency (WADA) chief …": the acronym in brackets is the name's own.
        if (between.StartsWith('(') && between.IndexOf(')') is var close and > 1 && between[1..close].All(char.IsUpper))
        {
            between = between[(close + 1)..].Trim();
        }

        if (between.Length == 0 || between is "'s" or "’s" or "'" or "’")
        {
            return true;
        }

        var words = between.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= 3 && words.All(w => Roles.IsTitleWord(w) || w is "'s" or "’s" or "boss" or "star" or "chief" or "striker" or "coach" or "captain" or "manager" or "singer" or "group" or "band" or "firm" or "giant"))
        {
            return true;
        }

        // "US actor Ossie Davis", "Chelsea goalkeeper Carlo Cudicini", "Middlesbrough mayor Ray Mallon": up to three
        // lower-case nouns between a name and a person's name describe the person (no verb, no function word).
        return nextEntity.Kind == AnalysedKind.Person && words.Length <= 3
            && words.All(w => Descriptions.IsDescribingNoun(w) && !(EventTypes.Triggers.TryGetValue(w, out var trigger) && trigger.Verb));
    }

    private static DateMention? FirstDate(IReadOnlyList<DateMention> dates, int start, int end, string text) =>
        dates.Where(d => d.Kind == DateKind.Date && d.Start >= start && d.End <= end && DatesAnEvent(text, d)).OrderBy(d => d.Start).FirstOrDefault();

    /// <summary>Words before a date that make it a bound of a span, not when something happened ("first since 1948", "until 2010").</summary>
    private static readonly HashSet<string> SpanBounds = new(StringComparer.OrdinalIgnoreCase) { "since", "until", "till", "before", "after", "from", "between" };

    /// <summary>Can a date tell when an event happened? Not one that bounds a span ("the first Grand Slam since 1948").</summary>
    private static bool DatesAnEvent(string text, DateMention date)
    {
        var end = date.Start;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        // "The 1994 Wimbledon champion", "his 2001 title", "the 2006 World Cup": a year after a determiner describes a name or
        // a noun; it does not date the sentence's event.
        var word = text[start..end];
        if (date.Text.Length == 4 && date.Text.All(char.IsDigit) && word.ToLowerInvariant() is "the" or "a" or "his" or "her" or "their" or "its" or "this" or "that")
        {
            return false;
        }

        return !SpanBounds.Contains(word);
    }

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "has", "have", "had", "was", "were", "is", "are", "be", "been", "being", "will", "would", "could", "may", "might", "did", "does", "do", "to", "not",
        "also", "finally", "formally", "officially", "now", "just", "already",
    };

    /// <summary>
    /// The predicate phrase around a trigger, Giveme5W1H's "what": from the auxiliaries before it to the end of its
    /// clause, at most 14 words ("has agreed to buy the Dutch brewer").
    /// </summary>
    private static string Predicate(ArticleAnalysis analysis, int sentence, int from, bool skipSubject = false)
    {
        var tokens = analysis.Tokens.Tokens;
        var range = analysis.Tokens.Sentences[sentence];
        var first = Math.Max(range.FirstToken, tokens.IndexAt(from));
        if (skipSubject)
        {
            // After the subject: past an appositive ("Fiat, the Italian carmaker,") to the verb.
            while (first < range.EndToken && tokens[first].Start < from)
            {
                first++;
            }

            if (first < range.EndToken && tokens[first].Text(analysis.Text) == ",")
            {
                var close = Enumerable.Range(first + 1, Math.Max(0, range.EndToken - first - 1)).FirstOrDefault(k => tokens[k].Text(analysis.Text) == ",", -1);
                first = close > 0 && close - first <= 10 ? close + 1 : first + 1;
            }
        }
        else
        {
            while (first - 1 >= range.FirstToken && Auxiliaries.Contains(tokens[first - 1].Text(analysis.Text)))
            {
                first--;
            }
        }

        var words = new List<string>();
        for (var t = first; t < range.EndToken && words.Count < 14; t++)
        {
            var word = tokens[t].Text(analysis.Text);
            if (words.Count > 0 && (word is "," or ";" or ":" or "." or "—" or "–" or "(" || word is "which" or "who" or "after" or "because" or "while" or "as"))
            {
                break;
            }

            if (word is not ("." or "," or "“" or "”" or "\""))
            {
                words.Add(word);
            }
        }

        return string.Join(' ', words);
    }

    private static HashSet<string> ContentWords(string text) =>
        text.Split([' ', '\n', ',', '.', ':', ';', '"', '“', '”', '\'', '’', '(', ')', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 3).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    private static double Overlap(HashSet<string> a, HashSet<string> b) => a.Count == 0 || b.Count == 0 ? 0 : (double)a.Count(b.Contains) / Math.Min(a.Count, b.Count);

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

    /// <summary>Words that end an agent's noun phrase after "by".</summary>
    private static readonly HashSet<string> AgentEnders = new(StringComparer.Ordinal)
    {
        "in", "on", "at", "for", "after", "before", "over", "with", "to", "and", "but", "which", "who", "that", "because", "as", "from", "amid",
    };

    /// <summary>
    /// The agent of a passive clause from token <paramref name="from"/> of the sentence: "has been thrown out by an appeal
    /// court", "was bought by Google for $1bn" (a name when one opens the phrase), not "backed by" without an auxiliary.
    /// </summary>
    private static (AnalysedEntity? Entity, string Phrase)? PassiveAgent(ArticleAnalysis analysis, int sentence, int from)
    {
        var tokens = analysis.Tokens.Tokens;
        var range = analysis.Tokens.Sentences[sentence];
        string Word(int t) => tokens[t].Text(analysis.Text);
        for (var b = Math.Max(from, range.FirstToken + 2); b < range.EndToken - 1; b++)
        {
            if (Word(b) is "," or ";" or ":" or "\"" or "“")
            {
                return null;
            }

            if (Word(b) != "by")
            {
                continue;
            }

            var participle = Word(b - 1) is "out" or "off" or "up" or "down" or "back" or "over" ? b - 2 : b - 1;
            var p = Word(participle);
            var isParticiple = char.IsLower(p[0]) && (p.EndsWith("ed", StringComparison.Ordinal) || p.EndsWith("en", StringComparison.Ordinal) || p.EndsWith("wn", StringComparison.Ordinal));
            // "were reported by police", "was quoted by the BBC": a source, not the actor.
            if (participle <= range.FirstToken || !isParticiple || p is "reported" or "quoted" or "cited" or "told" or "described" or "seen" or "shown"
                || !Passive(analysis, participle, range))
            {
                return null;
            }

            var end = b + 1;
            while (end < range.EndToken && end - b <= 6 && !AgentEnders.Contains(Word(end)) && Word(end).Any(char.IsLetterOrDigit))
            {
                end++;
            }

            if (end == b + 1 || end - b > 6)
            {
                return null;
            }

            var start = tokens[b + 1].Start;
            var named = analysis.Entities.FirstOrDefault(e => e.Kind != AnalysedKind.Place && e.Mentions.Any(m => m.Sentence == sentence && m.Start >= start && m.Start <= tokens[Math.Min(b + 2, end - 1)].Start && m.End <= tokens[end - 1].End));
            return (named, analysis.Text[start..tokens[end - 1].End]);
        }

        return null;
    }

    private static string? How(string sentence, int trigger, bool byIsAgent = false)
    {
        foreach (var cue in new[] { " by ", " via ", " through ", " with the help of " })
        {
            if (byIsAgent && cue == " by ")
            {
                continue;
            }

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
