using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsApi.Nlp.Text;

namespace NewsApi.Nlp.Training.Evaluation;

/// <summary>One annotated article of data/annotations (offsets, types and names only; see data/annotations/GUIDELINES.md).</summary>
public sealed record ArticleAnnotation
{
    public required string File { get; init; }

    /// <summary>dev (used to write and tune rules) or test (held out: only for the final figures).</summary>
    public required string Split { get; init; }

    public required string Sha256 { get; init; }

    public IReadOnlyList<AnnotatedEntity> Entities { get; init; } = [];

    public IReadOnlyList<AnnotatedEvent> Events { get; init; } = [];

    public AnnotatedMainEvent? MainEvent { get; init; }

    public IReadOnlyList<AnnotatedDate> Dates { get; init; } = [];

    public IReadOnlyList<AnnotatedQuote> Quotes { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new SpanConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>The annotations of a folder, with each article's text read from <paramref name="corpus"/> and checked against its hash.</summary>
    public static IEnumerable<(ArticleAnnotation Annotation, string Text)> Load(string folder, string corpus)
    {
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var annotation = JsonSerializer.Deserialize<ArticleAnnotation>(System.IO.File.ReadAllText(path), Json)
                             ?? throw new InvalidDataException($"{path} is empty.");
            var bytes = System.IO.File.ReadAllBytes(Path.Combine(corpus, annotation.File));
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), annotation.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"{annotation.File} is not the file {Path.GetFileName(path)} annotates (its SHA-256 differs).");
            }

            if (!TextDecoder.TryDecode(bytes, out var decoded, out var rejection))
            {
                throw new InvalidDataException($"{annotation.File}: {rejection!.Reason}");
            }

            yield return (annotation, decoded.Text);
        }
    }

    /// <summary>Spans are written [start, end].</summary>
    private sealed class SpanConverter : JsonConverter<Span>
    {
        public override Span Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var values = JsonSerializer.Deserialize<int[]>(ref reader) ?? throw new JsonException("A span is [start, end].");
            return values.Length == 2 ? new Span(values[0], values[1]) : throw new JsonException("A span is [start, end].");
        }

        public override void Write(Utf8JsonWriter writer, Span value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, new[] { value.Start, value.End });
    }
}

/// <summary>A character span of the article text (end exclusive).</summary>
public readonly record struct Span(int Start, int End)
{
    public string Of(string text) => Start >= 0 && End <= text.Length && Start < End ? text[Start..End] : "";
}

public sealed record AnnotatedEntity(int Start, int End, string Type, string Name);

public sealed record AnnotatedEvent(string Type, Span Trigger, IReadOnlyList<Span>? Actors, IReadOnlyList<Span>? Patient, Span? Place, Span? Date)
{
    /// <summary>The part before the dot: "personnel" of "personnel.appoint"; "agreement" and "statement" stand alone.</summary>
    public string Class => Type.Split('.')[0];
}

public sealed record AnnotatedMainEvent(IReadOnlyList<Span>? Who, Span? What, Span? When, Span? Where, Span? Why, Span? How);

public sealed record AnnotatedDate(int Start, int End, string? Value);

public sealed record AnnotatedQuote(int Start, int End, string Kind, Span? Speaker, string? SpeakerName);
