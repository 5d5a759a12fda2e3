using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Ner;
using NewsApi.Nlp.Normalisation;
using NewsApi.Nlp.Text;

namespace NewsApi.Benchmarks;

/// <summary>
/// Throughput of the text pipeline on one thread, per token: every benchmark processes the whole sample in
/// one operation and declares its token count as OperationsPerInvoke, so "Mean" is time per token and
/// "Allocated" is bytes per token. The sample is the five seed articles plus, when ../shared/data/bbc is
/// present, the first 100 files of each BBC section (500 articles).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, warmupCount: 3, iterationCount: 10)]
public class NerBenchmarks
{
    /// <summary>Tokens in the sample with the BBC files (BenchmarkDotNet needs a constant; Setup checks it).</summary>
    private const int Tokens = 207_154;

    private List<string> _texts = [];
    private EntityRecognizer _recognizer = null!;
    private List<TaggerDocument> _documents = [];

    public static int SampleTokens { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _texts = Sample.Articles();
        _recognizer = new EntityRecognizer(NerModel.Load(EntityRecognizer.DefaultModelPath));
        _documents = _texts.Select(text =>
        {
            var tokens = Tokenizer.Tokenize(text);
            return new TaggerDocument(SentenceSplitter.Split(text, tokens)
                .Select(s => Enumerable.Range(s.FirstToken, s.TokenCount).Select(t => WordForms.Of(WordForms.Normalize(tokens[t].Span(text)))).ToArray())
                .ToList());
        }).ToList();
        SampleTokens = _texts.Sum(t => Tokenizer.Tokenize(t).Count);
        Console.WriteLine($"// sample: {_texts.Count} articles, {SampleTokens:N0} tokens");
        if (SampleTokens != Tokens)
        {
            throw new InvalidOperationException(
                $"The sample has {SampleTokens:N0} tokens, not {Tokens:N0}: per-token figures would be wrong. " +
                "The BBC corpus must be at ../shared/data/bbc; if the tokenizer changed, update Tokens.");
        }
    }

    [Benchmark(OperationsPerInvoke = Tokens, Description = "tokenise + split sentences")]
    public int Tokenize()
    {
        var count = 0;
        foreach (var text in _texts)
        {
            var tokens = Tokenizer.Tokenize(text);
            count += SentenceSplitter.Split(text, tokens).Count;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Tokens, Description = "tag (two stages, pre-tokenised)")]
    public int Tag()
    {
        var count = 0;
        foreach (var document in _documents)
        {
            count += _recognizer.Model.Tag(document).Count;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Tokens, Description = "tokenise + tag (Analyze)")]
    public int Analyze()
    {
        var count = 0;
        foreach (var text in _texts)
        {
            count += _recognizer.Analyze(text).Entities.Count;
        }

        return count;
    }

    /// <summary>Runs <see cref="Analyze"/> over the sample until <paramref name="duration"/> has passed, printing each pass's tokens per second of wall and of CPU time.</summary>
    public static void Profile(TimeSpan duration)
    {
        var benchmark = new NerBenchmarks();
        benchmark.Setup();
        var total = System.Diagnostics.Stopwatch.StartNew();
        while (total.Elapsed < duration)
        {
            // Wall time, and CPU time (the process's, GC included), which a busy shared machine disturbs less.
            var pass = System.Diagnostics.Stopwatch.StartNew();
            var cpu = Environment.CpuUsage.TotalTime;
            benchmark.Analyze();
            var cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
            Console.WriteLine($"{SampleTokens / pass.Elapsed.TotalSeconds:N0} tokens/s, {SampleTokens / cpuSeconds:N0} tokens per CPU second");
        }
    }
}

/// <summary>Model load time: read, decompress and build the weight table.</summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, warmupCount: 2, iterationCount: 10)]
public class ModelLoadBenchmarks
{
    [Benchmark(Description = "load committed model")]
    public NerModel Load() => NerModel.Load(EntityRecognizer.DefaultModelPath);
}

internal static class Sample
{
    public static List<string> Articles()
    {
        var root = FindRoot();
        var files = Directory.GetFiles(Path.Combine(root, "data", "seeds"), "*.txt").Order().ToList();
        var bbc = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "bbc"));
        if (Directory.Exists(bbc))
        {
            foreach (var section in new[] { "business", "entertainment", "politics", "sport", "tech" })
            {
                files.AddRange(Directory.GetFiles(Path.Combine(bbc, section), "*.txt").Order().Take(100));
            }
        }

        return files.Select(f =>
        {
            ArticleReader.TryRead(File.ReadAllBytes(f), out var file, out _);
            return file!.Article.Title + "\n\n" + file.Article.Body;
        }).ToList();
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsApi.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
