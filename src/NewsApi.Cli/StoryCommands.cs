using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Normalisation;
using NewsApi.Nlp.Stories;

namespace NewsApi.Cli;

public static class StoryCommands
{
    /// <summary>
    /// <c>stories eval &lt;folder&gt;</c>: near-duplicate detection and story grouping over a folder of article files,
    /// the same sketches and rules the importer uses. Byte-identical files are the known duplicates: recall is
    /// the share of their groups found; precision is the share of pairs called near-duplicates whose full
    /// (unsampled) shingle sets really are at least <see cref="StoryRules.DuplicateJaccard"/> similar.
    /// </summary>
    public static int Evaluate(Arguments args)
    {
        if (args.Positional.Count != 1)
        {
            throw new UsageException("stories eval needs one folder of text files.");
        }

        var files = Directory.EnumerateFiles(args.Positional[0], "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var docs = new List<(string Path, string Hash, string Title, string Text, DateOnly? Published, int[] Sketch)>();
        var stopwatch = Stopwatch.StartNew();
        foreach (var path in files)
        {
            var bytes = File.ReadAllBytes(path);
            if (!ArticleReader.TryRead(bytes, out var file, out _))
            {
                continue;
            }

            var article = file.Article;
            var text = ArticleAnalyzer.Join(article.TitleDerived ? null : article.Title, article.Body);
            docs.Add((path, Convert.ToHexString(SHA256.HashData(bytes)), article.Title, text, article.PublishedAt, ShingleSketch.Compute(text)));
        }

        var sketchSeconds = stopwatch.Elapsed.TotalSeconds;

        // The inverted index, as article_shingles holds it, and every pair sharing enough sampled shingles.
        stopwatch.Restart();
        var index = new Dictionary<int, List<int>>();
        var pairs = new List<(int A, int B, Kinship Kinship, double Jaccard)>();
        for (var d = 0; d < docs.Count; d++)
        {
            var shared = new Dictionary<int, int>();
            foreach (var hash in docs[d].Sketch)
            {
                if (index.TryGetValue(hash, out var holders))
                {
                    foreach (var other in holders)
                    {
                        shared[other] = shared.GetValueOrDefault(other) + 1;
                    }

                    holders.Add(d);
                }
                else
                {
                    index[hash] = [d];
                }
            }

            foreach (var (other, count) in shared)
            {
                var kinship = StoryRules.Judge(count, docs[d].Sketch.Length, docs[other].Sketch.Length, docs[d].Published, docs[other].Published);
                if (kinship != Kinship.Unrelated)
                {
                    pairs.Add((other, d, kinship, ShingleSketch.Jaccard(count, docs[d].Sketch.Length, docs[other].Sketch.Length)));
                }
            }
        }

        var matchSeconds = stopwatch.Elapsed.TotalSeconds;

        var identicalGroups = docs.Select((doc, i) => (doc.Hash, i)).GroupBy(x => x.Hash).Where(g => g.Count() > 1).Select(g => g.Select(x => x.i).ToList()).ToList();
        var duplicates = pairs.Where(p => p.Kinship == Kinship.NearDuplicate).ToList();
        var found = identicalGroups.Count(g => g.Skip(1).All(i => duplicates.Any(p => (p.A == g[0] && p.B == i) || (p.A == i && p.B == g[0]))));
        var trulySimilar = duplicates.Count(p => docs[p.A].Hash == docs[p.B].Hash || ExactJaccard(docs[p.A].Text, docs[p.B].Text) >= StoryRules.DuplicateJaccard);
        var nearNotIdentical = duplicates.Where(p => docs[p.A].Hash != docs[p.B].Hash).ToList();

        var stories = new UnionFind(docs.Count);
        foreach (var (a, b, _, _) in pairs)
        {
            stories.Union(a, b);
        }

        var groups = Enumerable.Range(0, docs.Count).GroupBy(stories.Find).Where(g => g.Count() > 1).Select(g => g.ToList()).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{docs.Count} files; {identicalGroups.Count} groups of byte-identical files ({identicalGroups.Sum(g => g.Count)} files)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"near-duplicate pairs: {duplicates.Count} ({nearNotIdentical.Count} not byte-identical); identical groups found: {found} of {identicalGroups.Count}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"near-duplicate precision (full shingle Jaccard >= {StoryRules.DuplicateJaccard}): {trulySimilar} of {duplicates.Count} = {100.0 * trulySimilar / Math.Max(1, duplicates.Count):F2}%"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stories of two or more articles: {groups.Count} ({groups.Sum(g => g.Count)} files; largest {groups.Select(g => g.Count).DefaultIfEmpty().Max()}); story pairs: {pairs.Count(p => p.Kinship == Kinship.SameStory)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"speed: normalise + sketch {docs.Count / sketchSeconds:F0} files/s; match {docs.Count / Math.Max(matchSeconds, 1e-9):F0} files/s"));

        if (args.Flag("verbose"))
        {
            foreach (var p in nearNotIdentical)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"near-duplicate {p.Jaccard:F2}: {docs[p.A].Path} | {docs[p.B].Path}"));
            }

            foreach (var group in groups.Where(g => g.Any(i => g.Any(j => docs[i].Hash != docs[j].Hash))))
            {
                Console.WriteLine($"story ({group.Count}): {string.Join(" | ", group.Select(i => $"{Path.GetFileName(Path.GetDirectoryName(docs[i].Path))}/{Path.GetFileName(docs[i].Path)} {docs[i].Title}"))}");
            }
        }

        return 0;
    }

    /// <summary>Jaccard similarity of the full (unsampled) word 3-shingle sets.</summary>
    private static double ExactJaccard(string a, string b)
    {
        var x = Shingles(a);
        var y = Shingles(b);
        var shared = x.Count(y.Contains);
        return x.Count + y.Count - shared == 0 ? 0 : (double)shared / (x.Count + y.Count - shared);
    }

    private static HashSet<string> Shingles(string text)
    {
        var words = text.ToLowerInvariant().Split(text.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);
        return Enumerable.Range(0, Math.Max(0, words.Length - 2)).Select(i => $"{words[i]} {words[i + 1]} {words[i + 2]}").ToHashSet();
    }

    private sealed class UnionFind(int count)
    {
        private readonly int[] _parent = Enumerable.Range(0, count).ToArray();

        public int Find(int x) => _parent[x] == x ? x : _parent[x] = Find(_parent[x]);

        public void Union(int a, int b) => _parent[Find(a)] = Find(b);
    }
}
