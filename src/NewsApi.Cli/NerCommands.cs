using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Training.Ner;
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

        if (args.Option("lexicon-from") is { } lexiconModel)
        {
            // Experiments: reuse the gazetteers, capitalisation statistics and word classes of a model trained on the same data.
            var reused = NerModel.Load(lexiconModel).Lexicon;
            Console.WriteLine($"lexicon from {lexiconModel}: {reused.Phrases.Count:N0} phrases, {reused.Capitalisation.Count:N0} capitalisation, {reused.Clusters.Count:N0} word classes");
            return TrainWith(reused, train, dev, output, args);
        }

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

        return TrainWith(lexicon, train, dev, output, args);
    }

    private static int TrainWith(Lexicon lexicon, List<ConllDocument> train, List<ConllDocument> dev, string output, Arguments args)
    {
        var groups = Augmentation.Apply(train, args);
        var options = new NerTrainingOptions
        {
            Groups = groups,
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
            if (args.Option("errors") is { } errorsPath)
            {
                WriteErrors(ConllCorpus.Read(file), model, types, errorsPath);
            }
            subject = $"model {model.Version}";
        }

        foreach (var line in report.Lines(subject))
        {
            Console.WriteLine(line);
        }

        return 0;
    }

    /// <summary>Every entity of the file, one line each: "TP|FP|FN<TAB>type<TAB>span<TAB>what the other side has there<TAB>sentence".</summary>
    private static void WriteErrors(IReadOnlyList<ConllDocument> documents, NerModel model, HashSet<EntityType>? types, string path)
    {
        using var w = new StreamWriter(path);
        foreach (var document in documents)
        {
            var input = TaggerDocument.FromWords(document.Sentences.Select(s => (IReadOnlyList<string>)s.Tokens));
            var labels = model.Tag(input);
            for (var s = 0; s < document.Sentences.Count; s++)
            {
                var tokens = document.Sentences[s].Tokens;
                var gold = document.Sentences[s].Entities.Where(e => types is null || types.Contains(e.Type)).ToList();
                var allPred = Bilou.Decode(labels[s]);
                var pred = allPred.Where(e => types is null || types.Contains(e.Type)).ToList();
                var text = string.Join(' ', tokens);
                string Txt(TokenSpan e) => string.Join(' ', tokens[e.Start..e.End]);
                string Overlap(TokenSpan e, IEnumerable<TokenSpan> other)
                {
                    var o = other.Where(x => x.Start < e.End && e.Start < x.End).Select(x => $"{x.Type}:{Txt(x)}").ToList();
                    return o.Count == 0 ? "-" : string.Join("|", o);
                }

                foreach (var p in pred.Where(p => !gold.Contains(p)))
                {
                    w.WriteLine($"FP\t{p.Type}\t{Txt(p)}\t{Overlap(p, document.Sentences[s].Entities)}\t{text}");
                }

                foreach (var p in pred.Where(p => gold.Contains(p)))
                {
                    w.WriteLine($"TP\t{p.Type}\t{Txt(p)}\t-\t{text}");
                }

                foreach (var g in gold.Where(g => !pred.Contains(g)))
                {
                    w.WriteLine($"FN\t{g.Type}\t{Txt(g)}\t{Overlap(g, allPred)}\t{text}");
                }
            }
        }
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
            if (!ArticleReader.TryRead(File.ReadAllBytes(path), out var file, out _))
            {
                continue;
            }

            var article = file.Article;
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
