namespace NewsApi.Nlp.Events;

/// <summary>
/// NewsApi's event types, each mapped to a CAMEO code (Schrodt 2012; root category = the first two digits).
/// The mapping and trigger words are documented in docs/events.md.
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
}

public static class EventTypes
{
    /// <summary>The CAMEO code of each type and the CAMEO root category it belongs to.</summary>
    public static (string Code, string Root, string RootName) Cameo(EventType type) => type switch
    {
        EventType.Statement => ("010", "01", "Make public statement"),
        EventType.Appeal => ("020", "02", "Appeal"),
        EventType.IntentToCooperate => ("030", "03", "Express intent to cooperate"),
        EventType.ConsultOrMeet => ("040", "04", "Consult"),
        EventType.Visit => ("042", "04", "Consult"),
        EventType.Negotiate => ("046", "04", "Consult"),
        EventType.Agreement => ("057", "05", "Engage in diplomatic cooperation"),
        EventType.Ceasefire => ("0871", "08", "Yield"),
        EventType.ProvideAid => ("070", "07", "Provide aid"),
        EventType.Demand => ("100", "10", "Demand"),
        EventType.Criticise => ("111", "11", "Disapprove"),
        EventType.Reject => ("120", "12", "Reject"),
        EventType.Threaten => ("130", "13", "Threaten"),
        EventType.Protest => ("140", "14", "Protest"),
        EventType.Sanction => ("163", "16", "Reduce relations"),
        EventType.Resign => ("0831", "08", "Yield"),
        EventType.Arrest => ("173", "17", "Coerce"),
        EventType.Attack => ("190", "19", "Fight"),
        EventType.Fight => ("190", "19", "Fight"),
        EventType.Killing => ("1823", "18", "Assault"),
        _ => ("000", "00", "Unknown"),
    };

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

    /// <summary>Trigger words (lower case, as written) and the type they signal; verbs are stronger evidence than nouns.</summary>
    internal static readonly Dictionary<string, (EventType Type, bool Verb)> Triggers = Build(
        (EventType.Statement, ["announced", "announces", "declared", "declares"], ["announcement", "statement", "declaration"]),
        (EventType.Appeal, ["urged", "urges", "urging", "appealed", "pressed", "pleaded"], ["appeal", "plea"]),
        (EventType.IntentToCooperate, ["pledged", "pledges", "promised", "vowed", "offered"], ["pledge", "promise"]),
        (EventType.ConsultOrMeet, ["met", "meet", "meets", "meeting", "hosted", "consulted", "conferred"], ["meeting", "meetings", "summit", "talks"]),
        (EventType.Visit, ["visited", "visits", "visiting", "arrived", "traveled", "travelled", "toured", "embark", "embarks"], ["visit", "trip", "tour", "mission"]),
        (EventType.Negotiate, ["negotiate", "negotiated", "negotiating", "mediated", "mediating"], ["negotiations", "negotiation", "mediation", "negotiators"]),
        (EventType.Agreement, ["agreed", "signed", "ratified"], ["agreement", "deal", "accord", "treaty", "accords"]),
        (EventType.Ceasefire, [], ["ceasefire", "cease-fire", "ceasefires", "truce", "armistice"]),
        (EventType.ProvideAid, ["delivered", "donated"], ["aid", "assistance", "relief"]),
        (EventType.Demand, ["demanded", "demands", "demanding"], ["demand", "ultimatum"]),
        (EventType.Criticise, ["criticized", "criticised", "condemned", "denounced", "accused", "blamed", "slammed", "rebuked"], ["criticism", "condemnation"]),
        (EventType.Reject, ["rejected", "rejects", "refused", "refuses", "dismissed", "vetoed"], ["rejection", "veto"]),
        (EventType.Threaten, ["threatened", "threatens", "threatening"], ["threat", "threats"]),
        (EventType.Protest, ["protested", "protesting", "demonstrated", "rallied", "marched"], ["protest", "protests", "protesters", "protestors", "demonstrators", "demonstration", "rally"]),
        (EventType.Sanction, ["sanctioned", "embargoed", "boycotted"], ["sanctions", "embargo", "boycott"]),
        (EventType.Resign, ["resigned", "resigns", "quit"], ["resignation", "departure"]),
        (EventType.Arrest, ["arrested", "detained", "jailed", "charged"], ["arrest", "arrests", "detention"]),
        (EventType.Attack, ["attacked", "struck", "bombed", "shelled", "invaded", "raided", "stormed"], ["attack", "attacks", "airstrike", "airstrikes", "strike", "offensive", "assault", "raid", "bombing", "incursion", "invasion"]),
        (EventType.Fight, ["fought", "clashed", "fighting"], ["war", "fighting", "clashes", "battle", "hostilities"]),
        (EventType.Killing, ["killed", "killing", "murdered", "assassinated"], ["killings", "deaths", "massacre"]));

    /// <summary>A verb and its particle, read before single words; the trigger spans both ("stepped down").</summary>
    internal static readonly Dictionary<(string Verb, string Particle), EventType> VerbPhrases = new()
    {
        [("called", "on")] = EventType.Appeal,
        [("called", "for")] = EventType.Appeal,
        [("sat", "down")] = EventType.ConsultOrMeet,
        [("stepped", "down")] = EventType.Resign,
        [("stepping", "down")] = EventType.Resign,
    };

    /// <summary>Nouns whose type the word before them decides: "ceasefire talks" are negotiations, a "general strike" a protest.</summary>
    internal static readonly Dictionary<(string Modifier, string Noun), EventType> Compounds = BuildCompounds(
        (EventType.Negotiate, ["ceasefire", "cease-fire", "peace", "truce"], ["talks"]),
        (EventType.Protest, ["general", "hunger", "labour", "labor"], ["strike", "strikes"]));

    /// <summary>The first words of <see cref="VerbPhrases"/> and the nouns of <see cref="Compounds"/>: most tokens are neither, so the pair lookups are skipped.</summary>
    internal static readonly HashSet<string> PhraseVerbs = VerbPhrases.Keys.Select(k => k.Verb).ToHashSet(StringComparer.Ordinal);

    internal static readonly HashSet<string> CompoundNouns = Compounds.Keys.Select(k => k.Noun).ToHashSet(StringComparer.Ordinal);

    private static Dictionary<(string, string), EventType> BuildCompounds(params (EventType Type, string[] Modifiers, string[] Nouns)[] entries) =>
        entries.SelectMany(e => e.Modifiers.SelectMany(m => e.Nouns.Select(n => (Key: (m, n), e.Type)))).ToDictionary(x => x.Key, x => x.Type);

    private static Dictionary<string, (EventType, bool)> Build(params (EventType Type, string[] Verbs, string[] Nouns)[] entries)
    {
        var map = new Dictionary<string, (EventType, bool)>(StringComparer.Ordinal);
        foreach (var (type, verbs, nouns) in entries)
        {
            foreach (var verb in verbs)
            {
                map[verb] = (type, true);
            }

            foreach (var noun in nouns)
            {
                map.TryAdd(noun, (type, false));
            }
        }

        return map;
    }
}
