using System.Text.RegularExpressions;
using NewsApi.Nlp.Normalisation;

namespace NewsApi.Nlp.Ner;

/// <summary>
/// Deterministic repairs after tagging, each a rule of news English rather than of any one corpus:
/// <list type="bullet">
/// <item>a person's name takes in a following name particle ("Abdel Fattah al-Sisi", "Ursula von der Leyen");</item>
/// <item>a sentence-initial word that is almost never capitalised mid-sentence is not part of a name ("Even Bennett");</item>
/// <item>an institution named "X for/of Y" is one organisation ("Center for a New American Security",
/// "Bank of England"), whatever the tagger made of its parts;</item>
/// <item>a "name" ending in a word that ends names of treaties or events is not a person ("Abraham Accords");</item>
/// <item>one sense per document: a word tagged alone with another type, or missed, while it ends a person's
/// full name elsewhere in the document is that person ("Biden administration" after "Joe Biden").</item>
/// </list>
/// </summary>
public static partial class DocumentConsistency
{
    /// <summary>Capitalised words that head the names of institutions written "X for/of Y".</summary>
    private static readonly HashSet<string> InstitutionHeads = new(StringComparer.Ordinal)
    {
        "Center", "Centre", "Institute", "Council", "Committee", "Foundation", "Society", "University", "College",
        "Department", "Ministry", "Bureau", "Office", "Agency", "Commission", "Association", "Federation", "League",
        "Coalition", "Campaign", "Movement", "Fund", "Bank", "Court", "Organization", "Organisation", "Academy",
        "Board", "Authority", "Corporation", "Church", "Order", "Union", "Alliance", "Party", "Museum", "School",
    };

    private static readonly HashSet<string> NameConnectors = new(StringComparer.Ordinal) { "and", "&", "of", "for", "the", "on", "de" };

    public static bool Enabled { get; set; } = true;

    public static void Apply(TaggerDocument document, List<byte[]> labels, Lexicon lexicon)
    {
        if (!Enabled)
        {
            return;
        }

        for (var s = 0; s < labels.Count; s++)
        {
            JoinInstitutionNames(document.Sentences[s], labels[s]);
            var words = document.Sentences[s];
            var spans = Bilou.Decode(labels[s]);
            var changed = false;
            for (var k = 0; k < spans.Count; k++)
            {
                var span = spans[k];
                if (span.Type == EntityType.PER)
                {
                    var end = span.End;
                    while (end < words.Length && labels[s][end] == Bilou.Outside)
                    {
                        if (HyphenatedParticle().IsMatch(words[end].Word))
                        {
                            end++;
                        }
                        else if (PersonNames.IsParticle(words[end].Word) && end + 1 < words.Length && words[end + 1].InitialCapital
                                 && (labels[s][end + 1] == Bilou.Outside || Bilou.TypeOf(labels[s][end + 1]) == EntityType.PER))
                        {
                            end += labels[s][end + 1] == Bilou.Outside ? 2 : 1;
                        }
                        else
                        {
                            break;
                        }
                    }

                    if (end != span.End)
                    {
                        // Swallow a following PER span the particle joined to this one.
                        var next = k + 1 < spans.Count && spans[k + 1].Start < end ? spans[k + 1].End : end;
                        spans[k] = span with { End = Math.Max(end, next) };
                        if (next > end)
                        {
                            spans.RemoveAt(k + 1);
                        }

                        changed = true;
                        span = spans[k];
                    }
                }

                if (span.Type == EntityType.PER && span.Length > 1 && (lexicon.Lookup([words[span.End - 1].Lower]) & (1 << (int)Lexicon.List.MiscWord)) != 0)
                {
                    spans[k] = span = span with { Type = EntityType.MISC };
                    changed = true;
                }

                if (span.Start == 0 && span.Length > 1 && words[0].InitialCapital && !words[0].AllCapitals
                    && lexicon.CapitalisationOf(words[0]) == 1)
                {
                    spans[k] = span with { Start = 1 };
                    changed = true;
                }
            }

            if (changed)
            {
                Relabel(labels[s], spans);
            }
        }

        // Surnames: the last word of multi-word PER entities.
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < labels.Count; s++)
        {
            foreach (var span in Bilou.Decode(labels[s]))
            {
                if (span.Type == EntityType.PER && span.Length > 1)
                {
                    surnames.Add(document.Sentences[s][span.End - 1].Word);
                }
            }
        }

        if (surnames.Count == 0)
        {
            return;
        }

        for (var s = 0; s < labels.Count; s++)
        {
            var words = document.Sentences[s];
            var spans = Bilou.Decode(labels[s]);
            var changed = false;
            for (var k = 0; k < spans.Count; k++)
            {
                if (spans[k].Length == 1 && spans[k].Type != EntityType.PER && surnames.Contains(words[spans[k].Start].Word))
                {
                    spans[k] = spans[k] with { Type = EntityType.PER };
                    changed = true;
                }
            }

            if (changed)
            {
                Relabel(labels[s], spans);
            }
        }
    }

    private static void Relabel(byte[] labels, List<TokenSpan> spans) => Bilou.Encode(spans, labels);

    /// <summary>"Center for a New American Security": head word, for/of, an optional article, then capitalised words.</summary>
    private static void JoinInstitutionNames(WordForm[] words, byte[] labels)
    {
        for (var i = 0; i + 2 < words.Length; i++)
        {
            if (!InstitutionHeads.Contains(words[i].Word) || words[i + 1].Word is not ("for" or "of"))
            {
                continue;
            }

            var j = i + 2;
            if (words[j].Word is "a" or "an" or "the")
            {
                j++;
            }

            var end = j;
            while (end < words.Length && (words[end].InitialCapital || (NameConnectors.Contains(words[end].Word) && end + 1 < words.Length && words[end + 1].InitialCapital && end > j)))
            {
                end++;
            }

            if (end == j)
            {
                continue;
            }

            // Never cut through an entity that starts before the head or runs past the end, nor swallow a person.
            var spans = Bilou.Decode(labels);
            var start = i;
            if (spans.Any(x => (x.Start < start && x.End > start) || (x.Start < end && x.End > end) || (x.Type == EntityType.PER && x.Start >= start && x.End <= end)))
            {
                continue;
            }

            spans.RemoveAll(x => x.Start >= start && x.End <= end);
            spans.Add(new TokenSpan(start, end, EntityType.ORG));
            spans.Sort((a, b) => a.Start.CompareTo(b.Start));
            Bilou.Encode(spans, labels);
            i = end - 1;
        }
    }

    [GeneratedRegex(@"^(?:al|el|ad|as|ash|at|an|ar|az|abu|bin|ibn|bint|ben)-\p{Lu}")]
    private static partial Regex HyphenatedParticle();
}
