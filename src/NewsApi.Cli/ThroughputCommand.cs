using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Ner;

namespace NewsApi.Cli;

/// <summary>
/// <c>analysis throughput</c>: every file of a folder read, decoded, normalised and analysed as the importer's workers
/// do it, on N threads, with no database: the ceiling of the import's rate on this machine.
/// </summary>
public static class ThroughputCommand
{
    public static int Run(Arguments args)
    {
        if (args.Positional.Count != 1)
        {
            throw new UsageException("analysis throughput needs one folder.");
        }

        var threads = args.Int("threads", Environment.ProcessorCount);
        var rounds = args.Int("rounds", 1);
        var files = Directory.EnumerateFiles(args.Positional[0], "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var analyzer = new ArticleAnalyzer(new EntityRecognizer(NerCommands.LoadModel(args)));

        // One warm-up pass over a tenth of the files (model load, JIT), untimed.
        Pass(analyzer, files.Take(Math.Max(1, files.Length / 10)), threads);
        for (var round = 1; round <= rounds; round++)
        {
            var process = System.Diagnostics.Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var articles = Pass(analyzer, files, threads);
            var seconds = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
            Console.WriteLine($"round {round}: {files.Length} files, {articles} articles in {seconds:F1} s on {threads} threads: " +
                $"{articles / seconds:F0} articles/s, {cpuMs / Math.Max(1, articles):F2} ms CPU per article");
        }

        return 0;
    }

    /// <summary>Reads, normalises and analyses each file on <paramref name="threads"/> threads; the number of articles among them.</summary>
    public static long Pass(ArticleAnalyzer analyzer, IEnumerable<string> paths, int threads)
    {
        long articles = 0;
        Parallel.ForEach(paths, new ParallelOptions { MaxDegreeOfParallelism = threads }, path =>
        {
            if (ArticleReader.TryRead(File.ReadAllBytes(path), out var file, out _))
            {
                analyzer.Analyze(file.Article);
                Interlocked.Increment(ref articles);
            }
        });
        return articles;
    }
}
