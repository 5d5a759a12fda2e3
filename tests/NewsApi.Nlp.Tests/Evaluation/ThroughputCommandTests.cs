using NewsApi.Cli;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Ner;

namespace NewsApi.Nlp.Tests.Evaluation;

public class ThroughputCommandTests
{
    [Fact]
    public void A_pass_analyses_every_article_of_the_folder_and_skips_what_is_not_one()
    {
        var folder = Directory.CreateTempSubdirectory("newsapi-throughput-");
        try
        {
            var seeds = Directory.GetFiles(Path.Combine(TestData.RepositoryRoot, "data", "seeds"), "*.txt");
            foreach (var seed in seeds)
            {
                File.Copy(seed, Path.Combine(folder.FullName, Path.GetFileName(seed)));
            }

            File.WriteAllBytes(Path.Combine(folder.FullName, "binary.txt"), [0, 1, 2, 0, 0, 255, 0]);
            File.WriteAllText(Path.Combine(folder.FullName, "blank.txt"), "   \n\n ");
            var files = Directory.GetFiles(folder.FullName);

            var analyzer = new ArticleAnalyzer(EntityRecognizer.Default);
            Assert.Equal(seeds.Length, ThroughputCommand.Pass(analyzer, files, threads: 2));
            Assert.Equal(seeds.Length, ThroughputCommand.Pass(analyzer, files, threads: 1));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
