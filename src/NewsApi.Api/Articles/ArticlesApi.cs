using System.ComponentModel;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NewsApi.Api.Entities;
using NewsApi.Api.Events;
using NewsApi.Api.Infrastructure;
using NewsApi.Api.Quotes;
using NewsApi.Data;
using NewsApi.Data.Configurations;
using NewsApi.Data.Entities;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Dates;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Normalisation;
using NewsApi.Nlp.Text;

namespace NewsApi.Api.Articles;

/// <summary>The article endpoints: list and search, one article, and its original text.</summary>
public static class ArticlesApi
{
    private const int ExcerptLength = 240;

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

    private sealed record Row(ArticleSummary Summary, DateTimeOffset SortDate, float Rank);

    public static async Task<Results<Ok<Page<ArticleSummary>>, ValidationProblem>> ListArticles(
        [AsParameters] ArticleListQuery query, NewsDbContext db, Paging paging, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var q = string.IsNullOrWhiteSpace(query.Q) ? null : query.Q.Trim();
        var sort = ParseSort(query.Sort, q, errors);
        var (from, to) = DateRange.Read(query.From, query.To, errors);

        var source = string.IsNullOrWhiteSpace(query.Source) ? null : query.Source.Trim();
        foreach (var (name, value) in new[] { ("person", query.Person), ("organisation", query.Organisation), ("place", query.Place) })
        {
            if (value is <= 0)
            {
                errors[name] = [$"{name} must be a positive id (got {value})."];
            }
        }

        var nameKey = string.IsNullOrWhiteSpace(query.Name) ? null : EntityNames.SearchKey(query.Name.Trim());
        if (nameKey is not null && (nameKey.Length > 300 || !nameKey.Any(char.IsLetterOrDigit)))
        {
            errors["name"] = ["name must have at least one letter or digit and at most 300 characters."];
        }

        var fingerprint = Paging.Fingerprint("articles", q, source, from?.UtcTicks, to?.UtcTicks, sort, query.Person, query.Organisation, query.Place, nameKey);
        var (limit, after) = await paging.ReadAsync(query, fingerprint, sort == SortOrder.Relevance ? [KeyKind.Float, KeyKind.Int64] : DateKeys, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
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

        if (q is not null && sort != SortOrder.Relevance)
        {
            articles = await MatchingAsync(db, articles, q, cancellationToken);
        }
        else if (q is not null)
        {
            articles = articles.Where(a => a.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(ArticleConfiguration.SearchConfiguration, q)));
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

        var rows = sort switch
        {
            SortOrder.Relevance => await ByRelevance(articles, q!, after, limit, cancellationToken),
            _ => await ByDate(articles, sort == SortOrder.Newest, after, limit, cancellationToken),
        };

        var page = paging.Create(rows, limit, fingerprint, row => sort == SortOrder.Relevance
            ? [Cursor.Key(row.Rank), Cursor.Key(row.Summary.Id)]
            : [Cursor.Key(row.SortDate), Cursor.Key(row.Summary.Id)]);
        return TypedResults.Ok(new Page<ArticleSummary>(page.Items.Select(r => r.Summary with { Excerpt = Excerpt(r.Summary.Excerpt) }).ToList(), page.Next));
    }

    /// <summary>Matches up to which a search by date is answered from the full-text index alone.</summary>
    private const int SparseMatches = 10_000;

    /// <summary>
    /// The articles matching <paramref name="q"/>, for a list by date. Ordered by date with a limit, PostgreSQL walks
    /// the date index and tests each row's text vector: quick for a common term (matches come early), a walk through
    /// the whole table for a rare or absent one. So the planner's own estimate of the matches (its statistics of the
    /// text vectors, read with <c>EXPLAIN</c>: no rows touched) decides. Up to <see cref="SparseMatches"/>, the
    /// matches are looked up in the full-text (GIN) index and the page is sorted from their ids (should there be more
    /// than estimated, the look-up stops there and the date-index walk answers); beyond it, matches are dense and the
    /// date-index walk stops early. Probing by counting instead would read every match's text vector up to the limit:
    /// half a second for a term in a quarter of a million articles.
    /// </summary>
    private static async Task<IQueryable<Article>> MatchingAsync(NewsDbContext db, IQueryable<Article> articles, string q, CancellationToken cancellationToken)
    {
        IQueryable<Article> Walk() => articles.Where(a => a.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(ArticleConfiguration.SearchConfiguration, q)));
        if (await EstimatedMatchesAsync(db, q, cancellationToken) > SparseMatches)
        {
            return Walk();
        }

        var ids = await db.Articles.Where(a => a.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(ArticleConfiguration.SearchConfiguration, q)))
            .Select(a => a.Id).Take(SparseMatches + 1).ToListAsync(cancellationToken);
        return ids.Count <= SparseMatches ? articles.Where(a => ids.Contains(a.Id)) : Walk();
    }

    /// <summary>How many articles PostgreSQL expects to match <paramref name="q"/> (the plan's row estimate).</summary>
    private static async Task<double> EstimatedMatchesAsync(NewsDbContext db, string q, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"EXPLAIN (FORMAT JSON) SELECT 1 FROM articles WHERE search_vector @@ websearch_to_tsquery('{ArticleConfiguration.SearchConfiguration}', @q)";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "q";
            parameter.Value = q;
            command.Parameters.Add(parameter);
            var plan = (string?)await command.ExecuteScalarAsync(cancellationToken);
            using var json = JsonDocument.Parse(plan ?? "[]");
            return json.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The cursor keys of a list of articles by date: sort date (ticks) and id.</summary>
    public static readonly KeyKind[] DateKeys = [KeyKind.Int64, KeyKind.Int64];

    /// <summary>A page of article summaries by date (for lists of an entity's articles).</summary>
    public static async Task<Page<ArticleSummary>> PageByDateAsync(Paging paging, IQueryable<Article> articles, bool newest, Cursor? after, int limit, string fingerprint, CancellationToken cancellationToken)
    {
        var rows = await ByDate(articles, newest, after, limit, cancellationToken);
        var page = paging.Create(rows, limit, fingerprint, row => [Cursor.Key(row.SortDate), Cursor.Key(row.Summary.Id)]);
        return new Page<ArticleSummary>(page.Items.Select(r => r.Summary with { Excerpt = Excerpt(r.Summary.Excerpt) }).ToList(), page.Next);
    }

    private static async Task<List<Row>> ByDate(IQueryable<Article> articles, bool newest, Cursor? after, int limit, CancellationToken cancellationToken)
    {
        if (after is not null)
        {
            var date = after.Date(0);
            var id = after.Long(1);
            articles = articles.After(a => a.SortDate, a => a.Id, (date, id), descending: newest);
        }

        var ordered = newest
            ? articles.OrderByDescending(a => a.SortDate).ThenByDescending(a => a.Id)
            : articles.OrderBy(a => a.SortDate).ThenBy(a => a.Id);
        return await ordered.Take(limit + 1).Select(ToRow).ToListAsync(cancellationToken);
    }

    private static async Task<List<Row>> ByRelevance(IQueryable<Article> articles, string q, Cursor? after, int limit, CancellationToken cancellationToken)
    {
        var ranked = articles.Select(a => new { Article = a, Rank = a.SearchVector.Rank(EF.Functions.WebSearchToTsQuery(ArticleConfiguration.SearchConfiguration, q)) });
        if (after is not null)
        {
            var rank = after.Float(0);
            var id = after.Long(1);
            ranked = ranked.After(x => x.Rank, x => x.Article.Id, (rank, id), descending: true);
        }

        var rows = await ranked
            .OrderByDescending(x => x.Rank).ThenByDescending(x => x.Article.Id)
            .Take(limit + 1)
            .Select(x => new { x.Rank, x.Article.Id })
            .ToListAsync(cancellationToken);

        // Fetch the summaries for the ranked ids in one query, then restore the rank order.
        var ids = rows.Select(r => r.Id).ToList();
        var summaries = await articles.Where(a => ids.Contains(a.Id)).Select(ToRow).ToDictionaryAsync(r => r.Summary.Id, cancellationToken);
        return rows.Select(r => summaries[r.Id] with { Rank = r.Rank }).ToList();
    }

    private static readonly Expression<Func<Article, Row>> ToRow = a => new Row(
        new ArticleSummary
        {
            Id = a.Id,
            Title = a.Title,
            TitleDerived = a.TitleDerived,
            Subtitle = a.Subtitle,
            Authors = a.Authors,
            Source = a.Source == null ? null : new SourceReference(a.Source.Id, a.Source.Name),
            Dateline = a.Dateline,
            PublishedAt = a.PublishedAt,
            Language = a.Language,
            WordCount = a.WordCount,
            Excerpt = a.Body.Substring(0, ExcerptLength + 1),
            File = a.File,
            ImportedAt = a.ImportedAt,
        },
        a.SortDate,
        0f);

    public static async Task<Results<Ok<ArticleDetail>, StatusCodeHttpResult, ProblemHttpResult>> GetArticle(
        [Description("The article's id.")][Example("1")] long id, HttpContext http, NewsDbContext db, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.TitleDerived,
                a.Subtitle,
                a.Authors,
                Source = a.Source == null ? null : new SourceReference(a.Source.Id, a.Source.Name),
                a.Dateline,
                a.PublishedAt,
                a.Language,
                a.WordCount,
                a.Body,
                a.File,
                a.Encoding,
                a.Flags,
                a.ImportedAt,
                a.UpdatedAt,
                a.PipelineVersion,
                a.StoryId,
                a.DuplicateOfId,
                a.MainEvent,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return Problems.NotFound("article", id);
        }

        var entities = await db.ArticleEntities.AsNoTracking().Where(ae => ae.ArticleId == id)
            .OrderByDescending(ae => ae.Salience).ThenByDescending(ae => ae.MentionCount).ThenBy(ae => ae.EntityId)
            .Select(ae => new { ae.Entity.Kind, Item = new ArticleEntityItem(ae.EntityId, ae.Entity.Name, ae.Salience, ae.MentionCount) })
            .ToListAsync(cancellationToken);

        var names = await db.ArticleNames.AsNoTracking().Where(n => n.ArticleId == id)
            .OrderBy(n => n.InTitle ? 0 : 1).ThenBy(n => n.Start)
            .Select(n => new ArticleNameItem(n.Name, n.MentionCount, new TextOffsets(n.InTitle ? "title" : "body", n.Start, n.End)))
            .ToListAsync(cancellationToken);
        var quotes = (await QuotesApi.ProjectAsync(db, db.Quotes.AsNoTracking().Where(q => q.ArticleId == id), cancellationToken))
            .OrderBy(q => q.Offsets.Field == "title" ? 0 : 1).ThenBy(q => q.Offsets.Start).Select(q => q with { ArticleTitle = null }).ToList();
        var events = await (
                from ae in db.ArticleEvents
                where ae.ArticleId == id
                join e in db.Events on ae.EventId equals e.Id
                let first = db.EventEvidence.Where(x => x.EventId == e.Id && x.ArticleId == id).Min(x => (int?)(x.InTitle ? -1 : x.Start))
                orderby first, e.Id
                select new ArticleEventItem(e.Id, e.Type, e.Title))
            .ToListAsync(cancellationToken);

        var detail = new ArticleDetail
        {
            Id = article.Id,
            Title = article.Title,
            TitleDerived = article.TitleDerived,
            Subtitle = article.Subtitle,
            Authors = article.Authors,
            Source = article.Source,
            Dateline = article.Dateline,
            PublishedAt = article.PublishedAt,
            Language = article.Language,
            WordCount = article.WordCount,
            Paragraphs = article.Body.Length == 0 ? [] : article.Body.Split(NormalizedArticle.ParagraphSeparator),
            Body = article.Body,
            File = article.File,
            Encoding = article.Encoding,
            Flags = article.Flags,
            ImportedAt = article.ImportedAt,
            UpdatedAt = article.UpdatedAt,
            People = entities.Where(e => e.Kind == EntityKind.Person).Select(e => e.Item).ToList(),
            Organisations = entities.Where(e => e.Kind == EntityKind.Organisation).Select(e => e.Item).ToList(),
            Places = entities.Where(e => e.Kind == EntityKind.Place).Select(e => e.Item).ToList(),
            Names = names,
            Quotes = quotes,
            Events = events,
            MainEvent = article.MainEvent is { } main ? await MainEventAsync(db, main, cancellationToken) : null,
            Dates = Dates(article.TitleDerived ? null : article.Title, article.Body, article.PublishedAt),
            StoryId = article.StoryId,
            DuplicateOf = article.DuplicateOfId,
            PipelineVersion = article.PipelineVersion,
        };

        // The tag covers everything in the response, entity names and corrections included.
        var etag = EntityTags.For(JsonSerializer.SerializeToUtf8Bytes(detail, json.Value.SerializerOptions));
        http.Response.Headers.ETag = etag.ToString();
        http.Response.Headers.CacheControl = "no-cache";
        if (EntityTags.Matches(http.Request, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Ok(detail);
    }

    /// <summary>The article's date expressions, found as the analysis finds them (a few microseconds per article).</summary>
    private static List<ArticleDate> Dates(string? title, string body, DateOnly? published)
    {
        var bodyOffset = string.IsNullOrWhiteSpace(title) ? 0 : title.Length + 2;
        return DateResolver.Find(ArticleAnalyzer.Join(title, body), published).Select(d => new ArticleDate(
                d.Text,
                d.Start < bodyOffset ? new TextOffsets("title", d.Start, d.End) : new TextOffsets("body", d.Start - bodyOffset, d.End - bodyOffset),
                d.Kind == DateKind.Duration ? "duration" : "date",
                d.Iso,
                d.Resolved ? d.Precision.ToString().ToLowerInvariant() : null,
                d.Value,
                d.Until,
                d.Duration))
            .ToList();
    }

    private static async Task<MainEventItem> MainEventAsync(NewsDbContext db, MainEventFrame main, CancellationToken cancellationToken)
    {
        var ids = main.WhoIds.Concat(main.WhereId is { } where ? [where] : []).ToList();
        var names = await db.Entities.AsNoTracking().Where(e => ids.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => new EntityReference(e.Id, e.Name, EntityLookup.Noun(e.Kind)), cancellationToken);
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

    private static SortOrder ParseSort(string? sort, string? q, Dictionary<string, string[]> errors)
    {
        switch (sort?.Trim().ToLowerInvariant())
        {
            case null or "" or "newest":
                return SortOrder.Newest;
            case "oldest":
                return SortOrder.Oldest;
            case "relevance" when q is not null:
                return SortOrder.Relevance;
            case "relevance":
                errors["sort"] = ["sort=relevance needs a search query in q."];
                return SortOrder.Newest;
            default:
                errors["sort"] = [$"sort must be newest, oldest or relevance (got '{sort}')."];
                return SortOrder.Newest;
        }
    }

    private static string Excerpt(string start)
    {
        var text = start.Replace(NormalizedArticle.ParagraphSeparator, " ", StringComparison.Ordinal);
        if (text.Length <= ExcerptLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', ExcerptLength);
        return text[..(cut > ExcerptLength / 2 ? cut : ExcerptLength)].TrimEnd(',', ';', ':', ' ') + "…";
    }
}
