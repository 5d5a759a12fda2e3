using NewsApi.Nlp.Training.Ner;
using System.Diagnostics;
using NewsApi.Nlp.Ner;

namespace NewsApi.Nlp.Tests.Ner;

/// <summary>
/// A hand-written fixture of gold and predicted tags, in IOB2 and in IOB1, scored to numbers worked out by
/// hand: 10 gold entities, 10 predicted, 7 correct.
/// </summary>
public class ConllEvaluationTests
{
    // token, gold, predicted (IOB2)
    private static readonly string[][] Sentences =
    [
        ["Antony B-PER B-PER", "Blinken I-PER I-PER", "met O O", "Yair B-PER B-PER", "Lapid I-PER O", "in O O", "Rome B-LOC B-LOC", ". O O"],
        ["The O O", "European B-ORG B-ORG", "Union I-ORG I-ORG", "and O O", "NATO B-ORG B-LOC", "met O O", "in O O", "Brussels B-LOC B-LOC", ". O O"],
        ["German B-MISC B-MISC", "officials O O", "welcomed O O", "the O O", "Olympic B-MISC O", "Games I-MISC B-MISC", ". O O"],
        ["Italy B-LOC B-LOC", "France B-LOC B-LOC", "relations O O"],
    ];

    private static IEnumerable<string> Fixture(bool iob1)
    {
        yield return "-DOCSTART" + "- -X- -X- O";
        yield return "";
        foreach (var sentence in Sentences)
        {
            var rows = sentence.Select(r => r.Split(' ')).ToArray();
            for (var i = 0; i < rows.Length; i++)
            {
                var gold = iob1 ? ToIob1(rows, i, 1) : rows[i][1];
                var predicted = iob1 ? ToIob1(rows, i, 2) : rows[i][2];
                yield return $"{rows[i][0]} NNP B-NP {gold} {predicted}";
            }

            yield return "";
        }
    }

    /// <summary>IOB1: I- everywhere, B- only where an entity directly follows one of the same type.</summary>
    private static string ToIob1(string[][] rows, int i, int column)
    {
        var tag = rows[i][column];
        if (!tag.StartsWith("B-", StringComparison.Ordinal))
        {
            return tag;
        }

        var previous = i > 0 ? rows[i - 1][column] : "O";
        return previous != "O" && previous[2..] == tag[2..] ? tag : "I-" + tag[2..];
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Iob1_and_iob2_read_to_the_same_entities(bool iob1)
    {
        var gold = ConllCorpus.Parse(Fixture(iob1), tagColumnFromEnd: 2);

        var entities = gold.Single().Sentences.SelectMany(s => s.Entities).ToList();
        Assert.Equal(10, entities.Count);
        Assert.Equal(new TokenSpan(0, 2, EntityType.PER), gold[0].Sentences[0].Entities[0]);
        Assert.Equal([new TokenSpan(0, 1, EntityType.LOC), new TokenSpan(1, 2, EntityType.LOC)], gold[0].Sentences[3].Entities);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_fixture_scores_to_the_numbers_worked_out_by_hand(bool iob1)
    {
        var lines = Fixture(iob1).ToList();
        var report = ConllEvaluation.Score(ConllCorpus.Parse(lines, 2), ConllCorpus.Parse(lines));

        Assert.Equal(new Score(7, 10, 10), report.Scores.Overall);
        Assert.Equal(70.0, report.Scores.Overall.F1, 6);
        Assert.Equal(new Score(1, 2, 2), report.Scores.For(EntityType.PER));
        Assert.Equal(new Score(4, 5, 4), report.Scores.For(EntityType.LOC));
        Assert.Equal(88.888889, report.Scores.For(EntityType.LOC).F1, 5);
        Assert.Equal(new Score(1, 1, 2), report.Scores.For(EntityType.ORG));
        Assert.Equal(new Score(1, 2, 2), report.Scores.For(EntityType.MISC));
    }

    [Fact]
    public void A_type_filter_scores_only_those_types_and_ignores_other_predictions()
    {
        var lines = Fixture(iob1: false).ToList();
        var report = ConllEvaluation.Score(ConllCorpus.Parse(lines, 2), ConllCorpus.Parse(lines), new HashSet<EntityType> { EntityType.PER, EntityType.ORG, EntityType.LOC });

        Assert.Equal(new Score(6, 8, 8), report.Scores.Overall);
        Assert.Equal(["PER", "ORG", "LOC"], report.Scores.Types.Select(t => t.ToString()));
    }

    [Theory]
    [InlineData(false, "", "F1 70.00 P 70.00 R 70.00 tokens/s 0")]
    [InlineData(true, "", "F1 70.00 P 70.00 R 70.00 tokens/s 0")]
    [InlineData(true, "PER,ORG,LOC", "F1 75.00 P 75.00 R 75.00 tokens/s 0")]
    public void The_eval_command_ends_with_the_summary_line(bool iob1, string types, string lastLine)
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, Fixture(iob1));
        try
        {
            var arguments = new List<string> { Path.Combine(AppContext.BaseDirectory, "newsapi.dll"), "ner", "eval", file, "--scored" };
            if (types.Length > 0)
            {
                arguments.AddRange(["--types", types]);
            }

            var output = Run(arguments);

            Assert.Equal(lastLine, output.TrimEnd().Split('\n')[^1]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_eval_command_tags_with_the_committed_model_and_reports_speed()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, Fixture(iob1: false));
        try
        {
            var output = Run([Path.Combine(AppContext.BaseDirectory, "newsapi.dll"), "ner", "eval", file]);
            var last = output.TrimEnd().Split('\n')[^1];

            Assert.Matches(@"^F1 \d+\.\d\d P \d+\.\d\d R \d+\.\d\d tokens/s \d+$", last);
            Assert.StartsWith("model newsapi-ner-", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Run(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
        return output;
    }
}
