using NewsApi.Nlp.Stories;

namespace NewsApi.Nlp.Tests.Stories;

/// <summary>Sketches, similarity estimates and the story rules.</summary>
public class ShingleSketchTests
{
    private const string Story = "Secretary of State Antony Blinken met Foreign Minister Yair Lapid in Rome on Sunday as their governments " +
        "sought a fresh start after years of tension. The two men discussed Iran, the Palestinians and the ceasefire in Gaza, and agreed to " +
        "keep their disagreements private. Lapid said mistakes had been made and promised to repair ties with both American parties. " +
        "Blinken said the partnership between the two countries was enduring and that Washington would help rebuild Gaza.";

    [Fact]
    public void Identical_texts_have_identical_sketches_regardless_of_case_and_punctuation()
    {
        var a = ShingleSketch.Compute(Story);
        var b = ShingleSketch.Compute(Story.ToUpperInvariant().Replace(",", " ,", StringComparison.Ordinal));

        Assert.NotEmpty(a);
        Assert.Equal(a, b);
        Assert.Equal(Kinship.NearDuplicate, StoryRules.Judge(ShingleSketch.Shared(a, b), a.Length, b.Length));
    }

    [Fact]
    public void The_sample_is_about_a_quarter_of_the_shingles_and_sorted()
    {
        var words = Story.Split(' ').Length;
        var sketch = ShingleSketch.Compute(Story);

        Assert.InRange(sketch.Length, words / 8, words / 2);
        Assert.Equal(sketch.Order(), sketch);
    }

    [Fact]
    public void A_rewrite_is_the_same_story_and_unrelated_news_is_not()
    {
        var rewrite = Story.Replace("sought a fresh start", "looked for a new beginning", StringComparison.Ordinal)
            .Replace("The two men discussed", "They talked about", StringComparison.Ordinal)
            .Replace("promised to repair ties", "vowed to mend relations", StringComparison.Ordinal);
        var other = "Manchester United beat Arsenal 2-1 at Old Trafford on Saturday, with goals from Rooney and Ronaldo in the second half " +
            "sending the home side three points clear at the top of the table before the winter break.";
        var a = ShingleSketch.Compute(Story);
        var b = ShingleSketch.Compute(rewrite);
        var c = ShingleSketch.Compute(other);

        Assert.Equal(Kinship.SameStory, StoryRules.Judge(ShingleSketch.Shared(a, b), a.Length, b.Length));
        Assert.Equal(Kinship.Unrelated, StoryRules.Judge(ShingleSketch.Shared(a, c), a.Length, c.Length));
    }

    [Fact]
    public void Similar_articles_far_apart_in_time_are_not_one_story_unless_near_duplicates()
    {
        Assert.Equal(Kinship.Unrelated, StoryRules.Judge(20, 100, 100, new DateOnly(2021, 1, 1), new DateOnly(2021, 3, 1)));
        Assert.Equal(Kinship.SameStory, StoryRules.Judge(20, 100, 100, new DateOnly(2021, 1, 1), new DateOnly(2021, 1, 5)));
        Assert.Equal(Kinship.NearDuplicate, StoryRules.Judge(90, 100, 100, new DateOnly(2021, 1, 1), new DateOnly(2022, 1, 1)));
    }

    [Theory]
    [InlineData(3, 100, 100, Kinship.Unrelated)]
    [InlineData(8, 100, 100, Kinship.Unrelated)]
    [InlineData(16, 100, 100, Kinship.SameStory)]
    [InlineData(12, 30, 400, Kinship.SameStory)]
    [InlineData(85, 100, 100, Kinship.NearDuplicate)]
    public void The_thresholds(int shared, int a, int b, Kinship expected) =>
        Assert.Equal(expected, StoryRules.Judge(shared, a, b));
}
