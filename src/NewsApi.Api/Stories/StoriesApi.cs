using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Infrastructure;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Nlp.Stories;

namespace NewsApi.Api.Stories;

/// <summary>Stories (articles telling the same news, near-duplicates included) and an article's similar articles.</summary>
public static class StoriesApi
{
    private const int SimilarCount = 10;
    private const int MinSharedForSimilar = 2;

    public static void MapStories(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/stories").WithTags("Stories").ProducesProblem(StatusCodes.Status500InternalServerError);
        group.MapGet("/", List)
            .WithName("ListStories")
            .WithSummary("List stories")
            .WithDescription("Groups of articles that tell the same news: near-duplicates and rewrites, found by comparing word 3-shingle sketches (see the Stories section of docs/events.md). Every analysed article is in one story; by default stories of a single article are left out.")
            .ProducesValidationProblem();

        group.MapGet("/{id}", Get)
            .WithName("GetStory")
            .WithSummary("Get one story")
            .WithDescription("The story's articles, earliest first, each with the earlier article it nearly duplicates, if any.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        routes.MapGet("/articles/{id}/similar", Similar)
            .WithTags("Articles")
            .WithName("GetSimilarArticles")
            .WithSummary("Articles similar to an article")
            .WithDescription($"Up to {SimilarCount} articles sharing passages with this one, most similar first, with the estimated similarity and whether they are near-duplicates or the same story.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
    }

    private static readonly KeysetOrder<Story, (int, DateTimeOffset, long)> ByArticles =
        Keyset.Order((Story s) => s.ArticleCount, s => s.LastDate, s => s.Id, descending: true);

    private static readonly KeysetOrder<Story, (DateTimeOffset, long)> Latest = Keyset.Order((Story s) => s.LastDate, s => s.Id, descending: true);

    public static async Task<Results<Ok<Page<StorySummary>>, ValidationProblem>> List([AsParameters] StoryListQuery query, NewsDbContext db, Paging paging, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var byArticles = errors.Choice("sort", query.Sort, false, ("latest", false), ("articles", true));

        var min = errors.AtLeast("minArticles", query.MinArticles, 1, fallback: 2);

        var fingerprint = Paging.Fingerprint("stories", min, byArticles);
        var (take, after) = await paging.ReadAsync(query, fingerprint, byArticles ? ByArticles : Latest, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var stories = db.Stories.AsNoTracking().Where(s => s.ArticleCount >= min);
        var ordered = byArticles ? ByArticles.Page(stories, after) : Latest.Page(stories, after);
        var items = await ordered.Take(take + 1)
            .Select(s => new StorySummary { Id = s.Id, Title = s.Title, ArticleCount = s.ArticleCount, FirstDate = s.FirstDate, LastDate = s.LastDate })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(byArticles
            ? paging.Create(items, take, fingerprint, ByArticles, s => (s.ArticleCount, s.LastDate, s.Id))
            : paging.Create(items, take, fingerprint, Latest, s => (s.LastDate, s.Id)));
    }

    public static async Task<Results<Ok<StoryDetail>, ProblemHttpResult>> Get([Description("The story's id.")][Example("1")] long id, NewsDbContext db, CancellationToken cancellationToken)
    {
        var story = await db.Stories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (story is null)
        {
            return Problems.NotFound("story", id);
        }

        var articles = await db.Articles.AsNoTracking().Where(a => a.StoryId == id).OrderBy(a => a.SortDate).ThenBy(a => a.Id)
            .Select(a => new StoryArticle(a.Id, a.Title, a.PublishedAt, a.SortDate, a.File, a.DuplicateOfId))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new StoryDetail
        {
            Id = story.Id,
            Title = story.Title,
            ArticleCount = story.ArticleCount,
            FirstDate = story.FirstDate,
            LastDate = story.LastDate,
            Articles = articles,
        });
    }

    public static async Task<Results<Ok<Page<SimilarArticle>>, ProblemHttpResult>> Similar(
        [Description("The article's id.")][Example("1")] long id, NewsDbContext db, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Id, a.ShingleCount, a.StoryId, a.PublishedAt }).FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return Problems.NotFound("article", id);
        }

        var mine = db.ArticleShingles.Where(s => s.ArticleId == id).Select(s => s.Hash);
        var shared = await db.ArticleShingles.AsNoTracking().Where(s => s.ArticleId != id && mine.Contains(s.Hash))
            .GroupBy(s => s.ArticleId).Select(g => new { ArticleId = g.Key, Shared = g.Count() }).Where(g => g.Shared >= MinSharedForSimilar)
            .ToListAsync(cancellationToken);
        var ids = shared.Select(s => s.ArticleId).ToArray();
        var others = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.PublishedAt, a.ShingleCount, a.StoryId }).ToDictionaryAsync(a => a.Id, cancellationToken);

        IReadOnlyList<SimilarArticle> items = shared.Where(s => others.ContainsKey(s.ArticleId)).Select(s =>
            {
                var other = others[s.ArticleId];
                var kinship = StoryRules.Judge(s.Shared, article.ShingleCount, other.ShingleCount, article.PublishedAt, other.PublishedAt);
                return new SimilarArticle
                {
                    Id = other.Id,
                    Title = other.Title,
                    PublishedAt = other.PublishedAt,
                    Similarity = Math.Round(ShingleSketch.Jaccard(s.Shared, article.ShingleCount, other.ShingleCount), 3),
                    Containment = Math.Round(ShingleSketch.Containment(s.Shared, article.ShingleCount, other.ShingleCount), 3),
                    Relation = kinship switch { Kinship.NearDuplicate => "near-duplicate", Kinship.SameStory => "same-story", _ => "related" },
                    SameStory = article.StoryId is not null && other.StoryId == article.StoryId,
                };
            })
            .OrderByDescending(s => s.Similarity).ThenBy(s => s.Id).Take(SimilarCount).ToList();

        // The shape of every list; the few most similar articles fit on one page.
        return TypedResults.Ok(new Page<SimilarArticle>(items, null));
    }
}
