namespace NewsApi.Nlp.Ner;

/// <summary>
/// Distributional word classes learned from unlabeled text with the exchange algorithm (Kneser &amp; Ney 1993;
/// Martin, Liermann &amp; Ney 1998): words are moved between a fixed number of classes to maximise the
/// likelihood of a class bigram model. Words used alike ("Obama", "Biden", "Blair") end up in one class, which
/// lets the tagger generalise from names it was trained on to names it was not. Deterministic: words are
/// visited in frequency order and ties keep the current class.
/// </summary>
public static class WordClusters
{
    /// <summary>Word → class (1..classes) for words seen at least <paramref name="minCount"/> times.</summary>
    public static Dictionary<string, int> Train(IEnumerable<IReadOnlyList<string>> sentences, int classes, int iterations, int minCount, TextWriter? log = null)
    {
        // Vocabulary, most frequent first; rarer words share one fixed context id that is not clustered.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var corpus = new List<string[]>();
        foreach (var sentence in sentences)
        {
            var words = sentence.ToArray();
            corpus.Add(words);
            foreach (var word in words)
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }

        var vocabulary = counts.Where(c => c.Value >= minCount).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key).ToArray();
        var id = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Length; i++)
        {
            id[vocabulary[i]] = i;
        }

        // Ids: 0..V-1 words, V = rare word, V+1 = sentence boundary. Boundary and rare have fixed classes.
        var v = vocabulary.Length;
        var rare = v;
        var boundary = v + 1;
        var total = v + 2;
        var right = new Dictionary<int, int>[total];
        var left = new Dictionary<int, int>[total];
        for (var i = 0; i < total; i++)
        {
            right[i] = [];
            left[i] = [];
        }

        foreach (var words in corpus)
        {
            var previous = boundary;
            for (var k = 0; k <= words.Length; k++)
            {
                var current = k < words.Length ? id.GetValueOrDefault(words[k], rare) : boundary;
                right[previous][current] = right[previous].GetValueOrDefault(current) + 1;
                left[current][previous] = left[current].GetValueOrDefault(previous) + 1;
                previous = current;
            }
        }

        // Classes: 0 = boundary, 1 = rare words, 2..classes+1 = learned.
        var c = classes + 2;
        var classOf = new int[total];
        for (var i = 0; i < v; i++)
        {
            classOf[i] = 2 + i % classes;
        }

        classOf[rare] = 1;
        classOf[boundary] = 0;

        var bigram = new double[c * c];
        var leftTotal = new double[c];
        var rightTotal = new double[c];
        for (var a = 0; a < total; a++)
        {
            foreach (var (b, n) in right[a])
            {
                bigram[classOf[a] * c + classOf[b]] += n;
                leftTotal[classOf[a]] += n;
                rightTotal[classOf[b]] += n;
            }
        }

        var toRight = new double[c];
        var toLeft = new double[c];
        var touchedRight = new List<int>();
        var touchedLeft = new List<int>();
        for (var iteration = 1; iteration <= iterations; iteration++)
        {
            var moves = 0;
            for (var w = 0; w < v; w++)
            {
                // Counts of w's bigrams with each class, excluding w itself (self-bigrams handled apart).
                touchedRight.Clear();
                touchedLeft.Clear();
                var self = right[w].GetValueOrDefault(w);
                foreach (var (other, n) in right[w])
                {
                    if (other == w)
                    {
                        continue;
                    }

                    var k = classOf[other];
                    if (toRight[k] == 0)
                    {
                        touchedRight.Add(k);
                    }

                    toRight[k] += n;
                }

                foreach (var (other, n) in left[w])
                {
                    if (other == w)
                    {
                        continue;
                    }

                    var k = classOf[other];
                    if (toLeft[k] == 0)
                    {
                        touchedLeft.Add(k);
                    }

                    toLeft[k] += n;
                }

                double asLeft = 0, asRight = 0;
                foreach (var n in right[w].Values)
                {
                    asLeft += n;
                }

                foreach (var n in left[w].Values)
                {
                    asRight += n;
                }

                var from = classOf[w];
                Move(w, from, -1);
                var best = from;
                var bestGain = Gain(from);
                for (var candidate = 2; candidate < c; candidate++)
                {
                    if (candidate == from)
                    {
                        continue;
                    }

                    var gain = Gain(candidate);
                    if (gain > bestGain + 1e-9)
                    {
                        best = candidate;
                        bestGain = gain;
                    }
                }

                Move(w, best, +1);
                if (best != from)
                {
                    classOf[w] = best;
                    moves++;
                }

                foreach (var k in touchedRight)
                {
                    toRight[k] = 0;
                }

                foreach (var k in touchedLeft)
                {
                    toLeft[k] = 0;
                }

                // The change in likelihood from adding w's counts to class `target`.
                double Gain(int target)
                {
                    var gain = 0.0;
                    foreach (var k in touchedRight)
                    {
                        var n = bigram[target * c + k];
                        var add = toRight[k] + (k == target ? self : 0);
                        gain += F(n + add) - F(n);
                    }

                    foreach (var k in touchedLeft)
                    {
                        if (k == target)
                        {
                            continue;
                        }

                        var n = bigram[k * c + target];
                        gain += F(n + toLeft[k]) - F(n);
                    }

                    if (toRight[target] == 0)
                    {
                        var n = bigram[target * c + target];
                        var add = self + toLeft[target];
                        gain += F(n + add) - F(n);
                    }
                    else if (toLeft[target] > 0)
                    {
                        // (target, target) got w's right counts above; its left counts into the target class too.
                        var n = bigram[target * c + target] + toRight[target] + self;
                        gain += F(n + toLeft[target]) - F(n);
                    }

                    gain -= F(leftTotal[target] + asLeft) - F(leftTotal[target]);
                    gain -= F(rightTotal[target] + asRight) - F(rightTotal[target]);
                    return gain;
                }

                void Move(int word, int target, int sign)
                {
                    foreach (var k in touchedRight)
                    {
                        bigram[target * c + k] += sign * toRight[k];
                    }

                    foreach (var k in touchedLeft)
                    {
                        bigram[k * c + target] += sign * toLeft[k];
                    }

                    bigram[target * c + target] += sign * self;
                    leftTotal[target] += sign * asLeft;
                    rightTotal[target] += sign * asRight;
                }
            }

            log?.WriteLine($"clusters ({classes}): iteration {iteration}, {moves:N0} words moved");
            if (moves == 0)
            {
                break;
            }
        }

        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < v; i++)
        {
            result[vocabulary[i]] = classOf[i] - 1;
        }

        return result;
    }

    private static double F(double x) => x > 0 ? x * Math.Log(x) : 0;
}
