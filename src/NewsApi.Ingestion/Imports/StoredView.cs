using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Ingestion.Analysis;
using NewsApi.Nlp.Normalisation;

namespace NewsApi.Ingestion.Imports;

/// <summary>
/// What the writer knows, within one transaction, of the stored articles a batch's files and contents match and
/// of its sources' ids: loaded in one query each when the batch starts (its files' and contents' locks are held
/// then: no other writer can store another article with one of those files or contents), and kept current as the
/// batch's articles are written. A twin found by content is confirmed before a file is recorded as its duplicate:
/// another instance may meanwhile update that article to other content (its locks are on its file and new content).
/// Changes made while writing one article become part of the view with <see cref="Keep"/> and are dropped with
/// <see cref="Forget"/> when its savepoint is rolled back.
/// </summary>
internal sealed class StoredView
{
    /// <summary>The longest source name stored (the column's length).</summary>
    private const int SourceNameLength = 200;

    private readonly Dictionary<string, StoredArticle> _byFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredArticle> _byContent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _sources = new(StringComparer.Ordinal);
    private readonly List<Action> _pending = [];

    /// <summary>A stored article as the view knows it: its file, content, and the metadata its file gave it.</summary>
    public sealed record StoredArticle(long Id, string File, string ContentHash, StoredMetadata Metadata);

    /// <summary>
    /// The fields an article's file gives it beside its title and body (which its content hash covers), as
    /// <c>ArticleImporter.Apply</c> stores them: a field added there belongs here too.
    /// </summary>
    public sealed record StoredMetadata(DateOnly? PublishedAt, string? Source, IReadOnlyList<string> Authors, string? Subtitle, string? Dateline, bool TitleDerived)
    {
        public static StoredMetadata Of(NormalizedArticle article) =>
            new(article.PublishedAt, SourceName(article.Source), article.Authors, article.Subtitle, article.Dateline?.Place, article.TitleDerived);

        /// <summary>The fields in which <paramref name="other"/> differs from these, named as the API names them.</summary>
        public IReadOnlyList<string> Differences(StoredMetadata other) => new (bool Same, string Field)[]
        {
            (PublishedAt == other.PublishedAt, "publishedAt"),
            (Source == other.Source, "source"),
            (Authors.SequenceEqual(other.Authors, StringComparer.Ordinal), "authors"),
            (Subtitle == other.Subtitle, "subtitle"),
            (Dateline == other.Dateline, "dateline"),
            (TitleDerived == other.TitleDerived, "titleDerived"),
        }.Where(f => !f.Same).Select(f => f.Field).ToList();
    }

    public static async Task<StoredView> LoadAsync(NewsDbContext db, IReadOnlyCollection<(string File, string ContentHash, string? Source)> articles, CancellationToken cancellationToken)
    {
        var view = new StoredView();
        if (articles.Count == 0)
        {
            return view;
        }

        var files = articles.Select(a => a.File).Distinct().ToArray();
        var contents = articles.Select(a => a.ContentHash).Distinct().ToArray();
        var stored = await db.Articles.AsNoTracking().Where(a => files.Contains(a.File) || contents.Contains(a.ContentHash))
            .Select(a => new StoredArticle(a.Id, a.File, a.ContentHash,
                new StoredMetadata(a.PublishedAt, a.Source == null ? null : a.Source.Name, a.Authors, a.Subtitle, a.Dateline, a.TitleDerived)))
            .ToListAsync(cancellationToken);
        foreach (var article in stored)
        {
            view._byFile[article.File] = article;
            view._byContent[article.ContentHash] = article;
        }

        var names = articles.Select(a => SourceName(a.Source)).OfType<string>().Distinct().ToArray();
        if (names.Length > 0)
        {
            foreach (var source in await db.Sources.AsNoTracking().Where(s => names.Contains(s.Name)).Select(s => new { s.Name, s.Id }).ToListAsync(cancellationToken))
            {
                view._sources[source.Name] = source.Id;
            }
        }

        return view;
    }

    /// <summary>The stored article of <paramref name="file"/>, if any.</summary>
    public StoredArticle? OfFile(string file) => _byFile.GetValueOrDefault(file);

    /// <summary>The stored article with this content, if any.</summary>
    public StoredArticle? OfContent(string contentHash) => _byContent.GetValueOrDefault(contentHash);

    /// <summary>
    /// The id of the source named <paramref name="name"/> (cut to the column's length), added when new: another
    /// instance may add the same source at the same moment, and the unique name settles it.
    /// </summary>
    public async Task<long?> SourceIdAsync(NewsDbContext db, string? name, CancellationToken cancellationToken)
    {
        if (SourceName(name) is not { } key)
        {
            return null;
        }

        if (_sources.TryGetValue(key, out var known))
        {
            return known;
        }

        await db.Database.ExecuteSqlAsync($"INSERT INTO sources (name) VALUES ({key}) ON CONFLICT (name) DO NOTHING", cancellationToken);
        var id = await db.Sources.Where(s => s.Name == key).Select(s => s.Id).SingleAsync(cancellationToken);
        _pending.Add(() => _sources[key] = id);
        return id;
    }

    /// <summary>Notes an article written (new, or an update from <paramref name="previousContent"/>).</summary>
    public void Stored(long id, string file, string contentHash, StoredMetadata metadata, string? previousContent)
    {
        var article = new StoredArticle(id, file, contentHash, metadata);
        _pending.Add(() =>
        {
            if (previousContent is not null)
            {
                _byContent.Remove(previousContent);
            }

            _byFile[file] = article;
            _byContent[contentHash] = article;
        });
    }

    /// <summary>The article written since the last call was committed to its savepoint: its changes join the view.</summary>
    public void Keep()
    {
        foreach (var change in _pending)
        {
            change();
        }

        _pending.Clear();
    }

    /// <summary>The article written since the last call was rolled back: its changes never happened.</summary>
    public void Forget() => _pending.Clear();

    private static string? SourceName(string? name) => name is null ? null : EntityStore.Truncate(name, SourceNameLength);
}
