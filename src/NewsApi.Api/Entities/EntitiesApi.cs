using NewsApi.Ingestion.Analysis;
using NewsApi.Ingestion.Imports;
using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Articles;
using NewsApi.Api.Infrastructure;
using NewsApi.Api.Shared;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Nlp.Entities;

namespace NewsApi.Api.Entities;

/// <summary>
/// People, organisations and places: one resource per kind (<c>/people</c>, <c>/organisations</c>,
/// <c>/places</c>) with the same endpoints: list and search, one record, its articles, its mentions, and the
/// corrections (merge, add or remove an alias, split an alias off), which need the API key.
/// </summary>
public static class EntitiesApi
{
    private const int ListAliases = 10;
    private const int EvidencePerRole = 3;
    private const int ConnectionCount = 10;

    public static void MapEntities(this IEndpointRouteBuilder routes)
    {
        foreach (var route in EntityRoute.All)
        {
            Map(routes, route);
        }
    }

    private static void Map(IEndpointRouteBuilder routes, EntityRoute route)
    {
        var (prefix, kind, tag, singular, noun) = route;
        var group = routes.MapGroup(prefix).WithTags(tag).ProducesProblem(StatusCodes.Status500InternalServerError);
        var plural = tag.ToLowerInvariant();

        group.MapGet("/", ([AsParameters] EntityListQuery query, NewsDbContext db, Paging paging, CancellationToken ct) => List(kind, query, db, paging, ct))
            .WithName($"List{tag}")
            .WithSummary($"List and search {plural}")
            .WithDescription($"One record per real-world {noun}, with the names it goes by. `q` matches names and aliases by prefix and by trigram similarity (pg_trgm), so misspellings still find it.")
            .ProducesValidationProblem();

        group.MapGet("/{id}", ([Description("The record's id.")][Example("1")] long id, NewsDbContext db, HttpContext http, CancellationToken ct) => Get(kind, prefix, id, db, http, ct))
            .WithName($"Get{singular}")
            .WithSummary($"Get one {noun}")
            .WithDescription($"The {noun} with aliases and their counts, {(kind == EntityKind.Person ? "roles with the sentences that state them, " : "")}first and last appearance, and the entities most often mentioned in the same articles. A record merged into another answers 301 with the survivor's address.")
            .Produces(StatusCodes.Status301MovedPermanently)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/articles", ([Description("The record's id.")][Example("1")] long id, [AsParameters] EntityPageQuery query, NewsDbContext db, Paging paging, CancellationToken ct) => Articles(kind, noun, id, query, db, paging, ct))
            .WithName($"Get{singular}Articles")
            .WithSummary($"Articles mentioning {route.WithArticle}")
            .WithDescription("Newest first, paged with a cursor.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/mentions", ([Description("The record's id.")][Example("1")] long id, [AsParameters] EntityPageQuery query, NewsDbContext db, Paging paging, CancellationToken ct) => Mentions(kind, noun, id, query, db, paging, ct))
            .WithName($"Get{singular}Mentions")
            .WithSummary($"Mentions of {route.WithArticle}")
            .WithDescription("Every place an article names it: the words, their offsets in the article's title or body, the sentence, and why the mention was attributed to this record.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var corrections = group.MapGroup("/{id}").RequireAuthorization(Scopes.Corrections).WithBodyLimit(16 * 1024)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests);

        corrections.MapPost("/merge", ([Description("The record that survives.")][Example("1")] long id, MergeRequest request, EntityCorrections service, CancellationToken ct) => service.MergeAsync(kind, prefix, id, request, ct))
            .WithName($"Merge{tag}")
            .WithSummary($"Merge another {noun} into this one")
            .WithDescription("Moves the other record's mentions, aliases and roles here; the other record then redirects here. Needs X-Api-Key. Stored as a correction: it survives re-imports and re-analysis.")
            .Accepts<MergeRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        corrections.MapPost("/aliases", ([Description("The record's id.")][Example("1")] long id, AliasRequest request, EntityCorrections service, CancellationToken ct) => service.AddAliasAsync(kind, id, request, ct))
            .WithName($"Add{singular}Alias")
            .WithSummary($"Add an alias to {route.WithArticle}")
            .WithDescription("Future mentions written this way are attributed to this record. Needs X-Api-Key.")
            .Accepts<AliasRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        corrections.MapDelete("/aliases/{alias}", ([Description("The record's id.")][Example("1")] long id, [Description("The alias to remove, as listed.")][Example("Tony Blinken")] string alias, EntityCorrections service, CancellationToken ct) => service.RemoveAliasAsync(kind, id, alias, ct))
            .WithName($"Remove{singular}Alias")
            .WithSummary($"Remove an alias from {route.WithArticle}")
            .WithDescription("The alias stops matching this record, now and after re-imports. The record's own name cannot be removed. Needs X-Api-Key.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        corrections.MapPost("/split", ([Description("The record to split.")][Example("1")] long id, AliasRequest request, EntityCorrections service, CancellationToken ct) => service.SplitAsync(kind, prefix, id, request, ct))
            .WithName($"Split{singular}")
            .WithSummary($"Split an alias off {route.WithArticle} into a new record")
            .WithDescription("Moves the alias and every mention written that way to a new record (201 with its address). Later imports attribute that alias to the new record. Needs X-Api-Key.")
            .Accepts<AliasRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private enum Sort
    {
        Articles,
        Mentions,
        Name,
    }

    public static async Task<Results<Ok<Page<EntitySummary>>, ValidationProblem>> List(EntityKind kind, EntityListQuery query, NewsDbContext db, Paging paging, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var sort = errors.Choice("sort", query.Sort, Sort.Articles, ("articles", Sort.Articles), ("mentions", Sort.Mentions), ("name", Sort.Name));

        var q = errors.Text("q", query.Q, 200) is { } text ? EntityNames.Key(text).ToLowerInvariant() : null;

        var fingerprint = Paging.Fingerprint("entities", kind, q, sort);
        IKeysetOrder order = sort switch { Sort.Articles => ByArticles, Sort.Mentions => ByMentions, _ => ByName };
        var (limit, after) = await paging.ReadAsync(query, fingerprint, order, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var entities = db.Entities.AsNoTracking().Where(e => e.Kind == kind && e.MergedIntoId == null && e.ArticleCount > 0);
        if (q is not null)
        {
            var prefix = LikeEscape(q) + "%";
            var matching = db.EntityAliases.Where(a => a.Kind == kind && a.Source != AliasSource.Blocked
                && (EF.Functions.Like(a.AliasKey.ToLower(), prefix) || EF.Functions.TrigramsAreSimilar(a.AliasKey.ToLower(), q))).Select(a => a.EntityId);
            entities = entities.Where(e => matching.Contains(e.Id));
        }

        var ordered = sort switch
        {
            Sort.Articles => ByArticles.Page(entities, after),
            Sort.Mentions => ByMentions.Page(entities, after),
            _ => ByName.Page(entities, after),
        };

        var rows = await ordered.Take(limit + 1).Select(e => new { e.Id, e.Name, NameKey = e.Name.ToLower(), e.ArticleCount, e.MentionCount }).ToListAsync(cancellationToken);
        var nameKeys = rows.ToDictionary(r => r.Id, r => r.NameKey);
        var ids = rows.Select(r => r.Id).ToList();
        var aliases = await db.EntityAliases.AsNoTracking()
            .Where(a => ids.Contains(a.EntityId) && a.Source != AliasSource.Blocked)
            .Select(a => new { a.EntityId, a.Alias, a.MentionCount })
            .ToListAsync(cancellationToken);
        var roles = kind == EntityKind.Person ? await RoleSummariesAsync(db, ids, withEvidence: false, cancellationToken) : null;

        var items = rows.Select(r => new EntitySummary
        {
            Id = r.Id,
            Name = r.Name,
            Aliases = aliases.Where(a => a.EntityId == r.Id && a.Alias != r.Name).OrderByDescending(a => a.MentionCount).ThenBy(a => a.Alias)
                .Select(a => a.Alias).Take(ListAliases).ToList(),
            ArticleCount = r.ArticleCount,
            MentionCount = r.MentionCount,
            Roles = roles?.GetValueOrDefault(r.Id) ?? (kind == EntityKind.Person ? [] : null),
        }).ToList();

        return TypedResults.Ok(sort switch
        {
            Sort.Articles => paging.Create(items, limit, fingerprint, ByArticles, e => (e.ArticleCount, e.Id)),
            Sort.Mentions => paging.Create(items, limit, fingerprint, ByMentions, e => (e.MentionCount, e.Id)),
            _ => paging.Create(items, limit, fingerprint, ByName, e => (nameKeys[e.Id], e.Id)),
        });
    }

    private static readonly KeysetOrder<Entity, (int, long)> ByArticles = Keyset.Order((Entity e) => e.ArticleCount, e => e.Id, descending: true);

    private static readonly KeysetOrder<Entity, (int, long)> ByMentions = Keyset.Order((Entity e) => e.MentionCount, e => e.Id, descending: true);

    /// <summary>Names sort case-insensitively ("CNN" among the Cs, not before "Center").</summary>
    private static readonly KeysetOrder<Entity, (string, long)> ByName = Keyset.Order((Entity e) => e.Name.ToLower(), e => e.Id, descending: false);

    private static readonly KeysetOrder<EntityMention, ValueTuple<long>> MentionOrder = Keyset.Order((EntityMention m) => m.Id, descending: false);

    private static string LikeEscape(string value) => value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    public static async Task<Results<Ok<EntityDetail>, RedirectHttpResult, ProblemHttpResult>> Get(
        EntityKind kind, string prefix, long id, NewsDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var entity = await db.Entities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.Kind == kind, cancellationToken);
        if (entity is null)
        {
            return Problems.NotFound(EntityLookup.Noun(kind), id);
        }

        if (entity.MergedIntoId is not null)
        {
            var survivor = await EntityLookup.SurvivorAsync(db, id, cancellationToken);
            return TypedResults.Redirect($"{prefix}/{survivor}", permanent: true);
        }

        return TypedResults.Ok(await DetailAsync(db, entity, cancellationToken));
    }

    public static async Task<EntityDetail> DetailAsync(NewsDbContext db, Entity entity, CancellationToken cancellationToken)
    {
        var aliases = await db.EntityAliases.AsNoTracking().Where(a => a.EntityId == entity.Id && a.Source != AliasSource.Blocked)
            .OrderByDescending(a => a.MentionCount).ThenBy(a => a.Alias)
            .Select(a => new AliasCount(a.Alias, a.MentionCount, a.Source == AliasSource.Manual ? "manual" : a.Source == AliasSource.Rule ? "rule" : "text"))
            .ToListAsync(cancellationToken);
        var roles = entity.Kind == EntityKind.Person
            ? (await RoleSummariesAsync(db, [entity.Id], withEvidence: true, cancellationToken)).GetValueOrDefault(entity.Id) ?? []
            : [];

        var id = entity.Id;
        var shared = await (
                from mine in db.ArticleEntities
                where mine.EntityId == id
                join other in db.ArticleEntities on mine.ArticleId equals other.ArticleId
                where other.EntityId != id
                group other by other.EntityId into g
                orderby g.Count() descending, g.Key
                select new { EntityId = g.Key, Articles = g.Count() })
            .Take(ConnectionCount)
            .ToListAsync(cancellationToken);
        var sharedIds = shared.Select(s => s.EntityId).ToList();
        var names = await db.Entities.AsNoTracking().Where(e => sharedIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => new { e.Name, e.Kind }, cancellationToken);

        return new EntityDetail
        {
            Id = entity.Id,
            Kind = EntityLookup.Noun(entity.Kind),
            Name = entity.Name,
            Aliases = aliases,
            Roles = roles,
            ArticleCount = entity.ArticleCount,
            MentionCount = entity.MentionCount,
            FirstSeen = entity.FirstSeen,
            LastSeen = entity.LastSeen,
            Connections = shared.Where(s => names.ContainsKey(s.EntityId))
                .Select(s => new Connection(s.EntityId, names[s.EntityId].Name, EntityLookup.Noun(names[s.EntityId].Kind), s.Articles)).ToList(),
        };
    }

    /// <summary>
    /// Roles per person, grouped by title: the most stated affiliation, current unless the latest statement
    /// says former, first and last seen, and (optionally) a few sentences of evidence.
    /// </summary>
    private static async Task<Dictionary<long, List<RoleSummary>>> RoleSummariesAsync(NewsDbContext db, List<long> ids, bool withEvidence, CancellationToken cancellationToken)
    {
        var rows = await (
                from r in db.EntityRoles
                where ids.Contains(r.EntityId)
                join a in db.Articles on r.ArticleId equals a.Id
                select new { r.EntityId, r.Title, r.Affiliation, r.Former, r.ArticleId, r.Evidence, a.SortDate, r.Id })
            .ToListAsync(cancellationToken);

        return rows.GroupBy(r => r.EntityId).ToDictionary(g => g.Key, g => g
            .GroupBy(r => r.Title)
            .Select(t =>
            {
                var latest = t.OrderByDescending(r => r.SortDate).ThenByDescending(r => r.Id).First();
                var affiliation = t.Where(r => r.Affiliation != null).GroupBy(r => r.Affiliation).OrderByDescending(a => a.Count()).ThenBy(a => a.Key).Select(a => a.Key).FirstOrDefault();
                return new RoleSummary
                {
                    Title = t.Key,
                    Affiliation = affiliation,
                    Current = !latest.Former,
                    Statements = t.Count(),
                    FirstSeen = t.Min(r => r.SortDate),
                    LastSeen = t.Max(r => r.SortDate),
                    Evidence = withEvidence
                        ? t.OrderByDescending(r => r.SortDate).ThenByDescending(r => r.Id).DistinctBy(r => r.Evidence).Take(EvidencePerRole).Select(r => new Evidence(r.ArticleId, r.Evidence)).ToList()
                        : null,
                };
            })
            .OrderByDescending(r => r.Statements).ThenBy(r => r.Title)
            .ToList());
    }

    public static async Task<Results<Ok<Page<ArticleSummary>>, ValidationProblem, ProblemHttpResult>> Articles(
        EntityKind kind, string noun, long id, EntityPageQuery query, NewsDbContext db, Paging paging, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var fingerprint = Paging.Fingerprint("entity-articles", id);
        var (limit, after) = await paging.ReadAsync(query, fingerprint, ArticlePages.Newest, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var resolved = await EntityLookup.ResolveAsync(db, kind, id, cancellationToken);
        if (resolved is null)
        {
            return Problems.NotFound(noun, id);
        }

        var articles = db.Articles.AsNoTracking().Where(a => db.ArticleEntities.Any(ae => ae.ArticleId == a.Id && ae.EntityId == resolved.Value));
        var page = await ArticlePages.ByDateAsync(paging, articles, ArticlePages.Newest, after, limit, fingerprint, cancellationToken);
        return TypedResults.Ok(page);
    }

    public static async Task<Results<Ok<Page<EntityMentionItem>>, ValidationProblem, ProblemHttpResult>> Mentions(
        EntityKind kind, string noun, long id, EntityPageQuery query, NewsDbContext db, Paging paging, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var fingerprint = Paging.Fingerprint("entity-mentions", id);
        var (limit, after) = await paging.ReadAsync(query, fingerprint, MentionOrder, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var resolved = await EntityLookup.ResolveAsync(db, kind, id, cancellationToken);
        if (resolved is null)
        {
            return Problems.NotFound(noun, id);
        }

        var mentions = db.EntityMentions.AsNoTracking().Where(m => m.EntityId == resolved.Value);

        // Each article's text once, however many of its mentions are on the page (offsets are .NET string offsets,
        // so the sentence is cut here, not by PostgreSQL, which counts code points).
        var page = await MentionOrder.Page(mentions, after).Take(limit + 1).ToListAsync(cancellationToken);
        var articleIds = page.Select(m => m.ArticleId).Distinct().ToList();
        var texts = await db.Articles.AsNoTracking().Where(a => articleIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Body }).ToDictionaryAsync(a => a.Id, cancellationToken);

        var items = page.Select(m =>
        {
            var article = texts[m.ArticleId];
            var field = m.InTitle ? article.Title : article.Body;
            var start = Math.Clamp(m.SentenceStart, 0, field.Length);
            var end = Math.Clamp(m.SentenceEnd, start, field.Length);
            return new EntityMentionItem
            {
                Id = m.Id,
                ArticleId = m.ArticleId,
                ArticleTitle = article.Title,
                Text = m.Surface,
                Field = m.InTitle ? "title" : "body",
                Start = m.Start,
                End = m.End,
                Sentence = new MentionSentence(m.SentenceIndex, field[start..end], start, end),
                Reason = m.Reason,
            };
        }).ToList();
        return TypedResults.Ok(paging.Create(items, limit, fingerprint, MentionOrder, m => new ValueTuple<long>(m.Id)));
    }
}
