using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsApi.Nlp.Ner;
using NewsApi.Nlp.Normalisation;
using NewsApi.Nlp.Text;

namespace NewsApi.Cli;

public static class AnalyzeCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static int Run(Arguments args)
    {
        if (args.Positional.Count != 1)
        {
            throw new UsageException("analyze needs one text file.");
        }

        var bytes = File.ReadAllBytes(args.Positional[0]);
        if (!TextDecoder.TryDecode(bytes, out var decoded, out var rejection))
        {
            Console.Error.WriteLine(rejection!.Reason);
            return 1;
        }

        var article = ArticleNormalizer.Normalize(decoded.Text);
        var recognizer = new EntityRecognizer(NerCommands.LoadModel(args));
        var analysis = recognizer.Analyze(article.Title + "\n\n" + article.Body);
        if (args.Flag("json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                model = recognizer.Version,
                title = article.Title,
                tokens = analysis.Tokens.Count,
                sentences = analysis.Sentences.Count,
                entities = analysis.Entities.Select(e => new { type = e.Type.ToString(), e.Text, e.Start, e.End, e.Confidence, e.Sentence }),
            }, Json));
            return 0;
        }

        Console.WriteLine($"{article.Title} ({analysis.Tokens.Count} tokens, {analysis.Sentences.Count} sentences, model {recognizer.Version})");
        foreach (var group in analysis.Entities.GroupBy(e => (e.Type, e.Text)).OrderBy(g => g.Key.Type).ThenByDescending(g => g.Count()))
        {
            Console.WriteLine($"  {group.Key.Type,-4} {group.Key.Text} ×{group.Count()} (confidence {group.Average(e => e.Confidence):F2})");
        }

        return 0;
    }
}
