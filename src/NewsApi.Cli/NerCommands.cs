using NewsApi.Nlp.Ner;
using NewsApi.Nlp.Normalisation;
using NewsApi.Nlp.Text;

namespace NewsApi.Cli;

public static class NerCommands
{
    public static int Train(Arguments args)
    {
        var train = ConllCorpus.Read(args.Required("train"));
        var dev = ConllCorpus.Read(args.Required("dev"));
        var output = args.Required("out");
        var gazetteers = args.Option("gazetteers") ?? Path.Combine("..", "shared", "data", "gazetteers");
        IReadOnlyList<string> unlabeled = args.Options("unlabeled") is { Count: > 0 } given
            ? given
            : [Path.Combine("..", "shared", "data", "bbc"), Path.Combine("..", "shared", "data", "polnear", "train", "text")];

        var lexicon = new Lexicon();
        lexicon.LoadCueWords();
        if (Directory.Exists(gazetteers))
        {
            lexicon.LoadGazetteers(gazetteers);
            Console.WriteLine($"gazetteers: {lexicon.Phrases.Count:N0} phrases from {gazetteers}");
        }
        else
        {
            Console.WriteLine($"gazetteers: {gazetteers} not found; training without them");
        }

        var sentences = train.SelectMany(d => d.Sentences).Select(s => (IReadOnlyList<string>)s.Tokens).ToList();
        foreach (var folder in unlabeled.Where(Directory.Exists))
        {
            var before = sentences.Count;
            sentences.AddRange(UnlabeledSentences(folder));
            Console.WriteLine($"unlabeled: {sentences.Count - before:N0} sentences from {folder}");
        }

        lexicon.LearnCapitalisation(sentences);
        Console.WriteLine($"capitalisation statistics for {lexicon.Capitalisation.Count:N0} words");
        var coarse = args.Int("clusters-coarse", 128);
        var fine = args.Int("clusters-fine", 512);
        if (fine > 0)
        {
            lexicon.LearnClusters(sentences, coarse, fine, args.Int("cluster-iterations", 10), Console.Out);
            Console.WriteLine($"word classes ({coarse} and {fine}) for {lexicon.Clusters.Count:N0} words");
        }

        var options = new NerTrainingOptions
        {
            Epochs = args.Int("epochs", 12),
            Seed = args.Int("seed", 20031),
            SecondStage = !args.Flag("one-stage"),
            Version = args.Option("version") ?? $"conll2003-{DateTime.UtcNow:yyyyMMdd}",
        };
        var model = new NerTrainer(lexicon, options, Console.Out).Train(train, dev);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        model.Save(output);
        Console.WriteLine($"saved {output} ({new FileInfo(output).Length / 1024.0 / 1024.0:F1} MB, {model.FeatureCount:N0} feature rows): {model.Description}");
        return 0;
    }

    public static int Evaluate(Arguments args)
    {
        if (args.Positional.Count != 1)
        {
            throw new UsageException("ner eval needs one CoNLL file.");
        }

        HashSet<EntityType>? types = null;
        if (args.Option("types") is { } list)
        {
            types = [];
            foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                types.Add(Enum.TryParse<EntityType>(name, ignoreCase: true, out var type) ? type : throw new UsageException($"Unknown type '{name}'; use PER, ORG, LOC, MISC."));
            }
        }

        var file = args.Positional[0];
        EvaluationReport report;
        string subject;
        if (args.Flag("scored"))
        {
            report = ConllEvaluation.Score(ConllCorpus.Read(file, tagColumnFromEnd: 2), ConllCorpus.Read(file), types);
            subject = "predictions in the file";
        }
        else
        {
            var model = LoadModel(args);
            report = ConllEvaluation.Evaluate(ConllCorpus.Read(file), model, types);
            subject = $"model {model.Version}";
        }

        foreach (var line in report.Lines(subject))
        {
            Console.WriteLine(line);
        }

        return 0;
    }

    public static NerModel LoadModel(Arguments args)
    {
        var path = args.Option("model") ?? EntityRecognizer.DefaultModelPath;
        return File.Exists(path) ? NerModel.Load(path) : throw new UsageException($"No model at {path}.");
    }

    /// <summary>Sentences of the article files in a folder, normalised and tokenised as the API would.</summary>
    private static IEnumerable<IReadOnlyList<string>> UnlabeledSentences(string folder)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!TextDecoder.TryDecode(File.ReadAllBytes(path), out var decoded, out _))
            {
                continue;
            }

            var article = ArticleNormalizer.Normalize(decoded.Text);
            foreach (var paragraph in article.Paragraphs)
            {
                var tokens = Tokenizer.Tokenize(paragraph);
                foreach (var sentence in SentenceSplitter.Split(paragraph, tokens))
                {
                    yield return Enumerable.Range(sentence.FirstToken, sentence.TokenCount)
                        .Select(t => WordForms.Normalize(tokens[t].Span(paragraph))).ToList();
                }
            }
        }
    }
}
