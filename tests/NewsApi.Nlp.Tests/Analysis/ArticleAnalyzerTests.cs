using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Ner;

namespace NewsApi.Nlp.Tests.Analysis;

/// <summary>Each resolution rule on hand-written text.</summary>
public class ArticleAnalyzerTests
{
    private static readonly ArticleAnalyzer Analyzer = new(EntityRecognizer.Default);

    private static AnalysedEntity Single(ArticleAnalysis analysis, AnalysedKind kind, string name) =>
        Assert.Single(analysis.Entities, e => e.Kind == kind && e.Name == name);

    [Fact]
    public void A_surname_and_a_possessive_join_the_full_name()
    {
        var analysis = Analyzer.Analyze(null, "Prime Minister Benjamin Netanyahu spoke on Monday. Netanyahu’s allies welcomed the plan, and Netanyahu left for Washington.");

        var person = Single(analysis, AnalysedKind.Person, "Benjamin Netanyahu");
        Assert.Equal(3, person.Mentions.Count);
        Assert.Equal(["Benjamin Netanyahu", "Netanyahu", "Netanyahu"], person.Mentions.Select(m => m.Surface));
        Assert.All(person.Mentions.Skip(1), m => Assert.Equal("surname of Benjamin Netanyahu in the same article", m.Reason));
        Assert.All(person.Mentions, m => Assert.Equal(m.Surface, analysis.Text[m.Start..m.End]));
    }

    [Theory]
    [InlineData("U.S. Secretary of State Antony Blinken arrived in Rome on Sunday.", "Antony Blinken", "Secretary of State", "United States", false)]
    [InlineData("Israeli Foreign Minister Yair Lapid met reporters in Rome.", "Yair Lapid", "Foreign Minister", "Israel", false)]
    [InlineData("Talks continued, with CIA director William Burns meeting officials in Doha.", "William Burns", "Director", "Central Intelligence Agency", false)]
    [InlineData("The reset follows the years of former President Donald Trump in office.", "Donald Trump", "President", null, true)]
    [InlineData("Analysts said Ilan Goldenberg, a security expert at the Center for a New American Security, was right.", "Ilan Goldenberg", "Security Expert", "Center for a New American Security", false)]
    [InlineData("Michael Oren, a former Israeli ambassador to the US, disagreed.", "Michael Oren", "Ambassador", "Israel", true)]
    public void Titles_become_roles_not_parts_of_names(string text, string name, string title, string? affiliation, bool former)
    {
        var person = Single(Analyzer.Analyze(null, text), AnalysedKind.Person, name);

        var role = Assert.Single(person.Roles);
        Assert.Equal((title, affiliation, former), (role.Title, role.Affiliation, role.Former));
    }

    [Fact]
    public void A_role_noun_phrase_followed_by_a_verb_is_the_next_clause_not_an_apposition()
    {
        var person = Single(Analyzer.Analyze(null, "Echoing the US Secretary of State Mary Jones, the prime minister said there had been a clear change of policy."),
            AnalysedKind.Person, "Mary Jones");

        Assert.Equal(["Secretary of State"], person.Roles.Select(r => r.Title));

        // A title word after the head continues the apposition: "…, the chief executive of Shell" keeps a role.
        var chief = Single(Analyzer.Analyze(null, "The deal was announced by Mary Jones, the chief executive of Shell, on Monday."), AnalysedKind.Person, "Mary Jones");
        Assert.NotEmpty(chief.Roles);
    }

    [Theory]
    [InlineData("actor", true)]
    [InlineData("organiser", true)]
    [InlineData("rate", true)]
    [InlineData("sold", false)]
    [InlineData("and", false)]
    [InlineData("leading", false)]
    [InlineData("recently", false)]
    [InlineData("US", false)]
    public void A_describing_noun_is_a_lower_case_word_that_is_no_function_word_or_verb(string word, bool describing)
    {
        Assert.Equal(describing, NewsApi.Nlp.Entities.Descriptions.IsDescribingNoun(word));
    }

    [Fact]
    public void A_clipped_short_form_joins_the_shortest_organisation_it_clips_in_the_article()
    {
        var analysis = Analyzer.Analyze("Fed warns of more rate rises", "Interest rates will rise again, according to the Federal Reserve. Officials at the Fed are worried.");
        var fed = Single(analysis, AnalysedKind.Organisation, "Federal Reserve");
        Assert.Equal(3, fed.Mentions.Count);

        // Two organisations it could clip: the one of fewer words (the committee is the Fed's); of as many words, neither.
        var committee = Analyzer.Analyze("Fed warns of more rate rises", "The Federal Reserve and the Federal Open Market Committee met. Officials at the Fed are worried.");
        Assert.Equal(3, Single(committee, AnalysedKind.Organisation, "Federal Reserve").Mentions.Count);
        var two = Analyzer.Analyze("Fed warns of more rate rises", "The Federal Reserve and the Federal Bureau met. Officials at the Fed are worried.");
        Assert.Contains(two.Entities, e => e.Kind == AnalysedKind.Organisation && e.Name == "Fed");
    }

    [Fact]
    public void Acronyms_join_their_expansion_from_the_text_or_common_knowledge()
    {
        var analysis = Analyzer.Analyze(null, "The Israel Defense Forces said on Monday that it had opened an inquiry. The IDF gave no details. The CIA declined to comment.");

        var army = Single(analysis, AnalysedKind.Organisation, "Israel Defense Forces");
        Assert.Equal(2, army.Mentions.Count);
        Assert.Equal("acronym of Israel Defense Forces in the same article", army.Mentions[1].Reason);
        Assert.Contains("IDF", army.Aliases.Keys);

        var agency = Single(analysis, AnalysedKind.Organisation, "Central Intelligence Agency");
        Assert.Equal("CIA", agency.Mentions.Single().Surface);
    }

    [Theory]
    [InlineData("Tories", "Conservative Party")]
    [InlineData("Lib Dems", "Liberal Democrats")]
    [InlineData("Conservative", "Conservative Party")]
    [InlineData("Liberal Democrat", "Liberal Democrats")]
    [InlineData("Man Utd", "Manchester United")]
    [InlineData("CIA", "Central Intelligence Agency")]
    [InlineData("Cia", null)]
    [InlineData("Who", null)]
    [InlineData("Reuters", null)]
    public void The_alias_file_names_organisations_and_acronyms_match_only_as_written(string name, string? expected) =>
        Assert.Equal(expected, OrganisationNames.Canonical(name));

    [Theory]
    [InlineData("Labour Party", "Labour")]
    [InlineData("Liberal Democrats", "Liberal Democrat")]
    [InlineData("Scottish National Party", "Scottish National")]
    [InlineData("Tories", "Conservative Party")]
    public void General_rules_give_an_organisation_its_variants(string name, string variant) =>
        Assert.Contains(variant, OrganisationNames.Variants(name));

    [Theory]
    [InlineData("Reuters")]
    [InlineData("Sky News")]
    [InlineData("Party of the Regions")]
    [InlineData("Friends of the Earth")]
    [InlineData("XYZ")]
    public void Names_that_are_not_plurals_or_parties_get_no_variants(string name) =>
        Assert.Empty(OrganisationNames.Variants(name));

    [Fact]
    public void An_organisation_in_the_alias_file_has_all_its_names_as_variants() =>
        Assert.Equal(["Conservative Party", "Conservatives", "Tory Party", "Tory"], OrganisationNames.Variants("Tories"));

    [Theory]
    [InlineData("Several Labour MPs said the plan went too far.", "Labour Party", "Labour")]
    [InlineData("Labour's plan was criticised by business groups.", "Labour Party", "Labour")]
    public void Member_words_and_possessives_the_recogniser_takes_in_are_not_part_of_the_organisation(string text, string name, string surface)
    {
        var analysis = Analyzer.Analyze(null, text);

        var party = Assert.Single(analysis.Entities, e => e.Kind == AnalysedKind.Organisation && e.Name.StartsWith(surface[..4], StringComparison.Ordinal));
        Assert.Equal(name, party.Name);
        Assert.All(party.Mentions, m => Assert.Equal(surface, m.Surface));
    }

    [Theory]
    [InlineData("Scottish National Party's Holyrood", "Scottish National Party")]
    [InlineData("Labour MPs", "Labour")]
    [InlineData("Tory MP for Sleaford", "Tory")]
    [InlineData("Sony DVD", "Sony")]
    [InlineData("YLE TV", "YLE TV")]
    [InlineData("Friends of the Earth supporters", "Friends of the Earth supporters")]
    public void What_the_recogniser_takes_into_an_organisation_is_trimmed_only_after_a_known_name_or_before_a_format(string text, string kept)
    {
        var trimmed = OrganisationNames.TrimMembers(new EntityMention(EntityType.ORG, text, 10, 10 + text.Length, 0.9, 0));

        Assert.Equal((kept, 10 + kept.Length), (trimmed.Text, trimmed.End));
    }

    [Fact]
    public void Organisation_variants_in_one_article_are_one_organisation()
    {
        var analysis = Analyzer.Analyze(null, "The Labour Party set out its plans on Monday. Labour said the Tories had no answer, and the Conservatives said Labour would raise taxes.");

        var labour = Single(analysis, AnalysedKind.Organisation, "Labour Party");
        Assert.Equal(3, labour.Mentions.Count);
        var tories = Single(analysis, AnalysedKind.Organisation, "Conservative Party");
        Assert.Equal(["Tories", "Conservatives"], tories.Mentions.Select(m => m.Surface));
        Assert.DoesNotContain(analysis.Entities, e => e.Name is "Labour" or "Tories" or "Conservatives");
    }

    [Fact]
    public void Other_names_are_listed_once_each_and_nationality_adjectives_are_not_among_them()
    {
        var analysis = Analyzer.Analyze(null, "The French side won the Six Nations title. \"Million Dollar Baby\" won four Oscars, and the Six Nations ends on Saturday.");

        var tournament = Assert.Single(analysis.Names, n => n.Name == "Six Nations");
        Assert.Equal(2, tournament.Mentions.Count);
        Assert.All(tournament.Mentions, m => Assert.Equal("Six Nations", analysis.Text[m.Start..m.End]));
        Assert.Contains(analysis.Names, n => n.Name == "Million Dollar Baby");
        Assert.DoesNotContain(analysis.Names, n => n.Name == "French");
    }

    [Theory]
    [InlineData("Paula Radcliffe will run the Flora London Marathon in April, her agent said.", "Flora London Marathon")]
    [InlineData("England reached the final of the Los Angeles Sevens on Sunday.", "Los Angeles Sevens")]
    [InlineData("Ministers signed the Treaty of Amsterdam, which changed the voting rules.", "Treaty of Amsterdam")]
    [InlineData("Nokia showed the phone at the 3GSM World Congress in Cannes.", "3GSM World Congress")]
    public void Races_contests_shows_and_treaties_are_other_names_not_organisations(string text, string name)
    {
        var analysis = Analyzer.Analyze(null, text);

        Assert.Contains(analysis.Names, n => n.Name == name);
        Assert.DoesNotContain(analysis.Entities, e => e.Name == name);
    }

    [Theory]
    [InlineData("The new line would go out as far as Maidenhead, Berkshire, to the west of London, the company said.", "Berkshire")]
    [InlineData("The plans were agreed at a meeting at Mr Kilroy-Silk's Buckinghamshire home on Sunday.", "Buckinghamshire")]
    [InlineData("England's players are due to meet at their Surrey training base on Monday.", "Surrey")]
    public void A_region_after_a_town_or_before_someone_s_home_is_a_place(string text, string place)
    {
        var analysis = Analyzer.Analyze(null, text);

        Assert.Contains(analysis.Entities, e => e.Kind == AnalysedKind.Place && e.Name == place);
        Assert.DoesNotContain(analysis.Entities, e => e.Kind == AnalysedKind.Organisation && e.Name == place);
    }

    [Fact]
    public void A_rugby_report_written_with_flankers_caps_and_the_pitch_is_a_match_report()
    {
        var analysis = Analyzer.Analyze("Flanker wins first start", "The flanker makes his first start for Wales against France on Sunday. "
                                        + "He earned his second cap against Italy and wants to keep his place for the game against England. "
                                        + "\"What I do on the pitch matters,\" he said before the rugby game.");

        Assert.All(["Wales", "France", "Italy", "England"], team => Assert.Contains(analysis.Entities, e => e.Kind == AnalysedKind.Organisation && e.Name == team));
    }

    [Fact]
    public void In_a_match_report_a_state_before_its_government_or_beside_a_compass_region_stays_a_place()
    {
        var analysis = Analyzer.Analyze(null, "Liverpool beat Chelsea 2-0 in the league match, and the striker scored twice. The club's fans, the team and "
                                              + "its coach hope for a new owner. Thailand Prime Minister Thaksin Shinawatra made an offer, with trails leading to the Middle East and America, but all met with silence. "
                                              + "England beat France in the final.");

        Assert.Contains(analysis.Entities, e => e.Kind == AnalysedKind.Place && e.Name == "Thailand");
        Assert.Contains(analysis.Entities, e => e.Kind == AnalysedKind.Place && e.Name is "America" or "United States");
        Assert.Contains(analysis.Entities, e => e.Kind == AnalysedKind.Organisation && e.Name == "England");
    }

    [Fact]
    public void A_work_tagged_a_person_that_a_named_composer_owns_is_a_work_but_not_a_director_a_film_owns()
    {
        var analysis = Analyzer.Analyze(null, "The conductor led many operas. His debut came in 2000 with Giacomo Puccini's Madame Butterfly at the opera house. "
                                              + "Leigh is joint favourite for best director with Ray's Taylor Hackford, the bookmakers said of the film.");

        Assert.Contains(analysis.Names, n => n.Name == "Madame Butterfly");
        Assert.DoesNotContain(analysis.Entities, e => e.Name == "Madame Butterfly");
        Assert.Contains(analysis.Entities, e => e.Kind == AnalysedKind.Person && e.Name == "Taylor Hackford");
    }

    [Theory]
    [InlineData("\"It is a very expensive acquisition,\" said Birgit Kuhlhoff, from Sal Oppenheim investment bank.", "Sal Oppenheim")]
    [InlineData("\"The timing is right,\" said Henri de Bodinat, vice-president of the Arthur D. Little consultancy.", "Arthur D. Little")]
    [InlineData("Novartis also acquired 67.7% of Hexal's US affiliate Eon Labs, and offered to buy the rest.", "Eon Labs")]
    public void A_firm_named_like_a_person_is_an_organisation_by_its_class_noun_or_head(string text, string firm)
    {
        var analysis = Analyzer.Analyze(null, text);

        Assert.Contains(analysis.Entities, e => e.Kind == AnalysedKind.Organisation && e.Name == firm);
        Assert.DoesNotContain(analysis.Entities, e => e.Kind == AnalysedKind.Person && e.Name == firm);
    }

    [Fact]
    public void A_person_after_a_consultancy_is_its_founder_not_an_organisation()
    {
        var analysis = Analyzer.Analyze(null, "Leading China-watcher, and founder of the CGA consultancy Jeanne-Marie Gescher, agreed that the time was ripe.");

        Assert.Contains(analysis.Entities, e => e.Kind == AnalysedKind.Person && e.Name == "Jeanne-Marie Gescher");
    }

    [Theory]
    [InlineData("The US Secretary of Energy Spencer Abraham confirmed that the machine had reached the speed.", "Spencer Abraham", AnalysedKind.Person)]
    [InlineData("In the last few months handsets from NEC, Fujitsu and Mitsubishi have been released.", "Fujitsu", AnalysedKind.Organisation)]
    [InlineData("Roxy Music will appear at June's Isle of Wight music festival, along with Morrissey.", "Isle of Wight", AnalysedKind.Place)]
    public void Office_holders_firms_listed_with_firms_and_isles_get_their_kind(string text, string name, AnalysedKind kind)
    {
        var analysis = Analyzer.Analyze(null, text);

        Assert.Contains(analysis.Entities, e => e.Kind == kind && e.Name == name);
        Assert.DoesNotContain(analysis.Entities, e => e.Name.Contains(name, StringComparison.Ordinal) && e.Kind != kind);
    }

    [Fact]
    public void A_god_a_bands_music_and_a_tv_format_after_a_name_are_read_as_news_names()
    {
        var analysis = Analyzer.Analyze(null, "\"I just thank God that no-one got injured,\" Osbourne said. Roxy Music will play in June. "
                                              + "The ruling covers profits from Marvel TV and movie productions.");

        Assert.DoesNotContain(analysis.Entities, e => e.Name == "God");
        var times = Analyzer.Analyze(null, "The show is a new female superhero for the 21st Century, sold on the Internet.");
        Assert.DoesNotContain(times.Names, n => n.Name is "21st Century" or "Internet");
        Assert.Contains(analysis.Entities, e => e.Kind == AnalysedKind.Organisation && e.Name == "Roxy Music");
        Assert.Contains(analysis.Entities, e => e.Kind == AnalysedKind.Organisation && e.Name == "Marvel");
        Assert.DoesNotContain(analysis.Entities, e => e.Name == "Marvel TV");
    }

    [Theory]
    [InlineData("He made the comments at a meeting during last September's Hartlepool by-election campaign.", "Hartlepool", AnalysedKind.Place)]
    [InlineData("The film was bought by Miramax Films for the US market.", "Miramax Films", AnalysedKind.Organisation)]
    public void A_seat_s_town_is_a_place_and_films_head_a_studio(string text, string name, AnalysedKind kind)
    {
        var analysis = Analyzer.Analyze(null, text);

        Assert.Contains(analysis.Entities, e => e.Kind == kind && e.Name == name);
    }

    [Fact]
    public void A_compound_adjective_names_what_its_first_part_names()
    {
        var analysis = Analyzer.Analyze(null, "Munich-based research institute Ifo said confidence rose. The Yugoslavian-born player joined a NEC-backed project "
                                              + "with UK-based firms and the US-led coalition.");

        Assert.Contains(analysis.Entities, e => e.Kind == AnalysedKind.Place && e.Name == "Munich");
        Assert.Contains(analysis.Entities, e => e.Kind == AnalysedKind.Place && e.Name == "United Kingdom");
        Assert.DoesNotContain(analysis.Names, n => n.Name.EndsWith("-based", StringComparison.Ordinal) || n.Name.EndsWith("-born", StringComparison.Ordinal)
                                                   || n.Name.EndsWith("-backed", StringComparison.Ordinal) || n.Name.EndsWith("-led", StringComparison.Ordinal));
        Assert.DoesNotContain(analysis.Entities, e => e.Name.EndsWith("-based", StringComparison.Ordinal) || e.Name.EndsWith("-backed", StringComparison.Ordinal));

        var award = Analyzer.Analyze(null, "Bratman proposed to Grammy-winning singer Aguilera on holiday, and the Oscar-nominated film opened in Europe-wide release.");
        Assert.DoesNotContain(award.Names, n => n.Name.EndsWith("-winning", StringComparison.Ordinal) || n.Name.EndsWith("-nominated", StringComparison.Ordinal));
        Assert.DoesNotContain(award.Entities, e => e.Name.EndsWith("-wide", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broadcasters_programme_named_after_its_presenter_is_a_work()
    {
        var analysis = Analyzer.Analyze(null, "Mr Clarke told BBC One's Breakfast with Frost: \"I'm not organising a campaign.\" He told Sky News' Sunday with Adam Boulton the same. "
                                              + "Frost said nothing.");

        Assert.Contains(analysis.Names, n => n.Name == "Breakfast with Frost");
        Assert.Contains(analysis.Names, n => n.Name == "Sunday with Adam Boulton");
        Assert.DoesNotContain(analysis.Entities, e => e.Name == "Adam Boulton");

        var talks = Analyzer.Analyze("Blair's Talks with Bush Go Well", "Tony Blair met George Bush in Washington on Friday.");
        Assert.DoesNotContain(talks.Names, n => n.Name.Contains("with Bush", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The record is held by the Dreamworks hit Shrek, the studio said.", "Dreamworks hit Shrek")]
    [InlineData("He was filmed for the BBC documentary Secret Agent last year.", "BBC documentary Secret Agent")]
    [InlineData("The group's big names include Malibu rum and Courvoisier brandy.", "Courvoisier brandy")]
    public void A_lower_case_common_noun_inside_a_name_ends_it(string text, string joined)
    {
        var analysis = Analyzer.Analyze(null, text);

        Assert.DoesNotContain(analysis.Entities, e => e.Name == joined);
        Assert.DoesNotContain(analysis.Names, n => n.Name == joined);
    }

    [Fact]
    public void A_bank_named_with_a_lower_case_bank_keeps_it()
    {
        var analysis = Analyzer.Analyze(null, "\"I am surprised,\" said DZ bank economist Bernd Weidensteiner.");

        Assert.DoesNotContain(analysis.Entities, e => e.Name == "DZ");
    }

    [Fact]
    public void A_name_a_person_owns_where_works_are_written_of_is_a_work_unless_a_word_makes_it_a_body()
    {
        var analysis = Analyzer.Analyze(null, "The film won four Oscars. Clint Eastwood beat Martin Scorsese's The Aviator to the top award, "
                                              + "and Giuseppe Verdi's La Traviata opened the opera season. Aung San Suu Kyi's National League for Democracy welcomed the film.");

        Assert.Contains(analysis.Names, n => n.Name.EndsWith("Aviator", StringComparison.Ordinal));
        Assert.Contains(analysis.Names, n => n.Name == "La Traviata");
        Assert.DoesNotContain(analysis.Entities, e => e.Name.EndsWith("Aviator", StringComparison.Ordinal) || e.Name == "La Traviata");
        Assert.Contains(analysis.Entities, e => e.Kind == AnalysedKind.Organisation && e.Name == "National League for Democracy");
    }

    [Theory]
    [InlineData("DJ Norman Cook - aka Fatboy Slim - has said that dance music is not dead. Fatboy Slim will play Brighton again.", "Norman Cook", "Fatboy Slim")]
    [InlineData("Rapper Marshall Mathers, better known as Eminem, topped the chart. Eminem said he was delighted.", "Marshall Mathers", "Eminem")]
    public void A_second_name_the_text_gives_with_aka_is_the_same_person(string text, string name, string alias)
    {
        var analysis = Analyzer.Analyze(null, text);

        var person = Single(analysis, AnalysedKind.Person, name);
        Assert.Contains(alias, person.Aliases.Keys);
        Assert.DoesNotContain(analysis.Entities, e => e.Name == alias);
    }

    [Fact]
    public void Country_variants_are_one_place_and_nationality_adjectives_are_not_places()
    {
        var analysis = Analyzer.Analyze(null, "U.S. officials flew to Rome. The US said America and the United States stood with Israel. An Israeli official agreed.");

        var place = Single(analysis, AnalysedKind.Place, "United States");
        Assert.Equal(4, place.Mentions.Count);
        Assert.Equal(["America", "U.S.", "US"], place.Aliases.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(analysis.Entities, e => e.Name == "Israeli");
        Assert.Single(Single(analysis, AnalysedKind.Place, "Israel").Mentions);
    }

    [Fact]
    public void People_who_share_a_surname_stay_apart_and_the_surname_goes_to_the_nearest()
    {
        var analysis = Analyzer.Analyze(null,
            "Blinken met Israeli President Isaac Herzog in Tel Aviv. Herzog thanked him. " +
            "Later, Israeli Ambassador Michael Herzog briefed reporters in Washington.");

        var president = Single(analysis, AnalysedKind.Person, "Isaac Herzog");
        var ambassador = Single(analysis, AnalysedKind.Person, "Michael Herzog");
        Assert.Equal(2, president.Mentions.Count);
        Assert.Single(ambassador.Mentions);
        Assert.Contains("nearest full mention", president.Mentions[1].Reason);
        Assert.Equal("President", president.Roles.Single().Title);
        Assert.Equal("Ambassador", ambassador.Roles.Single().Title);
    }

    [Fact]
    public void A_headline_of_surnames_is_read_as_a_list_of_people()
    {
        var analysis = Analyzer.Analyze("Blinken Lapid meet in Rome", "U.S. Secretary of State Antony Blinken and Israeli Foreign Minister Yair Lapid met in Rome.");

        Assert.Equal(2, Single(analysis, AnalysedKind.Person, "Antony Blinken").Mentions.Count);
        Assert.Equal(2, Single(analysis, AnalysedKind.Person, "Yair Lapid").Mentions.Count);
        Assert.DoesNotContain(analysis.Entities, e => e.Name == "Blinken Lapid");
        Assert.Equal(analysis.BodyOffset, "Blinken Lapid meet in Rome\n\n".Length);
    }

    [Fact]
    public void Honorifics_are_not_part_of_names()
    {
        var analysis = Analyzer.Analyze(null, "Bill Gates founded Microsoft. Mr Gates said on Tuesday that he was pleased.");

        var gates = Single(analysis, AnalysedKind.Person, "Bill Gates");
        Assert.Equal(["Bill Gates", "Gates"], gates.Mentions.Select(m => m.Surface));
    }

    [Fact]
    public void The_main_actors_come_first_by_salience()
    {
        var analysis = Analyzer.Analyze("Blinken visits Cairo",
            "Antony Blinken arrived in Cairo on Tuesday. Blinken met officials. Later, Blinken spoke to reporters about Sudan.");

        Assert.Equal("Antony Blinken", analysis.Entities[0].Name);
        Assert.True(analysis.Entities[0].Salience > analysis.Entities.Single(e => e.Name == "Sudan").Salience);
        Assert.All(analysis.Entities, e => Assert.InRange(e.Salience, 0, 1));
    }

    [Fact]
    public void The_report_lists_entities_and_every_recognised_name()
    {
        var analysis = Analyzer.Analyze(null, "Israeli Foreign Minister Yair Lapid met Antony Blinken in Rome.");
        var report = AnalysisReport.From(analysis, Analyzer.Recognizer.Version, Analyzer.PipelineVersion);

        Assert.Equal(Analyzer.PipelineVersion, report.PipelineVersion);
        Assert.Contains(report.Entities, e => e.Kind == "person" && e.Name == "Yair Lapid" && e.Roles.Single().Text == "Israeli Foreign Minister Yair Lapid");
        Assert.Contains(report.Names, n => n.Type == "MISC" && n.Text == "Israeli");
    }

    [Fact]
    public void In_a_team_sport_report_a_country_is_the_team_and_so_is_a_country_listed_with_teams()
    {
        const string text = "England given tough rugby draw\n\nEngland will play Samoa and Argentina in the pool, the rugby squad's coach said. "
                            + "England won the first game of the season but then lost the final, losing to Argentina in the semi-finals. "
                            + "The captain and the team scored tries in every match, and the fans saw a win and a draw.\n\n"
                            + "Pool A: New Zealand (1), Scotland (8), Tonga, Ireland, Korea, USA.\n\nThe squad flew to Uruguay on Monday.";
        var analysis = Analyzer.Analyze(null, text);

        Assert.Equal(2, Single(analysis, AnalysedKind.Organisation, "Argentina").Mentions.Count);
        Assert.Contains(analysis.Entities, e => e.Kind == AnalysedKind.Organisation && e.Name == "Tonga");
        Assert.Contains(analysis.Entities, e => e.Kind == AnalysedKind.Organisation && e.Name == "Korea");
        Assert.DoesNotContain(analysis.Entities, e => e.Kind == AnalysedKind.Person && e.Name.Contains("Korea", StringComparison.Ordinal));
        // Written as a place ("flew to Uruguay"), the country stays one.
        Assert.Contains(analysis.Entities, e => e.Kind == AnalysedKind.Place && e.Name == "Uruguay");
    }

    [Theory]
    [InlineData("Chinese Taipei", "Taiwan")]
    [InlineData("Korea", "South Korea")]
    [InlineData("Burma", "Myanmar")]
    [InlineData("Fiji", "Fiji")]
    public void Small_states_and_their_sporting_names_are_states(string name, string canonical)
    {
        Assert.True(PlaceNames.IsState(name));
        Assert.Equal(canonical, PlaceNames.Canonical(name));
    }
}
