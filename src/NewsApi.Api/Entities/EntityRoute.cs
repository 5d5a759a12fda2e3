using NewsApi.Data.Entities;

namespace NewsApi.Api.Entities;

/// <summary>An entity kind as the API names it: route prefix, OpenAPI tag, singular (for operation ids) and noun (for texts).</summary>
public sealed record EntityRoute(string Prefix, EntityKind Kind, string Tag, string Singular, string Noun)
{
    public static readonly EntityRoute People = new("/people", EntityKind.Person, "People", "Person", "person");

    public static readonly EntityRoute Organisations = new("/organisations", EntityKind.Organisation, "Organisations", "Organisation", "organisation");

    public static readonly EntityRoute Places = new("/places", EntityKind.Place, "Places", "Place", "place");

    public static IReadOnlyList<EntityRoute> All { get; } = [People, Organisations, Places];

    /// <summary>The route of a kind.</summary>
    public static EntityRoute Of(EntityKind kind) => kind switch
    {
        EntityKind.Person => People,
        EntityKind.Organisation => Organisations,
        _ => Places,
    };

    /// <summary>The noun with its indefinite article: "a person", "an organisation".</summary>
    public string WithArticle => $"{("aeiou".Contains(Noun[0], StringComparison.Ordinal) ? "an" : "a")} {Noun}";
}
