using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace NewsApi.Api.Infrastructure;

/// <summary>
/// The keyset predicate of a cursor page, as a PostgreSQL row-value comparison: <c>(a, b) &lt; (x, y)</c> for a
/// descending order, <c>&gt;</c> for an ascending one. PostgreSQL uses a row value as an index condition on an
/// index over the same columns, so a page deep in a large table costs what the first page costs; the expanded form
/// <c>a &lt; x OR (a = x AND b &lt; y)</c> is only a filter, tested row by row. Every sort key must run in the same
/// direction (a mixed order keeps the expanded form).
/// </summary>
public static class Keyset
{
    /// <summary>The rows after <paramref name="after"/> in the order of two keys.</summary>
    public static IQueryable<T> After<T, TA, TB>(this IQueryable<T> source, Expression<Func<T, TA>> first, Expression<Func<T, TB>> second,
        (TA, TB) after, bool descending)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var keys = Expression.Call(typeof(ValueTuple), nameof(ValueTuple.Create), [typeof(TA), typeof(TB)],
            Replace(first, row), Replace(second, row));
        return source.Where(Compare<T>(row, keys, new Box<(TA, TB)>(after), descending));
    }

    /// <summary>The rows after <paramref name="after"/> in the order of three keys.</summary>
    public static IQueryable<T> After<T, TA, TB, TC>(this IQueryable<T> source, Expression<Func<T, TA>> first, Expression<Func<T, TB>> second,
        Expression<Func<T, TC>> third, (TA, TB, TC) after, bool descending)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var keys = Expression.Call(typeof(ValueTuple), nameof(ValueTuple.Create), [typeof(TA), typeof(TB), typeof(TC)],
            Replace(first, row), Replace(second, row), Replace(third, row));
        return source.Where(Compare<T>(row, keys, new Box<(TA, TB, TC)>(after), descending));
    }

    /// <summary>Holds the cursor's values, so that EF Core sends them as parameters (one cached plan for every page).</summary>
    private sealed class Box<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }

    private static Expression<Func<T, bool>> Compare<T>(ParameterExpression row, MethodCallExpression keys, object box, bool descending)
    {
        var value = Expression.Property(Expression.Constant(box), "Value");
        var tupleType = value.Type;
        var items = tupleType.GetFields().OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => (Expression)Expression.Field(value, f)).ToArray();
        var values = Expression.Call(typeof(ValueTuple), nameof(ValueTuple.Create), tupleType.GetGenericArguments(), items);
        var method = typeof(NpgsqlDbFunctionsExtensions).GetMethod(descending ? nameof(NpgsqlDbFunctionsExtensions.LessThan) : nameof(NpgsqlDbFunctionsExtensions.GreaterThan),
            [typeof(DbFunctions), typeof(ITuple), typeof(ITuple)])!;
        var call = Expression.Call(method, Expression.Constant(EF.Functions), Expression.Convert(keys, typeof(ITuple)), Expression.Convert(values, typeof(ITuple)));
        return Expression.Lambda<Func<T, bool>>(call, row);
    }

    private static Expression Replace<T, TKey>(Expression<Func<T, TKey>> key, ParameterExpression row) =>
        new Rebind(key.Parameters[0], row).Visit(key.Body);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
