namespace NewsApi.Nlp.Events;

/// <summary>
/// NewsApi's event types: general news, each with an ACE/ERE-style class and code ("personnel.appoint") and the
/// CAMEO code where CAMEO has the event (Schrodt 2012; root category = the first two digits). The mapping and the
/// trigger words are documented in docs/events.md. New types are appended: stored events keep their names.
/// </summary>
public enum EventType
{
    Statement,
    Appeal,
    IntentToCooperate,
    ConsultOrMeet,
    Visit,
    Negotiate,
    Agreement,
    Ceasefire,
    ProvideAid,
    Demand,
    Criticise,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Resign,
    Arrest,
    Attack,
    Fight,
    Killing,
    Call,
    Acquisition,
    Merger,
    Bid,
    Investment,
    Sale,
    Appoint,
    Elect,
    Dismiss,
    Retire,
    Charge,
    Trial,
    Verdict,
    Sentence,
    Lawsuit,
    Ruling,
    Fine,
    Ban,
    ProductLaunch,
    MediaRelease,
    Publication,
    Prize,
    MatchResult,
    Bill,
    Vote,
    EconomicFigure,
}

/// <summary>What a trigger needs around it before it counts (general rules of news English, docs/events.md).</summary>
[Flags]
internal enum TriggerNeeds
{
    None = 0,

    /// <summary>Violence in the sentence (casualties, weapons, armed forces): "battle" and "attack" are otherwise figures of speech and sport.</summary>
    Violence = 1,

    /// <summary>A named person, organisation or state on both sides ("X met Y", "X and Y met"): "targets could be met" is not a meeting.</summary>
    Parties = 2,

    /// <summary>A figure in the sentence (a number, a percentage or an amount of money).</summary>
    Figure = 4,

    /// <summary>A business object nearby (a named organisation, or "stake", "firm", "company", "shares", …).</summary>
    Business = 8,

    /// <summary>An award nearby ("award", "prize", "Oscar", "medal", "nomination", …).</summary>
    Award = 16,

    /// <summary>A contest nearby ("match", "final", "game", a score such as "2-1", …).</summary>
    Contest = 32,

    /// <summary>A protest context ("protesters", "against", "demonstrators", "streets", …).</summary>
    ProtestContext = 64,

    /// <summary>A work or report nearby ("album", "film", "single", "report", "book", …) for releases and publications.</summary>
    Work = 128,

    /// <summary>A court, judge, regulator or tribunal in the sentence.</summary>
    Court = 256,

    /// <summary>A law-making body or word in the sentence ("MPs", "parliament", "bill", "law", …).</summary>
    Legislature = 512,

    /// <summary>The passive or a person as object ("was sacked", "sacked the manager"), not "fired missiles".</summary>
    PersonPatient = 1024,

    /// <summary>A job or office word nearby ("as", "chief", "head", "manager", "director", …).</summary>
    Office = 2048,

    /// <summary>A product nearby ("phone", "console", "service", "model", …) for launches.</summary>
    Product = 4096,

    /// <summary>A word of change in the sentence ("rose", "fell", "grew", "up", "down", …) for economic figures.</summary>
    Change = 8192,
}

public static class EventTypes
{
    /// <summary>The CAMEO code of each type and the CAMEO root category it belongs to; empty where CAMEO has no such event.</summary>
    public static (string Code, string Root, string RootName) Cameo(EventType type) => type switch
    {
        EventType.Statement => ("010", "01", "Make public statement"),
        EventType.Appeal => ("020", "02", "Appeal"),
        EventType.IntentToCooperate => ("030", "03", "Express intent to cooperate"),
        EventType.ConsultOrMeet => ("040", "04", "Consult"),
        EventType.Call => ("041", "04", "Consult"),
        EventType.Visit => ("042", "04", "Consult"),
        EventType.Negotiate => ("046", "04", "Consult"),
        EventType.Agreement => ("057", "05", "Engage in diplomatic cooperation"),
        EventType.Ceasefire => ("0871", "08", "Yield"),
        EventType.ProvideAid => ("070", "07", "Provide aid"),
        EventType.Investment => ("061", "06", "Engage in material cooperation"),
        EventType.Demand => ("100", "10", "Demand"),
        EventType.Criticise => ("111", "11", "Disapprove"),
        EventType.Reject => ("120", "12", "Reject"),
        EventType.Threaten => ("130", "13", "Threaten"),
        EventType.Protest => ("140", "14", "Protest"),
        EventType.Sanction or EventType.Ban => ("163", "16", "Reduce relations"),
        EventType.Resign => ("0831", "08", "Yield"),
        EventType.Arrest or EventType.Charge or EventType.Lawsuit => ("173", "17", "Coerce"),
        EventType.Attack or EventType.Fight => ("190", "19", "Fight"),
        EventType.Killing => ("1823", "18", "Assault"),
        _ => ("", "", ""),
    };

    /// <summary>The ACE/ERE-style code: class and subtype ("personnel.appoint", "contact.meet", "agreement").</summary>
    public static string Code(EventType type) => type switch
    {
        EventType.ConsultOrMeet => "contact.meet",
        EventType.Visit => "contact.visit",
        EventType.Negotiate => "contact.talks",
        EventType.Call => "contact.call",
        EventType.Agreement => "agreement",
        EventType.Ceasefire => "agreement.ceasefire",
        EventType.Acquisition => "transaction.acquisition",
        EventType.Merger => "transaction.merger",
        EventType.Bid => "transaction.bid",
        EventType.Investment => "transaction.investment",
        EventType.Sale => "transaction.sale",
        EventType.Appoint => "personnel.appoint",
        EventType.Resign => "personnel.resign",
        EventType.Elect => "personnel.elect",
        EventType.Dismiss => "personnel.dismiss",
        EventType.Retire => "personnel.retire",
        EventType.Arrest => "justice.arrest",
        EventType.Charge => "justice.charge",
        EventType.Trial => "justice.trial",
        EventType.Verdict => "justice.verdict",
        EventType.Sentence => "justice.sentence",
        EventType.Lawsuit => "justice.lawsuit",
        EventType.Ruling => "justice.ruling",
        EventType.Fine => "justice.fine",
        EventType.Ban => "justice.ban",
        EventType.Attack => "conflict.attack",
        EventType.Fight => "conflict.fight",
        EventType.Killing => "conflict.kill",
        EventType.Protest => "protest",
        EventType.ProductLaunch => "release.product",
        EventType.MediaRelease => "release.media",
        EventType.Publication => "release.publication",
        EventType.Prize => "award.prize",
        EventType.MatchResult => "award.result",
        EventType.Bill => "legislation.bill",
        EventType.Vote => "legislation.vote",
        EventType.EconomicFigure => "economy.figure",
        EventType.ProvideAid => "aid",
        EventType.Sanction => "sanction",
        EventType.Appeal => "statement.appeal",
        EventType.IntentToCooperate => "statement.pledge",
        EventType.Demand => "statement.demand",
        EventType.Criticise => "statement.criticism",
        EventType.Reject => "statement.rejection",
        EventType.Threaten => "statement.threat",
        _ => "statement",
    };

    /// <summary>The class: the part of <see cref="Code"/> before the dot.</summary>
    public static string Class(EventType type) => Code(type).Split('.')[0];

    /// <summary>snake_case name used by the API ("consult_or_meet").</summary>
    public static string Name(EventType type) => string.Concat(type.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static bool TryParse(string name, out EventType type)
    {
        foreach (var candidate in Enum.GetValues<EventType>())
        {
            if (Name(candidate) == name.Trim().ToLowerInvariant())
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>What a trigger word signals: its type, whether it is a verb (stronger evidence than a noun), and what it needs around it.</summary>
    internal readonly record struct Trigger(EventType Type, bool Verb, TriggerNeeds Needs);

    /// <summary>Trigger words (lower case, as written).</summary>
    internal static readonly Dictionary<string, Trigger> Triggers = Build(
        (EventType.Statement, ["announced", "announces", "declared", "declares", "unveiled plans", "denied", "denies", "warned", "warns", "insisted", "insists",
            "confirmed", "confirms", "admitted", "admits", "revealed", "reveals", "apologised", "apologized", "apologises", "apologizes"], ["announcement", "declaration", "denial", "warning", "apology"], TriggerNeeds.None),
        (EventType.Appeal, ["urged", "urges", "urging", "appealed", "pleaded"], ["appeal", "plea"], TriggerNeeds.None),
        (EventType.IntentToCooperate, ["pledged", "pledges", "vowed"], ["pledge"], TriggerNeeds.None),
        (EventType.ConsultOrMeet, ["met", "meet", "meets", "hosted", "consulted", "conferred"], ["meeting", "meetings", "summit", "talks"], TriggerNeeds.Parties),
        (EventType.Visit, ["visited", "visits", "visiting", "toured", "arrived", "travelled", "traveled", "flew", "embarked"], ["visit", "trip", "tour", "mission"], TriggerNeeds.None),
        (EventType.Call, ["phoned", "telephoned"], ["phone call", "telephone call"], TriggerNeeds.Parties),
        (EventType.Negotiate, ["negotiate", "negotiated", "negotiating", "mediated", "mediating"], ["negotiations", "negotiation", "mediation", "negotiators"], TriggerNeeds.None),
        (EventType.Agreement, ["agreed", "signed", "ratified"], ["agreement", "deal", "accord", "treaty", "accords", "contract", "settlement"], TriggerNeeds.None),
        (EventType.Ceasefire, [], ["ceasefire", "cease-fire", "ceasefires", "truce", "armistice"], TriggerNeeds.None),
        (EventType.ProvideAid, ["donated"], ["aid", "assistance", "relief"], TriggerNeeds.Violence),
        (EventType.Demand, ["demanded"], ["ultimatum"], TriggerNeeds.None),
        (EventType.Criticise, ["criticized", "criticised", "condemned", "denounced", "slammed", "rebuked", "attacked", "accused", "accuses", "lambasted", "blasted"], ["criticism", "condemnation"], TriggerNeeds.None),
        (EventType.Reject, ["rejected", "rejects", "vetoed"], ["rejection", "veto"], TriggerNeeds.None),
        (EventType.Threaten, ["threatened", "threatens"], ["threat", "threats"], TriggerNeeds.None),
        (EventType.Protest, ["protested", "protesting", "demonstrated", "marched", "rallied"], ["protest", "protests", "protesters", "protestors", "demonstrators", "demonstration", "rally", "walkout"], TriggerNeeds.ProtestContext),
        (EventType.Sanction, ["sanctioned", "embargoed", "boycotted"], ["sanctions", "embargo", "boycott"], TriggerNeeds.None),
        (EventType.Resign, ["resigned", "resigns", "quit", "quits"], ["resignation"], TriggerNeeds.None),
        (EventType.Arrest, ["arrested", "detained"], ["arrest", "arrests", "detention"], TriggerNeeds.None),
        (EventType.Attack, ["bombed", "shelled", "invaded", "raided", "stormed", "struck"], ["attack", "attacks", "airstrike", "airstrikes", "offensive", "assault", "raid", "bombing", "incursion", "invasion"], TriggerNeeds.Violence),
        (EventType.Fight, ["fought", "clashed"], ["fighting", "clashes", "hostilities"], TriggerNeeds.Violence),
        (EventType.Killing, ["killed", "murdered", "assassinated", "shot dead"], ["killings", "massacre", "murder"], TriggerNeeds.Violence),
        (EventType.Acquisition, ["acquired", "acquires", "bought", "buys", "snapped up", "buy", "acquire"], ["takeover", "acquisition", "buyout", "purchase", "takeovers", "acquisitions", "purchases"], TriggerNeeds.Business),
        (EventType.Merger, ["merged", "merge", "merging"], ["merger"], TriggerNeeds.Business),
        (EventType.Bid, [], ["bid"], TriggerNeeds.Business),
        (EventType.Investment, ["invested", "invests"], ["investment"], TriggerNeeds.Business | TriggerNeeds.Figure),
        (EventType.Sale, ["sold", "sells", "offloaded", "sell"], ["disposal"], TriggerNeeds.Business),
        (EventType.Appoint, ["appointed", "appoints", "named", "hired", "recruited", "succeeded", "replaced"], ["appointment"], TriggerNeeds.Office),
        (EventType.Elect, ["elected", "re-elected"], ["election victory"], TriggerNeeds.None),
        (EventType.Dismiss, ["sacked", "fired", "ousted", "axed", "dismissed"], ["sacking", "dismissal"], TriggerNeeds.PersonPatient),
        (EventType.Retire, ["retired", "retires", "retire"], ["retirement"], TriggerNeeds.None),
        (EventType.Charge, ["charged", "indicted"], ["charges"], TriggerNeeds.None),
        (EventType.Trial, [], ["trial"], TriggerNeeds.Court),
        (EventType.Verdict, ["convicted", "acquitted", "found guilty", "cleared"], ["verdict", "conviction"], TriggerNeeds.Court),
        (EventType.Sentence, ["sentenced", "jailed"], ["sentence", "jail term"], TriggerNeeds.None),
        (EventType.Lawsuit, ["sued", "suing", "sues"], ["lawsuit", "lawsuits", "legal action", "court action"], TriggerNeeds.None),
        (EventType.Ruling, ["ruled", "overturned", "upheld"], ["ruling", "judgement", "judgment"], TriggerNeeds.Court),
        (EventType.Fine, ["fined"], ["fine"], TriggerNeeds.Figure),
        (EventType.Ban, ["banned", "suspended", "barred"], ["ban"], TriggerNeeds.None),
        (EventType.ProductLaunch, ["launched", "launches", "launching", "unveiled", "unveils", "went on sale", "goes on sale"], ["launch"], TriggerNeeds.Product),
        (EventType.MediaRelease, ["released", "releases", "premiered"], ["release", "premiere"], TriggerNeeds.Work),
        (EventType.Publication, ["published", "publishes"], ["publication"], TriggerNeeds.Work),
        (EventType.Prize, ["awarded", "nominated", "scooped", "honoured", "honored", "bagged", "collected", "received", "picked", "took", "taking", "takes", "went", "beaten"], ["nomination", "nominations", "winners", "winner", "nominee", "nominees"], TriggerNeeds.Award),
        (EventType.MatchResult, ["beat", "beats", "beating", "defeated", "defeating", "thrashed", "drew", "edged", "overcame"], ["victory", "defeat", "defeats", "draw", "thrashing"], TriggerNeeds.Contest),
        (EventType.Bill, ["passed", "approved", "enacted"], ["bill", "legislation"], TriggerNeeds.Legislature),
        (EventType.Vote, ["voted"], ["vote", "referendum", "ballot"], TriggerNeeds.Legislature),
        (EventType.EconomicFigure, [], ["profit", "profits", "losses", "sales", "revenue", "revenues", "earnings", "turnover", "growth", "inflation", "unemployment", "gdp", "output", "exports", "imports", "deficit", "contraction", "consumption", "spending", "employment", "jobless", "prices", "pay", "economy", "shares", "confidence", "index", "dollar", "rates", "debt", "users", "subscribers"], TriggerNeeds.Change),
        (EventType.EconomicFigure, ["earned", "earns", "earning", "totalled", "totaled"], [], TriggerNeeds.Figure));

    /// <summary>"won" and "win" are a prize or a result, by what follows: a contest or an award.</summary>
    internal static readonly HashSet<string> Winning = new(StringComparer.Ordinal) { "won", "wins", "win", "winning", "lost", "loses", "lose" };

    /// <summary>A verb and its particle, read before single words; the trigger spans both ("stepped down").</summary>
    internal static readonly Dictionary<(string Verb, string Particle), EventType> VerbPhrases = new()
    {
        [("called", "on")] = EventType.Appeal,
        [("called", "for")] = EventType.Appeal,
        [("sat", "down")] = EventType.ConsultOrMeet,
        [("stepped", "down")] = EventType.Resign,
        [("stepping", "down")] = EventType.Resign,
        [("steps", "down")] = EventType.Resign,
        [("took", "over")] = EventType.Acquisition,
        [("takes", "over")] = EventType.Acquisition,
        [("snapped", "up")] = EventType.Acquisition,
        [("knocked", "out")] = EventType.MatchResult,
        [("edged", "past")] = EventType.MatchResult,
        [("edging", "past")] = EventType.MatchResult,
        [("eased", "past")] = EventType.MatchResult,
        [("easing", "past")] = EventType.MatchResult,
        [("cruised", "past")] = EventType.MatchResult,
        [("swept", "past")] = EventType.MatchResult,
        [("saw", "off")] = EventType.MatchResult,
        [("went", "on")] = EventType.ProductLaunch,
        [("goes", "on")] = EventType.ProductLaunch,
        [("unveiled", "plans")] = EventType.Statement,
        [("rolling", "out")] = EventType.ProductLaunch,
        [("rolled", "out")] = EventType.ProductLaunch,
        [("rolls", "out")] = EventType.ProductLaunch,
        [("shot", "dead")] = EventType.Killing,
        [("found", "guilty")] = EventType.Verdict,
        [("pleaded", "guilty")] = EventType.Verdict,
        [("sworn", "in")] = EventType.Appoint,
        [("pleads", "guilty")] = EventType.Verdict,
    };

    /// <summary>Nouns whose type the word before them decides: "ceasefire talks" are negotiations, a "general strike" a protest.</summary>
    internal static readonly Dictionary<(string Modifier, string Noun), EventType> Compounds = BuildCompounds(
        (EventType.Negotiate, ["ceasefire", "cease-fire", "peace", "truce", "trade", "pay", "merger", "takeover"], ["talks"]),
        (EventType.Protest, ["general", "hunger", "labour", "labor", "national", "rail", "postal"], ["strike", "strikes"]),
        (EventType.Bid, ["takeover", "hostile", "rival", "cash", "buyout"], ["bid", "offer", "approach"]),
        (EventType.Call, ["phone", "telephone"], ["call", "conversation"]),
        (EventType.Elect, ["election"], ["victory", "win"]),
        (EventType.Lawsuit, ["legal", "formal"], ["complaint"]),
        (EventType.Lawsuit, ["legal", "court"], ["action"]),
        (EventType.Sentence, ["jail", "prison"], ["term", "sentence"]));

    /// <summary>The first words of <see cref="VerbPhrases"/> and the nouns of <see cref="Compounds"/>: most tokens are neither, so the pair lookups are skipped.</summary>
    internal static readonly HashSet<string> PhraseVerbs = VerbPhrases.Keys.Select(k => k.Verb).ToHashSet(StringComparer.Ordinal);

    internal static readonly HashSet<string> CompoundNouns = Compounds.Keys.Select(k => k.Noun).ToHashSet(StringComparer.Ordinal);

    private static Dictionary<(string, string), EventType> BuildCompounds(params (EventType Type, string[] Modifiers, string[] Nouns)[] entries) =>
        entries.SelectMany(e => e.Modifiers.SelectMany(m => e.Nouns.Select(n => (Key: (m, n), e.Type)))).ToDictionary(x => x.Key, x => x.Type);

    private static Dictionary<string, Trigger> Build(params (EventType Type, string[] Verbs, string[] Nouns, TriggerNeeds Needs)[] entries)
    {
        var map = new Dictionary<string, Trigger>(StringComparer.Ordinal);
        foreach (var (type, verbs, nouns, needs) in entries)
        {
            // Multi-word entries are read through VerbPhrases and Compounds; single words here.
            foreach (var verb in verbs.Where(v => !v.Contains(' ')))
            {
                map.TryAdd(verb, new Trigger(type, true, needs));
            }

            foreach (var noun in nouns.Where(n => !n.Contains(' ')))
            {
                map.TryAdd(noun, new Trigger(type, false, needs));
            }
        }

        return map;
    }
}
