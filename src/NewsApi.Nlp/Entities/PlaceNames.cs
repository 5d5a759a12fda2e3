namespace NewsApi.Nlp.Entities;

/// <summary>
/// Country name variants and demonyms as news writes them (general knowledge written here, not a copy of any
/// data set): "U.S.", "US", "America" and "United States" are one place; "Israeli" points to Israel.
/// </summary>
public static class PlaceNames
{
    private static readonly (string Canonical, string[] Variants, string[] Demonyms)[] Countries =
    [
        ("United States", ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America", "the United States", "the U.S.", "the US"], ["American", "Americans", "U.S.", "US"]),
        ("United Kingdom", ["UK", "U.K.", "Britain", "Great Britain", "the UK", "the United Kingdom"], ["British", "Briton", "Britons"]),
        ("Israel", ["State of Israel"], ["Israeli", "Israelis"]),
        ("Palestine", ["State of Palestine", "Palestinian territories", "occupied Palestinian territories"], ["Palestinian", "Palestinians"]),
        ("Egypt", [], ["Egyptian", "Egyptians"]),
        ("Jordan", [], ["Jordanian", "Jordanians"]),
        ("Lebanon", [], ["Lebanese"]),
        ("Syria", [], ["Syrian", "Syrians"]),
        ("Iraq", [], ["Iraqi", "Iraqis"]),
        ("Iran", ["Islamic Republic of Iran"], ["Iranian", "Iranians"]),
        ("Saudi Arabia", ["Kingdom of Saudi Arabia"], ["Saudi", "Saudis"]),
        ("Qatar", [], ["Qatari", "Qataris"]),
        ("United Arab Emirates", ["UAE", "U.A.E.", "Emirates"], ["Emirati", "Emiratis"]),
        ("Kuwait", [], ["Kuwaiti", "Kuwaitis"]),
        ("Bahrain", [], ["Bahraini", "Bahrainis"]),
        ("Oman", [], ["Omani", "Omanis"]),
        ("Yemen", [], ["Yemeni", "Yemenis"]),
        ("Turkey", ["Türkiye", "Turkiye"], ["Turkish", "Turk", "Turks"]),
        ("Russia", ["Russian Federation"], ["Russian", "Russians"]),
        ("Ukraine", [], ["Ukrainian", "Ukrainians"]),
        ("China", ["People's Republic of China", "PRC", "mainland China"], ["Chinese"]),
        ("Taiwan", ["Chinese Taipei"], ["Taiwanese"]),
        ("Japan", [], ["Japanese"]),
        ("South Korea", ["Republic of Korea", "Korea"], ["South Korean", "South Koreans"]),
        ("North Korea", ["DPRK", "Democratic People's Republic of Korea"], ["North Korean", "North Koreans"]),
        ("India", [], ["Indian", "Indians"]),
        ("Pakistan", [], ["Pakistani", "Pakistanis"]),
        ("Afghanistan", [], ["Afghan", "Afghans"]),
        ("Bangladesh", [], ["Bangladeshi", "Bangladeshis"]),
        ("Sri Lanka", [], ["Sri Lankan", "Sri Lankans"]),
        ("Indonesia", [], ["Indonesian", "Indonesians"]),
        ("Malaysia", [], ["Malaysian", "Malaysians"]),
        ("Philippines", ["the Philippines"], ["Filipino", "Filipinos", "Philippine"]),
        ("Vietnam", ["Viet Nam"], ["Vietnamese"]),
        ("Thailand", [], ["Thai", "Thais"]),
        ("Australia", [], ["Australian", "Australians"]),
        ("New Zealand", [], ["New Zealander", "New Zealanders"]),
        ("Canada", [], ["Canadian", "Canadians"]),
        ("Mexico", [], ["Mexican", "Mexicans"]),
        ("Brazil", [], ["Brazilian", "Brazilians"]),
        ("Argentina", [], ["Argentine", "Argentinian", "Argentines", "Argentinians"]),
        ("Chile", [], ["Chilean", "Chileans"]),
        ("Colombia", [], ["Colombian", "Colombians"]),
        ("Venezuela", [], ["Venezuelan", "Venezuelans"]),
        ("Peru", [], ["Peruvian", "Peruvians"]),
        ("Cuba", [], ["Cuban", "Cubans"]),
        ("France", [], ["French"]),
        ("Germany", [], ["German", "Germans"]),
        ("Italy", [], ["Italian", "Italians"]),
        ("Spain", [], ["Spanish", "Spaniard", "Spaniards"]),
        ("Portugal", [], ["Portuguese"]),
        ("Netherlands", ["the Netherlands", "Holland"], ["Dutch"]),
        ("Belgium", [], ["Belgian", "Belgians"]),
        ("Switzerland", [], ["Swiss"]),
        ("Austria", [], ["Austrian", "Austrians"]),
        ("Ireland", ["Republic of Ireland"], ["Irish"]),
        ("Sweden", [], ["Swedish", "Swede", "Swedes"]),
        ("Norway", [], ["Norwegian", "Norwegians"]),
        ("Denmark", [], ["Danish", "Dane", "Danes"]),
        ("Finland", [], ["Finnish", "Finn", "Finns"]),
        ("Poland", [], ["Polish", "Pole", "Poles"]),
        ("Czech Republic", ["Czechia"], ["Czech", "Czechs"]),
        ("Hungary", [], ["Hungarian", "Hungarians"]),
        ("Romania", [], ["Romanian", "Romanians"]),
        ("Bulgaria", [], ["Bulgarian", "Bulgarians"]),
        ("Greece", [], ["Greek", "Greeks"]),
        ("Cyprus", [], ["Cypriot", "Cypriots"]),
        ("Serbia", [], ["Serbian", "Serb", "Serbs"]),
        ("Croatia", [], ["Croatian", "Croat", "Croats"]),
        ("Belarus", [], ["Belarusian", "Belarusians"]),
        ("Georgia", [], ["Georgian", "Georgians"]),
        ("Armenia", [], ["Armenian", "Armenians"]),
        ("Azerbaijan", [], ["Azerbaijani", "Azerbaijanis", "Azeri"]),
        ("Kazakhstan", [], ["Kazakh", "Kazakhs"]),
        ("South Africa", [], ["South African", "South Africans"]),
        ("Nigeria", [], ["Nigerian", "Nigerians"]),
        ("Kenya", [], ["Kenyan", "Kenyans"]),
        ("Ethiopia", [], ["Ethiopian", "Ethiopians"]),
        ("Sudan", [], ["Sudanese"]),
        ("Libya", [], ["Libyan", "Libyans"]),
        ("Tunisia", [], ["Tunisian", "Tunisians"]),
        ("Algeria", [], ["Algerian", "Algerians"]),
        ("Morocco", [], ["Moroccan", "Moroccans"]),
        ("Somalia", [], ["Somali", "Somalis"]),
        ("Ghana", [], ["Ghanaian", "Ghanaians"]),
        ("Zimbabwe", [], ["Zimbabwean", "Zimbabweans"]),
        ("Uganda", [], ["Ugandan", "Ugandans"]),
        ("Tanzania", [], ["Tanzanian", "Tanzanians"]),
        ("Uruguay", [], ["Uruguayan", "Uruguayans"]),
        ("Paraguay", [], ["Paraguayan", "Paraguayans"]),
        ("Bolivia", [], ["Bolivian", "Bolivians"]),
        ("Ecuador", [], ["Ecuadorian", "Ecuadorians"]),
        ("Costa Rica", [], ["Costa Rican", "Costa Ricans"]),
        ("Panama", [], ["Panamanian", "Panamanians"]),
        ("Guatemala", [], ["Guatemalan", "Guatemalans"]),
        ("Honduras", [], ["Honduran", "Hondurans"]),
        ("El Salvador", [], ["Salvadoran", "Salvadorans"]),
        ("Nicaragua", [], ["Nicaraguan", "Nicaraguans"]),
        ("Haiti", [], ["Haitian", "Haitians"]),
        ("Dominican Republic", [], ["Dominican", "Dominicans"]),
        ("Jamaica", [], ["Jamaican", "Jamaicans"]),
        ("Trinidad and Tobago", ["Trinidad"], ["Trinidadian", "Trinidadians"]),
        ("Barbados", [], ["Barbadian", "Barbadians"]),
        ("Fiji", [], ["Fijian", "Fijians"]),
        ("Samoa", [], ["Samoan", "Samoans"]),
        ("Tonga", [], ["Tongan", "Tongans"]),
        ("Papua New Guinea", [], []),
        ("Singapore", [], ["Singaporean", "Singaporeans"]),
        ("Myanmar", ["Burma"], ["Burmese"]),
        ("Cambodia", [], ["Cambodian", "Cambodians"]),
        ("Laos", [], ["Laotian", "Laotians"]),
        ("Nepal", [], ["Nepalese", "Nepali"]),
        ("Mongolia", [], ["Mongolian", "Mongolians"]),
        ("Uzbekistan", [], ["Uzbek", "Uzbeks"]),
        ("Turkmenistan", [], ["Turkmen"]),
        ("Kyrgyzstan", [], ["Kyrgyz"]),
        ("Tajikistan", [], ["Tajik", "Tajiks"]),
        ("Iceland", [], ["Icelandic", "Icelander", "Icelanders"]),
        ("Luxembourg", [], []),
        ("Malta", [], ["Maltese"]),
        ("Slovakia", [], ["Slovak", "Slovaks"]),
        ("Slovenia", [], ["Slovenian", "Slovenians"]),
        ("Bosnia and Herzegovina", ["Bosnia"], ["Bosnian", "Bosnians"]),
        ("Montenegro", [], ["Montenegrin"]),
        ("Albania", [], ["Albanian", "Albanians"]),
        ("North Macedonia", ["Macedonia"], ["Macedonian", "Macedonians"]),
        ("Moldova", [], ["Moldovan", "Moldovans"]),
        ("Lithuania", [], ["Lithuanian", "Lithuanians"]),
        ("Latvia", [], ["Latvian", "Latvians"]),
        ("Estonia", [], ["Estonian", "Estonians"]),
        ("Kosovo", [], ["Kosovan", "Kosovans"]),
        ("Angola", [], ["Angolan", "Angolans"]),
        ("Cameroon", [], ["Cameroonian", "Cameroonians"]),
        ("Senegal", [], ["Senegalese"]),
        ("Ivory Coast", ["Cote d'Ivoire"], ["Ivorian", "Ivorians"]),
        ("Mali", [], ["Malian", "Malians"]),
        ("Niger", [], ["Nigerien", "Nigeriens"]),
        ("Zambia", [], ["Zambian", "Zambians"]),
        ("Mozambique", [], ["Mozambican", "Mozambicans"]),
        ("Namibia", [], ["Namibian", "Namibians"]),
        ("Botswana", [], ["Botswanan"]),
        ("Rwanda", [], ["Rwandan", "Rwandans"]),
        ("Burundi", [], ["Burundian", "Burundians"]),
        ("Democratic Republic of Congo", ["DR Congo", "DRC", "Democratic Republic of the Congo"], ["Congolese"]),
        ("Eritrea", [], ["Eritrean", "Eritreans"]),
        ("South Sudan", [], ["South Sudanese"]),
        ("Malawi", [], ["Malawian", "Malawians"]),
        ("Madagascar", [], ["Malagasy"]),
        ("Mauritania", [], ["Mauritanian", "Mauritanians"]),
        ("Sierra Leone", [], ["Sierra Leonean", "Sierra Leoneans"]),
        ("Liberia", [], ["Liberian", "Liberians"]),
        ("Togo", [], ["Togolese"]),
        ("Benin", [], ["Beninese"]),
        ("Burkina Faso", [], []),
        ("Gabon", [], ["Gabonese"]),
        ("Djibouti", [], []),
        ("Mauritius", [], ["Mauritian", "Mauritians"]),
        ("Brunei", [], []),
        ("Maldives", ["the Maldives"], []),
        ("Bhutan", [], []),
        ("East Timor", ["Timor-Leste"], ["East Timorese"]),
        ("Vatican", ["Vatican City", "the Vatican", "Holy See"], []),
        ("Monaco", [], []),
        ("Liechtenstein", [], []),
        ("Andorra", [], []),
        ("San Marino", [], []),
        ("Northern Ireland", [], []),
        ("Scotland", [], ["Scottish", "Scot", "Scots"]),
        ("Wales", [], ["Welsh"]),
        ("England", [], ["English"]),
        ("Europe", [], ["European", "Europeans"]),
        ("Africa", [], ["African", "Africans"]),
        ("Asia", [], ["Asian", "Asians"]),
        ("Middle East", ["Mideast", "the Middle East"], []),
        ("Gaza Strip", ["the Gaza Strip"], ["Gazan", "Gazans"]),
        ("West Bank", ["the West Bank"], []),
    ];

    private static readonly Dictionary<string, string> CanonicalByVariant = BuildVariants();
    private static readonly Dictionary<string, string> CountryByDemonym = BuildDemonyms();

    /// <summary>The canonical name of a place ("U.S." → "United States"); other names are returned tidied.</summary>
    public static string Canonical(string name)
    {
        var key = Key(name);
        return CanonicalByVariant.TryGetValue(key, out var canonical) ? canonical : name.Trim();
    }

    /// <summary>The country a demonym or nationality adjective names ("Israeli" → "Israel"), or null.</summary>
    public static string? CountryOfDemonym(string word) => CountryByDemonym.GetValueOrDefault(Key(word));

    public static bool IsKnownCountryVariant(string name) => CanonicalByVariant.ContainsKey(Key(name));

    /// <summary>Regions and continents of the list: places, never states that act.</summary>
    private static readonly HashSet<string> Regions = new(StringComparer.Ordinal) { "Europe", "Africa", "Asia", "Middle East", "West Bank", "Gaza Strip" };

    /// <summary>
    /// A country (or nation, such as Scotland) that can act as a state ("France vetoed the plan", "England beat
    /// Wales"); cities and regions cannot ("Beijing visits the region" is no visit by a state).
    /// </summary>
    public static bool IsState(string name) => CanonicalByVariant.TryGetValue(Key(name), out var canonical) && !Regions.Contains(canonical);

    private static string Key(string name) => name.Trim().Replace("’", "'", StringComparison.Ordinal).ToLowerInvariant();

    private static Dictionary<string, string> BuildVariants()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (canonical, variants, _) in Countries)
        {
            map[Key(canonical)] = canonical;
            foreach (var variant in variants)
            {
                map[Key(variant)] = canonical;
            }
        }

        return map;
    }

    private static Dictionary<string, string> BuildDemonyms()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (canonical, _, demonyms) in Countries)
        {
            foreach (var demonym in demonyms)
            {
                map.TryAdd(Key(demonym), canonical);
            }
        }

        return map;
    }
}
