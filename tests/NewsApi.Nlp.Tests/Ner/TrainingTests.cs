using NewsApi.Nlp.Training.Ner;
using NewsApi.Nlp.Ner;

namespace NewsApi.Nlp.Tests.Ner;

/// <summary>The training loop on a tiny hand-written corpus (CI never retrains the real model).</summary>
public class TrainingTests
{
    private static readonly string[] People = ["Anna Berg", "Tom Hale", "Rita Moss", "Omar Said", "Lena Holt", "Carl Wynn"];
    private static readonly string[] Places = ["Oslo", "Lima", "Kiev", "Accra", "Hanoi", "Quito"];
    private static readonly string[] Organisations = ["Acme Corp", "Zeta Bank", "Nordic Union", "Vega Group"];

    private static List<ConllDocument> Corpus(int seed, int documents)
    {
        var random = new Random(seed);
        var lines = new List<string>();
        for (var d = 0; d < documents; d++)
        {
            lines.Add("-DOCSTART" + "- O");
            lines.Add("");
            for (var s = 0; s < 6; s++)
            {
                var person = People[random.Next(People.Length)].Split(' ');
                var place = Places[random.Next(Places.Length)];
                var organisation = Organisations[random.Next(Organisations.Length)].Split(' ');
                lines.AddRange([$"{person[0]} B-PER", $"{person[1]} I-PER", "of O", $"{organisation[0]} B-ORG", $"{organisation[1]} I-ORG", "visited O", $"{place} B-LOC", "on O", "Monday O", ". O", ""]);
            }
        }

        return ConllCorpus.Parse(lines);
    }

    private static NerModel Train(int seed = 7)
    {
        var lexicon = new Lexicon();
        lexicon.LoadCueWords();
        var options = new NerTrainingOptions { Epochs = 4, Seed = seed, Folds = 2, Version = "test" };
        return new NerTrainer(lexicon, options, TextWriter.Null).Train(Corpus(1, 12), Corpus(2, 4));
    }

    [Fact]
    public void Training_learns_the_fixture_and_keeps_its_best_epoch()
    {
        var model = Train();
        var report = ConllEvaluation.Evaluate(Corpus(3, 4), model);

        Assert.True(report.Scores.Overall.F1 > 95, $"F1 {report.Scores.Overall.F1:F2}");
        Assert.Matches("best epochs [1-4]/[1-4]", model.Description);
    }

    [Fact]
    public void Training_is_deterministic_and_the_model_round_trips_through_a_file()
    {
        var first = Path.GetTempFileName();
        var second = Path.GetTempFileName();
        try
        {
            Train().Save(first);
            Train().Save(second);
            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));

            var loaded = NerModel.Load(first);
            var report = ConllEvaluation.Evaluate(Corpus(3, 4), loaded);
            Assert.True(report.Scores.Overall.F1 > 95);
            Assert.Equal("test", loaded.Version);
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }
}
