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

        var query = db.Articles.After(a => a.SortDate, a => a.Id, (after.SortDate, after.Id), descending: true)
            .OrderByDescending(a => a.SortDate).ThenByDescending(a => a.Id).Select(a => a.Id);
        var sql = query.ToQueryString();
        Assert.Contains("(a.sort_date, a.id) < (", sql, StringComparison.Ordinal);
        Assert.DoesNotContain(" OR ", sql, StringComparison.Ordinal);
        Assert.Equal(all.Skip(13).Select(a => a.Id), await query.ToListAsync());

        var ascending = await db.Articles.After(a => a.SortDate, a => a.Id, (after.SortDate, after.Id), descending: false)
            .OrderBy(a => a.SortDate).ThenBy(a => a.Id).Select(a => a.Id).ToListAsync();
        Assert.Equal(all.Take(12).Select(a => a.Id).Reverse(), ascending);
    }
}
