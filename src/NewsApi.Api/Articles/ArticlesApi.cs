using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NewsApi.Api.Infrastructure;
using NewsApi.Api.Shared;
using NewsApi.Data;
using NewsApi.Data.Configurations;
using NewsApi.Data.Entities;
using NewsApi.Ingestion.Analysis;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Normalisation;
using NewsApi.Nlp.Text;

namespace NewsApi.Api.Articles;

/// <summary>The article endpoints: list and search, one article, and its original text.</summary>
public static class ArticlesApi
{
    public static RouteGroupBuilder MapArticles(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/articles").ProducesProblem(StatusCodes.Status500InternalServerError).WithTags("Articles");

        group.MapGet("/", ListArticles)
            .WithName("ListArticles")
            .WithSummary("List and search articles")
            .WithDescription(
                "Articles newest first by default, paged with a cursor. `q` searches title, standfirst and body " +
                "(PostgreSQL websearch_to_tsquery syntax); `sort=relevance` orders matches by rank. " +
                "Paging is keyset-based: no article is skipped or repeated while paging, even as new ones arrive.")
            .ProducesValidationProblem();

        group.MapGet("/{id}", GetArticle)
            .WithName("GetArticle")
            .WithSummary("Get one article")
            .WithDescription(
                "The clean article with its metadata. The response carries an ETag; send it back in " +
                "If-None-Match to get 304 Not Modified while the article is unchanged.")
            .Produces<ArticleDetail>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/raw", GetRawArticle)
            .WithName("GetRawArticle")
            .WithSummary("Get an article's original text")
            .WithDescription(
                "The imported file's text exactly as it was, page furniture and all, as text/plain in UTF-8 " +
                "(decoded with the encoding shown in the article's `encoding`).")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    private enum SortOrder
    {
        Newest,
        Oldest,
        Relevance,
    }

    public static async Task<Results<Ok<Page<ArticleSummary>>, ValidationProblem>> ListArticles(
        [AsParameters] ArticleListQuery query, NewsDbContext db, Paging paging, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var q = string.IsNullOrWhiteSpace(query.Q) ? null : query.Q.Trim();
        var sort = ParseSort(query.Sort, q, errors);
        var (from, to) = errors.Dates(query.From, query.To);

        var source = string.IsNullOrWhiteSpace(query.Source) ? null : query.Source.Trim();
        errors.Id("person", query.Person);
        errors.Id("organisation", query.Organisation);
        errors.Id("place", query.Place);

        var nameKey = string.IsNullOrWhiteSpace(query.Name) ? null : EntityNames.SearchKey(query.Name.Trim());
        if (nameKey is not null && (nameKey.Length > 300 || !nameKey.Any(char.IsLetterOrDigit)))
        {
            errors.Add("name", "name must have at least one letter or digit and at most 300 characters.");
        }

        var fingerprint = Paging.Fingerprint("articles", q, source, from?.UtcTicks, to?.UtcTicks, sort, query.Person, query.Organisation, query.Place, nameKey);
        var (limit, after) = await paging.ReadAsync(query, fingerprint, sort == SortOrder.Relevance ? ArticlePages.Relevance : DateOrder(sort), errors, cancellationToken);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var articles = db.Articles.AsNoTracking();
        if (source is not null)
        {
            articles = long.TryParse(source, NumberStyles.None, CultureInfo.InvariantCulture, out var sourceId)
                ? articles.Where(a => a.SourceId == sourceId)
                : articles.Where(a => a.Source != null && a.Source.Name.ToLower() == source.ToLower());
        }

        if (from is not null)
        {
            articles = articles.Where(a => a.SortDate >= from);
        }

        if (to is not null)
        {
            articles = articles.Where(a => a.SortDate <= to);
        }

        foreach (var (kind, value) in new[] { (EntityKind.Person, query.Person), (EntityKind.Organisation, query.Organisation), (EntityKind.Place, query.Place) })
        {
            if (value is { } id)
            {
                // A merged record's id filters by its survivor; an id of another kind matches nothing.
                var entityId = await EntityLookup.ResolveAsync(db, kind, id, cancellationToken) ?? -1;
                articles = articles.Where(a => db.ArticleEntities.Any(ae => ae.ArticleId == a.Id && ae.EntityId == entityId));
            }
        }

        if (nameKey is not null)
        {
            articles = articles.Where(a => db.ArticleNames.Any(n => n.NameKey == nameKey && n.ArticleId == a.Id));
        }

        // The text condition last: a search by date looks its matches up with every other filter already applied.
        if (q is not null && sort != SortOrder.Relevance)
        {
            articles = await MatchingAsync(db, articles, q, DateOrder(sort), after, limit, cancellationToken);
        }
        else if (q is not null)
        {
            articles = articles.Where(a => a.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(ArticleConfiguration.SearchConfiguration, q)));
        }

        return TypedResults.Ok(sort == SortOrder.Relevance
            ? await ArticlePages.ByRelevanceAsync(paging, articles, q!, after, limit, fingerprint, cancellationToken)
            : await ArticlePages.ByDateAsync(paging, articles, DateOrder(sort), after, limit, fingerprint, cancellationToken));
    }

    private static KeysetOrder<Article, (DateTimeOffset, long)> DateOrder(SortOrder sort) => sort == SortOrder.Oldest ? ArticlePages.Oldest : ArticlePages.Newest;

    /// <summary>Matches up to which a search by date is answered from the full-text index alone.</summary>
    private const int SparseMatches = 10_000;

    /// <summary>
    /// The share of the table from which a term's matches are dense enough for the date-index walk, whatever their
    /// number: one article in twenty matches, so a page of 20 is found after about 400 rows.
    /// </summary>
    private const double DenseShare = 0.05;

    /// <summary>
    /// The articles matching <paramref name="q"/>, for a list by date. Ordered by date with a limit, PostgreSQL walks
    /// the date index and tests each row's text vector: quick for a common term (matches come early), a walk through
    /// the whole table for a rare or absent one. So the planner's own estimate of the matches (its statistics of the
    /// text vectors, read with <c>EXPLAIN</c>: no rows touched) decides. Up to <see cref="SparseMatches"/>, the
    /// matches are looked up in the full-text (GIN) index with their dates and the page is cut from them (should there be more
    /// than estimated, the look-up stops there and the date-index walk answers); beyond it, or when they are at least
    /// <see cref="DenseShare"/> of the table (a common term in a small table, where PostgreSQL would answer the look-up
    /// by reading every row's text vector), matches are dense and the date-index walk stops early. Probing by counting
    /// instead would read every match's text vector up to the limit: half a second for a term in a quarter of a
    /// million articles.
    /// </summary>
    private static async Task<IQueryable<Article>> MatchingAsync(NewsDbContext db, IQueryable<Article> articles, string q,
        KeysetOrder<Article, (DateTimeOffset, long)> order, Cursor? after, int limit, CancellationToken cancellationToken)
    {
        var matching = articles.Where(a => a.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(ArticleConfiguration.SearchConfiguration, q)));
        var (matches, table) = await EstimatedMatchesAsync(db, q, cancellationToken);
        if (matches > SparseMatches || matches >= DenseShare * table)
        {
            return matching;
        }

        // The matches after the cursor with their dates (the bitmap scan reads their rows anyway), the page cut from
        // them here, and only the page's ids handed on: given all the matches' ids, PostgreSQL walked the date index
        // testing each row against the list (11,965 rows read for a page of "zeppelin" at a million articles, 38 ms).
        var keys = await order.After(matching, after).Select(a => new { a.Id, a.SortDate }).Take(SparseMatches + 1).ToListAsync(cancellationToken);
        if (keys.Count > SparseMatches)
        {
            return matching;
        }

        // Twice the page, and the filters applied again: an article deleted or re-dated between the two statements
        // leaves the page full and its cursor right instead of ending the list early.
        var ids = order.SortByKeys(keys, k => (k.SortDate, k.Id)).Take(2 * (limit + 1)).Select(k => k.Id).ToList();
        return matching.Where(a => ids.Contains(a.Id));
    }

    /// <summary>
    /// How many articles PostgreSQL expects to match <paramref name="q"/> (the plan's row estimate), and how many it
    /// expects the table to hold (the same plan without the condition), in one round trip.
    /// </summary>
    private static async Task<(double Matches, double Table)> EstimatedMatchesAsync(NewsDbContext db, string q, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"EXPLAIN (FORMAT JSON) SELECT 1 FROM articles WHERE search_vector @@ websearch_to_tsquery('{ArticleConfiguration.SearchConfiguration}', @q); " +
                "EXPLAIN (FORMAT JSON) SELECT 1 FROM articles";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "q";
            parameter.Value = q;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<double>(2);
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    using var json = JsonDocument.Parse(reader.GetString(0));
                    rows.Add(json.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble());
                }
            }
            while (await reader.NextResultAsync(cancellationToken));

            return (rows[0], rows[1]);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> GetArticle(
        [Description("The article's id.")][Example("1")] long id, HttpContext http, NewsDbContext db, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        // One connection for the request's queries (each would otherwise take one from the pool and give it back),
        // and compiled queries: this page runs six on every request, and building and looking up a LINQ query costs
        // more CPU than the query's own rows.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var article = await ArticleQueries.Detail(db, id, cancellationToken);
        if (article is null)
        {
            return Problems.NotFound("article", id);
        }

        var (summary, extra) = (article.Summary, article.Detail!);
        var entities = await ArticleQueries.Entities(db, id).ToListAsync(cancellationToken);
        var names = await ArticleQueries.Names(db, id).ToListAsync(cancellationToken);
        var quotes = (await QuoteItems.OfArticleAsync(db, id, cancellationToken))
            .OrderBy(q => q.Offsets.Field == "title" ? 0 : 1).ThenBy(q => q.Offsets.Start).Select(q => q with { ArticleTitle = null }).ToList();
        var events = await ArticleQueries.Events(db, id).ToListAsync(cancellationToken);

        var detail = new ArticleDetail
        {
            Id = summary.Id,
            Title = summary.Title,
            TitleDerived = summary.TitleDerived,
            Subtitle = summary.Subtitle,
            Authors = summary.Authors,
            Source = summary.Source,
            Dateline = summary.Dateline,
            PublishedAt = summary.PublishedAt,
            Language = summary.Language,
            WordCount = summary.WordCount,
            Paragraphs = article.Text.Length == 0 ? [] : article.Text.Split(NormalizedArticle.ParagraphSeparator),
            Body = article.Text,
            File = summary.File,
            Encoding = extra.Encoding,
            Flags = extra.Flags,
            ImportedAt = summary.ImportedAt,
            UpdatedAt = extra.UpdatedAt,
            People = entities.Where(e => e.Kind == EntityKind.Person).Select(e => e.Item).ToList(),
            Organisations = entities.Where(e => e.Kind == EntityKind.Organisation).Select(e => e.Item).ToList(),
            Places = entities.Where(e => e.Kind == EntityKind.Place).Select(e => e.Item).ToList(),
            Names = names,
            Quotes = quotes,
            Events = events,
            MainEvent = extra.MainEvent is { } main ? await MainEventAsync(db, main, cancellationToken) : null,
            Dates = Dates(extra.Dates is { } stored ? ArticleDateRecord.Deserialize(stored) : StoredDates.Find(summary.TitleDerived ? null : summary.Title, article.Text, summary.PublishedAt)),
            StoryId = extra.StoryId,
            DuplicateOf = extra.DuplicateOfId,
            PipelineVersion = extra.PipelineVersion,
        };

        // The tag covers everything in the response, entity names and corrections included; the body is serialised
        // once, for the tag and the response.
        var body = JsonSerializer.SerializeToUtf8Bytes(detail, json.Value.SerializerOptions);
        var etag = EntityTags.For(body);
        http.Response.Headers.ETag = etag.ToString();
        http.Response.Headers.CacheControl = "no-cache";
        if (EntityTags.Matches(http.Request, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(body, "application/json; charset=utf-8");
    }

    /// <summary>The article's date expressions as the page shows them: stored at analysis, or found now for an article analysed before that.</summary>
    private static List<ArticleDate> Dates(List<ArticleDateRecord> dates) =>
        dates.Select(d => new ArticleDate(d.Text, new TextOffsets(d.InTitle ? "title" : "body", d.Start, d.End), d.IsDuration ? "duration" : "date",
            d.Value, d.Precision, d.From, d.Until, d.Duration)).ToList();

    private static async Task<MainEventItem> MainEventAsync(NewsDbContext db, MainEventFrame main, CancellationToken cancellationToken)
    {
        var ids = main.WhoIds.Concat(main.WhereId is { } where ? [where] : []).ToArray();
        var names = (await ArticleQueries.EntityNames(db, ids).ToListAsync(cancellationToken))
            .ToDictionary(e => e.Id, e => new EntityReference(e.Id, e.Name, EntityLookup.Noun(e.Kind)));
        return new MainEventItem
        {
            Who = main.Who,
            What = main.What,
            When = main.When,
            Where = main.Where,
            Why = main.Why,
            How = main.How,
            EventId = main.EventId,
            WhoEntities = main.WhoIds.Where(names.ContainsKey).Select(i => names[i]).ToList(),
            WherePlace = main.WhereId is { } place && names.TryGetValue(place, out var reference) ? reference : null,
            WhenValue = main.WhenValue,
        };
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetRawArticle(
        [Description("The article's id.")][Example("1")] long id, NewsDbContext db, CancellationToken cancellationToken)
    {
        var raw = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => a.RawBytes).FirstOrDefaultAsync(cancellationToken);
        if (raw is null)
        {
            return Problems.NotFound("article", id);
        }

        // Stored files decoded once already, so decoding succeeds again; the check keeps the compiler honest.
        var text = TextDecoder.TryDecode(raw, out var decoded, out _) ? decoded.Text : "";
        return TypedResults.Text(text, "text/plain; charset=utf-8");
    }

    private static SortOrder ParseSort(string? sort, string? q, RequestErrors errors)
    {
        var order = errors.Choice("sort", sort, SortOrder.Newest, ("newest", SortOrder.Newest), ("oldest", SortOrder.Oldest), ("relevance", SortOrder.Relevance));
        if (order == SortOrder.Relevance && q is null)
        {
            errors.Add("sort", "sort=relevance needs a search query in q.");
            return SortOrder.Newest;
        }

        return order;
    }
}
