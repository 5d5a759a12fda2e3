using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsApi.Cli;

/// <summary>
/// <c>corpus generate</c>: a large synthetic news corpus for load and scale tests, made from real article files (the
/// BBC corpus and the seeds). Each generated article is one source article recombined: its headline and lead, most
/// of its other paragraphs in order, and one to three paragraphs of other articles of the same section. People are
/// renamed consistently within the article (surnames, and some given names, drawn from the corpus's own surnames
/// and a given-name list by their frequency), so that entity frequencies have the long tail of real news rather
/// than the corpus repeated. Each file gets a publication date line (spread over 2000–2026, more recent more
/// often) and a source line (agencies and generated publishers, Zipf-distributed), which the normaliser reads.
/// Deterministic for a seed.
/// </summary>
public static partial class CorpusCommands
{
    private const int FilesPerFolder = 1000;

    private static readonly string[] Agencies = ["Reuters", "Associated Press", "AFP", "PA Media", "Bloomberg", "Xinhua", "UPI", "dpa"];

    private static readonly string[] Mastheads = ["Herald", "Times", "Post", "Gazette", "Courier", "Chronicle", "Observer", "Tribune", "Evening News", "Echo"];

    public static int Generate(Arguments args)
    {
        var output = args.Required("out");
        var count = args.Int("count", 100_000);
        var random = new Random(args.Int("seed", 1));
        var sources = args.Options("from") is { Count: > 0 } given ? given : ["../shared/data/bbc", "data/seeds"];
        var namesFile = args.Option("given-names") ?? "../shared/data/gazetteers/given-names/DERIVED_totals_1880_2023.tsv";
        var citiesFile = args.Option("cities") ?? "../shared/data/gazetteers/world-cities/world-cities.csv";
        if (count < 1)
        {
            throw new UsageException("--count must be at least 1.");
        }

        var articles = sources.SelectMany(Load).ToList();
        if (articles.Count == 0)
        {
            throw new UsageException("No article files (*.txt) under --from.");
        }

        var cities = File.ReadLines(citiesFile).Skip(1).Select(l => l.Split(',')[0].Trim('"')).Where(c => c.Length is > 2 and < 16 && c.All(ch => char.IsLetter(ch) || ch == ' '))
            .Distinct().ToList();
        var cityWords = cities.SelectMany(c => c.Split(' ')).ToHashSet(StringComparer.Ordinal);
        var givenNames = File.ReadLines(namesFile).Skip(1).Select(l => l.Split('\t')).Where(p => p.Length >= 3 && long.TryParse(p[2], out var n) && n >= 20_000)
            .Select(p => (Name: p[0], Weight: double.Parse(p[2], CultureInfo.InvariantCulture))).DistinctBy(p => p.Name).ToList();
        var givenSet = givenNames.Select(g => g.Name).ToHashSet(StringComparer.Ordinal);

        // Surnames: the capitalised word after a known given name, as often as the corpus uses it.
        var surnameCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            foreach (var surname in Surnames(article.Text, givenSet, cityWords))
            {
                surnameCounts[surname] = surnameCounts.GetValueOrDefault(surname) + 1;
            }
        }

        var surnames = new Weighted(surnameCounts.Select(p => (p.Key, (double)p.Value)).ToList());
        var firstNames = new Weighted(givenNames.Take(2000).Select(g => (g.Name, Math.Sqrt(g.Weight))).ToList());
        var publishers = Agencies.Concat(cities.OrderBy(_ => random.Next()).Take(300).Select((c, i) => $"The {c} {Mastheads[i % Mastheads.Length]}")).ToList();
        var bySection = articles.GroupBy(a => a.Section).ToDictionary(g => g.Key, g => g.ToList());
        var newest = new DateOnly(2026, 11, 30);

        Directory.CreateDirectory(output);
        for (var i = 0; i < count; i++)
        {
            var article = articles[random.Next(articles.Count)];
            var section = bySection[article.Section];
            var paragraphs = new List<string> { article.Paragraphs[0] };
            paragraphs.AddRange(article.Paragraphs.Skip(1).Where(_ => random.NextDouble() < 0.8));
            for (var extra = random.Next(1, 4); extra > 0 && section.Count > 1; extra--)
            {
                var other = section[random.Next(section.Count)];
                if (other != article && other.Paragraphs.Count > 1)
                {
                    paragraphs.Insert(random.Next(1, paragraphs.Count + 1), other.Paragraphs[random.Next(1, other.Paragraphs.Count)]);
                }
            }

            var title = article.Title;
            var body = string.Join("\n\n", paragraphs);
            var renaming = Renaming(title + "\n" + body, givenSet, cityWords, surnames, firstNames, random);
            if (renaming.Count > 0)
            {
                // All of the article's names in one pass (one pattern per article, not one per name).
                var names = new Regex($@"\b(?:{string.Join('|', renaming.Keys.Select(Regex.Escape))})\b");
                (title, body) = (names.Replace(title, m => renaming[m.Value]), names.Replace(body, m => renaming[m.Value]));
            }

            // More recent dates more often: the age in days is the square of a uniform draw, scaled to 27 years.
            var published = newest.AddDays(-(int)(Math.Pow(random.NextDouble(), 2) * 365.25 * 27));
            var publisher = publishers[Math.Min(publishers.Count - 1, (int)(publishers.Count * Math.Pow(random.NextDouble(), 3)))];
            var folder = Path.Combine(output, (i / FilesPerFolder).ToString("D4", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var text = new StringBuilder()
                .Append(title).Append("\n\n")
                .Append("Published ").Append(published.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append("\n\n")
                .Append(body).Append("\n\n")
                .Append("Source: ").Append(publisher).Append('\n');
            File.WriteAllText(Path.Combine(folder, $"{i:D7}.txt"), text.ToString(), new UTF8Encoding(false));
        }

        Console.WriteLine($"{count} articles from {articles.Count} source files ({surnameCounts.Count} surnames, {publishers.Count} publishers) in {output}");
        return 0;
    }

    private sealed record Source(string Section, string Title, List<string> Paragraphs)
    {
        public string Text => Title + "\n" + string.Join("\n", Paragraphs);
    }

    /// <summary>The article files under a folder: headline on the first line, paragraphs after (the section is the folder).</summary>
    private static IEnumerable<Source> Load(string folder)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(path);
            string content;
            try
            {
                content = new UTF8Encoding(false, true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                content = Encoding.Latin1.GetString(bytes);
            }

            var lines = content.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (lines.Count >= 3)
            {
                yield return new Source(Path.GetFileName(Path.GetDirectoryName(path)) ?? "", lines[0], lines.Skip(1).Distinct().ToList());
            }
        }
    }

    /// <summary>Capitalised words that follow a known given name (not place words, not all capitals).</summary>
    private static IEnumerable<string> Surnames(string text, HashSet<string> givenNames, HashSet<string> placeWords)
    {
        foreach (Match m in FullName().Matches(text))
        {
            var (given, surname) = (m.Groups["given"].Value, m.Groups["surname"].Value);
            if (givenNames.Contains(given) && !givenNames.Contains(surname) && !placeWords.Contains(surname))
            {
                yield return surname;
            }
        }
    }

    /// <summary>
    /// Which names to replace in one article: each person's surname with probability ½ (everywhere, so "Smith" alone
    /// follows "John Smith"), and their given name with probability ¼.
    /// </summary>
    private static Dictionary<string, string> Renaming(string text, HashSet<string> givenNames, HashSet<string> placeWords, Weighted surnames, Weighted firstNames, Random random)
    {
        var renaming = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in FullName().Matches(text))
        {
            var (given, surname) = (m.Groups["given"].Value, m.Groups["surname"].Value);
            if (!givenNames.Contains(given) || givenNames.Contains(surname) || placeWords.Contains(surname) || renaming.ContainsKey(surname))
            {
                continue;
            }

            if (random.NextDouble() < 0.5)
            {
                renaming[surname] = surnames.Draw(random);
            }

            if (!renaming.ContainsKey(given) && random.NextDouble() < 0.25)
            {
                renaming[given] = firstNames.Draw(random);
            }
        }

        return renaming;
    }

    [GeneratedRegex(@"\b(?<given>\p{Lu}\p{Ll}+) (?<surname>\p{Lu}\p{Ll}{2,})\b")]
    private static partial Regex FullName();

    /// <summary>Draws items by weight (cumulative weights, binary search).</summary>
    private sealed class Weighted
    {
        private readonly string[] _items;
        private readonly double[] _cumulative;

        public Weighted(List<(string Item, double Weight)> items)
        {
            if (items.Count == 0)
            {
                throw new UsageException("No names to draw from.");
            }

            _items = items.Select(i => i.Item).ToArray();
            _cumulative = new double[items.Count];
            var sum = 0.0;
            for (var i = 0; i < items.Count; i++)
            {
                _cumulative[i] = sum += items[i].Weight;
            }
        }

        public string Draw(Random random)
        {
            var index = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
            return _items[Math.Min(_items.Length - 1, index < 0 ? ~index : index)];
        }
    }
}
