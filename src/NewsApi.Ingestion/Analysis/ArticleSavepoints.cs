using Microsoft.EntityFrameworkCore;
using NewsApi.Data;

namespace NewsApi.Ingestion.Analysis;

/// <summary>
/// Writes many articles in one transaction, each under its own savepoint, so that an article the database refuses
/// (or the writer fails on) is rolled back alone while the rest of the batch commits. The import writer and the
/// re-analysis worker both write their batches this way.
/// </summary>
public static class ArticleSavepoints
{
    /// <summary>
    /// Most articles written in one transaction: each savepoint is a subtransaction, and PostgreSQL keeps 64 of those
    /// per transaction in shared memory (more slow down every session's snapshots).
    /// </summary>
    public const int MaxPerTransaction = 64;

    /// <summary>
    /// Runs <paramref name="write"/> for each item under a savepoint of the caller's transaction (one round trip
    /// releases the previous article's savepoint and opens the next one's). When it throws anything but a
    /// cancellation or a lost database, the savepoint is rolled back and <paramref name="refused"/> is told why.
    /// The change tracker is cleared after each item: nothing of one article's entities leaks into the next.
    /// </summary>
    public static async Task EachAsync<T>(NewsDbContext db, IReadOnlyList<T> items, Func<T, Task> write, Action<T, Exception> refused,
        CancellationToken cancellationToken)
    {
        for (var i = 0; i < items.Count; i++)
        {
            await db.Database.ExecuteSqlRawAsync(i == 0 ? "SAVEPOINT article" : "RELEASE SAVEPOINT article; SAVEPOINT article", cancellationToken);
            try
            {
                await write(items[i]);
            }
            catch (Exception exception) when (exception is not OperationCanceledException && !DatabaseErrors.IsUnavailable(exception))
            {
                await db.Database.ExecuteSqlRawAsync("ROLLBACK TO SAVEPOINT article", cancellationToken);
                refused(items[i], exception);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
