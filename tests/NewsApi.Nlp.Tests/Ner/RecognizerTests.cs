using NewsApi.Nlp.Ner;

namespace NewsApi.Nlp.Tests.Ner;

/// <summary>The committed model on hand-written sentences (not from any corpus) and on the seed articles.</summary>
public class RecognizerTests
{
    private static EntityRecognizer Recognizer => EntityRecognizer.Default;

    private static List<(EntityType, string)> Entities(string text) =>
        Recognizer.Analyze(text).Entities.Select(e => (e.Type, e.Text)).ToList();

    // How fast the model loads is measured in tests/NewsApi.Benchmarks (NerBenchmarks), not asserted here.
    [Fact]
    public void The_committed_model_loads_with_a_version()
    {
        var model = NerModel.Load(EntityRecognizer.DefaultModelPath);

        Assert.StartsWith("newsapi-ner-", model.Version);
        Assert.Contains("dev F1", model.Description);
        Assert.True(new FileInfo(EntityRecognizer.DefaultModelPath).Length < 25 * 1024 * 1024);
    }

    [Fact]
    public void The_example_sentence_yields_the_expected_spans_with_offsets()
    {
        const string text = "U.S. Secretary of State Antony Blinken met Israeli Foreign Minister Yair Lapid in Rome.";
        var analysis = Recognizer.Analyze(text);

        Assert.Equal(
            [(EntityType.LOC, "U.S."), (EntityType.PER, "Antony Blinken"), (EntityType.MISC, "Israeli"), (EntityType.PER, "Yair Lapid"), (EntityType.LOC, "Rome")],
            analysis.Entities.Select(e => (e.Type, e.Text)));
        Assert.All(analysis.Entities, e => Assert.Equal(e.Text, text[e.Start..e.End]));
        Assert.All(analysis.Entities, e => Assert.InRange(e.Confidence, 0.5, 1.0));
        Assert.Single(analysis.Sentences);
    }

    [Theory]
    [InlineData("German Chancellor Olaf Scholz flew to Paris on Tuesday for talks with Emmanuel Macron.", "MISC German|PER Olaf Scholz|LOC Paris|PER Emmanuel Macron")]
    [InlineData("The World Health Organization warned that the outbreak in Kenya could spread to Uganda.", "ORG World Health Organization|LOC Kenya|LOC Uganda")]
    [InlineData("Manchester United manager Erik ten Hag said Marcus Rashford would miss the game.", "ORG Manchester United|PER Erik ten Hag|PER Marcus Rashford")]
    [InlineData("Shares in Siemens rose 3% in Frankfurt after the company said it would cut 5,000 jobs.", "ORG Siemens|LOC Frankfurt")]
    [InlineData("George W Bush will display a more consensual approach, Tony Blair has said.", "PER George W Bush|PER Tony Blair")]
    public void Hand_written_news_sentences_are_tagged(string text, string expected)
    {
        Assert.Equal(expected, string.Join('|', Entities(text).Select(e => $"{e.Item1} {e.Item2}")));
    }

    [Fact]
    public void An_institution_named_for_the_place_it_serves_is_one_organisation()
    {
        var entities = Entities("The US Court of Appeals for the District of Columbia ruled on Friday that the case could not go on.");

        Assert.Contains(entities, e => e.Item1 == EntityType.ORG && e.Item2.EndsWith("Court of Appeals for the District of Columbia", StringComparison.Ordinal));
        Assert.DoesNotContain(entities, e => e.Item2 == "District of Columbia");
    }

    [Fact]
    public void A_currency_after_an_amount_and_a_headlines_adjective_before_a_surname_are_no_names()
    {
        var paid = Entities("Gerard Jugnot made 5.45m Euros last year, and Gerard Depardieu made 3.35m Euros.");
        Assert.DoesNotContain(paid, e => e.Item2 == "Euros");

        var headline = Entities("Faultless Federer has no equal\n\nRoger Federer won the title in Dubai on Sunday without dropping a set.");
        Assert.Contains((EntityType.PER, "Federer"), headline);
        Assert.DoesNotContain(headline, e => e.Item2 == "Faultless Federer");
    }

    [Theory]
    [InlineData("The MP told BBC Radio 4 that the plan was wrong.", "BBC Radio 4")]
    [InlineData("He told BBC Radio Five Live: \"We were beaten.\"", "BBC Radio Five Live")]
    [InlineData("She said on BBC Radio Wales that the vote was close.", "BBC Radio Wales")]
    [InlineData("The drama is part of Channel Four's winter season.", "Channel Four")]
    public void A_broadcasters_station_or_website_is_part_of_its_name(string text, string name)
    {
        var entities = Entities(text);

        Assert.Contains(entities, e => e.Item1 == EntityType.ORG && e.Item2 == name);
        Assert.DoesNotContain(entities, e => e.Item1 == EntityType.LOC && e.Item2 == "Wales");
    }

    [Theory]
    [InlineData("The film earned $40m in its first week. Godzilla star Jean Reno said the sequel would be shot in Paris.", "Godzilla", true)]
    [InlineData("Spider-Man creator Stan Lee is to get a share of the profits from the films.", "Spider-Man", true)]
    [InlineData("Chelsea star Frank Lampard scored twice as the league leaders won again.", "Chelsea", false)]
    [InlineData("Burt Reynolds was his co-star in the TV comedy Evening Shade, which ran for four years.", "Evening Shade", true)]
    public void A_name_a_person_created_or_starred_in_is_a_work(string text, string name, bool work)
    {
        var entities = Entities(text);

        Assert.Equal(work, entities.Any(e => e.Item1 == EntityType.MISC && e.Item2 == name));
        Assert.Equal(!work, entities.Any(e => e.Item1 == EntityType.ORG && e.Item2 == name));
    }

    [Theory]
    [InlineData("FYI, the IPO documents are attached, send them back to Karen ASAP.", "Karen")]
    [InlineData("The food at Luigi's was Sooooo good and VERYYYY cheap.", "Luigi's")]
    public void Chat_acronyms_and_stretched_words_are_no_names(string text, string name)
    {
        var entities = Entities(text);

        Assert.DoesNotContain(entities, e => e.Item2 is "FYI" or "IPO" or "ASAP" or "Sooooo" or "VERYYYY");
        Assert.Contains(entities, e => e.Item2 == name);
    }

    [Theory]
    [InlineData("Zentrix is working on a new version of Photon Navigator and on its next system, code-named Bluefin.", "Photon Navigator")]
    [InlineData("Zentrix is working on a new version of Photon Navigator and on its next system, code-named Bluefin.", "Bluefin")]
    [InlineData("The firm will replace counterfeit copies of Office Suite with legal ones.", "Office Suite")]
    public void A_version_of_a_product_or_a_code_name_is_no_organisation(string text, string product)
    {
        Assert.DoesNotContain(Entities(text), e => e.Item2 == product && e.Item1 is EntityType.ORG or EntityType.LOC or EntityType.PER);
    }

    [Fact]
    public void A_lower_case_verb_before_a_name_is_no_part_of_it()
    {
        var entities = Entities("Composer recreates Bach score\n\nThe US composer played the score in Leipzig on Monday.");

        Assert.DoesNotContain(entities, e => e.Item2.StartsWith("recreates", StringComparison.Ordinal));
        Assert.Contains(entities, e => e.Item2 == "Bach");
    }

    [Fact]
    public void One_name_is_one_type_across_a_document()
    {
        var entities = Entities("President Joe Biden spoke on Monday. The Biden administration later said the talks would resume.");

        Assert.Contains((EntityType.PER, "Joe Biden"), entities);
        Assert.Contains((EntityType.PER, "Biden"), entities);
    }

    [Fact]
    public void Name_particles_stay_in_names_and_sentence_openers_stay_out()
    {
        Assert.Contains((EntityType.PER, "Abdel Fattah al-Sisi"), Entities("Blinken will meet Egyptian President Abdel Fattah al-Sisi in Cairo."));
        Assert.Contains((EntityType.PER, "Bennett"), Entities("Naftali Bennett won. Even Bennett, a right-winger, has toned down his rhetoric."));
    }

    [Fact]
    public void A_name_the_document_writes_as_an_organisation_is_one_wherever_it_looks_like_a_person()
    {
        var company = Entities("Drugs group Eli Lilly is planning a campaign. Eli Lilly said on Monday that the claims were false. Lilly denied it.");
        Assert.DoesNotContain(company, e => e.Item1 == EntityType.PER && e.Item2 is "Eli Lilly" or "Lilly");
        Assert.Contains((EntityType.ORG, "Eli Lilly"), company);

        // The last word of a classed name that is a place stays a place.
        var airline = Entities("The airline Air France cut 500 jobs. Air France flies to 30 cities in France.");
        Assert.Contains((EntityType.LOC, "France"), airline);
        var workforce = Entities("Britain's workforce grew by 2% last year, figures for Britain showed.");
        Assert.Contains((EntityType.LOC, "Britain"), workforce);

        var owned = Entities("Marcus Webb's chairman resigned. Marcus Webb said its stores would stay open.");
        Assert.DoesNotContain(owned, e => e.Item1 == EntityType.PER && e.Item2 == "Marcus Webb");

        var listed = Entities("The show drew technology companies Dell, Samsung and Matsushita. Matsushita said sales rose. " +
                              "The marques Opel and Saab lost money. Opel said it would cut jobs.");
        Assert.DoesNotContain(listed, e => e.Item1 != EntityType.ORG && e.Item2 is "Matsushita" or "Opel" or "Saab");
        var suchAs = Entities("Consumer electronics companies such as Nokia, Sagem, Sony and Thomson are gearing up. GM's main European brands are Opel and Vauxhall. "
                              + "The tapes get their debut at Bonhams auction house on Saturday. Markets such as China and India grew.");
        Assert.DoesNotContain(suchAs, e => e.Item1 != EntityType.ORG && e.Item2 is "Thomson" or "Sagem" or "Opel" or "Vauxhall" or "Bonhams");
        Assert.Contains((EntityType.LOC, "China"), suchAs);
        var heads = Entities("Royal Bank of Scotland chief executive Fred Goodwin and former Vodafone boss Chris Gent were knighted. "
                             + "Seagram was bought by market leader Diageo. He cited the sale of Ukrainian steel producer Krivorizhstal.");
        Assert.DoesNotContain(heads, e => e.Item1 != EntityType.ORG && e.Item2 is "Vodafone" or "Diageo" or "Krivorizhstal");
        Assert.Contains((EntityType.PER, "Chris Gent"), heads);
        var unclosed = Entities("Shares in banks Barclays, Gordon Brown said, were a good buy.");
        Assert.Contains((EntityType.PER, "Gordon Brown"), unclosed);

        // What people have too (a spokesman, a chief of staff, shares, losses) and a film maker's name are no cue.
        var people = Entities("Tony Blair's spokesman denied it. Tony Blair's chief of staff said film maker Ken Loach had called. " +
                              "Rupert Murdoch's shares and heavy losses were discussed.");
        Assert.Contains((EntityType.PER, "Tony Blair"), people);
        Assert.Contains((EntityType.PER, "Ken Loach"), people);
        Assert.Contains((EntityType.PER, "Rupert Murdoch"), people);
    }

    [Fact]
    public void A_name_the_document_writes_as_a_work_or_product_is_no_organisation_person_or_place()
    {
        var product = Entities("Eli Lilly defended its product Zorvex on Monday. Doctors who prescribe Zorvex were told to carry on.");
        Assert.DoesNotContain(product, e => e.Item1 != EntityType.MISC && e.Item2 == "Zorvex");
        Assert.Contains(product, e => e.Item2 == "Zorvex");

        var films = Entities("The studio made effects for films such as Harbour Lights and Moon River. Harbour Lights took $20m.");
        Assert.DoesNotContain(films, e => e.Item1 != EntityType.MISC && e.Item2 is "Harbour Lights" or "Moon River");

        // After a demonstrative the noun is complete: the name starts a clause of its own.
        var clause = Entities("In this film Google and Amazon build a new world of media.");
        Assert.Contains(clause, e => e.Item1 == EntityType.ORG && e.Item2 == "Google");
    }

    [Fact]
    public void Analysis_is_thread_safe_and_deterministic()
    {
        var text = File.ReadAllText(TestData.Seed("004"));
        var expected = Recognizer.Analyze(text).Entities;

        var results = new List<EntityMention>[8];
        Parallel.For(0, results.Length, i => results[i] = [.. Recognizer.Analyze(text).Entities]);

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    public static TheoryData<string, string[], string[], string[]> SeedEntities => new()
    {
        {
            "000",
            ["Antony Blinken", "Yair Lapid", "Donald Trump", "Benjamin Netanyahu", "Joe Biden", "Naftali Bennett", "Ilan Goldenberg", "Michael Oren", "Reuven Rivlin", "Lapid", "Blinken", "Netanyahu", "Biden", "Bennett", "Trump"],
            ["Hamas", "Center for a New American Security", "Congress"],
            ["Rome", "Iran", "Florida", "Gaza", "Washington", "United States", "Tehran", "Vienna", "West Bank", "Jerusalem", "China"]
        },
        {
            "002",
            ["Joe Biden", "Naftali Bennett", "Benny Gantz", "Mahmoud Abbas", "Bennett", "Abbas", "Gantz"],
            ["Axios", "Palestinian Authority"],
            ["Jerusalem", "Gaza", "West Bank", "Rosh Ha’ayin", "Washington", "Egypt", "Jordan"]
        },
        {
            "003",
            ["Antony Blinken", "Joe Biden", "Abdel Fattah al-Sisi", "Benjamin Netanyahu", "Yoav Gallant", "Benny Gantz", "William Burns", "Blinken", "Gantz", "Netanyahu"],
            ["Hamas", "Hezbollah", "State Department", "CIA"],
            ["Egypt", "Israel", "Gaza Strip", "Lebanon", "Cairo", "Qatar", "Doha"]
        },
        {
            "004",
            ["Antony Blinken", "Benjamin Netanyahu", "Isaac Herzog", "Joe Biden", "Michael Herzog", "Blinken", "Herzog"],
            ["Hamas", "CNN"],
            ["Israel", "Rafah", "Gaza", "Tel Aviv", "Saudi Arabia", "Jordan", "Egypt", "Qatar", "Cairo"]
        },
    };

    [Theory]
    [MemberData(nameof(SeedEntities))]
    public void Seed_people_organisations_and_places_are_found_with_their_type(string seed, string[] people, string[] organisations, string[] places)
    {
        var entities = Entities(File.ReadAllText(TestData.Seed(seed))).ToHashSet();

        Assert.All(people, name => Assert.Contains((EntityType.PER, name), entities));
        Assert.All(organisations, name => Assert.Contains((EntityType.ORG, name), entities));
        Assert.All(places, name => Assert.Contains((EntityType.LOC, name), entities));
    }

    [Fact]
    public void Seeds_have_no_false_people()
    {
        var people = Directory.GetFiles(Path.Combine(TestData.RepositoryRoot, "data", "seeds"))
            .SelectMany(f => Entities(File.ReadAllText(f)))
            .Where(e => e.Item1 == EntityType.PER)
            .Select(e => e.Item2)
            .ToHashSet();

        foreach (var notAPerson in new[] { "Iron Dome", "Rafah", "Hamas", "Hezbollah", "Gaza", "Israel", "Abraham Accords", "CIA", "Axios", "Palestinian Authority" })
        {
            Assert.DoesNotContain(notAPerson, people);
        }
    }

    [Fact]
    public void A_name_after_an_honorific_is_a_person_without_the_honorific()
    {
        var entities = Entities("The plan was backed by Mr Vodafone and Dr Nokia last week.");

        Assert.Contains((EntityType.PER, "Nokia"), entities);
        Assert.Contains((EntityType.PER, "Vodafone"), entities);
        Assert.DoesNotContain(entities, e => e.Item2.StartsWith("Dr", StringComparison.Ordinal) || e.Item2.StartsWith("Mr", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("In 2002 she won a prize for the hit track Molly Brown with three other singers.", "Molly Brown")]
    [InlineData("Her songs include Molly Brown and Jenny Wren.", "Jenny Wren")]
    public void A_persons_name_closed_as_a_phrase_after_a_work_noun_is_a_work(string text, string work)
    {
        var entities = Entities(text);

        Assert.Contains((EntityType.MISC, work), entities);
        Assert.DoesNotContain(entities, e => e.Item1 == EntityType.PER);
    }

    [Fact]
    public void A_persons_name_opening_a_clause_after_a_work_noun_stays_a_person() =>
        Assert.Contains((EntityType.PER, "Tom Hanks"), Entities("In the film Tom Hanks plays a pilot who is stranded."));

    [Theory]
    [InlineData("It was said by Carly Fiorina, chief of technology giant Hewlett Packard, at the show.", true)]
    [InlineData("Two giant Texas plants were closed by the storm on Monday.", false)]
    public void A_name_after_an_industry_and_giant_is_an_organisation(string text, bool organisation)
    {
        var entities = Entities(text);

        Assert.Equal(organisation, entities.Contains((EntityType.ORG, "Hewlett Packard")));
        Assert.DoesNotContain(entities, e => e.Item1 == EntityType.ORG && e.Item2.Contains("Texas", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_with_a_chairman_is_no_place_unless_a_gazetteer_knows_it()
    {
        Assert.Contains((EntityType.ORG, "Metlife"), Entities("Robert Benmosche, Metlife's chairman and chief executive, said it was a great opportunity."));
        Assert.DoesNotContain(Entities("Britain's chairman of the games said the stadium was ready."), e => e.Item1 == EntityType.ORG && e.Item2 == "Britain");
    }

    [Fact]
    public void A_building_is_a_place_whatever_it_is_named_after() =>
        Assert.Contains(Entities("The ceremony will be held at the Kodak Theatre in Hollywood on Sunday."), e => e.Item1 == EntityType.LOC && e.Item2.EndsWith("Theatre", StringComparison.Ordinal));

    [Theory]
    [InlineData("Hollywood blockbuster The Aviator, starring Leonardo DiCaprio, leads the film awards with 14 nominations.", "Aviator")]
    [InlineData("Other nominees in the best actress category include Charlize Theron for Monster and Kate Winslet for the film Closer.", "Monster")]
    public void What_stars_someone_or_a_nominee_is_named_for_is_a_work(string text, string work)
    {
        var entities = Entities(text);

        Assert.Contains((EntityType.MISC, work), entities);
        Assert.DoesNotContain(entities, e => e.Item1 is EntityType.ORG or EntityType.LOC or EntityType.PER && e.Item2.Contains(work, StringComparison.Ordinal));
    }

    [Fact]
    public void A_given_name_and_a_surname_tagged_a_place_is_a_person()
    {
        var entities = Entities("Hollywood blockbuster The Aviator, starring Leonardo DiCaprio, leads the film awards with 14 nominations.");

        Assert.Contains((EntityType.PER, "Leonardo DiCaprio"), entities);
        Assert.Contains((EntityType.LOC, "Hollywood"), entities);
    }

    [Fact]
    public void A_law_is_no_organisation() =>
        Assert.DoesNotContain(Entities("Ms Jowell will set out her position when the Gambling Bill is debated in the Commons on Monday."), e => e.Item1 == EntityType.ORG && e.Item2.EndsWith("Bill", StringComparison.Ordinal));
}
