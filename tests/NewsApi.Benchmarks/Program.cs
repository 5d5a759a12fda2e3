using BenchmarkDotNet.Running;

if (args is ["read-baseline", var url, var connectionString])
{
    await ReadBaseline.RunAsync(url, connectionString);
    return;
}

// A steady loop for a sampling profiler (perf with DOTNET_PerfMapEnabled=1, or dotnet-trace): tokenise + tag the
// benchmark sample over and over for SECONDS, printing tokens per second of wall and CPU time per pass.
if (args is ["profile-ner", var seconds])
{
    NewsApi.Benchmarks.NerBenchmarks.Profile(TimeSpan.FromSeconds(double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
