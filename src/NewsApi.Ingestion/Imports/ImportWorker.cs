using Microsoft.Extensions.Options;
using NewsApi.Data.Entities;

namespace NewsApi.Ingestion.Imports;

/// <summary>
/// The background importer: queues a run at start-up and then every <see cref="ImportOptions.IntervalSeconds"/>,
/// wakes at once when <c>POST /imports</c> queues one, and executes queued runs. A database outage is logged
/// and retried; it never stops the worker.
/// </summary>
public sealed class ImportWorker(ArticleImporter importer, ImportSignal signal, IOptionsMonitor<ImportOptions> options, ILogger<ImportWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.Enabled)
        {
            logger.LogInformation("The import worker is off in this instance (Import:Enabled = false)");
            return;
        }

        var pending = options.CurrentValue.RunOnStartup ? ImportTrigger.Startup : (ImportTrigger?)null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = Interval();
            try
            {
                if (pending is { } trigger)
                {
                    await importer.QueueAsync(trigger, stoppingToken);
                    pending = null;
                }

                await importer.RunQueuedAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "The import worker could not reach the database; retrying in {Seconds} s", RetryDelay.TotalSeconds);
                delay = RetryDelay;
            }

            try
            {
                var signalled = await signal.WaitAsync(delay, stoppingToken);
                if (!signalled && pending is null && options.CurrentValue.IntervalSeconds > 0)
                {
                    pending = ImportTrigger.Schedule;
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private TimeSpan Interval() =>
        options.CurrentValue.IntervalSeconds > 0 ? TimeSpan.FromSeconds(options.CurrentValue.IntervalSeconds) : Timeout.InfiniteTimeSpan;
}
