using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Ner;
using NewsApi.Nlp.Quotes;

namespace NewsApi.Nlp.Tests.Quotes;

/// <summary>Each quote pattern on hand-written text.</summary>
public class QuoteExtractorTests
{
    private static readonly ArticleAnalyzer Analyzer = new(EntityRecognizer.Default);

    internal static IReadOnlyList<Quote> Quotes(string text)
    {
        var analysis = Analyzer.Analyze(null, text);
        Assert.All(analysis.Quotes, q => Assert.Equal(q.Text, analysis.Text[q.Start..q.End]));
        return analysis.Quotes;
    }

    [Fact]
    public void After_the_verb_the_person_a_role_of_a_name_introduces_speaks_even_after_a_comma()
    {
        var quotes = Quotes("\"Our mission was always to provide the best internet experience for everyone,\" said Opera spokeswoman, Berit Hanson.");

        Assert.Contains(quotes, q => q.Speaker?.Name == "Berit Hanson");
    }

    [Fact]
    public void Whom_a_passive_told_names_is_no_speaker_but_a_passive_report_keeps_its_subject()
    {
        var told = Quotes("Natalie Appleton's decision to quit the show last Monday had given them all a stay of execution, the group were told.");
        Assert.DoesNotContain(told, q => q.SpeakerText is { } s && s.Contains("group", StringComparison.Ordinal));

        var reported = Quotes("\"Of course they're going to unleash the lawyers,\" Mr Kapor is reported as saying.");
        Assert.Contains(reported, q => q.SpeakerText is { } s && s.Contains("Kapor", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("“We will rebuild the trust between our countries,” Foreign Minister Yair Lapid said.", "Yair Lapid", "said")]
    [InlineData("\"We will rebuild the trust between our countries,\" said Foreign Minister Yair Lapid.", "Yair Lapid", "said")]
    [InlineData("Foreign Minister Yair Lapid said: “We will rebuild the trust between our countries.”", "Yair Lapid", "said")]
    [InlineData("''We will rebuild the trust between our countries,'' Yair Lapid told reporters.", "Yair Lapid", "told")]
    public void Direct_quotes_in_any_marks_are_attributed_to_the_named_speaker(string text, string speaker, string cue)
    {
        var quote = Assert.Single(Quotes(text));

        Assert.Equal((QuoteType.Direct, speaker, cue), (quote.Kind, quote.Speaker?.Name, quote.Cue));
        Assert.StartsWith("We will rebuild the trust", quote.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_split_around_its_attribution_keeps_its_speaker_for_both_halves()
    {
        var quotes = Quotes("“We have the same goal,” Secretary of State Antony Blinken said, “but we sometimes disagree on tactics.”");

        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Antony Blinken", q.Speaker?.Name));
        Assert.Equal("but we sometimes disagree on tactics.", quotes[1].Text);
        Assert.Equal([false, true], quotes.Select(q => q.Continues));
    }

    [Theory]
    [InlineData("“We have the same goal,” Antony Blinken said. “But we sometimes disagree on tactics.”", true)]
    [InlineData("“We have the same goal,” Antony Blinken said. “But we sometimes disagree on tactics,” Yair Lapid replied.", false)]
    [InlineData("“We have the same goal,” Antony Blinken said.\n\n“But we sometimes disagree on tactics.”", false)]
    public void A_later_part_continues_only_its_own_quotation_in_its_paragraph(string text, bool continues)
    {
        var quotes = Quotes(text);

        Assert.Equal(2, quotes.Count);
        Assert.Equal([false, continues], quotes.Select(q => q.Continues));
    }

    [Fact]
    public void A_quote_running_over_paragraphs_continues_with_the_same_speaker()
    {
        var quotes = Quotes("“The talks went well and we expect more progress,” said Ilan Goldenberg, an analyst.\n\n“There are things you can do quietly under the radar to improve the situation.”");

        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Ilan Goldenberg", q.Speaker?.Name));
    }

    [Fact]
    public void A_paragraph_that_lost_its_opening_mark_is_quoted_from_its_start()
    {
        var quote = Assert.Single(Quotes("Mistakes were made in the last few years,” Yair Lapid told Antony Blinken in Rome."));

        Assert.Equal("Mistakes were made in the last few years,", quote.Text);
        Assert.Equal("Yair Lapid", quote.Speaker?.Name);
    }

    [Fact]
    public void A_partial_quote_inside_the_writers_sentence_is_partial()
    {
        var quote = Assert.Single(Quotes("Antony Blinken described the proposal as “extraordinarily generous” on Tuesday."));

        Assert.Equal((QuoteType.Partial, "extraordinarily generous", "Antony Blinken"), (quote.Kind, quote.Text, quote.Speaker?.Name));
    }

    [Fact]
    public void Scare_quotes_are_not_quotes()
    {
        // What the officials believe is reported; the marked word is no quote of its own.
        Assert.DoesNotContain(Quotes("Joe Biden’s “quiet” diplomacy has worked so far, officials believe."), q => q.Kind != QuoteType.Indirect || q.Text == "quiet");
    }

    [Fact]
    public void He_after_a_named_speaker_is_that_speaker()
    {
        var quotes = Quotes("Antony Blinken arrived in Cairo on Monday. “No more delays. No more excuses,” he said.");

        var quote = Assert.Single(quotes);
        Assert.Equal(("he", "Antony Blinken"), (quote.SpeakerText, quote.Speaker?.Name));
    }

    [Fact]
    public void A_description_by_office_is_the_person_holding_it()
    {
        var quotes = Quotes("U.S. Secretary of State Antony Blinken landed in Tel Aviv. The top US diplomat said it is “critically important that aid gets into Gaza.”");

        var quote = Assert.Single(quotes);
        Assert.Equal(("The top US diplomat", "Antony Blinken"), (quote.SpeakerText, quote.Speaker?.Name));
    }

    [Fact]
    public void A_compound_office_is_only_the_person_given_that_office()
    {
        var quotes = Quotes("Former welfare minister Frank Field criticised the plan on Monday. But the prime minister said he had discussed the claims with the chancellor and dismissed them.");

        var quote = Assert.Single(quotes, q => q.Text.Contains("discussed", StringComparison.Ordinal));
        Assert.Equal(("the prime minister", null), (quote.SpeakerText, quote.Speaker?.Name));
    }

    [Fact]
    public void A_sentence_opened_by_and_before_its_cue_continues_the_previous_speaker()
    {
        var quotes = Quotes("Culture Secretary Tessa Jowell defended the bill. Ms Jowell insisted: \"We have a good track record in this country.\" And continued: \"We can be proud of one of the lowest rates of problem gambling in the world.\"");

        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Tessa Jowell", q.Speaker?.Name));
        Assert.Equal(["insisted", "continued"], quotes.Select(q => q.Cue));
    }

    [Theory]
    [InlineData("The court in Washington found that the case could not be brought under federal anti-racketeering laws.", "The court")]
    [InlineData("A spokeswoman for the shopping centre in Cardiff said it looked like being its busiest day of the year.", "the shopping centre")]
    public void A_place_after_in_is_where_the_speaker_is_not_the_speaker(string text, string speaker)
    {
        var quote = Assert.Single(Quotes(text));

        Assert.Equal(speaker, quote.SpeakerText);
        Assert.Null(quote.Speaker);
    }

    [Fact]
    public void A_collective_noun_before_an_appositive_clause_is_the_organisation_the_article_is_about()
    {
        var quotes = Quotes("Umbro has posted a 222% rise in annual profit. Umbro said sales of England shirts rose. The firm, which is to receive a payment from Chelsea of £24.5m, said it is \"appraising a number of additional investment opportunities\".");

        Assert.Contains(quotes, q => q.Text.Contains("appraising", StringComparison.Ordinal) && q.Speaker?.Name == "Umbro" && q.SpeakerText == "The firm");
    }

    [Fact]
    public void A_letter_title_after_a_name_does_not_hide_the_speaker()
    {
        var quote = Assert.Single(Quotes("Labour backbencher Stephen Pound MP said the prime minister should sack the chancellor."));

        Assert.Equal("Stephen Pound", quote.Speaker?.Name);
    }

    [Fact]
    public void A_name_followed_by_a_time_phrase_is_still_the_speaker()
    {
        var quote = Assert.Single(Quotes("Benjamin Netanyahu on Tuesday again threatened to carry out an offensive “with or without a deal.”"));

        Assert.Equal(("Benjamin Netanyahu", "threatened"), (quote.Speaker?.Name, quote.Cue));
    }

    [Theory]
    [InlineData("Yair Lapid said that Israel would raise its concerns about the deal in private.", "Yair Lapid", "Israel would raise its concerns about the deal in private")]
    [InlineData("Israel would raise its concerns about the deal in private, Yair Lapid said.", "Yair Lapid", "Israel would raise its concerns about the deal in private")]
    [InlineData("According to Yair Lapid, Israel would raise its concerns about the deal in private.", "Yair Lapid", "Israel would raise its concerns about the deal in private")]
    [InlineData("Sen. David Perdue (R-Ga.) said the deal would raise taxes on the middle class.", "David Perdue", "the deal would raise taxes on the middle class")]
    [InlineData("The campaign chairman, Phil Lovas, said the letter had not reached his office.", "Phil Lovas", "the letter had not reached his office")]
    [InlineData("Yair Lapid acknowledged it was unlikely that the talks would resume this year.", "Yair Lapid", "it was unlikely that the talks would resume this year")]
    [InlineData("Yair Lapid announced on Monday that Israel would reopen its embassy in the city.", "Yair Lapid", "Israel would reopen its embassy in the city")]
    [InlineData("Yair Lapid called for a new round of talks on the nuclear deal.", "Yair Lapid", "a new round of talks on the nuclear deal")]
    public void Indirect_speech_is_reported_with_its_speaker(string text, string speaker, string content)
    {
        var quote = Assert.Single(Quotes(text));

        Assert.Equal((QuoteType.Indirect, speaker), (quote.Kind, quote.Speaker?.Name));
        Assert.StartsWith(content, quote.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Yair Lapid acknowledged her presence at the meeting in Rome.")]
    [InlineData("Yair Lapid confirmed the appointment of a new ambassador to Rome.")]
    [InlineData("The committee called for evidence from the public by the end of March.")]
    public void A_cue_with_an_object_and_no_clause_is_no_quote(string text) =>
        Assert.Empty(Quotes(text));

    [Fact]
    public void A_quotation_reopened_in_each_paragraph_is_one_quote_with_the_speaker_of_its_attribution()
    {
        // The BBC's convention: a paragraph that continues a quotation opens with a mark and leaves the previous one open.
        var quotes = Quotes("“The talks went well and we expect more progress before the summer,\n\n“There are things you can do quietly to improve the situation,” said Ilan Goldenberg, an analyst.\n\nThe analyst then left for Washington.");

        var quote = Assert.Single(quotes);
        Assert.Equal("Ilan Goldenberg", quote.Speaker?.Name);
        Assert.StartsWith("The talks went well", quote.Text, StringComparison.Ordinal);
        Assert.Contains("improve the situation", quote.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Washington", quote.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("“Stop the war now,” the placards said as the marchers reached the square.")]
    [InlineData("A live feed showed that the crowd had grown to several thousand people by noon.")]
    public void A_medium_or_an_object_is_never_the_speaker(string text)
    {
        var quote = Assert.Single(Quotes(text));

        Assert.Null(quote.Speaker);
        Assert.Null(quote.SpeakerText);
    }

    [Fact]
    public void An_unnamed_speaker_is_kept_as_written()
    {
        var quote = Assert.Single(Quotes("“We are not there yet,” a senior Biden administration official said."));

        Assert.Null(quote.Speaker);
        Assert.Equal("a senior Biden administration official", quote.SpeakerText);
    }

    [Fact]
    public void An_appositive_between_speaker_and_verb_does_not_hide_the_speaker()
    {
        var quote = Assert.Single(Quotes("Karen Moss, director of the Peace Institute, said the talks had failed to address the core issues."));

        Assert.Equal((QuoteType.Indirect, "Karen Moss"), (quote.Kind, quote.Speaker?.Name));
    }

    [Fact]
    public void An_appositive_after_a_clause_names_the_speaker_who_opens_it()
    {
        var quote = Assert.Single(Quotes("Unemployment fell sharply in March, and Daniel Okafor, the agency's chief economist, said prices were likely to rise again next year."));

        Assert.Equal((QuoteType.Indirect, "Daniel Okafor"), (quote.Kind, quote.Speaker?.Name));
        Assert.StartsWith("prices were likely to rise", quote.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Who_after_a_described_speaker_stands_for_the_description()
    {
        var quote = Assert.Single(Quotes("The decision came late on Friday, a former council worker, who said the plan had never been costed, told the inquiry."),
            q => q.Text.StartsWith("the plan", StringComparison.Ordinal));

        Assert.Equal("a former council worker", quote.SpeakerText);
    }

    [Theory]
    [InlineData("The governor won comfortably in the primaries held across 11 states.")]
    [InlineData("Voters in the United States have grown weary of the long campaign, the polls and the endless advertisements, news reports.")]
    public void Cue_words_used_as_nouns_are_not_quotes(string text)
    {
        Assert.Empty(Quotes(text));
    }

    [Fact]
    public void A_name_and_a_colon_opening_a_line_is_a_quote_by_that_name()
    {
        var quote = Assert.Single(Quotes("Maria Lopez: The Budget Is a Failure for Schools\n\nThe senator spoke in Boston on Monday."));

        Assert.Equal((QuoteType.Indirect, "Maria Lopez", ":"), (quote.Kind, quote.Speaker?.Name, quote.Cue));
        Assert.Equal("The Budget Is a Failure for Schools", quote.Text);
    }

    [Fact]
    public void A_participle_after_a_report_is_a_second_report_by_the_same_speaker()
    {
        var quotes = Quotes("Sen. David Perdue said he did not believe the attacks had hurt the campaign, arguing that it was divisions in the party that were a bigger hurdle.");

        Assert.Equal(2, quotes.Count);
        Assert.Equal(("said", "he did not believe the attacks had hurt the campaign"), (quotes[0].Cue, quotes[0].Text));
        Assert.Equal(("arguing", "it was divisions in the party that were a bigger hurdle"), (quotes[1].Cue, quotes[1].Text));
        Assert.All(quotes, q => Assert.Equal("David Perdue", q.Speaker?.Name));
    }

    [Fact]
    public void A_participle_after_a_direct_quote_reports_for_its_speaker_and_takes_in_its_quoted_words()
    {
        var quotes = Quotes("“We do not see a link to terrorism,” Mayor Bill de Blasio said, adding that it would take “more hours” before details emerge.");

        Assert.Equal(2, quotes.Count);
        Assert.Equal((QuoteType.Direct, "Bill de Blasio"), (quotes[0].Kind, quotes[0].Speaker?.Name));
        Assert.Equal((QuoteType.Indirect, "adding", "Bill de Blasio"), (quotes[1].Kind, quotes[1].Cue, quotes[1].Speaker?.Name));
        Assert.Equal("it would take “more hours” before details emerge", quotes[1].Text);
    }

    [Theory]
    [InlineData("The company's shares fell 5% in early trading, suggesting that investors had expected more.")]
    [InlineData("Sales rose by a third, adding to the pressure on rivals that had cut prices.")]
    public void A_participle_without_a_speaker_or_a_clause_reports_nothing(string text) =>
        Assert.Empty(Quotes(text));

    [Theory]
    [InlineData("Mark Teller charges that the donors had been promised access to the minister.", "charges")]
    [InlineData("Judge Maria Ortiz then ruled that the statement was accurate in every respect.", "ruled")]
    public void A_named_speaker_and_a_verb_with_a_that_clause_is_a_report(string text, string cue)
    {
        var quote = Assert.Single(Quotes(text));

        Assert.Equal((QuoteType.Indirect, cue), (quote.Kind, quote.Cue));
        Assert.NotNull(quote.Speaker);
    }

    [Theory]
    [InlineData("The bank cut its rates so that borrowers would pay less next year.")]
    [InlineData("The report was published after the plan that the council had approved was dropped.")]
    [InlineData("The trouble is that the roads were never built for this traffic.")]
    public void That_after_a_word_that_reports_nothing_is_no_quote(string text) =>
        Assert.Empty(Quotes(text));

    [Fact]
    public void Quoted_words_inside_reported_speech_are_part_of_the_report()
    {
        var quote = Assert.Single(Quotes("Mayor Ruth Adams said the new stadium would be “a disaster for the city” and its taxpayers."));

        Assert.Equal((QuoteType.Indirect, "said", "Ruth Adams"), (quote.Kind, quote.Cue, quote.Speaker?.Name));
        Assert.Equal("the new stadium would be “a disaster for the city” and its taxpayers", quote.Text);
    }

    [Fact]
    public void A_second_reporting_clause_ends_the_first_report_and_is_a_report_of_its_own()
    {
        var quotes = Quotes("But Don Fowler said the politics around the ticket would be more intense — and he noted that any change would come later in the season.");

        Assert.Equal(2, quotes.Count);
        Assert.Equal(("said", "the politics around the ticket would be more intense"), (quotes[0].Cue, quotes[0].Text));
        Assert.Equal(("noted", "any change would come later in the season"), (quotes[1].Cue, quotes[1].Text));
        Assert.All(quotes, q => Assert.Equal("Don Fowler", q.Speaker?.Name));
    }

    [Fact]
    public void Citing_after_a_report_gives_the_speakers_reason()
    {
        var quotes = Quotes("Senator Ann Lowe said the talks had to resume, citing the strategic importance of the port for the region.");

        Assert.Equal(2, quotes.Count);
        Assert.Equal(("citing", "Ann Lowe", "the strategic importance of the port for the region"), (quotes[1].Cue, quotes[1].Speaker?.Name, quotes[1].Text));
    }

    [Fact]
    public void Reported_speech_in_its_own_clause_before_a_direct_quote_is_read()
    {
        var quotes = Quotes("Ivanka Moss said fathers who adopt would not be eligible for the leave, and when pressed on why, she replied, “It is meant to benefit the mother who gave birth.”");

        Assert.Equal(2, quotes.Count);
        Assert.Equal((QuoteType.Indirect, "fathers who adopt would not be eligible for the leave"), (quotes[0].Kind, quotes[0].Text));
        Assert.Equal(QuoteType.Direct, quotes[1].Kind);
        Assert.All(quotes, q => Assert.Equal("Ivanka Moss", q.Speaker?.Name));
    }

    [Theory]
    [InlineData("At the debate, Senator Ann Lowe cited the rising cost of insulin as proof that the law had failed.", "the rising cost of insulin as proof that the law had failed")]
    [InlineData("Ann Lowe has often cited her years as a nurse in the city.", "her years as a nurse in the city")]
    public void What_a_named_speaker_cites_is_reported(string text, string content)
    {
        var quote = Assert.Single(Quotes(text));

        Assert.Equal((QuoteType.Indirect, "Ann Lowe", content), (quote.Kind, quote.Speaker?.Name, quote.Text));
    }

    [Theory]
    [InlineData("The study cited by the minister was published in 2019 by the university.")]
    [InlineData("The driver was cited for speeding on the motorway near the city.")]
    public void Cited_as_a_passive_reports_nothing(string text) =>
        Assert.Empty(Quotes(text));

    [Fact]
    public void What_a_poll_or_a_video_shows_is_reported_by_it_and_a_company_showing_phones_reports_nothing()
    {
        var quotes = Quotes("Polls show a close contest in the state. The poll showed Clinton doing better than in other polls. The company shows its new phones in Berlin.");

        Assert.Equal(["a close contest in the state", "Clinton doing better than in other polls"], quotes.Select(q => q.Text));
        Assert.Equal(["Polls", "The poll"], quotes.Select(q => q.SpeakerText));
        Assert.All(quotes, q => Assert.Null(q.Speaker));
    }

    [Fact]
    public void An_appositive_speaker_may_carry_a_parenthesis()
    {
        var quote = Assert.Single(Quotes("Gregory Meeks (Democrat), chairman of the caucus, said members will help him raise cash from around the country."));

        Assert.Equal(("Gregory Meeks", "members will help him raise cash from around the country"), (quote.Speaker?.Name, quote.Text));
    }

    [Fact]
    public void What_a_named_speaker_calls_criticises_or_attacks_something_for_is_reported()
    {
        var quotes = Quotes("The Holt campaign called the charges unsubstantiated. Mary Jones criticized the health law as a crazy system, but she noted that it had helped millions.");

        Assert.Equal(["the charges unsubstantiated", "the health law as a crazy system", "it had helped millions"], quotes.Select(q => q.Text));
        Assert.Equal(["called", "criticized", "noted"], quotes.Select(q => q.Cue));
        Assert.Equal("Mary Jones", quotes[1].Speaker?.Name);
    }

    [Theory]
    [InlineData("The union called for a strike over pay in the spring.")]
    [InlineData("Peter Holt called a meeting of the board on Monday.")]
    [InlineData("Hamas attacked the border post near the town overnight.")]
    [InlineData("Her nonprofit group, called the Green Valley Fund, bought the land.")]
    public void Calling_for_calling_a_meeting_an_attack_and_a_name_report_no_judgement(string text)
    {
        Assert.DoesNotContain(Quotes(text), q => q.Cue is "called" or "attacked");
    }

    [Fact]
    public void A_named_speakers_stated_intent_commitment_or_appeal_is_reported()
    {
        var quotes = Quotes("Mary Jones wants to triple the size of the national service scheme. Peter Holt urged voters to join the campaign. The plan wants to be a law.");

        Assert.Equal(["to triple the size of the national service scheme", "voters to join the campaign"], quotes.Select(q => q.Text));
        Assert.Equal(["Mary Jones", "Peter Holt"], quotes.Select(q => q.Speaker?.Name));
    }

    [Fact]
    public void A_transcripts_turn_is_a_quote_by_the_person_of_that_surname()
    {
        var quotes = Quotes("Governor Mike Pence spoke to Chris Wallace on Sunday.\n\n\"WALLACE: Will the debate go ahead as planned tomorrow night?\n\n\"PENCE: Well, look, the debate will go ahead and we are ready for it.");

        Assert.Equal(["Chris Wallace", "Mike Pence"], quotes.Select(q => q.Speaker?.Name));
        Assert.StartsWith("Well, look", quotes[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clause_in_the_past_tense_is_reported_without_that()
    {
        var quote = Assert.Single(Quotes("Mary Jones acknowledged her attorney offered to appear at a closed session."));

        Assert.Equal(("Mary Jones", "her attorney offered to appear at a closed session"), (quote.Speaker?.Name, quote.Text));
    }

    [Fact]
    public void A_reported_question_and_a_possessors_claim_are_reported()
    {
        var quotes = Quotes("Mary Jones questioned what kind of person gets up at 3 a.m. to send angry messages. The fact-check looked at Peter Holt's claim that there had been thousands of shootings in the city.");

        Assert.Equal(["what kind of person gets up at 3 a.m. to send angry messages", "there had been thousands of shootings in the city"], quotes.Select(q => q.Text));
        Assert.Equal(["Mary Jones", "Peter Holt"], quotes.Select(q => q.Speaker?.Name));
    }

    [Fact]
    public void And_said_shares_a_described_subject()
    {
        var quote = Assert.Single(Quotes("Opposition members also described the vote as ominous, and said the panel itself might be damaged by the move."));

        Assert.Equal(("Opposition members", "the panel itself might be damaged by the move"), (quote.SpeakerText, quote.Text));
    }

    [Theory]
    [InlineData("LONDON: The Prime Minister said on Monday that taxes would rise next year.", "taxes would rise next year")]
    [InlineData("Microsoft declined to comment. Peter Holt noted the increased costs of the scheme.", null)]
    public void Datelines_no_comment_and_adjectives_in_ed_report_nothing_of_their_own(string text, string? only)
    {
        var quotes = Quotes(text);

        Assert.Equal(only is null ? [] : [only], quotes.Select(q => q.Text));
    }
}

public class QuoteSubjectTests
{
    private static IReadOnlyList<Quote> Quotes(string text) => QuoteExtractorTests.Quotes(text);

    [Theory]
    [InlineData("In October, Mr. Peter Holt revised his withdrawal plans, saying that about 5,500 troops would remain in the country.", "Peter Holt", "about 5,500 troops would remain in the country")]
    [InlineData("Democratic presidential nominee Mary Jones called on Congress to pass a deal and said funding is needed for the clinics.", "Mary Jones", "funding is needed for the clinics")]
    public void A_report_after_a_participle_or_and_takes_the_main_clauses_subject(string text, string speaker, string content)
    {
        var quote = Assert.Single(Quotes(text), q => q.Cue is "saying" or "said");

        Assert.Equal((speaker, content), (quote.Speaker?.Name, quote.Text));
    }

    [Theory]
    [InlineData("Nearly nine out of 10 say they will need to develop new skills to advance their careers.", "Nearly nine out of 10")]
    [InlineData("The poll found strong opposition, including 18% who say they would be dissatisfied with either candidate.", "18%")]
    public void A_share_of_respondents_says_what_they_think(string text, string speaker)
    {
        var quote = Assert.Single(Quotes(text), q => q.Cue == "say");

        Assert.Null(quote.Speaker);
        Assert.Equal(speaker, quote.SpeakerText);
    }

    [Fact]
    public void A_second_report_of_the_same_subject_ends_the_first()
    {
        var quotes = Quotes("DJ Peter Holt - aka Big Pete - has said that dance music is not dead, but has admitted it is going through a quiet patch.");

        Assert.Equal(["dance music is not dead", "it is going through a quiet patch"], quotes.Select(q => q.Text));
        Assert.All(quotes, q => Assert.Equal("Peter Holt", q.Speaker?.Name));
    }

    [Fact]
    public void A_report_inside_an_opening_subordinate_clause_ends_at_its_comma()
    {
        var quote = Assert.Single(Quotes("When the director, Peter Holt, said on Tuesday that his investigators had found no direct evidence, Republicans were angry."));

        Assert.Equal(("Peter Holt", "his investigators had found no direct evidence"), (quote.Speaker?.Name, quote.Text));
    }

    [Fact]
    public void A_refusal_ends_where_the_same_subjects_report_begins()
    {
        var quotes = Quotes("Mary Jones declined to answer questions on who she would like to see win in November but said there was no meeting planned with the envoy.");

        Assert.Equal(["to answer questions on who she would like to see win in November", "there was no meeting planned with the envoy"], quotes.Select(q => q.Text));
    }

    [Theory]
    [InlineData("Texas Attorney General Mary Jones asked a federal judge to block the rules in time for the school year.", "asked", "a federal judge to block the rules in time for the school year")]
    [InlineData("Mary Jones called on Congress to pass a deal on the clinics before the summer.", "called", "Congress to pass a deal on the clinics before the summer")]
    [InlineData("Peter Holt asked former Attorney General Eric Holder whether he had thoughts on the inquiry.", "asked", "whether he had thoughts on the inquiry")]
    [InlineData("In the news conference, Peter Holt accused the media of distorting her message.", "accused", "the media of distorting her message")]
    [InlineData("Mary Jones told the AP her firm worked closely with the charity.", "told", "her firm worked closely with the charity")]
    [InlineData("Some Democrats think the most important step would be a new tax plan.", "think", "the most important step would be a new tax plan")]
    public void Appeals_questions_to_someone_accusations_and_beliefs_are_reported(string text, string cue, string content)
    {
        var quote = Assert.Single(Quotes(text));

        Assert.Equal((cue, content), (quote.Cue, quote.Text));
    }

    [Theory]
    [InlineData("Peter Holt was asked to leave the hall by the stewards.")]
    [InlineData("Hamas accused the army and the settlers.")]
    public void A_passive_appeal_and_an_accusation_of_nothing_report_nothing(string text)
    {
        Assert.Empty(Quotes(text));
    }

    [Theory]
    [InlineData("The firm lobbied on behalf of the casino on gaming and taxes, said lobbyist Peter Holt, who worked there.", "Peter Holt", "The firm lobbied on behalf of the casino on gaming and taxes")]
    [InlineData("The plan’s “excesses” are sickening, Holt said Tuesday in Paris, noting the cost of the scheme had doubled.", "Peter Holt", "The plan’s “excesses” are sickening")]
    public void A_report_before_its_attribution_runs_from_the_sentence_start_to_the_comma(string text, string speaker, string content)
    {
        var analysis = new[] { "Peter Holt spoke.", text };
        var quote = Assert.Single(Quotes(string.Join(" ", analysis)), q => q.Cue == "said");

        Assert.Equal((speaker, content), (quote.Speaker?.Name, quote.Text));
    }

    [Fact]
    public void A_time_or_adverbial_before_the_attribution_is_no_report()
    {
        Assert.DoesNotContain(Quotes("Peter Holt spoke. Last week in Paris, Holt said on Tuesday."), q => q.Cue == "said");
    }

    [Fact]
    public void A_participles_direct_quote_has_the_speaker_of_the_report_before_it()
    {
        var quotes = Quotes("Mary Jones and Peter Holt will meet next week, Tom Spicer said, adding, \"They need to sit down and talk about it.\"");

        Assert.Equal([("Tom Spicer", "Mary Jones and Peter Holt will meet next week"), ("Tom Spicer", "They need to sit down and talk about it.")],
            quotes.Select(q => (q.Speaker?.Name, q.Text)));
    }

    [Theory]
    [InlineData("In his 2002 book, “Make Your Kid a Millionaire,” Peter Holt suggested saving early.", "Make Your Kid a Millionaire")]
    [InlineData("Mary Jones told MSNBC’s “Morning Joe” that the vote was close.", "Morning Joe")]
    public void A_title_in_marks_is_no_quote(string text, string title)
    {
        Assert.DoesNotContain(Quotes(text), q => q.Text.StartsWith(title, StringComparison.Ordinal));
    }

    [Fact]
    public void Shouted_words_and_chants_are_still_quotes()
    {
        Assert.Contains(Quotes("“GROWING PARTY,” Peter Holt declared in a tweet after the primary."), q => q.Text.StartsWith("GROWING PARTY", StringComparison.Ordinal));
    }

    [Fact]
    public void Auxiliaries_between_a_trailing_speaker_and_the_verb_are_not_part_of_the_speaker()
    {
        var quote = Assert.Single(Quotes("The president will take a more consensual approach to world politics, Peter Holt has said."));

        Assert.Equal(("Peter Holt", "Peter Holt"), (quote.Speaker?.Name, quote.SpeakerText));
    }

    [Theory]
    [InlineData("All four prisoners will be returned within weeks, Foreign Secretary Peter Holt told the Commons on Tuesday.", true)]
    [InlineData("The plant will close next year, Peter Holt told reporters in Leeds.", true)]
    [InlineData("The plant will close next year, Peter Holt told the workers to leave.", false)]
    public void A_trailing_speaker_who_told_an_audience_reports_what_comes_before_the_comma(string text, bool reported)
    {
        var quotes = Quotes(text);

        if (reported)
        {
            var quote = Assert.Single(quotes);
            Assert.Equal(("Peter Holt", "told"), (quote.Speaker?.Name, quote.Cue));
            Assert.Equal(text[..text.IndexOf(',')], quote.Text);
        }
        else
        {
            Assert.DoesNotContain(quotes, q => q.Cue == "told" && q.Text.StartsWith("The plant", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_relative_named_before_an_age_speaks()
    {
        var quotes = Quotes("The tapes were owned by engineer Thorne Nogar.\n\n\"We've had them for a lot of years, and the people should enjoy them,\" Nogar's son Stephen, 57, said. \"And frankly, we could use the money.\"");

        Assert.Equal("Stephen", Assert.Single(quotes, q => q.Text.StartsWith("And frankly", StringComparison.Ordinal)).Speaker?.Name);
    }

    [Fact]
    public void A_say_is_a_noun_and_no_cue()
    {
        Assert.DoesNotContain(Quotes("The report recommended that sports bodies have a say in the type of bets offered to punters."), q => q.Cue == "say");
    }

    [Fact]
    public void A_time_phrase_before_a_described_speaker_is_not_part_of_it()
    {
        var quote = Assert.Single(Quotes("Last Friday the minister had announced that he would advertise for three senior posts."));

        Assert.Equal("the minister", quote.SpeakerText);
    }

    [Fact]
    public void Concluding_by_saying_shares_the_sentences_subject()
    {
        var quote = Assert.Single(Quotes("Peter Holt addressed the Houston crowd and concluded by saying \"thanks for having me\"."));

        Assert.Equal("Peter Holt", quote.Speaker?.Name);
    }

    [Fact]
    public void He_is_the_subject_of_the_sentence_before_rather_than_a_name_later_in_it()
    {
        var quotes = Quotes("Peter Holt also admits his side must improve against the pair Mary Jones and Tom Spicer, the best in the league.\n\n"
            + "\"In each game we have missed a number of chances,\" he added.");

        Assert.Equal("Peter Holt", Assert.Single(quotes, q => q.Cue == "added").Speaker?.Name);
    }

    [Fact]
    public void He_is_not_a_name_inside_the_last_speakers_quotation()
    {
        var quotes = Quotes("\"The press has been difficult at times,\" Peter Holt said. \"Especially the business with Mary Jones - it was scary.\" "
            + "He said that he had been determined that it did not affect the album.");

        Assert.Equal("Peter Holt", Assert.Single(quotes, q => q.Text.StartsWith("he had been", StringComparison.Ordinal)).Speaker?.Name);
    }

    [Fact]
    public void Each_sentence_reopening_a_quotation_in_one_paragraph_is_a_part_with_the_same_speaker()
    {
        var quotes = Quotes("\"It is a tough time for the side,\" Peter Holt said. \"They lost a few key players in the first place. "
            + "\"Added to that, the senior players are not standing up and they cannot do anything about it.\"");

        Assert.Equal(3, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Peter Holt", q.Speaker?.Name));
        Assert.StartsWith("Added to that", quotes[2].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"The digital home will be the theme of the show this year,\" said Cebit organiser Gabriele Dorries.", "Gabriele Dorries")]
    [InlineData("\"No wedding plans have been set yet,\" said Mary Jones's agent Peter Holt.", "Peter Holt")]
    public void A_person_after_a_name_and_an_occupation_is_the_speaker(string text, string speaker)
    {
        Assert.Equal(speaker, Assert.Single(Quotes(text)).Speaker?.Name);
    }

    [Theory]
    [InlineData("The SNP's Nicola Sturgeon has demanded to know who signed off the leave of Mr Ferguson. She said: \"Ministers must answer for this.\"", "Nicola Sturgeon")]
    [InlineData("Ms Rhona Brankin is responsible for the hospital where Peter Holt works. He said: \"We will work together on the report.\"", "Peter Holt")]
    [InlineData("Ruth Kelly, the daughter of a publican, praised the tribute paid by actor Ossie Davis. \"He gave more to me than I gave to him,\" she said.", "Ruth Kelly")]
    [InlineData("Actress Ruby Dee thanked Harry Belafonte, her husband's friend. \"We will miss him,\" she said.", "Ruby Dee")]
    public void He_or_she_passes_over_a_person_whose_honorific_or_noun_says_the_other_sex(string text, string speaker)
    {
        Assert.Equal(speaker, Assert.Single(Quotes(text)).Speaker?.Name);
    }

    [Fact]
    public void An_honorific_before_a_surname_that_is_also_a_word_is_the_person()
    {
        var quotes = Quotes("There may not be enough players to go round, predicts Oliver Irish, editor of a gadget magazine. \"The mini is likely to be this year's best seller,\" said Mr Irish.");

        Assert.Equal("Oliver Irish", Assert.Single(quotes, q => q.Kind == QuoteType.Direct).Speaker?.Name);
    }

    [Fact]
    public void A_name_in_what_a_named_speaker_reported_is_not_who_he_is_nor_is_a_shadow_the_office()
    {
        var warned = Quotes("Vince Cable warned the picture was not as rosy as Mr Brown would like. \"The record is very mixed,\" he said.");
        Assert.Equal("Vince Cable", Assert.Single(warned, q => q.Kind == QuoteType.Direct).Speaker?.Name);

        var shadow = Quotes("Labour met in Gateshead. The chancellor said the poll would give a clear choice. Mr Brown accused shadow chancellor Oliver Letwin of plotting cuts.");
        Assert.DoesNotContain(shadow, q => q.Speaker?.Name == "Oliver Letwin");
    }

    [Fact]
    public void A_name_in_what_he_reported_is_not_who_he_is()
    {
        var quotes = Quotes("Norman Cook married Zoe Ball in 1999. He said that what had happened with Ball did not affect the album. \"At first I was doing jolly tunes,\" he explained.");

        Assert.Equal("Norman Cook", Assert.Single(quotes, q => q.Kind == QuoteType.Direct).Speaker?.Name);
    }

    [Fact]
    public void A_name_after_a_quotation_reopened_in_the_bbc_manner_is_outside_it_and_a_pronoun_can_stand_for_it()
    {
        // The first quotation's sentence ends and a new mark reopens it ("… we hope they do. "But …"): three straight marks,
        // and the narration after the third is not inside a quotation.
        const string text = "Mark Tallis, of the Ramblers' Association, told reporters: \"We have long urged them to keep to the paths. "
                            + "\"But if they stray, we are confident the law will deal with them.\" Feelings were running high in the valley. "
                            + "Reporter Jane Okafor said walkers were in tears.\n\nShe said many people did not share the association's hopes.";
        var quotes = Quotes(text);

        var last = Assert.Single(quotes, q => q.Text.StartsWith("many people", StringComparison.Ordinal));
        Assert.Equal("Jane Okafor", last.Speaker?.Name);
    }
}

