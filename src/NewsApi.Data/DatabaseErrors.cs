using System.Net.Sockets;
using Npgsql;

namespace NewsApi.Data;

/// <summary>Tells a database that cannot be reached (or is shutting down or overloaded) from a bug.</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// True when <paramref name="exception"/> (or one it wraps) says the database is unavailable for now: a failed or
    /// broken connection, a server shutting down or refusing connections, a connection pool that timed out. Such a
    /// request can succeed later; it is not the client's fault, nor a defect.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    // 08: connection exception; 53: insufficient resources; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now.
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || postgres.SqlState is "57P01" or "57P02" or "57P03";
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException:
                    return true;
                case SocketException:
                    return true;
            }
        }

        return false;
    }
}
