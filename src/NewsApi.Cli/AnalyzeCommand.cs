using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Ner;
using NewsApi.Nlp.Normalisation;

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

        if (!ArticleReader.TryRead(File.ReadAllBytes(args.Positional[0]), out var file, out var rejection))
        {
            Console.Error.WriteLine(rejection);
            return 1;
        }

        var article = file.Article;
        var analyzer = new ArticleAnalyzer(new EntityRecognizer(NerCommands.LoadModel(args)));
        var analysis = analyzer.Analyze(article);
        if (args.Flag("json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(AnalysisReport.From(analysis, analyzer.Recognizer.Version, analyzer.PipelineVersion), Json));
            return 0;
        }

        Console.WriteLine($"{article.Title} ({analysis.Tokens.Tokens.Count} tokens, {analysis.Tokens.Sentences.Count} sentences, {analyzer.PipelineVersion})");
        foreach (var entity in analysis.Entities)
        {
            var aliases = entity.Aliases.Count == 0 ? "" : $" aka {string.Join(", ", entity.Aliases.Keys)}";
            Console.WriteLine($"  {entity.Kind,-12} {entity.Name} ×{entity.Mentions.Count} (salience {entity.Salience:F2}){aliases}");
            foreach (var role in entity.Roles.Select(r => (r.Title, r.Affiliation, r.Former)).Distinct())
            {
                Console.WriteLine($"      {(role.Former ? "former " : "")}{role.Title}{(role.Affiliation is null ? "" : $", {role.Affiliation}")}");
            }
        }

        if (analysis.Names.Count > 0)
        {
            Console.WriteLine($"  other names: {string.Join(", ", analysis.Names.Select(n => n.Mentions.Count > 1 ? $"{n.Name} ×{n.Mentions.Count}" : n.Name))}");
        }

        foreach (var date in analysis.Dates)
        {
            Console.WriteLine($"  date     {date.Text} → {date.Iso ?? date.Duration ?? "unresolved"}{(date.Inferred ? " (inferred)" : "")}");
        }

        foreach (var quote in analysis.Quotes)
        {
            var text = quote.Text.Length > 100 ? quote.Text[..100] + "…" : quote.Text;
            Console.WriteLine($"  quote    {quote.Kind.ToString().ToLowerInvariant(),-8} {quote.Speaker?.Name ?? $"[{quote.SpeakerText ?? "?"}]"} ({quote.Cue ?? "no cue"}): {text}");
        }

        foreach (var ev in analysis.Events)
        {
            Console.WriteLine($"  event    {NewsApi.Nlp.Events.EventTypes.Name(ev.Type)} ({NewsApi.Nlp.Events.EventTypes.Cameo(ev.Type).Code}): {ev.Title}{(ev.Date is { } d ? $", {d.Text} = {d.Iso ?? "unresolved"}" : "")} [{string.Join(", ", ev.Evidence.Select(x => x.Trigger))}]");
        }

        if (analysis.MainEvent is { } main)
        {
            Console.WriteLine($"  5W1H     who: {main.Who} | what: {main.What} | when: {main.When} | where: {main.Where} | why: {main.Why} | how: {main.How}");
        }

        return 0;
    }
}
