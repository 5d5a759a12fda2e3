using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Events;
using NewsApi.Nlp.Ner;

namespace NewsApi.Nlp.Tests.Events;

/// <summary>Each event pattern on hand-written text (not from the seeds).</summary>
public class EventExtractorTests
{
    private static readonly ArticleAnalyzer Analyzer = new(EntityRecognizer.Default);
    private static readonly DateOnly Published = new(2024, 6, 12);

    private static ArticleAnalysis Analyze(string text) => Analyzer.Analyze(null, text, Published);

    private static string[] Actors(AnalysedEvent ev, EventRole role) => ev.Participants.Where(p => p.Role == role).Select(p => p.Entity.Name).ToArray();

    [Fact]
    public void A_meeting_has_both_actors_a_place_a_date_and_its_evidence()
    {
        var analysis = Analyze("U.S. Secretary of State Antony Blinken met Egyptian President Abdel Fattah al-Sisi in Cairo on Tuesday.");

        var meeting = Assert.Single(analysis.Events);
        Assert.Equal(EventType.ConsultOrMeet, meeting.Type);
        Assert.Equal(["Antony Blinken"], Actors(meeting, EventRole.Actor1));
        Assert.Equal(["Abdel Fattah al-Sisi"], Actors(meeting, EventRole.Actor2));
        Assert.Equal("Cairo", meeting.Place?.Name);
        Assert.Equal("2024-06-11", meeting.Date?.Iso);
        var evidence = Assert.Single(meeting.Evidence);
        Assert.Equal("met", evidence.Trigger);
        Assert.Equal(analysis.Text, analysis.Text[evidence.Start..evidence.End]);
        Assert.Equal("Antony Blinken meets Abdel Fattah al-Sisi in Cairo", meeting.Title);
        Assert.Equal(("040", "04"), (EventTypes.Cameo(meeting.Type).Code, EventTypes.Cameo(meeting.Type).Root));
    }

    [Theory]
    [InlineData("Israeli minister Benny Gantz resigned from the government on Sunday.", EventType.Resign, "Benny Gantz")]
    [InlineData("Defence Minister Karen Holt stepped down on Friday after the report.", EventType.Resign, "Karen Holt")]
    [InlineData("Police in Leeds arrested Tom Marsh on Monday.", EventType.Arrest, "Tom Marsh")]
    [InlineData("The European Union imposed sanctions on Russia in March.", EventType.Sanction, "European Union")]
    [InlineData("Hamas militants attacked Israel on October 7, killing hundreds of civilians.", EventType.Attack, "Hamas")]
    public void Trigger_words_give_the_type_and_the_participants(string text, EventType type, string actor)
    {
        var ev = Assert.Single(Analyze(text).Events, e => e.Type == type);

        Assert.Contains(actor, ev.Participants.Select(p => p.Entity.Name).Concat(ev.Place is null ? [] : [ev.Place.Name]));
    }

    [Fact]
    public void Coordinated_subjects_are_both_actors()
    {
        var ev = Assert.Single(Analyze("Antony Blinken and Yair Lapid met in Rome on Sunday.").Events);

        Assert.Equal(["Antony Blinken"], Actors(ev, EventRole.Actor1));
        Assert.Equal(["Yair Lapid"], Actors(ev, EventRole.Actor2));
        Assert.Equal("Rome", ev.Place?.Name);
    }

    [Fact]
    public void A_pronoun_subject_before_adverbs_is_the_person_named_last()
    {
        var ev = Assert.Single(Analyze("Maria Keller's approach was cautious, as when she privately urged Tomas Brandt to accept the offer.").Events,
            e => e.Type == EventType.Appeal);

        Assert.Equal(["Maria Keller"], Actors(ev, EventRole.Actor1));
        Assert.Equal(["Tomas Brandt"], Actors(ev, EventRole.Actor2));
        Assert.Equal("Maria Keller appeals to Tomas Brandt", ev.Title);
        Assert.Equal("Keller appeals to Brandt", EventExtractor.Title(ev, e => e.Name.Split(' ')[^1]));
    }

    [Fact]
    public void A_list_of_negotiators_takes_part_and_the_place_is_where()
    {
        var ev = Assert.Single(Analyze("Negotiators from Egypt, Qatar and Hamas held negotiations in Cairo on Monday.").Events);

        Assert.Equal(EventType.Negotiate, ev.Type);
        Assert.Equal(["Egypt", "Hamas", "Qatar"], ev.Participants.Select(p => p.Entity.Name).Order());
        Assert.Equal("Cairo", ev.Place?.Name);
    }

    [Fact]
    public void Two_reports_of_one_meeting_in_an_article_are_one_event()
    {
        var ev = Assert.Single(Analyze("Antony Blinken met Yair Lapid in Rome on Sunday. The meeting between Blinken and Lapid in Rome lasted two hours.").Events);

        Assert.Equal(2, ev.Evidence.Count);
    }

    [Fact]
    public void Different_ordinals_are_different_visits()
    {
        var visits = Analyze("Antony Blinken made his seventh trip to the Middle East in March.\n\nOn Monday, Antony Blinken began his eighth trip to the region.")
            .Events.Where(e => e.Type == EventType.Visit).ToList();

        Assert.Equal([7, 8], visits.Select(v => v.Ordinal ?? 0).Order());
        Assert.Equal("Middle East", visits.Single(v => v.Ordinal == 7).Place?.Name);
    }

    [Fact]
    public void The_day_of_a_date_is_not_an_ordinal()
    {
        var visit = Assert.Single(Analyze("Maria Keller visited Madrid on June 7th.").Events, e => e.Type == EventType.Visit);

        Assert.Null(visit.Ordinal);
        Assert.Equal("2024-06-07", visit.Date?.Iso);
    }

    [Theory]
    [InlineData("Defence Minister Karen Holt stepped down on Friday.", EventType.Resign, "stepped down")]
    [InlineData("Tomas Brandt called on Maria Keller to release the report.", EventType.Appeal, "called on")]
    [InlineData("Maria Keller sat down with Tomas Brandt in Vienna.", EventType.ConsultOrMeet, "sat down")]
    [InlineData("Unions in Lyon began a general strike on Monday.", EventType.Protest, "strike")]
    public void Two_word_triggers_are_read_as_phrases(string text, EventType type, string trigger)
    {
        var ev = Assert.Single(Analyze(text).Events, e => e.Type == type);

        Assert.Equal(trigger, ev.Evidence[0].Trigger);
    }

    [Fact]
    public void Stepped_without_down_is_no_resignation()
    {
        Assert.DoesNotContain(Analyze("Karen Holt stepped into the debate on Friday.").Events, e => e.Type == EventType.Resign);
    }

    [Fact]
    public void Words_inside_quotes_and_sought_outcomes_are_not_events()
    {
        // A lead of nothing but a quote reports a statement, and no attack.
        Assert.All(Analyze("“We will attack the city,” Benjamin Netanyahu said.").Events, e => Assert.Equal(EventType.Statement, e.Type));
        var protest = Assert.Single(Analyze("Thousands of protesters marched in Tel Aviv on Saturday to demand a ceasefire deal.").Events);
        Assert.Equal(EventType.Protest, protest.Type);
    }

    [Fact]
    public void The_main_event_answers_who_what_when_where_and_why()
    {
        var analysis = Analyze("Antony Blinken met Yair Lapid in Rome on Sunday to repair relations between the two governments. Aides said the talks went well.");

        var main = Assert.IsType<MainEvent>(analysis.MainEvent);
        Assert.Equal(EventType.ConsultOrMeet, main.Event?.Type);
        Assert.Contains("Antony Blinken", main.Who, StringComparison.Ordinal);
        Assert.Equal("on Sunday", main.When);
        Assert.Contains("Rome", main.Where, StringComparison.Ordinal);
        Assert.Contains("repair relations", main.Why, StringComparison.Ordinal);
    }
}
