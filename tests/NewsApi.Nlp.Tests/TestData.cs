using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Normalisation;

namespace NewsApi.Nlp.Tests;

/// <summary>Files the tests read: the committed seeds, and the shared corpora beside the checkout.</summary>
public static class TestData
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Seed(string prefix) =>
        Directory.GetFiles(Path.Combine(RepositoryRoot, "data", "seeds"), prefix + "_*.txt").Single();

    /// <summary>../shared/data beside the repository (CI has it there too).</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    public static string Bbc => Path.Combine(SharedData, "bbc");

    public static NormalizedArticle NormalizeFile(string path)
    {
        Assert.True(ArticleReader.TryRead(File.ReadAllBytes(path), out var file, out var rejection), rejection);
        return file.Article;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsApi.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("NewsApi.sln not found.");
    }
}

/// <summary>A fact that needs the BBC corpus in ../shared/data/bbc; skipped, with the reason, when it is absent.</summary>
public sealed class BbcFactAttribute : FactAttribute
{
    public BbcFactAttribute()
    {
        if (!Directory.Exists(TestData.Bbc))
        {
            Skip = $"The BBC corpus is not at {TestData.Bbc} (see ../shared/data/README.md).";
        }
    }
}
