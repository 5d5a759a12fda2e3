using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Shared;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Api.Articles;

/// <summary>
/// The queries of <c>GET /articles/{id}</c>, compiled once (<see cref="EF.CompileAsyncQuery{TContext, TParam1, TResult}(System.Linq.Expressions.Expression{Func{TContext, TParam1, TResult}})"/>):
/// a LINQ query otherwise builds its expression tree, hashes it and looks it up in the query cache on every call,
/// which on this page cost more CPU than reading the rows (the profile is in docs/performance.md).
/// </summary>
internal static class ArticleQueries
{
    public static readonly Func<NewsDbContext, long, CancellationToken, Task<ArticleRow?>> Detail = EF.CompileAsyncQuery(
        (NewsDbContext db, long id, CancellationToken cancellationToken) => db.Articles.AsNoTracking().Where(a => a.Id == id).Select(ArticlePages.Details).FirstOrDefault());

    /// <summary>The article's entities, most salient first, with their kind.</summary>
    public static readonly Func<NewsDbContext, long, IAsyncEnumerable<KindedEntity>> Entities = EF.CompileAsyncQuery((NewsDbContext db, long id) =>
        db.ArticleEntities.AsNoTracking().Where(ae => ae.ArticleId == id)
            .OrderByDescending(ae => ae.Salience).ThenByDescending(ae => ae.MentionCount).ThenBy(ae => ae.EntityId)
            .Select(ae => new KindedEntity(ae.Entity.Kind, new ArticleEntityItem(ae.EntityId, ae.Entity.Name, ae.Salience, ae.MentionCount))));

    /// <summary>The article's other names (works, products, competitions, awards), in text order.</summary>
    public static readonly Func<NewsDbContext, long, IAsyncEnumerable<ArticleNameItem>> Names = EF.CompileAsyncQuery((NewsDbContext db, long id) =>
        db.ArticleNames.AsNoTracking().Where(n => n.ArticleId == id)
            .OrderBy(n => n.InTitle ? 0 : 1).ThenBy(n => n.Start)
            .Select(n => new ArticleNameItem(n.Name, n.MentionCount, new TextOffsets(n.InTitle ? "title" : "body", n.Start, n.End))));

    /// <summary>The article's events, in the order of their first evidence in the text.</summary>
    public static readonly Func<NewsDbContext, long, IAsyncEnumerable<ArticleEventItem>> Events = EF.CompileAsyncQuery((NewsDbContext db, long id) =>
        from ae in db.ArticleEvents
        where ae.ArticleId == id
        join e in db.Events on ae.EventId equals e.Id
        let first = db.EventEvidence.Where(x => x.EventId == e.Id && x.ArticleId == id).Min(x => (int?)(x.InTitle ? -1 : x.Start))
        orderby first, e.Id
        select new ArticleEventItem(e.Id, e.Type, e.Title));

    /// <summary>Names and kinds of the entities a main event refers to.</summary>
    public static readonly Func<NewsDbContext, long[], IAsyncEnumerable<NamedEntity>> EntityNames = EF.CompileAsyncQuery((NewsDbContext db, long[] ids) =>
        db.Entities.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new NamedEntity(e.Id, e.Name, e.Kind)));

    public sealed record KindedEntity(EntityKind Kind, ArticleEntityItem Item);

    public sealed record NamedEntity(long Id, string Name, EntityKind Kind);
}
