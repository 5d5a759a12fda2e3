namespace NewsApi.Nlp.Ner;

/// <summary>The CoNLL-2003 entity types.</summary>
public enum EntityType : byte
{
    /// <summary>A person.</summary>
    PER,

    /// <summary>An organisation: companies, parties, teams, agencies, armed groups.</summary>
    ORG,

    /// <summary>A place: countries, cities, regions, geographic features.</summary>
    LOC,

    /// <summary>Everything else named: nationalities ("Israeli"), events, works, products.</summary>
    MISC,
}

/// <summary>An entity as a range of tokens.</summary>
public readonly record struct TokenSpan(int Start, int End, EntityType Type)
{
    public int Length => End - Start;
}

/// <summary>
/// The tag set of the tagger: BILOU (Begin, Inside, Last, Unit) for each type, and O. BILOU separates
/// single-token entities and entity ends, which helps a linear model more than IOB (Ratinov &amp; Roth 2009).
/// </summary>
public static class Bilou
{
    public const int Outside = 0;
    public const int Count = 1 + 4 * 4;

    public const int Begin = 0;
    public const int Inside = 1;
    public const int Last = 2;
    public const int Unit = 3;

    public static int Label(EntityType type, int position) => 1 + (int)type * 4 + position;

    public static EntityType TypeOf(int label) => (EntityType)((label - 1) / 4);

    public static int PositionOf(int label) => (label - 1) % 4;

    public static string Name(int label) =>
        label == Outside ? "O" : $"{"BILU"[PositionOf(label)]}-{TypeOf(label)}";

    /// <summary>Can <paramref name="label"/> follow <paramref name="previous"/>? (-1 = sentence start.)</summary>
    public static bool Allowed(int previous, int label)
    {
        var open = previous > 0 && PositionOf(previous) is Begin or Inside;
        if (label == Outside)
        {
            return !open;
        }

        var position = PositionOf(label);
        if (position is Begin or Unit)
        {
            return !open;
        }

        return open && TypeOf(previous) == TypeOf(label);
    }

    /// <summary>Can a sentence end after <paramref name="label"/>?</summary>
    public static bool CanEnd(int label) => label == Outside || PositionOf(label) is Last or Unit;

    public static void Encode(IReadOnlyList<TokenSpan> spans, Span<byte> labels)
    {
        labels.Clear();
        foreach (var span in spans)
        {
            if (span.Length == 1)
            {
                labels[span.Start] = (byte)Label(span.Type, Unit);
                continue;
            }

            labels[span.Start] = (byte)Label(span.Type, Begin);
            for (var i = span.Start + 1; i < span.End - 1; i++)
            {
                labels[i] = (byte)Label(span.Type, Inside);
            }

            labels[span.End - 1] = (byte)Label(span.Type, Last);
        }
    }

    /// <summary>Reads spans back from labels, repairing any ill-formed sequence the way conlleval would read it.</summary>
    public static List<TokenSpan> Decode(ReadOnlySpan<byte> labels)
    {
        var spans = new List<TokenSpan>();
        var start = -1;
        var type = EntityType.PER;
        for (var i = 0; i <= labels.Length; i++)
        {
            var label = i < labels.Length ? labels[i] : Outside;
            var position = label == Outside ? -1 : PositionOf(label);
            var continues = start >= 0 && label != Outside && TypeOf(label) == type && position is Inside or Last;
            if (!continues && start >= 0)
            {
                spans.Add(new TokenSpan(start, i, type));
                start = -1;
            }

            if (label == Outside)
            {
                continue;
            }

            if (start < 0)
            {
                start = i;
                type = TypeOf(label);
            }

            if (position is Last or Unit)
            {
                spans.Add(new TokenSpan(start, i + 1, type));
                start = -1;
            }
        }

        return spans;
    }
}
