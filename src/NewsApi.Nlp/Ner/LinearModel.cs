namespace NewsApi.Nlp.Ner;

/// <summary>Weights of a linear sequence model: one row of <see cref="Bilou.Count"/> scores per feature.</summary>
public abstract class WeightSource
{
    public const int Labels = Bilou.Count;

    /// <summary>Adds the row of <paramref name="feature"/> (if it has one) to <paramref name="scores"/>.</summary>
    public abstract void Accumulate(ulong feature, Span<float> scores);
}

/// <summary>
/// The frozen weights used for tagging: an open-addressing hash table from feature id to a row holding the
/// weights of one or two stages (stage two's after stage one's), so that one probe serves both stages.
/// Immutable after construction, so one instance serves any number of threads.
/// </summary>
public sealed class FrozenWeights : WeightSource
{
    private readonly ulong[] _keys;
    private readonly int[] _rows;
    private readonly float[] _weights;
    private readonly int _mask;
    private readonly int _stride;

    /// <summary>One stage: <paramref name="weights"/> holds <see cref="WeightSource.Labels"/> floats per key.</summary>
    public FrozenWeights(IReadOnlyList<ulong> keys, float[] weights)
        : this([(keys, weights)])
    {
    }

    /// <summary>Several stages, each with its own keys; a key missing from a stage has zero weights there.</summary>
    public FrozenWeights(IReadOnlyList<(IReadOnlyList<ulong> Keys, float[] Weights)> stages)
    {
        Stages = stages.Count;
        _stride = Labels * Stages;
        var rowOf = new Dictionary<ulong, int>();
        foreach (var (keys, _) in stages)
        {
            foreach (var key in keys)
            {
                rowOf.TryAdd(key, rowOf.Count);
            }
        }

        RowCount = rowOf.Count;
        _weights = new float[RowCount * _stride];
        for (var stage = 0; stage < stages.Count; stage++)
        {
            var (keys, weights) = stages[stage];
            for (var k = 0; k < keys.Count; k++)
            {
                weights.AsSpan(k * Labels, Labels).CopyTo(_weights.AsSpan(rowOf[keys[k]] * _stride + stage * Labels, Labels));
            }
        }

        var capacity = 1;
        while (capacity < RowCount * 2)
        {
            capacity <<= 1;
        }

        _keys = new ulong[capacity];
        _rows = new int[capacity];
        _mask = capacity - 1;
        foreach (var (original, row) in rowOf)
        {
            var key = original == 0 ? 1 : original;
            var slot = (int)key & _mask;
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = key;
            _rows[slot] = row;
        }
    }

    public int RowCount { get; }

    public int Stages { get; }

    public override void Accumulate(ulong feature, Span<float> scores)
    {
        var row = Find(feature);
        if (row >= 0)
        {
            Add(_weights.AsSpan(row, Labels), scores);
        }
    }

    /// <summary>Adds the feature's stage-one row to <paramref name="first"/> and its stage-two row to <paramref name="second"/>.</summary>
    public void Accumulate(ulong feature, Span<float> first, Span<float> second)
    {
        var row = Find(feature);
        if (row >= 0)
        {
            Add(_weights.AsSpan(row, Labels), first);
            Add(_weights.AsSpan(row + Labels, Labels), second);
        }
    }

    /// <summary>Adds the feature's row of <paramref name="stage"/> (0 or 1).</summary>
    public void Accumulate(ulong feature, int stage, Span<float> scores)
    {
        var row = Find(feature);
        if (row >= 0)
        {
            Add(_weights.AsSpan(row + stage * Labels, Labels), scores);
        }
    }

    private int Find(ulong feature)
    {
        var key = feature == 0 ? 1 : feature;
        var slot = (int)key & _mask;
        while (true)
        {
            var found = _keys[slot];
            if (found == key)
            {
                return _rows[slot] * _stride;
            }

            if (found == 0)
            {
                return -1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private static void Add(ReadOnlySpan<float> row, Span<float> scores)
    {
        var vectors = System.Numerics.Vector<float>.Count;
        var y = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            for (; y + vectors <= Labels; y += vectors)
            {
                var sum = new System.Numerics.Vector<float>(scores[y..]) + new System.Numerics.Vector<float>(row[y..]);
                sum.CopyTo(scores[y..]);
            }
        }

        for (; y < Labels; y++)
        {
            scores[y] += row[y];
        }
    }
}

/// <summary>
/// Weights while training an averaged perceptron. Averaging uses the usual lazy trick: alongside each weight
/// w it keeps u, the sum of its updates scaled by the step they happened at, so that the average over all
/// steps is w − u / steps without touching every weight at every step.
/// </summary>
public sealed class TrainingWeights : WeightSource
{
    private readonly Dictionary<ulong, int> _index = [];
    private float[] _w = new float[1 << 16];
    private double[] _u = new double[1 << 16];

    public int RowCount => _index.Count;

    /// <summary>The update counter (one per sentence seen).</summary>
    public long Step { get; set; } = 1;

    public override void Accumulate(ulong feature, Span<float> scores)
    {
        if (!_index.TryGetValue(feature, out var row))
        {
            return;
        }

        var weights = _w.AsSpan(row * Labels, Labels);
        for (var y = 0; y < Labels; y++)
        {
            scores[y] += weights[y];
        }
    }

    public void Update(ulong feature, int label, float delta)
    {
        if (!_index.TryGetValue(feature, out var row))
        {
            row = _index.Count;
            _index[feature] = row;
            if ((row + 1) * Labels > _w.Length)
            {
                Array.Resize(ref _w, _w.Length * 2);
                Array.Resize(ref _u, _u.Length * 2);
            }
        }

        var at = row * Labels + label;
        _w[at] += delta;
        _u[at] += Step * (double)delta;
    }

    /// <summary>The averaged weights, without rows whose every weight rounds to zero at <paramref name="precision"/>.</summary>
    public (List<ulong> Keys, float[] Weights) Average(float precision = 1e-4f)
    {
        var keys = new List<ulong>(_index.Count);
        var weights = new List<float>(_index.Count * Labels);
        Span<float> row = stackalloc float[Labels];
        foreach (var (key, index) in _index)
        {
            var keep = false;
            for (var y = 0; y < Labels; y++)
            {
                var at = index * Labels + y;
                row[y] = (float)(_w[at] - _u[at] / Step);
                keep |= Math.Abs(row[y]) >= precision;
            }

            if (keep)
            {
                keys.Add(key);
                foreach (var value in row)
                {
                    weights.Add(value);
                }
            }
        }

        return (keys, [.. weights]);
    }
}

/// <summary>First-order Viterbi decoding over BILOU labels, with the transition constraints of the scheme.</summary>
public static class ViterbiDecoder
{
    private const int L = Bilou.Count;

    /// <summary>For each label, the labels allowed before it.</summary>
    private static readonly int[][] Predecessors = Enumerable.Range(0, L)
        .Select(y => Enumerable.Range(0, L).Where(p => Bilou.Allowed(p, y)).ToArray()).ToArray();

    /// <summary>Sums the weights of each token's features into <paramref name="emissions"/> (n × labels).</summary>
    public static void Emissions(SentenceFeatures sentence, WeightSource weights, Span<float> emissions)
    {
        for (var i = 0; i < sentence.Length; i++)
        {
            var scores = emissions.Slice(i * L, L);
            foreach (var feature in sentence.Of(i))
            {
                weights.Accumulate(feature, scores);
            }
        }
    }

    /// <summary>The transition weights: row 0 from the sentence start, row p + 1 from label p.</summary>
    public static float[] Transitions(WeightSource weights)
    {
        var transitions = new float[(L + 1) * L];
        for (var previous = -1; previous < L; previous++)
        {
            weights.Accumulate(FeatureHash.OfInt(FeatureExtractor.Transition, previous + 1), transitions.AsSpan((previous + 1) * L, L));
        }

        return transitions;
    }

    /// <summary>Scores and decodes one sentence (used in training, where weights change after every sentence).</summary>
    public static byte[] Decode(SentenceFeatures sentence, WeightSource weights)
    {
        var emissions = new float[sentence.Length * L];
        Emissions(sentence, weights, emissions);
        return Decode(emissions, sentence.Length, Transitions(weights));
    }

    /// <summary>The best label sequence for <paramref name="n"/> tokens given emission and transition scores.</summary>
    public static byte[] Decode(ReadOnlySpan<float> emissions, int n, ReadOnlySpan<float> transitions)
    {
        var labels = new byte[n];
        if (n == 0)
        {
            return labels;
        }

        var deltaBuffer = System.Buffers.ArrayPool<float>.Shared.Rent(n * L);
        var backBuffer = System.Buffers.ArrayPool<byte>.Shared.Rent(n * L);
        var delta = deltaBuffer.AsSpan(0, n * L);
        var back = backBuffer.AsSpan(0, n * L);
        for (var y = 0; y < L; y++)
        {
            delta[y] = Bilou.Allowed(-1, y) ? transitions[y] + emissions[y] : float.NegativeInfinity;
        }

        for (var i = 1; i < n; i++)
        {
            var previousRow = delta.Slice((i - 1) * L, L);
            for (var y = 0; y < L; y++)
            {
                var best = float.NegativeInfinity;
                var argBest = 0;
                foreach (var p in Predecessors[y])
                {
                    var candidate = previousRow[p] + transitions[(p + 1) * L + y];
                    if (candidate > best)
                    {
                        best = candidate;
                        argBest = p;
                    }
                }

                delta[i * L + y] = best + emissions[i * L + y];
                back[i * L + y] = (byte)argBest;
            }
        }

        var end = 0;
        var endScore = float.NegativeInfinity;
        for (var y = 0; y < L; y++)
        {
            var score = delta[(n - 1) * L + y];
            if (Bilou.CanEnd(y) && score > endScore)
            {
                endScore = score;
                end = y;
            }
        }

        labels[n - 1] = (byte)end;
        for (var i = n - 1; i > 0; i--)
        {
            labels[i - 1] = back[i * L + labels[i]];
        }

        System.Buffers.ArrayPool<float>.Shared.Return(deltaBuffer);
        System.Buffers.ArrayPool<byte>.Shared.Return(backBuffer);
        return labels;
    }

    /// <summary>
    /// Per-token label probabilities by forward-backward over the scores divided by
    /// <paramref name="temperature"/>, respecting the BILOU constraints. Works with exponentiated scores,
    /// renormalised at every token, so it needs only one exponential per token and label.
    /// </summary>
    public static void Marginals(ReadOnlySpan<float> emissions, int n, ReadOnlySpan<float> transitions, float temperature, Span<float> marginals)
    {
        var t = 1f / temperature;
        var maxTransition = float.NegativeInfinity;
        foreach (var value in transitions)
        {
            maxTransition = Math.Max(maxTransition, value);
        }

        Span<float> expTransitions = stackalloc float[(L + 1) * L];
        for (var k = 0; k < expTransitions.Length; k++)
        {
            expTransitions[k] = MathF.Exp((transitions[k] - maxTransition) * t);
        }

        var pool = System.Buffers.ArrayPool<float>.Shared;
        var expBuffer = pool.Rent(n * L);
        var forwardBuffer = pool.Rent(n * L);
        var backwardBuffer = pool.Rent(n * L);
        var expEmissions = expBuffer.AsSpan(0, n * L);
        for (var i = 0; i < n; i++)
        {
            var row = emissions.Slice(i * L, L);
            var max = float.NegativeInfinity;
            foreach (var value in row)
            {
                max = Math.Max(max, value);
            }

            for (var y = 0; y < L; y++)
            {
                expEmissions[i * L + y] = MathF.Exp((row[y] - max) * t);
            }
        }

        var forward = forwardBuffer.AsSpan(0, n * L);
        for (var y = 0; y < L; y++)
        {
            forward[y] = Bilou.Allowed(-1, y) ? expTransitions[y] * expEmissions[y] : 0;
        }

        Normalise(forward[..L]);
        for (var i = 1; i < n; i++)
        {
            for (var y = 0; y < L; y++)
            {
                var sum = 0f;
                foreach (var p in Predecessors[y])
                {
                    sum += forward[(i - 1) * L + p] * expTransitions[(p + 1) * L + y];
                }

                forward[i * L + y] = sum * expEmissions[i * L + y];
            }

            Normalise(forward.Slice(i * L, L));
        }

        var backward = backwardBuffer.AsSpan(0, n * L);
        for (var y = 0; y < L; y++)
        {
            backward[(n - 1) * L + y] = Bilou.CanEnd(y) ? 1 : 0;
        }

        for (var i = n - 2; i >= 0; i--)
        {
            for (var p = 0; p < L; p++)
            {
                var sum = 0f;
                foreach (var y in Successors[p])
                {
                    sum += expTransitions[(p + 1) * L + y] * expEmissions[(i + 1) * L + y] * backward[(i + 1) * L + y];
                }

                backward[i * L + p] = sum;
            }

            Normalise(backward.Slice(i * L, L));
        }

        for (var i = 0; i < n; i++)
        {
            var z = 0f;
            for (var y = 0; y < L; y++)
            {
                z += forward[i * L + y] * backward[i * L + y];
            }

            for (var y = 0; y < L; y++)
            {
                marginals[i * L + y] = z > 0 ? forward[i * L + y] * backward[i * L + y] / z : 0;
            }
        }

        pool.Return(expBuffer);
        pool.Return(forwardBuffer);
        pool.Return(backwardBuffer);
    }

    /// <summary>For each label, the labels allowed after it.</summary>
    private static readonly int[][] Successors = Enumerable.Range(0, L)
        .Select(p => Enumerable.Range(0, L).Where(y => Bilou.Allowed(p, y)).ToArray()).ToArray();

    private static void Normalise(Span<float> values)
    {
        var sum = 0f;
        foreach (var v in values)
        {
            sum += v;
        }

        if (sum > 0)
        {
            for (var k = 0; k < values.Length; k++)
            {
                values[k] /= sum;
            }
        }
    }

    /// <summary>Perceptron update towards <paramref name="gold"/> and away from <paramref name="predicted"/>.</summary>
    public static void Update(SentenceFeatures sentence, byte[] gold, byte[] predicted, TrainingWeights weights)
    {
        for (var i = 0; i < gold.Length; i++)
        {
            if (gold[i] != predicted[i])
            {
                foreach (var feature in sentence.Of(i))
                {
                    weights.Update(feature, gold[i], 1);
                    weights.Update(feature, predicted[i], -1);
                }
            }

            var goldPrevious = i == 0 ? -1 : gold[i - 1];
            var predictedPrevious = i == 0 ? -1 : predicted[i - 1];
            if (goldPrevious != predictedPrevious || gold[i] != predicted[i])
            {
                weights.Update(FeatureHash.OfInt(FeatureExtractor.Transition, goldPrevious + 1), gold[i], 1);
                weights.Update(FeatureHash.OfInt(FeatureExtractor.Transition, predictedPrevious + 1), predicted[i], -1);
            }
        }
    }
}
