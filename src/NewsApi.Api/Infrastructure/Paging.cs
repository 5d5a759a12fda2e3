using System.Buffers.Text;
using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace NewsApi.Api.Infrastructure;

/// <summary>A page of a list: the items, and the cursor of the next page (null on the last page).</summary>
/// <param name="Items">The items of this page.</param>
/// <param name="Next">Pass as <c>cursor</c>, with the same other parameters, to get the next page; null on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>The paging parameters every list takes (bound with <c>[AsParameters]</c> through the derived query records).</summary>
public abstract record PageQuery
{
    [FromQuery(Name = "limit")]
    [Description("Items per page, 1 to 100.")]
    [DefaultValue(Paging.DefaultLimit)]
    public int? Limit { get; init; }

    [FromQuery(Name = "cursor")]
    [Description("The next value of the previous page. Repeat the other parameters unchanged.")]
    public string? Cursor { get; init; }
}

/// <summary>
/// Keyset (cursor) paging. A cursor is opaque to clients: base64url JSON holding the sort keys of the last item
/// and a fingerprint of the query it belongs to, so that a cursor reused with other filters is refused.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>The sort keys of the last item of a page.</summary>
    public sealed record Cursor(string[] Keys);

    private sealed record Payload(string Q, string[] K);

    /// <summary>Checks <c>limit</c> and decodes <c>cursor</c>; fills <paramref name="errors"/> for a 400 when they are invalid.</summary>
    public static (int Limit, Cursor? After) Read(int? limit, string? cursor, string queryFingerprint, int keyCount, Dictionary<string, string[]> errors)
    {
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit} (got {take})."];
        }

        Cursor? after = null;
        if (cursor is not null)
        {
            after = Decode(cursor, queryFingerprint, keyCount, out var problem);
            if (after is null)
            {
                errors["cursor"] = [problem!];
            }
        }

        return (take, after);
    }

    /// <summary>Builds the page from up to limit + 1 rows: the extra row only tells that a next page exists.</summary>
    public static Page<T> Create<T>(IReadOnlyList<T> rows, int limit, string queryFingerprint, Func<T, string[]> keys)
    {
        if (rows.Count <= limit)
        {
            return new Page<T>(rows, null);
        }

        var items = rows.Take(limit).ToList();
        return new Page<T>(items, Encode(queryFingerprint, keys(items[^1])));
    }

    /// <summary>A short stable digest of the parameters that define a list (filters and sort, not limit or cursor).</summary>
    public static string Fingerprint(params object?[] parts)
    {
        var text = string.Join('\u001f', parts.Select(p => p?.ToString() ?? ""));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }

    private static string Encode(string fingerprint, string[] keys) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Payload(fingerprint, keys)));

    private static Cursor? Decode(string cursor, string fingerprint, int keyCount, out string? problem)
    {
        problem = null;
        Payload? payload;
        try
        {
            payload = cursor.Length <= 1024 ? JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(cursor)) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            payload = null;
        }

        if (payload?.K is null || payload.K.Length != keyCount || payload.Q is null)
        {
            problem = "cursor is not a cursor this API issued; use the 'next' value of a previous page unchanged.";
            return null;
        }

        if (payload.Q != fingerprint)
        {
            problem = "cursor belongs to a query with other filters or sort; repeat the original parameters with it.";
            return null;
        }

        return new Cursor(payload.K);
    }
}
