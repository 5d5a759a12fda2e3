namespace NewsApi.Nlp.Text;

/// <summary>
/// A set of character spans (start inclusive, end exclusive) that answers "is this offset inside any of them?"
/// by binary search over their union, so that checking every token of a long text stays n log n.
/// </summary>
public sealed class SpanSet
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    public SpanSet(IEnumerable<(int Start, int End)> spans)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var (start, end) in spans.Where(s => s.End > s.Start).OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, end));
            }
            else
            {
                merged.Add((start, end));
            }
        }

        _starts = merged.Select(s => s.Start).ToArray();
        _ends = merged.Select(s => s.End).ToArray();
    }

    public static SpanSet Empty { get; } = new([]);

    /// <summary>Does any span overlap [start, end)?</summary>
    public bool Overlaps(int start, int end)
    {
        // The last span starting before end is the only one that can reach past start.
        var index = Array.BinarySearch(_starts, end);
        index = (index < 0 ? ~index : index) - 1;
        return index >= 0 && _ends[index] > start;
    }

    /// <summary>How many characters of [start, end) the spans cover.</summary>
    public int CoveredWithin(int start, int end)
    {
        var index = Array.BinarySearch(_starts, start);
        index = Math.Max(0, (index < 0 ? ~index : index) - 1);
        var covered = 0;
        for (; index < _starts.Length && _starts[index] < end; index++)
        {
            covered += Math.Max(0, Math.Min(_ends[index], end) - Math.Max(_starts[index], start));
        }

        return covered;
    }

    public bool Contains(int offset)
    {
        var index = Array.BinarySearch(_starts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return index >= 0 && offset < _ends[index];
    }
}
