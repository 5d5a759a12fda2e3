namespace NewsApi.Api.Tests.Infrastructure;

/// <summary>
/// A folder of made-up news articles for tests that need many files with entities, quotes, events and stories
/// (crash, outage): written from templates with a fixed seed, so every run gets the same corpus.
/// </summary>
public static class TestCorpus
{
    private static readonly string[] People =
    [
        "Antony Blinken", "Yair Lapid", "Angela Merkel", "Emmanuel Macron", "Olaf Scholz", "Rishi Sunak", "Justin Trudeau",
        "Jacinda Ardern", "Pedro Sanchez", "Mario Draghi", "Ursula von der Leyen", "Jens Stoltenberg", "Kamala Harris", "Boris Johnson",
    ];

    private static readonly string[] Places = ["Rome", "Paris", "Berlin", "Madrid", "London", "Brussels", "Geneva", "Vienna", "Ottawa", "Lisbon"];

    private static readonly string[] Organisations = ["the United Nations", "Nato", "the European Commission", "the World Bank", "the Red Cross"];

    private static readonly string[] Topics = ["energy prices", "grain exports", "climate targets", "trade tariffs", "refugee aid", "cyber security"];

    /// <summary>Writes <paramref name="count"/> articles (a few of them rewrites of others, so stories form) into <paramref name="folder"/>.</summary>
    public static void Write(string folder, int count)
    {
        var random = new Random(20261201);
        Directory.CreateDirectory(folder);
        for (var i = 0; i < count; i++)
        {
            var a = People[random.Next(People.Length)];
            var b = People.Where(p => p != a).ElementAt(random.Next(People.Length - 1));
            var place = Places[random.Next(Places.Length)];
            var topic = Topics[random.Next(Topics.Length)];
            var organisation = Organisations[random.Next(Organisations.Length)];
            var day = new DateOnly(2022, 1, 1).AddDays(random.Next(365));
            var text = $"""
                {Surname(a)} and {Surname(b)} discuss {topic} in {place}
                Published {day:MMMM d, yyyy}

                {a} met {b} in {place} on Monday to discuss {topic}, officials from {organisation} said.

                "We agreed to keep working together on {topic}, and we will meet again soon," {Surname(a)} told reporters after the talks.

                {b} said the meeting had been useful. "There is still a lot of work to do on {topic}," {Surname(b)} said.

                The two leaders are expected to meet again in {Places[random.Next(Places.Length)]} next month, according to {organisation}.

                Article {i} of the test corpus.
                """;
            File.WriteAllText(Path.Combine(folder, $"article-{i:000}.txt"), text);

            // Every tenth article is rewritten by another outlet: a near-duplicate that joins its story.
            if (i % 10 == 5)
            {
                File.WriteAllText(Path.Combine(folder, $"article-{i:000}-rewrite.txt"),
                    text.Replace("officials from", "a spokesperson for", StringComparison.Ordinal).Replace($"Article {i} of", $"A rewrite of article {i} in", StringComparison.Ordinal));
            }
        }
    }

    private static string Surname(string name) => name.Split(' ')[^1];
}
