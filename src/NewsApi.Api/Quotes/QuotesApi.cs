using NewsApi.Api.Shared;
using NewsApi.Ingestion.Analysis;
using NewsApi.Ingestion.Imports;
using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Articles;
using NewsApi.Api.Entities;
using NewsApi.Api.Infrastructure;
using NewsApi.Data;
using NewsApi.Data.Configurations;
using NewsApi.Data.Entities;

namespace NewsApi.Api.Quotes;

/// <summary>Quotes: search them all, or list one speaker's.</summary>
public static class QuotesApi
{
    public static void MapQuotes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/quotes").WithTags("Quotes").ProducesProblem(StatusCodes.Status500InternalServerError);
        group.MapGet("/", List)
            .WithName("ListQuotes")
            .WithSummary("List and search quotes")
            .WithDescription("Who said what: direct quotes, partial quotes and indirect speech, each with its speaker (a person or organisation record when the text names or clearly refers to one, with pronouns resolved) and the speaker as written. Newest articles first, quotes in text order within an article; paged with a cursor.")
            .ProducesValidationProblem();

        group.MapGet("/{id}", Get)
            .WithName("GetQuote")
            .WithSummary("Get one quote")
            .WithDescription("The quote with its kind, cue, speaker (record and words), offsets in the article, and the article it is in.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapSpeaker(routes, EntityRoute.People);
        MapSpeaker(routes, EntityRoute.Organisations);
    }

    private static void MapSpeaker(IEndpointRouteBuilder routes, EntityRoute route)
    {
        var (prefix, kind, tag, singular, noun) = route;
        routes.MapGet($"{prefix}/{{id}}/quotes", ([Description("The record's id.")][Example("1")] long id, [AsParameters] SpeakerQuoteQuery query, NewsDbContext db, Paging paging, CancellationToken ct) =>
                SpeakerQuotes(kind, noun, id, query, db, paging, ct))
            .WithTags(tag)
            .WithName($"Get{singular}Quotes")
            .WithSummary($"Quotes by {route.WithArticle}")
            .WithDescription($"What the {noun} said, newest articles first. A merged record's quotes are those of its survivor.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
    }

    public static async Task<Results<Ok<Page<QuoteItem>>, ValidationProblem>> List(
        [AsParameters] QuoteListQuery query, NewsDbContext db, Paging paging, CancellationToken cancellationToken)
    {
        long? speaker = query.Speaker is { } s ? await EntityLookup.SurvivorAsync(db, s, cancellationToken) : null;
        var errors = new RequestErrors();
        var page = await PageAsync(db, paging, speaker, query.Q, query.Article, query.Kind, query.From, query.To, query.Limit, query.Cursor, errors, cancellationToken);
        return page is null ? errors.Problem() : TypedResults.Ok(page);
    }

    public static async Task<Results<Ok<Page<QuoteItem>>, ValidationProblem, ProblemHttpResult>> SpeakerQuotes(
        EntityKind kind, string noun, long id, SpeakerQuoteQuery query, NewsDbContext db, Paging paging, CancellationToken cancellationToken)
    {
        var resolved = await EntityLookup.ResolveAsync(db, kind, id, cancellationToken);
        if (resolved is null)
        {
            return Problems.NotFound(noun, id);
        }

        var errors = new RequestErrors();
        var page = await PageAsync(db, paging, resolved, query.Q, null, null, query.From, query.To, query.Limit, query.Cursor, errors, cancellationToken);
        return page is null ? errors.Problem() : TypedResults.Ok(page);
    }

    public static async Task<Results<Ok<QuoteItem>, ProblemHttpResult>> Get(
        [Description("The quote's id.")][Example("1")] long id, NewsDbContext db, CancellationToken cancellationToken)
    {
        var items = await QuoteItems.ProjectAsync(db, db.Quotes.AsNoTracking().Where(q => q.Id == id), cancellationToken);
        return items.Count == 0 ? Problems.NotFound("quote", id) : TypedResults.Ok(items[0]);
    }

    /// <summary>A page of quotes; null when a parameter is invalid (<paramref name="errors"/> then says which).</summary>
    private static async Task<Page<QuoteItem>?> PageAsync(NewsDbContext db, Paging paging, long? speaker, string? q, long? article,
        string? kind, string? from, string? to, int? limit, string? cursor, RequestErrors errors, CancellationToken cancellationToken)
    {
        var quoteKind = errors.Choice<QuoteKind?>("kind", kind, null, ("direct", QuoteKind.Direct), ("partial", QuoteKind.Partial), ("indirect", QuoteKind.Indirect));
        var search = errors.Text("q", q, 500);

        var (fromDate, toDate) = errors.Dates(from, to);
        var fingerprint = Paging.Fingerprint("quotes", speaker, search, article, quoteKind, fromDate?.UtcTicks, toDate?.UtcTicks);
        var (take, after) = await paging.ReadAsync(limit, cursor, fingerprint, Newest, errors, cancellationToken);
        if (errors.Any)
        {
            return null;
        }

        var quotes = db.Quotes.AsNoTracking();
        if (speaker is not null)
        {
            quotes = quotes.Where(x => x.SpeakerId == speaker);
        }

        if (search is not null)
        {
            quotes = quotes.Where(x => x.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(ArticleConfiguration.SearchConfiguration, search)));
        }

        if (article is not null)
        {
            quotes = quotes.Where(x => x.ArticleId == article);
        }

        if (quoteKind is not null)
        {
            quotes = quotes.Where(x => x.Kind == quoteKind);
        }

        if (fromDate is not null)
        {
            quotes = quotes.Where(x => x.ArticleDate >= fromDate);
        }

        if (toDate is not null)
        {
            quotes = quotes.Where(x => x.ArticleDate <= toDate);
        }

        var ids = await Newest.Page(quotes, after).Take(take + 1).Select(x => x.Id).ToListAsync(cancellationToken);
        var items = (await QuoteItems.ProjectAsync(db, db.Quotes.AsNoTracking().Where(x => ids.Contains(x.Id)), cancellationToken))
            .OrderByDescending(x => x.ArticleDate).ThenBy(x => x.Id).ToList();
        return paging.Create(items, take, fingerprint, Newest, x => (x.ArticleDate, x.Id));
    }

    /// <summary>Newest article first, and within an article in reading order (the expanded predicate: the keys run in opposite directions).</summary>
    private static readonly KeysetOrder<Quote, (DateTimeOffset, long)> Newest = Keyset.Order((Quote x) => x.ArticleDate, true, x => x.Id, false);
}
