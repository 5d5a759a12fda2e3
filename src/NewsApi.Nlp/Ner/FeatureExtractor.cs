using System.Runtime.InteropServices;

namespace NewsApi.Nlp.Ner;

/// <summary>A document as the tagger sees it: sentences of word forms.</summary>
public sealed class TaggerDocument(List<WordForm[]> sentences)
{
    public List<WordForm[]> Sentences { get; } = sentences;

    /// <summary>The document features, computed once and shared by both stages.</summary>
    internal FeatureExtractor.DocumentContext? Context { get; set; }

    public static TaggerDocument FromWords(IEnumerable<IReadOnlyList<string>> sentences) =>
        new(sentences.Select(s => s.Select(w => WordForms.Of(WordForms.Normalize(w))).ToArray()).ToList());
}

/// <summary>Receives features token by token.</summary>
public interface IFeatureSink
{
    void Token(int sentence, int token, ReadOnlySpan<ulong> features);
}

/// <summary>The features of one sentence: for token i, <c>Features[Offsets[i]..Offsets[i + 1]]</c>.</summary>
public sealed class SentenceFeatures(ulong[] features, int[] offsets)
{
    public ulong[] Features { get; } = features;

    public int[] Offsets { get; } = offsets;

    public int Length => Offsets.Length - 1;

    public ReadOnlySpan<ulong> Of(int token) => Features.AsSpan(Offsets[token], Offsets[token + 1] - Offsets[token]);

    /// <summary>Each token's features from <paramref name="first"/> followed by those from <paramref name="second"/>.</summary>
    public static SentenceFeatures Concat(SentenceFeatures first, SentenceFeatures second)
    {
        var features = new ulong[first.Features.Length + second.Features.Length];
        var offsets = new int[first.Offsets.Length];
        var at = 0;
        for (var i = 0; i < first.Length; i++)
        {
            offsets[i] = at;
            first.Of(i).CopyTo(features.AsSpan(at));
            at += first.Of(i).Length;
            second.Of(i).CopyTo(features.AsSpan(at));
            at += second.Of(i).Length;
        }

        offsets[first.Length] = at;
        return new SentenceFeatures(features, offsets);
    }
}

/// <summary>
/// Computes the tagger's features. Local features describe a token and its ±2 window: the words, affixes,
/// shapes, capitalisation, gazetteer and cue-word matches, and how often the word is capitalised mid-sentence
/// in unlabeled news. Document features carry evidence from other occurrences of the same word: their
/// neighbours (context aggregation), whether the word also appears in lower case or capitalised mid-sentence,
/// and, in the second pass, the labels the first pass gave them (Ratinov &amp; Roth 2009's non-local features).
/// </summary>
public sealed class FeatureExtractor(Lexicon lexicon)
{
    private const int Bias = 1, Word = 2, Lower = 3, LowerPrev = 4, LowerNext = 5, LowerPrev2 = 6, LowerNext2 = 7,
        BigramPrev = 8, BigramNext = 9, Prefix = 10, Suffix = 11, ShapeT = 12, ShortShapeT = 13, ShapeWindow = 14,
        ShapePrev = 15, ShapeNext = 16, Flags = 17, HeadlineShape = 18, Gazetteer = 19, GazetteerCapitalised = 20,
        GazetteerPrev = 21, GazetteerNext = 22, Capitalisation = 23, CapitalisationContext = 24, Cluster = 25,
        ClusterPrev = 26, ClusterNext = 27, AggregatePrev = 28, AggregateNext = 29, LowerElsewhere = 30,
        CapitalisedElsewhere = 31, FirstPassLabel = 40, FirstPassPrev = 41, FirstPassNext = 42, FirstPassMajority = 43,
        FirstPassShare = 44, FirstPassContaining = 45, FirstPassPhrase = 46;

    /// <summary>Template of transition features (previous label → label).</summary>
    public const int Transition = 60;

    private const int MaxAggregatedOccurrences = 8;

    /// <summary>The first-stage features (local and document) of every sentence of a document.</summary>
    public List<SentenceFeatures> Extract(TaggerDocument document)
    {
        var collector = new Collector(document);
        Visit(document, collector);
        return collector.Sentences;
    }

    /// <summary>The features the second stage adds: evidence from the first stage's labels for the whole document.</summary>
    public List<SentenceFeatures> ExtractSecondPass(TaggerDocument document, IReadOnlyList<byte[]> firstPass)
    {
        var collector = new Collector(document);
        VisitSecondPass(document, firstPass, collector);
        return collector.Sentences;
    }

    /// <summary>Hands each token's first-stage features to <paramref name="sink"/>, in order, without storing them.</summary>
    public void Visit(TaggerDocument document, IFeatureSink sink)
    {
        var context = document.Context ??= DocumentContext.Build(document);
        var features = new List<ulong>(128);
        for (var s = 0; s < document.Sentences.Count; s++)
        {
            var words = document.Sentences[s];
            var gazetteer = MatchGazetteers(words);
            var headline = IsHeadline(words);
            var style = headline ? 0 : SentenceStyle(words);
            for (var i = 0; i < words.Length; i++)
            {
                features.Clear();
                Local(words, i, headline, style, gazetteer, features);
                DocumentLevel(context, s, i, words, headline, features);
                sink.Token(s, i, CollectionsMarshal.AsSpan(features));
            }
        }
    }

    /// <summary>Hands each token's second-stage features to <paramref name="sink"/>.</summary>
    public void VisitSecondPass(TaggerDocument document, IReadOnlyList<byte[]> firstPass, IFeatureSink sink)
    {
        var context = document.Context ??= DocumentContext.Build(document);
        context.SetFirstPass(firstPass);
        var features = new List<ulong>(32);
        for (var s = 0; s < document.Sentences.Count; s++)
        {
            for (var i = 0; i < document.Sentences[s].Length; i++)
            {
                features.Clear();
                SecondPass(context, firstPass, s, i, features);
                sink.Token(s, i, CollectionsMarshal.AsSpan(features));
            }
        }
    }

    /// <summary>Stores features per sentence (for training, where they are reused every epoch).</summary>
    private sealed class Collector(TaggerDocument document) : IFeatureSink
    {
        private readonly List<ulong> _features = new(1024);
        private int[] _offsets = [];

        public List<SentenceFeatures> Sentences { get; } = new(document.Sentences.Count);

        public void Token(int sentence, int token, ReadOnlySpan<ulong> features)
        {
            if (token == 0)
            {
                _features.Clear();
                _offsets = new int[document.Sentences[sentence].Length + 1];
            }

            _offsets[token] = _features.Count;
            _features.AddRange(features);
            if (token == _offsets.Length - 2)
            {
                _offsets[token + 1] = _features.Count;
                Sentences.Add(new SentenceFeatures([.. _features], _offsets));
            }
        }
    }

    private static readonly ulong Start = FeatureHash.Text("<s>");
    private static readonly ulong End = FeatureHash.Text("</s>");

    private void Local(WordForm[] words, int i, bool headline, int style, ushort[][] gazetteer, List<ulong> f)
    {
        var w = words[i];
        var previous = i > 0 ? words[i - 1] : null;
        var next = i + 1 < words.Length ? words[i + 1] : null;
        var lower = w.LowerHash;
        var prevLower = previous?.LowerHash ?? Start;
        var nextLower = next?.LowerHash ?? End;

        f.Add(FeatureHash.Of(Bias));
        f.Add(FeatureHash.Of(Word, w.WordHash));
        f.Add(FeatureHash.Of(Lower, lower));
        f.Add(FeatureHash.Of(LowerPrev, prevLower));
        f.Add(FeatureHash.Of(LowerNext, nextLower));
        f.Add(FeatureHash.Of(LowerPrev2, i > 1 ? words[i - 2].LowerHash : Start));
        f.Add(FeatureHash.Of(LowerNext2, i + 2 < words.Length ? words[i + 2].LowerHash : End));
        f.Add(FeatureHash.Of(BigramPrev, prevLower, lower));
        f.Add(FeatureHash.Of(BigramNext, lower, nextLower));

        for (var n = 0; n < w.PrefixHashes.Length; n++)
        {
            f.Add(FeatureHash.Of(Prefix, (ulong)n, w.PrefixHashes[n]));
            f.Add(FeatureHash.Of(Suffix, (ulong)n, w.SuffixHashes[n]));
        }

        var prevShape = previous?.ShortShapeHash ?? Start;
        var nextShape = next?.ShortShapeHash ?? End;
        f.Add(FeatureHash.Of(ShapeT, w.ShapeHash));
        f.Add(FeatureHash.Of(ShortShapeT, w.ShortShapeHash));
        f.Add(FeatureHash.Of(ShapeWindow, prevShape, w.ShortShapeHash, nextShape));
        f.Add(FeatureHash.Of(ShapePrev, prevShape));
        f.Add(FeatureHash.Of(ShapeNext, nextShape));

        var flags = (w.InitialCapital ? 1 : 0) | (w.AllCapitals ? 2 : 0) | (w.HasDigit ? 4 : 0) | (i == 0 ? 8 : 0)
            | (headline ? 16 : 0) | (w.Word.Contains('-') ? 32 : 0) | (w.Word.Contains('.') ? 64 : 0)
            | (style == 1 ? 128 : 0) | (style == 2 ? 256 : 0);
        f.Add(FeatureHash.OfInt(Flags, flags));
        if (headline)
        {
            f.Add(FeatureHash.Of(HeadlineShape, w.ShortShapeHash, lower));
        }

        foreach (var match in gazetteer[i])
        {
            f.Add(FeatureHash.OfInt(Gazetteer, match));
            if (w.InitialCapital)
            {
                f.Add(FeatureHash.OfInt(GazetteerCapitalised, match));
            }
        }

        if (i > 0)
        {
            foreach (var match in gazetteer[i - 1])
            {
                f.Add(FeatureHash.OfInt(GazetteerPrev, match));
            }
        }

        if (i + 1 < words.Length)
        {
            foreach (var match in gazetteer[i + 1])
            {
                f.Add(FeatureHash.OfInt(GazetteerNext, match));
            }
        }

        if (w.HasLetter)
        {
            var bucket = lexicon.CapitalisationOf(w);
            f.Add(FeatureHash.OfInt(Capitalisation, bucket));
            f.Add(FeatureHash.OfInts(CapitalisationContext, bucket, flags & (27 | 128 | 256)));
        }

        if (lexicon.Clusters.Count > 0)
        {
            AddClusters(f, Cluster, lexicon.ClustersOf(w));
            AddClusters(f, ClusterPrev, previous is null ? 0 : lexicon.ClustersOf(previous));
            AddClusters(f, ClusterNext, next is null ? 0 : lexicon.ClustersOf(next));
        }
    }

    private static void AddClusters(List<ulong> f, int template, uint classes)
    {
        if (classes != 0)
        {
            f.Add(FeatureHash.OfInts(template, 1, (int)(classes >> 16)));
            f.Add(FeatureHash.OfInts(template, 2, (int)(classes & 0xFFFF)));
        }
    }

    private static void DocumentLevel(DocumentContext context, int s, int i, WordForm[] words, bool headline, List<ulong> f)
    {
        var w = words[i];
        if (!w.HasLetter || !(w.InitialCapital || headline))
        {
            return;
        }

        if (context.Occurrences.TryGetValue(w.LowerHash, out var occurrences))
        {
            var aggregated = 0;
            foreach (var (os, oi) in occurrences)
            {
                if (os == s && oi == i)
                {
                    continue;
                }

                var sentence = context.Document.Sentences[os];
                f.Add(FeatureHash.Of(AggregatePrev, oi > 0 ? sentence[oi - 1].LowerHash : Start));
                f.Add(FeatureHash.Of(AggregateNext, oi + 1 < sentence.Length ? sentence[oi + 1].LowerHash : End));
                if (++aggregated == MaxAggregatedOccurrences)
                {
                    break;
                }
            }
        }

        f.Add(FeatureHash.OfInts(LowerElsewhere, context.LowerMidSentence.Contains(w.LowerHash) ? 1 : 0, i == 0 || headline ? 1 : 0));
        if (i == 0 || headline)
        {
            f.Add(FeatureHash.OfInt(CapitalisedElsewhere, context.CapitalisedMidSentence.Contains(w.LowerHash) ? 1 : 0));
        }
    }

    private static void SecondPass(DocumentContext context, IReadOnlyList<byte[]> firstPass, int s, int i, List<ulong> f)
    {
        var labels = firstPass[s];
        f.Add(FeatureHash.OfInt(FirstPassLabel, labels[i]));
        f.Add(FeatureHash.OfInt(FirstPassPrev, i > 0 ? labels[i - 1] : 255));
        f.Add(FeatureHash.OfInt(FirstPassNext, i + 1 < labels.Length ? labels[i + 1] : 255));

        var w = context.Document.Sentences[s][i];
        if (!w.HasLetter)
        {
            return;
        }

        // How the first pass labelled this word elsewhere in the document.
        if (context.Occurrences.TryGetValue(w.LowerHash, out var occurrences) && occurrences.Count > 1)
        {
            // The word's label counts over the whole document, less this occurrence: linear however often it recurs.
            Span<int> byType = stackalloc int[5];
            context.FirstPassLabelCounts[w.LowerHash].CopyTo(byType);
            var others = occurrences.Count;
            if (w.InitialCapital || context.Headlines[s])
            {
                // This occurrence is one of them.
                var own = labels[i];
                byType[own == Bilou.Outside ? 4 : (int)Bilou.TypeOf(own)]--;
                others--;
            }

            var best = 4;
            for (var t = 0; t < 4; t++)
            {
                if (byType[t] > 0 && (best == 4 || byType[t] > byType[best]))
                {
                    best = t;
                }
            }

            f.Add(FeatureHash.OfInt(FirstPassMajority, best));
            if (best < 4)
            {
                f.Add(FeatureHash.OfInts(FirstPassShare, best, byType[best] * 4 / others));
            }
        }

        // The word inside a multi-word entity elsewhere, by type and place: "Blinken" after "Antony Blinken".
        if (w.InitialCapital && context.EntityWords.TryGetValue(w.LowerHash, out var places))
        {
            for (var bit = 0; bit < 16; bit++)
            {
                if ((places & (1 << bit)) != 0)
                {
                    f.Add(FeatureHash.OfInt(FirstPassContaining, bit));
                }
            }
        }

        if (context.EntityPhraseStarts.TryGetValue((s, i), out var phraseType))
        {
            f.Add(FeatureHash.OfInt(FirstPassPhrase, phraseType));
        }
    }

    /// <summary>
    /// How a sentence uses capitals when it is not a headline: 1 when it has none (beyond its first word and
    /// "I"), as in chat and queries ("where can I get tapas in tampa bay"); 2 when at least two later words
    /// that news nearly never capitalises are capitalised, as in titles and review headings ("Great Service And
    /// Friendly Staff"); 0 otherwise.
    /// </summary>
    private int SentenceStyle(WordForm[] words)
    {
        var letters = 0;
        var capitalised = 0;
        var unusual = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (!w.HasLetter)
            {
                continue;
            }

            letters++;
            if (i > 0 && w.Word != "I" && w.Word.Any(char.IsUpper))
            {
                capitalised++;
                if (w.InitialCapital && lexicon.CapitalisationOf(w) == 1)
                {
                    unusual++;
                }
            }
        }

        return letters >= 3 && capitalised == 0 ? 1 : unusual >= 2 ? 2 : 0;
    }

    /// <summary>A sentence in capitals, like the headlines of agency copy, has no capitalisation evidence.</summary>
    private static bool IsHeadline(WordForm[] words)
    {
        var letters = 0;
        var capitals = 0;
        foreach (var w in words)
        {
            if (w.HasLetter)
            {
                letters++;
                capitals += w.AllCapitals ? 1 : 0;
            }
        }

        return letters >= 3 && capitals * 10 >= letters * 8;
    }

    /// <summary>For each token, the gazetteer matches covering it as (list × 4 + BILU position), longest match per list.</summary>
    private ushort[][] MatchGazetteers(WordForm[] words)
    {
        // masks[i * MaxPhraseWords + length - 1]: the lists holding the phrase of that length starting at i.
        var n = words.Length;
        var masks = new ushort[n * Lexicon.MaxPhraseWords];
        var any = false;
        for (var i = 0; i < n; i++)
        {
            if (!lexicon.PhraseFirstWords.Contains(words[i].LowerHash))
            {
                continue;
            }

            var hash = FeatureHash.PhraseStart;
            for (var length = 1; length <= Lexicon.MaxPhraseWords && i + length <= n; length++)
            {
                hash = FeatureHash.PhraseAdd(hash, words[i + length - 1].LowerHash);
                if (lexicon.Phrases.TryGetValue(hash, out var mask))
                {
                    masks[i * Lexicon.MaxPhraseWords + length - 1] = mask;
                    any = true;
                }
            }
        }

        if (!any)
        {
            return Empty(n);
        }

        var matches = new List<ushort>?[n];
        for (var list = 0; list < Lexicon.ListCount; list++)
        {
            var bit = 1 << list;
            var i = 0;
            while (i < n)
            {
                var longest = 0;
                for (var length = Math.Min(Lexicon.MaxPhraseWords, n - i); length >= 1; length--)
                {
                    if ((masks[i * Lexicon.MaxPhraseWords + length - 1] & bit) != 0)
                    {
                        longest = length;
                        break;
                    }
                }

                if (longest == 0)
                {
                    i++;
                    continue;
                }

                for (var k = 0; k < longest; k++)
                {
                    var position = longest == 1 ? Bilou.Unit : k == 0 ? Bilou.Begin : k == longest - 1 ? Bilou.Last : Bilou.Inside;
                    (matches[i + k] ??= []).Add((ushort)(list * 4 + position));
                }

                i += longest;
            }
        }

        var result = new ushort[n][];
        for (var i = 0; i < n; i++)
        {
            result[i] = matches[i] is { } found ? [.. found] : [];
        }

        return result;
    }

    private static ushort[][] Empty(int n)
    {
        var result = new ushort[n][];
        Array.Fill(result, []);
        return result;
    }

    /// <summary>What the document says about each word, gathered once per document (keys are lower-case word hashes).</summary>
    internal sealed class DocumentContext
    {
        public required TaggerDocument Document { get; init; }

        /// <summary>Sentences in capitals (<see cref="IsHeadline"/>), whose words all count as capitalised occurrences.</summary>
        public required bool[] Headlines { get; init; }

        /// <summary>Capitalised (or headline) occurrences of each word.</summary>
        public Dictionary<ulong, List<(int Sentence, int Token)>> Occurrences { get; } = [];

        public HashSet<ulong> LowerMidSentence { get; } = [];

        public HashSet<ulong> CapitalisedMidSentence { get; } = [];

        /// <summary>Word → bit mask of (type × 4 + BILU position) of first-pass entities containing it.</summary>
        public Dictionary<ulong, int> EntityWords { get; } = [];

        /// <summary>Word → how the first pass labelled its <see cref="Occurrences"/>: counts by type (PER, ORG, LOC, MISC, outside).</summary>
        public Dictionary<ulong, int[]> FirstPassLabelCounts { get; } = [];

        /// <summary>First tokens of phrases that the first pass tagged as a multi-word entity somewhere in the document.</summary>
        public Dictionary<(int, int), int> EntityPhraseStarts { get; } = [];

        public static DocumentContext Build(TaggerDocument document)
        {
            var context = new DocumentContext { Document = document, Headlines = new bool[document.Sentences.Count] };
            for (var s = 0; s < document.Sentences.Count; s++)
            {
                var words = document.Sentences[s];
                var headline = IsHeadline(words);
                context.Headlines[s] = headline;
                for (var i = 0; i < words.Length; i++)
                {
                    var w = words[i];
                    if (!w.HasLetter)
                    {
                        continue;
                    }

                    if (w.InitialCapital || headline)
                    {
                        if (!context.Occurrences.TryGetValue(w.LowerHash, out var list))
                        {
                            context.Occurrences[w.LowerHash] = list = [];
                        }

                        list.Add((s, i));
                    }

                    if (i > 0 && !headline)
                    {
                        (w.InitialCapital ? context.CapitalisedMidSentence : context.LowerMidSentence).Add(w.LowerHash);
                    }
                }
            }

            return context;
        }

        /// <summary>Replaces the first-pass evidence with that of <paramref name="firstPass"/>.</summary>
        public void SetFirstPass(IReadOnlyList<byte[]> firstPass)
        {
            EntityWords.Clear();
            EntityPhraseStarts.Clear();
            FirstPassLabelCounts.Clear();
            foreach (var (word, occurrences) in Occurrences)
            {
                var counts = new int[5];
                foreach (var (s, i) in occurrences)
                {
                    var label = firstPass[s][i];
                    counts[label == Bilou.Outside ? 4 : (int)Bilou.TypeOf(label)]++;
                }

                FirstPassLabelCounts[word] = counts;
            }

            var phrasesByFirstWord = new Dictionary<ulong, List<(ulong[] Words, int Type)>>();
            for (var s = 0; s < Document.Sentences.Count; s++)
            {
                var words = Document.Sentences[s];
                foreach (var span in Bilou.Decode(firstPass[s]))
                {
                    for (var k = span.Start; k < span.End; k++)
                    {
                        var position = span.Length == 1 ? Bilou.Unit : k == span.Start ? Bilou.Begin : k == span.End - 1 ? Bilou.Last : Bilou.Inside;
                        EntityWords[words[k].LowerHash] = EntityWords.GetValueOrDefault(words[k].LowerHash) | (1 << ((int)span.Type * 4 + position));
                    }

                    if (span.Length > 1)
                    {
                        var phrase = new ulong[span.Length];
                        for (var k = 0; k < span.Length; k++)
                        {
                            phrase[k] = words[span.Start + k].LowerHash;
                        }

                        if (!phrasesByFirstWord.TryGetValue(phrase[0], out var list))
                        {
                            phrasesByFirstWord[phrase[0]] = list = [];
                        }

                        if (!list.Any(p => p.Words.AsSpan().SequenceEqual(phrase)))
                        {
                            list.Add((phrase, (int)span.Type));
                        }
                    }
                }
            }

            if (phrasesByFirstWord.Count == 0)
            {
                return;
            }

            // Every occurrence of a multi-word entity's phrase, including those the first pass missed.
            for (var s = 0; s < Document.Sentences.Count; s++)
            {
                var words = Document.Sentences[s];
                for (var i = 0; i < words.Length; i++)
                {
                    if (!phrasesByFirstWord.TryGetValue(words[i].LowerHash, out var phrases))
                    {
                        continue;
                    }

                    foreach (var (phrase, type) in phrases)
                    {
                        if (i + phrase.Length > words.Length)
                        {
                            continue;
                        }

                        var match = true;
                        for (var k = 1; k < phrase.Length && match; k++)
                        {
                            match = words[i + k].LowerHash == phrase[k];
                        }

                        if (match)
                        {
                            EntityPhraseStarts[(s, i)] = type;
                        }
                    }
                }
            }
        }
    }
}
