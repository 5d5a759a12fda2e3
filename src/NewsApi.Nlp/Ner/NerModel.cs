using System.IO.Compression;
using System.Text;

namespace NewsApi.Nlp.Ner;

/// <summary>
/// The trained recogniser: a lexicon and two averaged-perceptron stages. The first stage tags from local and
/// document features; the second sees the first stage's labels for the whole document as well. Immutable
/// once built or loaded, so one instance is shared by all threads.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "NEWSAPI-NER";
    private const int FormatVersion = 2;

    private NerModel(string version, string description, float temperature, Lexicon lexicon, QuantizedStage first, QuantizedStage? second)
    {
        Version = version;
        Description = description;
        Temperature = temperature;
        Lexicon = lexicon;
        FirstStageData = first;
        SecondStageData = second;
        Weights = second is null
            ? new FrozenWeights([first.Dequantize()])
            : new FrozenWeights([first.Dequantize(), second.Dequantize()]);
        _transitions = [ViterbiDecoder.Transitions(new StageView(Weights, 0)), second is null ? [] : ViterbiDecoder.Transitions(new StageView(Weights, 1))];
        Features = new FeatureExtractor(lexicon);
    }

    private readonly float[][] _transitions;

    /// <summary>A version string, e.g. "conll2003-bilou-2stage-20261122".</summary>
    public string Version { get; }

    /// <summary>How the model was trained and what it scored.</summary>
    public string Description { get; }

    /// <summary>Divides scores before forward-backward so that confidences are calibrated on dev.</summary>
    public float Temperature { get; }

    public Lexicon Lexicon { get; }

    /// <summary>
    /// For each span of a sentence, the probability the final stage gives its labels, averaged over its tokens
    /// (forward-backward over the sentence's scores at <see cref="Temperature"/>).
    /// </summary>
    public double[] Confidences(float[] emissions, byte[] labels, IReadOnlyList<TokenSpan> spans, float? temperature = null)
    {
        var confidences = new double[spans.Count];
        if (spans.Count == 0)
        {
            return confidences;
        }

        var n = labels.Length;
        var buffer = System.Buffers.ArrayPool<float>.Shared.Rent(n * Bilou.Count);
        var marginals = buffer.AsSpan(0, n * Bilou.Count);
        ViterbiDecoder.Marginals(emissions, n, _transitions[HasSecondStage ? 1 : 0], temperature ?? Temperature, marginals);
        for (var k = 0; k < spans.Count; k++)
        {
            var sum = 0.0;
            for (var i = spans[k].Start; i < spans[k].End; i++)
            {
                sum += marginals[i * Bilou.Count + labels[i]];
            }

            confidences[k] = sum / spans[k].Length;
        }

        System.Buffers.ArrayPool<float>.Shared.Return(buffer);
        return confidences;
    }

    /// <summary>This model with another confidence temperature.</summary>
    public NerModel WithTemperature(float temperature) =>
        new(Version, Description, temperature, Lexicon, FirstStageData, SecondStageData);

    /// <summary>Both stages' weights in one table.</summary>
    public FrozenWeights Weights { get; }

    public bool HasSecondStage => SecondStageData is not null;

    public FeatureExtractor Features { get; }

    /// <summary>BILOU labels for every sentence of the document.</summary>
    public List<byte[]> Tag(TaggerDocument document) => Tag(document, out _);

    /// <summary>Labels, and per sentence the emission scores (tokens × labels) the final stage decoded from.</summary>
    public List<byte[]> Tag(TaggerDocument document, out List<float[]> emissions)
    {
        var scorer = new Scorer(this, document);
        Features.Visit(document, scorer);
        var first = new List<byte[]>(document.Sentences.Count);
        for (var s = 0; s < document.Sentences.Count; s++)
        {
            first.Add(ViterbiDecoder.Decode(scorer.First[s], document.Sentences[s].Length, _transitions[0]));
        }

        if (!HasSecondStage)
        {
            emissions = scorer.First;
            DocumentConsistency.Apply(document, first, Lexicon);
            return first;
        }

        scorer.SecondPass = true;
        Features.VisitSecondPass(document, first, scorer);
        var second = new List<byte[]>(document.Sentences.Count);
        for (var s = 0; s < document.Sentences.Count; s++)
        {
            second.Add(ViterbiDecoder.Decode(scorer.Second[s], document.Sentences[s].Length, _transitions[1]));
        }

        emissions = scorer.Second;
        DocumentConsistency.Apply(document, second, Lexicon);
        return second;
    }

    /// <summary>Sums feature weights into emission scores as the features stream past.</summary>
    private sealed class Scorer : IFeatureSink
    {
        private readonly NerModel _model;

        public Scorer(NerModel model, TaggerDocument document)
        {
            _model = model;
            First = document.Sentences.Select(s => new float[s.Length * Bilou.Count]).ToList();
            Second = model.HasSecondStage ? document.Sentences.Select(s => new float[s.Length * Bilou.Count]).ToList() : [];
        }

        public List<float[]> First { get; }

        public List<float[]> Second { get; }

        public bool SecondPass { get; set; }

        public void Token(int sentence, int token, ReadOnlySpan<ulong> features)
        {
            var weights = _model.Weights;
            if (SecondPass)
            {
                var row = Second[sentence].AsSpan(token * Bilou.Count, Bilou.Count);
                foreach (var feature in features)
                {
                    weights.Accumulate(feature, 1, row);
                }
            }
            else if (_model.HasSecondStage)
            {
                var row1 = First[sentence].AsSpan(token * Bilou.Count, Bilou.Count);
                var row2 = Second[sentence].AsSpan(token * Bilou.Count, Bilou.Count);
                foreach (var feature in features)
                {
                    weights.Accumulate(feature, row1, row2);
                }
            }
            else
            {
                var row = First[sentence].AsSpan(token * Bilou.Count, Bilou.Count);
                foreach (var feature in features)
                {
                    weights.Accumulate(feature, row);
                }
            }
        }
    }

    /// <summary>One stage of a two-stage table, seen as a single-stage weight source.</summary>
    private sealed class StageView(FrozenWeights weights, int stage) : WeightSource
    {
        public override void Accumulate(ulong feature, Span<float> scores) => weights.Accumulate(feature, stage, scores);
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        using var zip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new BinaryWriter(zip, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Version);
        writer.Write(Description);
        writer.Write(Temperature);

        writer.Write(Lexicon.Phrases.Count);
        foreach (var (key, mask) in Lexicon.Phrases.OrderBy(p => p.Key))
        {
            writer.Write(key);
            writer.Write(mask);
        }

        writer.Write(Lexicon.PhraseFirstWords.Count);
        foreach (var key in Lexicon.PhraseFirstWords.Order())
        {
            writer.Write(key);
        }

        writer.Write(Lexicon.Capitalisation.Count);
        foreach (var (key, bucket) in Lexicon.Capitalisation.OrderBy(p => p.Key))
        {
            writer.Write(key);
            writer.Write(bucket);
        }

        writer.Write(Lexicon.Clusters.Count);
        foreach (var (key, cluster) in Lexicon.Clusters.OrderBy(p => p.Key))
        {
            writer.Write(key);
            writer.Write(cluster);
        }

        WriteStage(writer, FirstStageData);
        writer.Write(SecondStageData is not null);
        if (SecondStageData is not null)
        {
            WriteStage(writer, SecondStageData);
        }
    }

    public static NerModel Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }

    public static NerModel Load(Stream stream)
    {
        using var zip = new GZipStream(stream, CompressionMode.Decompress);
        using var buffered = new BufferedStream(zip, 1 << 16);
        using var reader = new BinaryReader(buffered, Encoding.UTF8);
        if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("Not a NewsApi NER model of a known format.");
        }

        var version = reader.ReadString();
        var description = reader.ReadString();
        var temperature = reader.ReadSingle();
        var lexicon = new Lexicon();
        var phrases = reader.ReadInt32();
        lexicon.Phrases.EnsureCapacity(phrases);
        for (var i = 0; i < phrases; i++)
        {
            lexicon.Phrases[reader.ReadUInt64()] = reader.ReadUInt16();
        }

        var firstWords = reader.ReadInt32();
        lexicon.PhraseFirstWords.EnsureCapacity(firstWords);
        for (var i = 0; i < firstWords; i++)
        {
            lexicon.PhraseFirstWords.Add(reader.ReadUInt64());
        }

        var capitalisation = reader.ReadInt32();
        lexicon.Capitalisation.EnsureCapacity(capitalisation);
        for (var i = 0; i < capitalisation; i++)
        {
            lexicon.Capitalisation[reader.ReadUInt64()] = reader.ReadByte();
        }

        var clusters = reader.ReadInt32();
        lexicon.Clusters.EnsureCapacity(clusters);
        for (var i = 0; i < clusters; i++)
        {
            lexicon.Clusters[reader.ReadUInt64()] = reader.ReadUInt32();
        }

        var first = ReadStage(reader);
        var second = reader.ReadBoolean() ? ReadStage(reader) : null;
        return new NerModel(version, description, temperature, lexicon, first, second);
    }

    /// <summary>Builds a model from trained weights, quantising them to 16 bits per weight.</summary>
    public static NerModel FromTraining(string version, string description, Lexicon lexicon,
        (List<ulong> Keys, float[] Weights) first, (List<ulong> Keys, float[] Weights)? second)
    {
        var firstStage = QuantizedStage.From(first.Keys, first.Weights);
        var secondStage = second is { } s ? QuantizedStage.From(s.Keys, s.Weights) : null;
        return new NerModel(version, description, 1f, lexicon, firstStage, secondStage);
    }

    private QuantizedStage FirstStageData { get; }

    private QuantizedStage? SecondStageData { get; }

    /// <summary>Feature rows stored, over both stages.</summary>
    public int FeatureCount => FirstStageData.Keys.Length + (SecondStageData?.Keys.Length ?? 0);

    /// <summary>Weights as 16-bit integers with one scale per stage.</summary>
    private sealed record QuantizedStage(ulong[] Keys, short[] Values, float Scale)
    {
        public static QuantizedStage From(List<ulong> keys, float[] weights)
        {
            var max = weights.Length == 0 ? 1f : weights.Max(Math.Abs);
            var scale = max / short.MaxValue;
            var order = Enumerable.Range(0, keys.Count).OrderBy(i => keys[i]).ToArray();
            var sortedKeys = new ulong[keys.Count];
            var values = new short[weights.Length];
            for (var r = 0; r < order.Length; r++)
            {
                sortedKeys[r] = keys[order[r]];
                for (var y = 0; y < Bilou.Count; y++)
                {
                    values[r * Bilou.Count + y] = (short)Math.Round(weights[order[r] * Bilou.Count + y] / scale);
                }
            }

            return new QuantizedStage(sortedKeys, values, scale);
        }

        public (IReadOnlyList<ulong> Keys, float[] Weights) Dequantize()
        {
            var weights = new float[Values.Length];
            for (var i = 0; i < Values.Length; i++)
            {
                weights[i] = Values[i] * Scale;
            }

            return (Keys, weights);
        }
    }

    private static void WriteStage(BinaryWriter writer, QuantizedStage stage)
    {
        writer.Write(stage.Scale);
        writer.Write(stage.Keys.Length);
        // Keys are sorted: storing the gaps as varints compresses them well.
        var previous = 0UL;
        foreach (var key in stage.Keys)
        {
            writer.Write7BitEncodedInt64((long)(key - previous));
            previous = key;
        }

        // Rows are sparse: most features carry weight for only a few labels.
        for (var r = 0; r < stage.Keys.Length; r++)
        {
            var row = stage.Values.AsSpan(r * Bilou.Count, Bilou.Count);
            var mask = 0;
            for (var y = 0; y < Bilou.Count; y++)
            {
                mask |= row[y] != 0 ? 1 << y : 0;
            }

            writer.Write7BitEncodedInt(mask);
            foreach (var value in row)
            {
                if (value != 0)
                {
                    writer.Write7BitEncodedInt(value << 1 ^ value >> 15);
                }
            }
        }
    }

    private static QuantizedStage ReadStage(BinaryReader reader)
    {
        var scale = reader.ReadSingle();
        var count = reader.ReadInt32();
        var keys = new ulong[count];
        var previous = 0UL;
        for (var i = 0; i < count; i++)
        {
            previous += (ulong)reader.Read7BitEncodedInt64();
            keys[i] = previous;
        }

        var values = new short[count * Bilou.Count];
        for (var r = 0; r < count; r++)
        {
            var mask = reader.Read7BitEncodedInt();
            for (var y = 0; y < Bilou.Count; y++)
            {
                if ((mask & (1 << y)) != 0)
                {
                    var zigzag = reader.Read7BitEncodedInt();
                    values[r * Bilou.Count + y] = (short)((zigzag >> 1) ^ -(zigzag & 1));
                }
            }
        }

        return new QuantizedStage(keys, values, scale);
    }
}
