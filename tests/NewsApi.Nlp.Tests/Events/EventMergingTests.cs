using NewsApi.Nlp.Events;

namespace NewsApi.Nlp.Tests.Events;

/// <summary>When reports in different articles are one real-world event, and when they are not.</summary>
public class EventMergingTests
{
    private static EventKey Key(EventType type, long[] actors, long? place = null, DateOnly? from = null, DateOnly? until = null, int? ordinal = null, DateOnly? published = null) =>
        new(type, actors.ToHashSet(), place, from, until ?? from, ordinal, published is { } p ? [p] : []);

    private static readonly DateOnly June27 = new(2021, 6, 27);

    [Fact]
    public void The_same_meeting_reported_twice_merges()
    {
        var match = EventMerging.Match(Key(EventType.ConsultOrMeet, [1, 2], place: 10), Key(EventType.ConsultOrMeet, [1, 2], place: 10));

        Assert.NotNull(match);
        Assert.Contains("same place", match.Value.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Stated_dates_must_agree_within_a_day()
    {
        Assert.NotNull(EventMerging.Match(Key(EventType.ConsultOrMeet, [1, 2], from: June27), Key(EventType.ConsultOrMeet, [1, 2], from: June27.AddDays(1))));
        Assert.Null(EventMerging.Match(Key(EventType.ConsultOrMeet, [1, 2], from: June27), Key(EventType.ConsultOrMeet, [1, 2], from: June27.AddDays(5))));
    }

    [Fact]
    public void Different_types_places_or_ordinals_never_merge()
    {
        Assert.Null(EventMerging.Match(Key(EventType.ConsultOrMeet, [1, 2]), Key(EventType.Negotiate, [1, 2])));
        Assert.Null(EventMerging.Match(Key(EventType.ConsultOrMeet, [1, 2], place: 10), Key(EventType.ConsultOrMeet, [1, 2], place: 11)));
        Assert.Null(EventMerging.Match(Key(EventType.Visit, [1], place: 10, ordinal: 7), Key(EventType.Visit, [1], place: 10, ordinal: 8)));
    }

    [Fact]
    public void Two_party_events_need_both_parties()
    {
        Assert.Null(EventMerging.Match(Key(EventType.ConsultOrMeet, [1, 2], published: June27), Key(EventType.ConsultOrMeet, [1, 3], published: June27)));
        Assert.NotNull(EventMerging.Match(Key(EventType.Resign, [1], published: June27), Key(EventType.Resign, [1], published: June27.AddDays(2))));
    }

    [Fact]
    public void Undated_reports_merge_only_when_published_close_together()
    {
        Assert.NotNull(EventMerging.Match(Key(EventType.Attack, [1, 2], published: June27), Key(EventType.Attack, [1, 2], published: June27.AddDays(6))));
        Assert.Null(EventMerging.Match(Key(EventType.Attack, [1, 2], published: June27), Key(EventType.Attack, [1, 2], published: June27.AddDays(30))));
    }

    [Fact]
    public void With_no_dates_at_all_verbal_events_stay_apart_and_others_need_strong_ties()
    {
        Assert.Null(EventMerging.Match(Key(EventType.Criticise, [1, 2]), Key(EventType.Criticise, [1, 2])));
        Assert.Null(EventMerging.Match(Key(EventType.Visit, [1]), Key(EventType.Visit, [1])));
        Assert.NotNull(EventMerging.Match(Key(EventType.Visit, [1], place: 10), Key(EventType.Visit, [1], place: 10)));
        Assert.NotNull(EventMerging.Match(Key(EventType.Fight, [1, 2]), Key(EventType.Fight, [1, 2])));
    }

    [Fact]
    public void Events_without_actors_merge_only_on_the_same_place_and_day()
    {
        Assert.NotNull(EventMerging.Match(Key(EventType.Protest, [], place: 5, from: June27), Key(EventType.Protest, [], place: 5, from: June27)));
        Assert.Null(EventMerging.Match(Key(EventType.Protest, [], place: 5), Key(EventType.Protest, [], place: 5)));
    }
}
