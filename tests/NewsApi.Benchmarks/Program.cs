using BenchmarkDotNet.Running;

if (args is ["read-baseline", var url, var connectionString])
{
    await ReadBaseline.RunAsync(url, connectionString);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
