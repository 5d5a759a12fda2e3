using System.Globalization;

namespace NewsApi.Nlp.Quotes;

/// <summary>A gold attribution: what was said (one or more character ranges) and who said it (none when unstated).</summary>
/// <param name="Content">The content's ranges (start, end), in file order.</param>
/// <param name="Source">The source's ranges; empty when the attribution has no source.</param>
/// <param name="Cue">The cue's ranges ("said", "according to").</param>
public sealed record GoldAttribution(IReadOnlyList<(int Start, int End)> Content, IReadOnlyList<(int Start, int End)> Source, IReadOnlyList<(int Start, int End)> Cue);

/// <summary>An article of an attribution corpus with its gold attributions.</summary>
public sealed record AttributionDocument(string Name, string Text, IReadOnlyList<GoldAttribution> Attributions);

/// <summary>
/// Reads attribution corpora in PolNeAR's layout: <c>text/NAME.txt</c> beside <c>attributions/NAME_xxxx.ann</c> in
/// brat standoff (text-bound <c>T</c> lines for Source, Cue and Content spans, which may be discontinuous,
/// "start end;start end", and <c>E</c> lines that tie them into one attribution).
/// </summary>
public static class AttributionCorpus
{
    public static IEnumerable<AttributionDocument> Read(string directory)
    {
        var texts = Path.Combine(directory, "text");
        var annotations = Path.Combine(directory, "attributions");
        if (!Directory.Exists(texts) || !Directory.Exists(annotations))
        {
            throw new DirectoryNotFoundException($"{directory} needs text/ and attributions/ folders (PolNeAR layout).");
        }

        foreach (var path in Directory.EnumerateFiles(texts, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            // NAME.ann, or NAME_<annotator>.ann as PolNeAR names them (the first, when several annotated it).
            var ann = Path.Combine(annotations, name + ".ann");
            if (!File.Exists(ann))
            {
                ann = Directory.EnumerateFiles(annotations, name + "_*.ann").Order(StringComparer.Ordinal).FirstOrDefault() ?? ann;
            }

            var text = File.ReadAllText(path);
            yield return new AttributionDocument(name, text, File.Exists(ann) ? Parse(File.ReadAllLines(ann)) : []);
        }
    }

    /// <summary>The attributions of one .ann file.</summary>
    public static List<GoldAttribution> Parse(IEnumerable<string> lines)
    {
        var spans = new Dictionary<string, (string Label, List<(int, int)> Ranges)>(StringComparer.Ordinal);
        var relations = new List<Dictionary<string, string>>();
        foreach (var line in lines)
        {
            var fields = line.Split('\t');
            if (fields.Length < 2)
            {
                continue;
            }

            if (line.StartsWith('T'))
            {
                var space = fields[1].IndexOf(' ', StringComparison.Ordinal);
                if (space < 0)
                {
                    continue;
                }

                var ranges = new List<(int, int)>();
                foreach (var range in fields[1][(space + 1)..].Split(';'))
                {
                    var bounds = range.Trim().Split(' ');
                    if (bounds.Length == 2 && int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                        && int.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end) && end > start)
                    {
                        ranges.Add((start, end));
                    }
                }

                spans[fields[0]] = (fields[1][..space], ranges);
            }
            else if (line.StartsWith('E'))
            {
                relations.Add(fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(part => part.Split(':'))
                    .Where(kv => kv.Length == 2)
                    .GroupBy(kv => kv[0].TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'))
                    .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal));
            }
        }

        var result = new List<GoldAttribution>();
        foreach (var relation in relations)
        {
            if (!relation.TryGetValue("Content", out var content) || !spans.TryGetValue(content, out var contentSpan) || contentSpan.Ranges.Count == 0)
            {
                continue;
            }

            var source = relation.TryGetValue("Source", out var s) && spans.TryGetValue(s, out var sourceSpan) ? sourceSpan.Ranges : [];
            var cue = relation.TryGetValue("Cue", out var c) && spans.TryGetValue(c, out var cueSpan) ? cueSpan.Ranges : [];
            result.Add(new GoldAttribution(contentSpan.Ranges, source, cue));
        }

        return result;
    }
}
