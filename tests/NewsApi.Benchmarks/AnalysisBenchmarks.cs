using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Dates;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Events;
using NewsApi.Nlp.Ner;
using NewsApi.Nlp.Quotes;
using NewsApi.Nlp.Stories;
using NewsApi.Nlp.Text;

namespace NewsApi.Benchmarks;

/// <summary>
/// The analysis after recognition, per article, on one thread, over the same 505-article sample as
/// <see cref="NerBenchmarks"/>: the whole <see cref="ArticleAnalyzer.Analyze"/> (recognition, resolution,
/// dates, quotes, events), and each later step on its own (on a stored analysis), and the story sketch.
/// "Mean" is time per article (OperationsPerInvoke = articles).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, warmupCount: 3, iterationCount: 10)]
public class AnalysisBenchmarks
{
    private const int Articles = 505;

    private List<string> _texts = [];
    private ArticleAnalyzer _analyzer = null!;
    private List<ArticleAnalysis> _analyses = [];
    private List<IReadOnlyList<DateMention>> _dates = [];
    private List<List<Quote>> _quotes = [];

    [GlobalSetup]
    public void Setup()
    {
        _texts = Sample.Articles();
        if (_texts.Count != Articles)
        {
            throw new InvalidOperationException($"The sample has {_texts.Count} articles, not {Articles}; the BBC corpus must be at ../shared/data/bbc.");
        }

        _analyzer = new ArticleAnalyzer(new EntityRecognizer(NerModel.Load(EntityRecognizer.DefaultModelPath)));
        _analyses = _texts.Select(t => _analyzer.Analyze(null, t, new DateOnly(2021, 6, 28))).ToList();
        _dates = _analyses.Select(a => (IReadOnlyList<DateMention>)DateResolver.Find(a.Text, new DateOnly(2021, 6, 28))).ToList();
        _quotes = _analyses.Select(QuoteExtractor.Extract).ToList();
        Console.WriteLine($"// sample: {_texts.Count} articles, {_analyses.Sum(a => a.Tokens.Tokens.Count):N0} tokens, " +
            $"{_quotes.Sum(q => q.Count):N0} quotes, {_analyses.Sum(a => a.Events.Count):N0} events");
    }

    [Benchmark(OperationsPerInvoke = Articles, Description = "full analysis (Analyze)")]
    public int Analyze()
    {
        var count = 0;
        foreach (var text in _texts)
        {
            count += _analyzer.Analyze(null, text, new DateOnly(2021, 6, 28)).Events.Count;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Articles, Description = "dates")]
    public int Dates()
    {
        var count = 0;
        foreach (var analysis in _analyses)
        {
            count += DateResolver.Find(analysis.Text, new DateOnly(2021, 6, 28)).Count;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Articles, Description = "quotes")]
    public int Quotes()
    {
        var count = 0;
        foreach (var analysis in _analyses)
        {
            count += QuoteExtractor.Extract(analysis).Count;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Articles, Description = "events and 5W1H")]
    public int Events()
    {
        var count = 0;
        for (var i = 0; i < _analyses.Count; i++)
        {
            count += EventExtractor.Extract(_analyses[i], _dates[i], _quotes[i]).Events.Count;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Articles, Description = "story sketch")]
    public int Sketch()
    {
        var count = 0;
        foreach (var text in _texts)
        {
            count += ShingleSketch.Compute(text).Length;
        }

        return count;
    }
}
