using NewsApi.Nlp.Training.Ner;
using System.Text.RegularExpressions;
using NewsApi.Nlp.Ner;

namespace NewsApi.Cli;

/// <summary>
/// Case and tokenisation augmentation of the training corpus (for text that is not edited news): copies of a
/// share of the documents in which sentences are lower-cased, upper-cased, title-cased, have only their
/// names lower-cased, or have hyphenated words split into "a - b" as in Universal Dependencies tokenisation.
/// </summary>
public static partial class Augmentation
{
    /// <summary>Appends the augmented copies to <paramref name="train"/>; returns each document's jackknife group (null: none added).</summary>
    public static List<int>? Apply(List<ConllDocument> train, Arguments args)
    {
        var copies = Double(args, "aug-copies", 0);
        if (copies <= 0)
        {
            return null;
        }

        var lower = Double(args, "aug-lower", 0);
        var names = Double(args, "aug-names-lower", 0);
        var upper = Double(args, "aug-upper", 0);
        var title = Double(args, "aug-title", 0);
        var hyphen = Double(args, "aug-hyphen", 0);
        var random = new Random(args.Int("aug-seed", 7));
        var groups = Enumerable.Range(0, train.Count).ToList();
        var originals = train.Count;
        var changed = 0;
        var sentences = 0;
        for (var d = 0; d < originals; d++)
        {
            if (random.NextDouble() >= copies)
            {
                continue;
            }

            var copy = new ConllDocument();
            foreach (var sentence in train[d].Sentences)
            {
                var tokens = (string[])sentence.Tokens.Clone();
                var entities = sentence.Entities.ToList();
                var roll = random.NextDouble();
                var any = true;
                if (roll < lower)
                {
                    for (var i = 0; i < tokens.Length; i++) tokens[i] = tokens[i].ToLowerInvariant();
                }
                else if (roll < lower + names)
                {
                    foreach (var e in entities)
                    {
                        for (var i = e.Start; i < e.End; i++) tokens[i] = tokens[i].ToLowerInvariant();
                    }
                }
                else if (roll < lower + names + upper)
                {
                    for (var i = 0; i < tokens.Length; i++) tokens[i] = tokens[i].ToUpperInvariant();
                }
                else if (roll < lower + names + upper + title)
                {
                    for (var i = 0; i < tokens.Length; i++)
                    {
                        var t = tokens[i];
                        if (t.Length > 0 && char.IsLetter(t[0]) && t.Skip(1).All(c => !char.IsUpper(c)))
                        {
                            tokens[i] = char.ToUpperInvariant(t[0]) + t[1..];
                        }
                    }
                }
                else
                {
                    any = false;
                }

                if (hyphen > 0 && random.NextDouble() < hyphen)
                {
                    (tokens, entities) = SplitHyphens(tokens, entities);
                }

                changed += any ? 1 : 0;
                sentences++;
                copy.Sentences.Add(new ConllSentence(tokens, entities));
            }

            train.Add(copy);
            groups.Add(d);
        }

        Console.WriteLine($"augmentation: {train.Count - originals} copied documents, {sentences:N0} sentences, {changed:N0} case-changed");
        return groups;
    }

    private static (string[], List<TokenSpan>) SplitHyphens(string[] tokens, List<TokenSpan> entities)
    {
        var map = new int[tokens.Length + 1];
        var output = new List<string>();
        for (var i = 0; i < tokens.Length; i++)
        {
            map[i] = output.Count;
            if (Hyphenated().IsMatch(tokens[i]))
            {
                var parts = tokens[i].Split('-');
                for (var k = 0; k < parts.Length; k++)
                {
                    if (k > 0) output.Add("-");
                    output.Add(parts[k]);
                }
            }
            else
            {
                output.Add(tokens[i]);
            }
        }

        map[tokens.Length] = output.Count;
        return ([.. output], entities.Select(e => new TokenSpan(map[e.Start], map[e.End], e.Type)).ToList());
    }

    private static double Double(Arguments args, string name, double fallback) =>
        args.Option(name) is { } v ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    [GeneratedRegex(@"^\p{L}+(-\p{L}+)+$")]
    private static partial Regex Hyphenated();
}
