using NewsApi.Ingestion.Analysis;

namespace NewsApi.Api.Tests;

/// <summary>Values cut to a column's length stay valid text: never half of a surrogate pair.</summary>
public sealed class TruncateTests
{
    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var name = new string('a', 199) + "\U0001F600" + "tail";
        Assert.Equal(new string('a', 199), EntityStore.Truncate(name, 200));
        Assert.Equal(new string('a', 199) + "\U0001F600", EntityStore.Truncate(name, 201));
        Assert.Equal("abc", EntityStore.Truncate("abcdef", 3));
        Assert.Equal("abc", EntityStore.Truncate("abc", 3));
    }
}
