using System.Buffers.Text;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsApi.Data;

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
/// A cursor that <see cref="Paging"/> verified: issued by this API for this query, its keys those of the list's
/// <see cref="KeysetOrder{TRow, TKey}"/>, which alone reads them.
/// </summary>
public sealed class Cursor
{
    internal Cursor(string[] keys) => Keys = keys;

    internal IReadOnlyList<string> Keys { get; }

    /// <summary>A cursor over keys known to be valid, without a signature (for tests of an order's queries).</summary>
    internal static Cursor Of(string[] keys) => new(keys);
}

/// <summary>The <c>Paging</c> configuration section.</summary>
public sealed class PagingOptions : IValidatableObject
{
    public const string Section = "Paging";

    /// <summary>
    /// The secret that signs cursors (16 characters or more). Unset: a random key is generated once and kept in the
    /// database (<c>server_keys</c>), so cursors survive restarts and work on every instance sharing it.
    /// </summary>
    public string? CursorKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CursorKey is { Length: > 0 and < 16 })
        {
            yield return new ValidationResult("Paging:CursorKey must be at least 16 characters (or empty, for a key kept in the database).", [nameof(CursorKey)]);
        }
    }
}

/// <summary>
/// Keyset (cursor) paging with signed cursors. A cursor is opaque to clients: base64url JSON holding the sort keys
/// of the last item and a fingerprint of the query it belongs to, followed by an HMAC-SHA256 tag with the server's
/// key. A cursor that was not issued by this server (or its instances), that was altered, that belongs to another
/// query, or whose keys do not parse is refused with a 400, never reaches a query.
/// </summary>
public sealed class Paging(IOptions<PagingOptions> options, IDbContextFactory<NewsDbContext> contexts)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    private const int TagBytes = 16;
    private const string KeyName = "cursor-signing";

    private readonly SemaphoreSlim _loading = new(1, 1);
    private byte[]? _key;

    private sealed record Payload(string Q, string[] K);

    /// <summary>Checks <c>limit</c> and verifies and decodes <c>cursor</c>; fills <paramref name="errors"/> for a 400 when they are invalid.</summary>
    public async Task<(int Limit, Cursor? After)> ReadAsync(PageQuery query, string fingerprint, IKeysetOrder order, RequestErrors errors,
        CancellationToken cancellationToken) =>
        await ReadAsync(query.Limit, query.Cursor, fingerprint, order, errors, cancellationToken);

    public async Task<(int Limit, Cursor? After)> ReadAsync(int? limit, string? cursor, string fingerprint, IKeysetOrder order, RequestErrors errors,
        CancellationToken cancellationToken)
    {
        var take = errors.Between("limit", limit, 1, MaxLimit, DefaultLimit);

        Cursor? after = null;
        if (cursor is not null)
        {
            var key = await KeyAsync(cancellationToken);
            after = Decode(key, cursor, fingerprint, order, out var problem);
            if (after is null)
            {
                errors.Add("cursor", problem!);
            }
        }
        else
        {
            // Load the key now, so that building this page's next cursor never waits on the database.
            await KeyAsync(cancellationToken);
        }

        return (take, after);
    }

    /// <summary>
    /// Builds the page from up to limit + 1 items projected from the order's rows, given their keys (the extra item
    /// only tells that a next page exists).
    /// </summary>
    public Page<T> Create<T, TRow, TKey>(IReadOnlyList<T> rows, int limit, string fingerprint, KeysetOrder<TRow, TKey> order, Func<T, TKey> keys)
        where TKey : struct, ITuple =>
        Create(rows, limit, fingerprint, item => order.Encode(keys(item)));

    private Page<T> Create<T>(IReadOnlyList<T> rows, int limit, string fingerprint, Func<T, string[]> keys)
    {
        if (rows.Count <= limit)
        {
            return new Page<T>(rows, null);
        }

        var items = rows.Take(limit).ToList();
        return new Page<T>(items, Encode(_key ?? throw new InvalidOperationException("ReadAsync loads the signing key before a page is built."), fingerprint, keys(items[^1])));
    }

    /// <summary>A short stable digest of the parameters that define a list (filters and sort, not limit or cursor).</summary>
    public static string Fingerprint(params object?[] parts)
    {
        var text = string.Join('\u001f', parts.Select(p => p?.ToString() ?? ""));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }

    private static string Encode(byte[] key, string fingerprint, string[] keys)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(fingerprint, keys));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, payload).AsSpan(0, TagBytes));
    }

    private static Cursor? Decode(byte[] key, string cursor, string fingerprint, IKeysetOrder order, out string? problem)
    {
        const string notIssued = "cursor is not a cursor this API issued; use the 'next' value of a previous page unchanged.";
        problem = notIssued;
        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        if (cursor.Length > 2048 || dot <= 0)
        {
            return null;
        }

        byte[] payload, tag;
        try
        {
            payload = Base64Url.DecodeFromChars(cursor.AsSpan(0, dot));
            tag = Base64Url.DecodeFromChars(cursor.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return null;
        }

        if (tag.Length != TagBytes || !CryptographicOperations.FixedTimeEquals(tag, HMACSHA256.HashData(key, payload).AsSpan(0, TagBytes)))
        {
            return null;
        }

        Payload? decoded;
        try
        {
            decoded = JsonSerializer.Deserialize<Payload>(payload);
        }
        catch (JsonException)
        {
            return null;
        }

        if (decoded?.Q != fingerprint)
        {
            problem = "cursor belongs to a query with other filters or sort; repeat the original parameters with it.";
            return null;
        }

        if (decoded.K is null || decoded.K.Any(k => k is null) || !order.Accepts(decoded.K))
        {
            return null;
        }

        problem = null;
        return new Cursor(decoded.K);
    }

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is not null)
        {
            return _key;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            return _key ??= options.Value.CursorKey is { Length: > 0 } configured
                ? SHA256.HashData(Encoding.UTF8.GetBytes(configured))
                : await StoredKeyAsync(cancellationToken);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>The key kept in the database: the first instance to need one creates it; every instance reads the same.</summary>
    private async Task<byte[]> StoredKeyAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var fresh = RandomNumberGenerator.GetBytes(32);
        var now = DateTimeOffset.UtcNow;
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO server_keys (name, value, created_at) VALUES ({KeyName}, {fresh}, {now}) ON CONFLICT (name) DO NOTHING", cancellationToken);
        return await db.ServerKeys.Where(k => k.Name == KeyName).Select(k => k.Value).SingleAsync(cancellationToken);
    }
}
