using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Infrastructure;
using NewsApi.Api.Tests.Infrastructure;
using NewsApi.Data.Entities;

namespace NewsApi.Api.Tests;

/// <summary>The row-value keyset predicate, against a real PostgreSQL: an index condition, with the pages of the expanded form.</summary>
public sealed class KeysetTests(DatabaseFixture database) : ApiTestBase(database)
{
    [Fact]
    public async Task A_keyset_page_is_a_row_value_comparison_and_pages_like_the_expanded_form()
    {
        await using var db = Database.CreateContext();
        var day = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 30; i++)
        {
            // Ten articles share each date, so the id decides within a date.
            db.Articles.Add(new Article
            {
                Title = $"t{i}", Body = $"b{i}", File = $"f{i}.txt", ContentHash = i.ToString("D64"), RawBytes = [], Encoding = "utf-8", Language = "en",
                SortDate = day.AddDays(i / 10), ImportedAt = day, UpdatedAt = day,
            });
        }

        await db.SaveChangesAsync();
        var all = await db.Articles.OrderByDescending(a => a.SortDate).ThenByDescending(a => a.Id).Select(a => new { a.Id, a.SortDate }).ToListAsync();
        var after = all[12];

        var newest = Keyset.Order((Article a) => a.SortDate, a => a.Id, descending: true);
        var query = newest.Page(db.Articles, Cursor.Of(newest.Encode((after.SortDate, after.Id)))).Select(a => a.Id);
        var sql = query.ToQueryString();
        Assert.Contains("(a.sort_date, a.id) < (", sql, StringComparison.Ordinal);
        Assert.DoesNotContain(" OR ", sql, StringComparison.Ordinal);
        Assert.Equal(all.Skip(13).Select(a => a.Id), await query.ToListAsync());

        var oldest = Keyset.Order((Article a) => a.SortDate, a => a.Id, descending: false);
        var ascending = await oldest.Page(db.Articles, Cursor.Of(oldest.Encode((after.SortDate, after.Id)))).Select(a => a.Id).ToListAsync();
        Assert.Equal(all.Take(12).Select(a => a.Id).Reverse(), ascending);

        // Keys in opposite directions: the expanded form, and the same rows as LINQ to objects gives.
        var mixed = Keyset.Order((Article a) => a.SortDate, true, a => a.Id, false);
        var mixedQuery = mixed.Page(db.Articles, Cursor.Of(mixed.Encode((after.SortDate, after.Id)))).Select(a => a.Id);
        Assert.Contains(" OR ", mixedQuery.ToQueryString(), StringComparison.Ordinal);
        var expected = all.OrderByDescending(a => a.SortDate).ThenBy(a => a.Id).SkipWhile(a => a.Id != after.Id).Skip(1).Select(a => a.Id);
        Assert.Equal(expected, await mixedQuery.ToListAsync());

        // Rows loaded in memory sort as the database sorts them.
        var rows = await db.Articles.ToListAsync();
        Assert.Equal(all.Select(a => a.Id), newest.Sort(rows, a => a).Select(a => a.Id));
    }

    [Fact]
    public void An_order_accepts_only_keys_of_its_types()
    {
        var byCount = Keyset.Order((Entity e) => e.ArticleCount, e => e.Id, descending: true);
        Assert.True(byCount.Accepts(byCount.Encode((12, 34L))));
        Assert.False(byCount.Accepts(["12"]));
        Assert.False(byCount.Accepts(["twelve", "34"]));
        Assert.False(byCount.Accepts(["99999999999", "34"]));
        var byDate = Keyset.Order((Article a) => a.SortDate, a => a.Id, descending: true);
        Assert.False(byDate.Accepts([long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), "1"]));
        var byRank = Keyset.Order((Entity e) => (float)e.ArticleCount, e => e.Id, descending: true);
        var keys = byRank.Encode((0.1f, 7L));
        Assert.True(byRank.Accepts(keys));
    }
}
