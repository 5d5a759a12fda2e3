using System.Diagnostics;
using NewsApi.Nlp.Ner;

namespace NewsApi.Nlp.Training.Ner;

/// <summary>Training settings.</summary>
public sealed record NerTrainingOptions
{
    public int Epochs { get; init; } = 12;

    /// <summary>Seed of the shuffling; the same seed and data give the same model.</summary>
    public int Seed { get; init; } = 20031;

    /// <summary>Train the second, document-level stage.</summary>
    public bool SecondStage { get; init; } = true;

    /// <summary>Folds for the first-stage labels the second stage trains on (jackknifing).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Rows whose averaged weights are all below this are dropped.</summary>
    public float PruneBelow { get; init; } = 1e-3f;

    public string Version { get; init; } = "dev";

    /// <summary>Jackknife group of each training document (augmented copies share their original's); null: the index.</summary>
    public IReadOnlyList<int>? Groups { get; init; }
}

/// <summary>
/// Trains the two-stage averaged structured perceptron (Collins 2002) with first-order Viterbi decoding.
/// Stage one learns from local and document features. Its labels on the training documents come from
/// jackknifing (each fold tagged by a model trained on the other folds), so that stage two learns from
/// first-stage labels as noisy as those it will see on new text. Each stage keeps its best epoch on dev.
/// </summary>
public sealed class NerTrainer(Lexicon lexicon, NerTrainingOptions options, TextWriter log)
{
    private readonly FeatureExtractor _features = new(lexicon);

    private sealed record Example(TaggerDocument Document, List<byte[]> Gold);

    public NerModel Train(IReadOnlyList<ConllDocument> train, IReadOnlyList<ConllDocument> dev)
    {
        var stopwatch = Stopwatch.StartNew();
        var trainExamples = train.Select(ToExample).ToList();
        var devExamples = dev.Select(ToExample).ToList();
        log.WriteLine($"train: {train.Count} documents, {train.Sum(d => d.TokenCount):N0} tokens; dev: {dev.Count} documents, {dev.Sum(d => d.TokenCount):N0} tokens");

        var trainFirst = trainExamples.Select(e => _features.Extract(e.Document)).ToList();
        var devFirst = devExamples.Select(e => _features.Extract(e.Document)).ToList();
        var (first, firstEpoch, firstScore) = TrainStage("stage 1", trainExamples, trainFirst, devExamples, devFirst, options.Epochs, keepBest: true);
        log.WriteLine($"stage 1: best epoch {firstEpoch}, dev F1 {firstScore.F1:F2} ({stopwatch.Elapsed.TotalSeconds:F0} s)");

        (List<ulong>, float[])? second = null;
        var finalScore = firstScore;
        var secondEpoch = 0;
        if (options.SecondStage)
        {
            var trainLabels = Jackknife(trainExamples, trainFirst, firstEpoch);
            var firstWeights = Freeze(first);
            var devLabels = devFirst.Select(d => d.Select(s => ViterbiDecoder.Decode(s, firstWeights)).ToList()).ToList();
            var trainSecond = trainExamples.Select((e, i) => SecondStageFeatures(e, trainFirst[i], trainLabels[i])).ToList();
            var devSecond = devExamples.Select((e, i) => SecondStageFeatures(e, devFirst[i], devLabels[i])).ToList();
            var (weights, epoch, score) = TrainStage("stage 2", trainExamples, trainSecond, devExamples, devSecond, options.Epochs, keepBest: true);
            second = weights;
            finalScore = score;
            secondEpoch = epoch;
            log.WriteLine($"stage 2: best epoch {epoch}, dev F1 {score.F1:F2} ({stopwatch.Elapsed.TotalSeconds:F0} s)");
        }

        var description =
            $"Averaged structured perceptron, BILOU, first-order Viterbi, {(options.SecondStage ? "two stages" : "one stage")}; " +
            $"trained {DateTime.UtcNow:yyyy-MM-dd} on {train.Sum(d => d.TokenCount):N0} tokens; best epochs {firstEpoch}/{secondEpoch}; " +
            $"dev F1 {finalScore.F1:F2} P {finalScore.Precision:F2} R {finalScore.Recall:F2}; seed {options.Seed}";
        var model = NerModel.FromTraining(options.Version, description, lexicon, first, second);
        var temperature = CalibrateTemperature(model, devExamples);
        log.WriteLine($"confidence temperature {temperature} (lowest Brier score of entity confidences on dev)");
        return model.WithTemperature(temperature);
    }

    /// <summary>The temperature whose entity confidences best predict which dev entities are correct.</summary>
    private static float CalibrateTemperature(NerModel model, List<Example> dev)
    {
        var candidates = new[] { 0.5f, 1f, 2f, 3f, 4f, 6f, 8f, 12f, 16f, 24f, 32f };
        var brier = new double[candidates.Length];
        foreach (var example in dev)
        {
            var labels = model.Tag(example.Document, out var emissions);
            for (var s = 0; s < labels.Count; s++)
            {
                var gold = Bilou.Decode(example.Gold[s]).ToHashSet();
                var spans = Bilou.Decode(labels[s]);
                if (spans.Count == 0)
                {
                    continue;
                }

                for (var c = 0; c < candidates.Length; c++)
                {
                    var confidences = model.Confidences(emissions[s], labels[s], spans, candidates[c]);
                    for (var k = 0; k < spans.Count; k++)
                    {
                        var correct = gold.Contains(spans[k]) ? 1.0 : 0.0;
                        brier[c] += (confidences[k] - correct) * (confidences[k] - correct);
                    }
                }
            }
        }

        var best = 0;
        for (var c = 1; c < candidates.Length; c++)
        {
            if (brier[c] < brier[best])
            {
                best = c;
            }
        }

        return candidates[best];
    }

    private List<SentenceFeatures> SecondStageFeatures(Example example, List<SentenceFeatures> first, List<byte[]> firstLabels)
    {
        var extra = _features.ExtractSecondPass(example.Document, firstLabels);
        return first.Select((f, s) => SentenceFeatures.Concat(f, extra[s])).ToList();
    }

    private Example ToExample(ConllDocument document)
    {
        var tagger = TaggerDocument.FromWords(document.Sentences.Select(s => (IReadOnlyList<string>)s.Tokens));
        var gold = document.Sentences.Select(s =>
        {
            var labels = new byte[s.Tokens.Length];
            Bilou.Encode(s.Entities, labels);
            return labels;
        }).ToList();
        return new Example(tagger, gold);
    }

    private ((List<ulong>, float[]) Weights, int Epoch, Score Score) TrainStage(
        string name, List<Example> train, List<List<SentenceFeatures>> trainFeatures,
        List<Example>? dev, List<List<SentenceFeatures>>? devFeatures, int epochs, bool keepBest)
    {
        var weights = new TrainingWeights();
        var order = Enumerable.Range(0, train.Count).ToArray();
        (List<ulong>, float[]) best = default;
        var bestEpoch = 0;
        Score bestScore = default;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            new Random(options.Seed + epoch).Shuffle(order);
            var mistakes = 0;
            foreach (var d in order)
            {
                var features = trainFeatures[d];
                for (var s = 0; s < features.Count; s++)
                {
                    var predicted = ViterbiDecoder.Decode(features[s], weights);
                    var gold = train[d].Gold[s];
                    if (!predicted.AsSpan().SequenceEqual(gold))
                    {
                        ViterbiDecoder.Update(features[s], gold, predicted, weights);
                        mistakes++;
                    }

                    weights.Step++;
                }
            }

            if (dev is null || devFeatures is null)
            {
                if (epoch == epochs)
                {
                    best = weights.Average(options.PruneBelow);
                    bestEpoch = epoch;
                }

                continue;
            }

            var averaged = weights.Average(options.PruneBelow);
            var score = Evaluate(Freeze(averaged), dev, devFeatures);
            log.WriteLine($"{name} epoch {epoch,2}: {mistakes,6} sentences wrong in training; dev P {score.Precision:F2} R {score.Recall:F2} F1 {score.F1:F2}; {averaged.Item1.Count:N0} features");
            if (!keepBest || score.F1 > bestScore.F1)
            {
                best = averaged;
                bestEpoch = epoch;
                bestScore = score;
            }
        }

        return (best, bestEpoch, bestScore);
    }

    /// <summary>First-stage labels for every training document, each from a model that did not see it.</summary>
    private List<List<byte[]>> Jackknife(List<Example> train, List<List<SentenceFeatures>> features, int epochs)
    {
        var labels = new List<byte[]>[train.Count];
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var inFold = Enumerable.Range(0, train.Count).Where(i => GroupOf(i) % options.Folds == fold).ToList();
            var outOfFold = Enumerable.Range(0, train.Count).Where(i => GroupOf(i) % options.Folds != fold).ToList();
            var (weights, _, _) = TrainStage($"fold {fold + 1}", outOfFold.Select(i => train[i]).ToList(),
                outOfFold.Select(i => features[i]).ToList(), null, null, epochs, keepBest: false);
            var frozen = Freeze(weights);
            foreach (var i in inFold)
            {
                labels[i] = features[i].Select(s => ViterbiDecoder.Decode(s, frozen)).ToList();
            }

            log.WriteLine($"fold {fold + 1}/{options.Folds}: tagged {inFold.Count} held-out documents");
        }

        return [.. labels];
    }

    private int GroupOf(int document) => options.Groups is { } groups ? groups[document] : document;

    private static FrozenWeights Freeze((List<ulong> Keys, float[] Weights) weights) => new(weights.Keys, weights.Weights);

    private static Score Evaluate(WeightSource weights, List<Example> dev, List<List<SentenceFeatures>> features)
    {
        var evaluator = new EntityEvaluator();
        for (var d = 0; d < dev.Count; d++)
        {
            for (var s = 0; s < features[d].Count; s++)
            {
                var predicted = ViterbiDecoder.Decode(features[d][s], weights);
                evaluator.Add(Bilou.Decode(dev[d].Gold[s]), Bilou.Decode(predicted));
            }
        }

        return evaluator.Overall;
    }
}
