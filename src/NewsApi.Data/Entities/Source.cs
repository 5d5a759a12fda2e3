namespace NewsApi.Data.Entities;

/// <summary>A publisher or news agency, by canonical name.</summary>
public class Source
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public List<Article> Articles { get; set; } = [];
}
