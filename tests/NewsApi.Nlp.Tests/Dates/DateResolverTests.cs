using NewsApi.Nlp.Dates;

namespace NewsApi.Nlp.Tests.Dates;

/// <summary>Each date rule on hand-written sentences, read against a Monday publication date.</summary>
public class DateResolverTests
{
    private static readonly DateOnly Published = new(2021, 6, 28);

    private static DateMention Only(string text, DateOnly? published = null)
    {
        var mention = Assert.Single(DateResolver.Find(text, published ?? Published));
        Assert.Equal(mention.Text, text[mention.Start..mention.End]);
        return mention;
    }

    [Theory]
    [InlineData("The accord was signed on June 13, 2021, in Jerusalem.", "June 13, 2021", "2021-06-13", DatePrecision.Day)]
    [InlineData("The accord was signed on 13 June 2021 in Jerusalem.", "13 June 2021", "2021-06-13", DatePrecision.Day)]
    [InlineData("The ceasefire came into force on May 21 after weeks of fighting.", "May 21", "2021-05-21", DatePrecision.Day)]
    [InlineData("Iran signed the nuclear deal in 2015 with six powers.", "2015", "2015", DatePrecision.Year)]
    [InlineData("Profits fell in the last quarter of 2004, as sales slowed.", "2004", "2004", DatePrecision.Year)]
    [InlineData("He was never tried for abuses under his 1973-90 rule.", "1973-90", "1973/1990", DatePrecision.Year)]
    [InlineData("The club won the league in the 2003-2004 season.", "2003-2004", "2003/2004", DatePrecision.Year)]
    public void Absolute_dates_resolve_with_their_precision(string text, string expression, string iso, DatePrecision precision)
    {
        var date = Only(text);

        Assert.Equal((expression, iso, precision, false), (date.Text, date.Iso, date.Precision, date.Inferred));
    }

    [Theory]
    [InlineData("Call 0800 1973-2045 for tickets.")]
    [InlineData("The score was 2004-03 at half time.")]
    public void Number_runs_that_are_no_span_of_years_are_not_read_as_one(string text)
    {
        Assert.DoesNotContain(DateResolver.Find(text, Published), d => d.Iso is { } iso && iso.Contains('/'));
    }

    [Fact]
    public void A_month_and_day_without_a_year_is_the_latest_one_not_after_publication()
    {
        Assert.Equal("2020-10-07", Only("Hamas attacked on October 7.", Published).Iso);
        Assert.Equal("2021-05-21", Only("The truce held from May 21.", Published).Iso);
    }

    [Theory]
    [InlineData("Blinken met Lapid in Rome on Sunday.", "on Sunday", "2021-06-27")]
    [InlineData("He will travel to Cairo on Friday.", "on Friday", "2021-07-02")]
    [InlineData("Prices rose last month.", "last month", "2021-05")]
    [InlineData("Prices fell last year.", "last year", "2020")]
    [InlineData("The deal was agreed in December last year.", "in December last year", "2020-12")]
    [InlineData("Talks resume this week.", "this week", "2021-W26")]
    [InlineData("He hopes to win at this weekend's championships.", "this weekend", "2021-W26")]
    [InlineData("The side lost last weekend.", "last weekend", "2021-W25")]
    [InlineData("Negotiators met in early April.", "in early April", "2021-04")]
    public void Relative_dates_count_from_the_publication_date(string text, string expression, string iso)
    {
        var date = Only(text);

        Assert.Equal((expression, iso, false), (date.Text, date.Iso, date.Inferred));
    }

    [Theory]
    [InlineData("The carmaker will cut 2000, or 10%, of its staff.")]
    [InlineData("The firm has shed 2005 posts and hired some 1950 temporary workers.")]
    public void A_count_after_a_verb_of_jobs_or_an_approximation_is_no_year(string text)
    {
        Assert.Empty(DateResolver.Find(text, Published));
    }

    [Theory]
    [InlineData("The 11-day war ended in May.", "11-day", "P11D")]
    [InlineData("He began a one week-long tour.", "one week-long", "P1W")]
    public void Durations_are_lengths_not_dates(string text, string expression, string duration)
    {
        var found = DateResolver.Find(text, Published).Single(d => d.Kind == DateKind.Duration);

        Assert.Equal((expression, duration), (found.Text, found.Duration));
    }

    [Theory]
    [InlineData("The accord was signed on Thursday, June 10, 2021. On Sunday the leaders met again.", "Sunday")]
    [InlineData("Sales rose in December 2004 and fell in January, the firm said.", "in January")]
    [InlineData("In 2021 the talks failed. In December last year they resumed.", "December last year")]
    [InlineData("The vote of 3 May 2004 was annulled last month.", "last month")]
    public void Without_a_publication_date_a_relative_date_is_never_read_against_the_dates_the_text_mentions(string text, string relative)
    {
        var dates = DateResolver.Find(text, null);

        var mention = Assert.Single(dates, d => d.Text.Contains(relative, StringComparison.Ordinal));
        Assert.Null(mention.Value);
        Assert.False(mention.Inferred);

        // The absolute dates it states (those with a year) keep their values.
        Assert.All(dates.Where(d => System.Text.RegularExpressions.Regex.IsMatch(d.Text, @"(19|20)\d\d") && !d.Text.Contains("last", StringComparison.Ordinal)),
            d => Assert.NotNull(d.Value));
    }

    [Fact]
    public void With_a_publication_date_the_same_relative_dates_resolve_against_it()
    {
        var dates = DateResolver.Find("Sales rose in December 2004 and fell in January, the firm said.", new DateOnly(2005, 1, 20));

        Assert.Equal("2005-01", dates.Single(d => d.Text == "in January").Iso);
        Assert.Equal("2004-12", dates.Single(d => d.Text == "December 2004").Iso);
    }

    [Fact]
    public void Without_any_anchor_a_relative_date_stays_unresolved()
    {
        var unanchored = Assert.Single(DateResolver.Find("The leaders met on Sunday.", null));

        Assert.False(unanchored.Resolved);
        Assert.Null(unanchored.Iso);
        Assert.True(Only("The leaders met on Sunday.").Resolved);
    }

    [Theory]
    [InlineData("Growth slowed in the three months to September.", "in the three months to September", "2020-07-01", "2020-09-30")]
    [InlineData("Profits rose 8% in the year to March, the bank said.", "in the year to March", "2020-04-01", "2021-03-31")]
    [InlineData("Sales fell in the quarter ending in May.", "in the quarter ending in May", "2021-03-01", "2021-05-31")]
    public void A_period_to_a_month_covers_the_months_up_to_it(string text, string expression, string from, string until)
    {
        var date = Only(text);

        Assert.Equal((expression, DateKind.Date, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture)),
            (date.Text, date.Kind, date.Value!.Value, date.Until!.Value));
    }

    [Fact]
    public void A_period_to_a_month_without_a_publication_date_stays_unresolved()
    {
        var date = Assert.Single(DateResolver.Find("Growth slowed in the three months to September.", null));

        Assert.Null(date.Value);
    }

    [Theory]
    [InlineData("The tram derailed at 6.10am on Wednesday near the stop.", "at 6.10am on Wednesday", "2021-06-23")]
    [InlineData("The blast was heard at around 11:30pm local time yesterday.", "at around 11:30pm local time yesterday", "2021-06-27")]
    [InlineData("Polls closed at 10pm tonight.", "at 10pm tonight", "2021-06-28")]
    public void A_time_of_day_is_the_day_it_names(string text, string expression, string iso)
    {
        var date = Only(text);

        Assert.Equal((expression, DateKind.Date, iso), (date.Text, date.Kind, date.Iso));
    }

    [Theory]
    [InlineData("The first train left at 6am, the company said.", "at 6am")]
    [InlineData("The fire was reported at 00:48 by a neighbour.", "at 00:48")]
    public void A_time_of_day_without_a_day_is_kept_unresolved(string text, string expression)
    {
        var date = Only(text);

        Assert.Equal((expression, DateKind.Date), (date.Text, date.Kind));
        Assert.Null(date.Value);
    }
}
