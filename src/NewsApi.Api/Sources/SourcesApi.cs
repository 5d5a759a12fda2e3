using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Infrastructure;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Api.Sources;

/// <summary>A publisher or news agency.</summary>
public sealed record SourceItem
{
    /// <example>1</example>
    public required long Id { get; init; }

    /// <summary>The canonical name ("AP" and "The Associated Press" are both "Associated Press").</summary>
    /// <example>Associated Press</example>
    public required string Name { get; init; }

    /// <summary>How many stored articles come from this source.</summary>
    /// <example>2</example>
    public required int ArticleCount { get; init; }
}

/// <summary>Query parameters of <c>GET /sources</c>.</summary>
public sealed record SourceListQuery : PageQuery;

/// <summary>The source endpoints: publishers and agencies with their article counts.</summary>
public static class SourcesApi
{
    public static RouteGroupBuilder MapSources(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/sources").ProducesProblem(StatusCodes.Status500InternalServerError).WithTags("Sources");

        group.MapGet("/", ListSources)
            .WithName("ListSources")
            .WithSummary("List sources")
            .WithDescription("Publishers and agencies named by the articles, by name, with their article counts. Filter articles by source with `GET /articles?source={id}`.")
            .ProducesValidationProblem();

        group.MapGet("/{id}", GetSource)
            .WithName("GetSource")
            .WithSummary("Get one source")
            .WithDescription("A publisher or agency with its article count.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    /// <summary>Names sort case-insensitively ("CNN" among the Cs, not before "Center").</summary>
    private static readonly KeysetOrder<Source, (string, long)> ByName = Keyset.Order((Source s) => s.Name.ToLower(), s => s.Id, descending: false);

    public static async Task<Results<Ok<Page<SourceItem>>, ValidationProblem>> ListSources(
        [AsParameters] SourceListQuery query, NewsDbContext db, Paging paging, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var fingerprint = Paging.Fingerprint("sources");
        var (limit, after) = await paging.ReadAsync(query, fingerprint, ByName, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.Problem();
        }

        // The cursor keeps the name as PostgreSQL lower-cases it, so the next page continues exactly where this one ends.
        var rows = await ByName.Page(db.Sources.AsNoTracking(), after).Take(limit + 1)
            .Select(s => new { Key = s.Name.ToLower(), Item = new SourceItem { Id = s.Id, Name = s.Name, ArticleCount = s.Articles.Count } })
            .ToListAsync(cancellationToken);
        var page = paging.Create(rows, limit, fingerprint, ByName, s => (s.Key, s.Item.Id));
        return TypedResults.Ok(new Page<SourceItem>(page.Items.Select(r => r.Item).ToList(), page.Next));
    }

    public static async Task<Results<Ok<SourceItem>, ProblemHttpResult>> GetSource([Description("The source's id.")][Example("1")] long id, NewsDbContext db, CancellationToken cancellationToken)
    {
        var source = await db.Sources.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SourceItem { Id = s.Id, Name = s.Name, ArticleCount = s.Articles.Count })
            .FirstOrDefaultAsync(cancellationToken);
        return source is null ? Problems.NotFound("source", id) : TypedResults.Ok(source);
    }
}
