using System.Globalization;
using System.Text.Json;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Events;
using NewsApi.Nlp.Ner;
using NewsApi.Nlp.Normalisation;
using NewsApi.Nlp.Training.Evaluation;

namespace NewsApi.Cli;

public static class EvalCommands
{
    /// <summary>
    /// <c>eval bbc</c>: entities, events, main events, dates and quotes against the annotated BBC sample
    /// (data/annotations/bbc, texts from ../shared/data/bbc). --split dev|test|all (default dev).
    /// </summary>
    public static int Bbc(Arguments args)
    {
        var annotations = args.Option("annotations") ?? Path.Combine(RepositoryRoot(), "data", "annotations", "bbc");
        var corpus = args.Option("corpus") ?? Path.Combine(RepositoryRoot(), "..", "shared", "data", "bbc");
        var split = args.Option("split") ?? "dev";
        var minConfidence = double.Parse(args.Option("min-confidence") ?? EventExtractor.DefaultMinConfidence.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var analyzer = new ArticleAnalyzer(new EntityRecognizer(NerCommands.LoadModel(args)));
        var total = new AnnotatedScores();
        var scored = new List<(ArticleAnnotation Annotation, string Text, ArticleAnalysis Analysis)>();
        foreach (var (annotation, text) in ArticleAnnotation.Load(annotations, corpus))
        {
            if (split != "all" && annotation.Split != split)
            {
                continue;
            }

            var article = ArticleNormalizer.Normalize(text);
            var analysis = analyzer.Analyze(article);
            scored.Add((annotation, text, analysis));
            total = total.Add(AnnotatedEvaluation.Score(annotation, text, analysis, minConfidence));
        }

        if (args.Flag("calibration"))
        {
            Calibration(scored);
        }

        if (args.Flag("verbose"))
        {
            foreach (var error in total.Errors)
            {
                Console.WriteLine(error);
            }
        }

        Console.WriteLine($"{total.Articles} articles ({split}), events at confidence ≥ {minConfidence.ToString(CultureInfo.InvariantCulture)}");
        Console.WriteLine(total.Summary);
        return 0;
    }

    /// <summary>The events of each confidence band (<see cref="AnnotatedEvaluation.Calibration"/>) and the figures at each threshold.</summary>
    private static void Calibration(IReadOnlyList<(ArticleAnnotation Annotation, string Text, ArticleAnalysis Analysis)> scored)
    {
        Console.WriteLine("confidence band   events  right  band precision | at threshold: events  P     R");
        foreach (var band in AnnotatedEvaluation.Calibration(scored))
        {
            var scores = band.AtLower;
            var name = band.Upper is { } upper ? string.Create(CultureInfo.InvariantCulture, $"[{band.Lower:F2}, {upper:F2})") : string.Create(CultureInfo.InvariantCulture, $"≥ {band.Lower:F2}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-16} {band.Events,7} {band.Right,6}  {(band.Events == 0 ? "n/a" : (100.0 * band.Right / band.Events).ToString("F1", CultureInfo.InvariantCulture)),14} | ≥ {band.Lower:F2} {scores.SystemEvents,11} {(scores.SystemEvents == 0 ? 0 : 100.0 * scores.CorrectEvents / scores.SystemEvents),5:F1} {(scores.GoldEvents == 0 ? 0 : 100.0 * scores.FoundEvents / scores.GoldEvents),5:F1}"));
        }
    }

    /// <summary>
    /// <c>eval 5w1h &lt;folder&gt;</c>: the main event of each Giveme5W1H article (title, lead and text, read against its
    /// publication date) against the coders' phrases; a question scores when one coder's phrase contains half or
    /// more of the words of the system's phrase (PhraseMatch.Hit); unannotated questions are skipped.
    /// </summary>
    public static int FiveW1H(Arguments args)
    {
        if (args.Positional.Count != 1)
        {
            throw new UsageException("eval 5w1h needs the folder of Giveme5W1H JSON files.");
        }

        var analyzer = new ArticleAnalyzer(new EntityRecognizer(NerCommands.LoadModel(args)));
        var questions = new[] { "who", "what", "when", "where", "why", "how" };
        var gold = questions.ToDictionary(q => q, _ => 0);
        var hits = questions.ToDictionary(q => q, _ => 0);
        var articles = 0;
        foreach (var path in Directory.GetFiles(args.Positional[0], "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var title = root.GetProperty("title").GetString();
            var lead = root.TryGetProperty("description", out var d) ? d.GetString() : null;
            var body = root.GetProperty("text").GetString() ?? "";
            if (!string.IsNullOrWhiteSpace(lead) && !body.StartsWith(lead[..Math.Min(lead.Length, 40)], StringComparison.Ordinal))
            {
                body = lead + "\n\n" + body;
            }

            DateOnly? published = root.TryGetProperty("date_publish", out var p) && p.GetString() is { Length: >= 10 } date
                && DateOnly.TryParseExact(date[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
            var analysis = analyzer.Analyze(title, body.Replace("\r\n", "\n", StringComparison.Ordinal), published);
            var main = analysis.MainEvent;
            articles++;
            var annotated = root.GetProperty("fiveWoneH");
            var verbose = args.Flag("verbose");
            foreach (var question in questions)
            {
                var phrases = annotated.TryGetProperty(question, out var q) && q.TryGetProperty("annotated", out var list)
                    ? list.EnumerateArray().Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null).OfType<string>().Where(t => t.Length > 0).ToList()
                    : [];
                if (phrases.Count == 0)
                {
                    continue;
                }

                var answer = question switch
                {
                    "who" => main?.Who,
                    "what" => main?.What,
                    "when" => main?.When,
                    "where" => main?.Where,
                    "why" => main?.Why,
                    _ => main?.How,
                };
                gold[question]++;
                var hit = question switch
                {
                    "who" => AnnotatedEvaluation.WhoHit(main, phrases),
                    "where" => AnnotatedEvaluation.WhereHit(main, phrases),
                    _ => PhraseMatch.Hit(answer, phrases),
                };
                hits[question] += hit ? 1 : 0;
                if (verbose && !hit && question is "who" or "where" or "when")
                {
                    Console.WriteLine($"{Path.GetFileName(path)[..8]}: {question} '{answer}' ≠ '{phrases[0]}'");
                }
            }
        }

        string Rate(string q) => gold[q] == 0 ? "n/a" : (100.0 * hits[q] / gold[q]).ToString("F1", CultureInfo.InvariantCulture);
        var whoWhereWhen = new[] { "who", "where", "when" };
        var combined = whoWhereWhen.Sum(q => gold[q]) == 0 ? 0 : 100.0 * whoWhereWhen.Sum(q => hits[q]) / whoWhereWhen.Sum(q => gold[q]);
        Console.WriteLine(string.Join(", ", questions.Select(q => $"{q} {hits[q]}/{gold[q]}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{articles} articles; who/where/when {combined:F1}; who {Rate("who")} what {Rate("what")} when {Rate("when")} where {Rate("where")} why {Rate("why")} how {Rate("how")}"));
        return 0;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsApi.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
