namespace NewsApi.Api.Tests.Infrastructure;

public static class RepositoryRoot
{
    /// <summary>The folder holding NewsApi.sln, found upwards from the test binaries.</summary>
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsApi.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"NewsApi.sln not found above {AppContext.BaseDirectory}.");
    }

    public static string SeedsFolder => Path.Combine(Find(), "data", "seeds");
}
