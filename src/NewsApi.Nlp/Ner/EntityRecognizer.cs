using NewsApi.Nlp.Text;

namespace NewsApi.Nlp.Ner;

/// <summary>A named entity found in a text.</summary>
/// <param name="Type">PER, ORG, LOC or MISC.</param>
/// <param name="Text">The entity as written.</param>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="Confidence">0–1: the probability the tagger gives these labels (forward-backward marginals averaged over the entity's tokens, with a temperature calibrated on CoNLL-2003 dev).</param>
/// <param name="Sentence">Index of the sentence it is in.</param>
public sealed record EntityMention(EntityType Type, string Text, int Start, int End, double Confidence, int Sentence);

/// <summary>A text with its tokens, sentences and entities.</summary>
public sealed record AnalyzedText(string Text, IReadOnlyList<Token> Tokens, IReadOnlyList<Sentence> Sentences, IReadOnlyList<EntityMention> Entities);

/// <summary>
/// Finds people, organisations, places and other names in text with the trained <see cref="NerModel"/>.
/// Load the model once (<see cref="Default"/>); an instance is immutable and safe to share between threads.
/// </summary>
public sealed class EntityRecognizer(NerModel model)
{
    /// <summary>The committed model's path: Models/ner.model beside the assemblies.</summary>
    public static string DefaultModelPath { get; } = Path.Combine(AppContext.BaseDirectory, "Models", "ner.model");

    private static readonly Lazy<EntityRecognizer> LazyDefault = new(() => new EntityRecognizer(NerModel.Load(DefaultModelPath)));

    /// <summary>The recogniser with the committed model, loaded on first use.</summary>
    public static EntityRecognizer Default => LazyDefault.Value;

    public NerModel Model { get; } = model;

    public string Version => Model.Version;

    public AnalyzedText Analyze(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var sentenceWords = new List<WordForm[]>(sentences.Count);
        foreach (var sentence in sentences)
        {
            var words = new WordForm[sentence.TokenCount];
            for (var t = 0; t < words.Length; t++)
            {
                words[t] = WordForms.Of(tokens[sentence.FirstToken + t].Span(text));
            }

            sentenceWords.Add(words);
        }

        var document = new TaggerDocument(sentenceWords);
        var labels = Model.Tag(document, out var emissions);

        var entities = new List<EntityMention>();
        for (var s = 0; s < sentences.Count; s++)
        {
            var spans = Bilou.Decode(labels[s]);
            var confidences = Model.Confidences(emissions[s], labels[s], spans);
            for (var k = 0; k < spans.Count; k++)
            {
                var span = spans[k];
                var first = tokens[sentences[s].FirstToken + span.Start];
                var last = tokens[sentences[s].FirstToken + span.End - 1];
                entities.Add(new EntityMention(span.Type, text[first.Start..last.End], first.Start, last.End, Math.Round(confidences[k], 3), s));
            }
        }

        return new AnalyzedText(text, tokens, sentences, entities);
    }
}
