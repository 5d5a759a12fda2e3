using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace NewsApi.Api.Infrastructure;

/// <summary>What <see cref="Paging"/> asks of an order when it verifies a cursor: do its keys parse as the order's key types?</summary>
public interface IKeysetOrder
{
    bool Accepts(IReadOnlyList<string> keys);
}

/// <summary>
/// The one definition of a list's order and of its cursor: the sort keys of <typeparamref name="TRow"/> (as
/// expressions, each with its direction), their types (<typeparamref name="TKey"/>, a value tuple), how they are
/// written into and read from a cursor, the ORDER BY, and the keyset predicate of the next page. When every key runs
/// in the same direction the predicate is a PostgreSQL row-value comparison, <c>(a, b) &lt; (x, y)</c>, which
/// PostgreSQL uses as an index condition on an index over the same columns, so a page deep in a large table costs
/// what the first page costs; the expanded form <c>a &lt; x OR (a = x AND b &lt; y)</c> is only a filter, tested row
/// by row, and is left to orders that mix directions.
/// </summary>
public sealed class KeysetOrder<TRow, TKey> : IKeysetOrder where TKey : struct, ITuple
{
    private readonly LambdaExpression[] _keys;
    private readonly bool[] _descending;
    private readonly Type[] _types;
    private readonly Func<TRow, object?>[] _compiled;

    internal KeysetOrder(params (LambdaExpression Key, bool Descending)[] keys)
    {
        _keys = keys.Select(k => k.Key).ToArray();
        _descending = keys.Select(k => k.Descending).ToArray();
        _types = typeof(TKey).GetGenericArguments();
        if (_types.Length != _keys.Length || _keys.Where((k, i) => k.ReturnType != _types[i]).Any() || _types.Any(t => !KeyCodec.Supports(t)))
        {
            throw new ArgumentException($"The keys must be the types of {typeof(TKey)}, each one of {KeyCodec.Names}.", nameof(keys));
        }

        _compiled = _keys.Select(k => Expression.Lambda<Func<TRow, object?>>(Expression.Convert(k.Body, typeof(object)), k.Parameters).Compile()).ToArray();
    }

    /// <summary>The rows in this order, after the cursor's row when there is one.</summary>
    public IOrderedQueryable<TRow> Page(IQueryable<TRow> source, Cursor? after) => Sort(After(source, after));

    /// <summary>The rows after the cursor's row (all of them without a cursor).</summary>
    public IQueryable<TRow> After(IQueryable<TRow> source, Cursor? after) => after is null ? source : source.Where(Predicate(Decode(after)));

    /// <summary>ORDER BY the keys.</summary>
    public IOrderedQueryable<TRow> Sort(IQueryable<TRow> source)
    {
        var expression = source.Expression;
        for (var i = 0; i < _keys.Length; i++)
        {
            var method = (i == 0, _descending[i]) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            expression = Expression.Call(typeof(Queryable), method, [typeof(TRow), _types[i]], expression, Expression.Quote(_keys[i]));
        }

        return (IOrderedQueryable<TRow>)source.Provider.CreateQuery<TRow>(expression);
    }

    /// <summary>Rows already loaded (say, the merge of two queries), in the same order.</summary>
    public IEnumerable<T> Sort<T>(IEnumerable<T> items, Func<T, TRow> row) =>
        items.Order(Comparer<T>.Create((x, y) => Compare(row(x), row(y))));

    /// <summary>Items that carry this order's keys without their rows (say, ids and dates read alone), in this order.</summary>
    public IEnumerable<T> SortByKeys<T>(IEnumerable<T> items, Func<T, TKey> key) =>
        items.Order(Comparer<T>.Create((x, y) => Compare(i => key(x)[i], i => key(y)[i])));

    /// <summary>Keys taken from a row's projection, as its cursor carries them.</summary>
    public string[] Encode(TKey key) => Enumerable.Range(0, key.Length).Select(i => KeyCodec.Encode(key[i]!)).ToArray();

    public bool Accepts(IReadOnlyList<string> keys) =>
        keys.Count == _types.Length && keys.Select((k, i) => KeyCodec.TryDecode(k, _types[i], out _)).All(ok => ok);

    private int Compare(TRow x, TRow y) => Compare(i => _compiled[i](x), i => _compiled[i](y));

    private int Compare(Func<int, object?> x, Func<int, object?> y)
    {
        for (var i = 0; i < _descending.Length; i++)
        {
            var order = Comparer<object>.Default.Compare(x(i), y(i));
            if (order != 0)
            {
                return _descending[i] ? -order : order;
            }
        }

        return 0;
    }

    private object[] Decode(Cursor cursor) => cursor.Keys.Select((k, i) =>
        KeyCodec.TryDecode(k, _types[i], out var value) ? value : throw new InvalidOperationException("Paging verifies a cursor's keys with Accepts.")).ToArray();

    private Expression<Func<TRow, bool>> Predicate(object[] after)
    {
        var row = Expression.Parameter(typeof(TRow), "row");
        var keys = _keys.Select(k => new Rebind(k.Parameters[0], row).Visit(k.Body)).ToArray();

        // Each value held in a box, so that EF Core sends it as a parameter (one cached plan for every page).
        var values = after.Select((v, i) => (Expression)Expression.Property(
            Expression.Constant(Activator.CreateInstance(typeof(Box<>).MakeGenericType(_types[i]), v)), nameof(Box<int>.Value))).ToArray();
        Expression body;
        if (keys.Length == 1)
        {
            body = _descending[0] ? Expression.LessThan(keys[0], values[0]) : Expression.GreaterThan(keys[0], values[0]);
        }
        else if (_descending.Distinct().Count() == 1)
        {
            var method = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
                _descending[0] ? nameof(NpgsqlDbFunctionsExtensions.LessThan) : nameof(NpgsqlDbFunctionsExtensions.GreaterThan),
                [typeof(DbFunctions), typeof(ITuple), typeof(ITuple)])!;
            body = Expression.Call(method, Expression.Constant(EF.Functions), Tuple(keys), Tuple(values));
        }
        else
        {
            // a ≶ x OR (a = x AND b ≶ y) OR …, each key in its own direction.
            body = Expression.Constant(false);
            for (var i = keys.Length - 1; i >= 0; i--)
            {
                Expression step = _descending[i] ? Expression.LessThan(keys[i], values[i]) : Expression.GreaterThan(keys[i], values[i]);
                body = i == keys.Length - 1 ? step : Expression.OrElse(step, Expression.AndAlso(Expression.Equal(keys[i], values[i]), body));
            }
        }

        return Expression.Lambda<Func<TRow, bool>>(body, row);
    }

    private Expression Tuple(Expression[] items) =>
        Expression.Convert(Expression.Call(typeof(ValueTuple), nameof(ValueTuple.Create), _types, items), typeof(ITuple));

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>Holds a cursor's value, so that EF Core sends it as a parameter (not nested in the generic order: one type argument).</summary>
internal sealed class Box<TValue>(TValue value)
{
    public TValue Value { get; } = value;
}

/// <summary>Orders of one, two or three keys (the row type is inferred from the first key's lambda).</summary>
public static class Keyset
{
    public static KeysetOrder<TRow, ValueTuple<TA>> Order<TRow, TA>(Expression<Func<TRow, TA>> first, bool descending) =>
        new((first, descending));

    public static KeysetOrder<TRow, (TA, TB)> Order<TRow, TA, TB>(Expression<Func<TRow, TA>> first, Expression<Func<TRow, TB>> second, bool descending) =>
        new((first, descending), (second, descending));

    public static KeysetOrder<TRow, (TA, TB, TC)> Order<TRow, TA, TB, TC>(Expression<Func<TRow, TA>> first, Expression<Func<TRow, TB>> second,
        Expression<Func<TRow, TC>> third, bool descending) =>
        new((first, descending), (second, descending), (third, descending));

    /// <summary>Two keys in opposite directions (the predicate is then the expanded form, a filter).</summary>
    public static KeysetOrder<TRow, (TA, TB)> Order<TRow, TA, TB>(Expression<Func<TRow, TA>> first, bool firstDescending,
        Expression<Func<TRow, TB>> second, bool secondDescending) =>
        new((first, firstDescending), (second, secondDescending));
}

/// <summary>
/// How a sort key is written in a cursor: integers in invariant digits, text as it is, a float as its bits (so that
/// it round-trips exactly), a time as its UTC ticks.
/// </summary>
internal static class KeyCodec
{
    public const string Names = "long, int, string, float, DateTimeOffset";

    public static bool Supports(Type type) =>
        type == typeof(long) || type == typeof(int) || type == typeof(string) || type == typeof(float) || type == typeof(DateTimeOffset);

    public static string Encode(object value) => value switch
    {
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        string s => s,
        float f => BitConverter.SingleToInt32Bits(f).ToString(CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcTicks.ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"A cursor key is one of {Names}.", nameof(value)),
    };

    public static bool TryDecode(string key, Type type, out object value)
    {
        const NumberStyles integer = NumberStyles.AllowLeadingSign;
        var ok = false;
        value = key;
        if (type == typeof(string))
        {
            ok = true;
        }
        else if (type == typeof(long) && long.TryParse(key, integer, CultureInfo.InvariantCulture, out var l))
        {
            (value, ok) = (l, true);
        }
        else if (type == typeof(int) && int.TryParse(key, integer, CultureInfo.InvariantCulture, out var i))
        {
            (value, ok) = (i, true);
        }
        else if (type == typeof(float) && int.TryParse(key, integer, CultureInfo.InvariantCulture, out var bits))
        {
            (value, ok) = (BitConverter.Int32BitsToSingle(bits), true);
        }
        else if (type == typeof(DateTimeOffset) && long.TryParse(key, integer, CultureInfo.InvariantCulture, out var ticks)
                 && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks)
        {
            (value, ok) = (new DateTimeOffset(ticks, TimeSpan.Zero), true);
        }

        return ok;
    }
}
