using NewsApi.Nlp.Ner;

namespace NewsApi.Nlp.Training.Ner;

/// <summary>A document of a CoNLL-style corpus: sentences of tokens with gold entity spans.</summary>
public sealed class ConllDocument
{
    public List<ConllSentence> Sentences { get; } = [];

    public int TokenCount => Sentences.Sum(s => s.Tokens.Length);
}

public sealed record ConllSentence(string[] Tokens, List<TokenSpan> Entities);

/// <summary>
/// Reads CoNLL-style column files: the first column is the token, the last the tag, other columns are
/// ignored. <c>-DOCSTART</c> lines separate documents and blank lines sentences. Tags may be IOB1 (I- opens an
/// entity unless it continues one of the same type; B- only separates adjacent entities of one type), IOB2
/// (every entity starts with B-), or BILOU/BIOES.
/// </summary>
public static class ConllCorpus
{
    public static List<ConllDocument> Read(string path, int tagColumnFromEnd = 1) => Parse(File.ReadLines(path), tagColumnFromEnd);

    /// <summary>Parses column lines; the tag is the last column, or the one <paramref name="tagColumnFromEnd"/> from the end.</summary>
    public static List<ConllDocument> Parse(IEnumerable<string> lines, int tagColumnFromEnd = 1)
    {
        var documents = new List<ConllDocument>();
        var current = new ConllDocument();
        var tokens = new List<string>();
        var tags = new List<string>();

        void EndSentence()
        {
            if (tokens.Count == 0)
            {
                return;
            }

            current.Sentences.Add(new ConllSentence([.. tokens], SpansFromTags(tags)));
            tokens.Clear();
            tags.Clear();
        }

        void EndDocument()
        {
            EndSentence();
            if (current.Sentences.Count > 0)
            {
                documents.Add(current);
            }

            current = new ConllDocument();
        }

        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                EndSentence();
                continue;
            }

            // Universal NER (UNER) files: "# newdoc"/"# sent_id" comments, then "index<TAB>token<TAB>tag<TAB>…" lines.
            if (line.StartsWith('#'))
            {
                if (line.StartsWith("# newdoc", StringComparison.Ordinal))
                {
                    EndDocument();
                }

                continue;
            }

            var tabbed = raw.Split('\t');
            if (tabbed.Length >= 3 && int.TryParse(tabbed[0], out _))
            {
                tokens.Add(tabbed[1]);
                tags.Add(tabbed[2].Trim());
                continue;
            }

            var columns = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (columns[0].StartsWith("-DOCSTART", StringComparison.Ordinal))
            {
                EndDocument();
                continue;
            }

            tokens.Add(columns[0]);
            tags.Add(columns.Length > tagColumnFromEnd ? columns[^tagColumnFromEnd] : "O");
        }

        EndDocument();
        return documents;
    }

    /// <summary>Entity spans from IOB1, IOB2 or BILOU/BIOES tags (conlleval's chunk rules).</summary>
    public static List<TokenSpan> SpansFromTags(IReadOnlyList<string> tags)
    {
        var spans = new List<TokenSpan>();
        var start = -1;
        string? type = null;
        for (var i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : "O";
            var prefix = tag.Length > 1 && tag[1] == '-' ? tag[0] : 'O';
            var tagType = prefix == 'O' ? null : tag[2..];

            var startsNew = prefix is 'B' or 'U' or 'S'
                || (prefix is 'I' or 'L' or 'E' && (type is null || tagType != type));
            if (start >= 0 && (prefix == 'O' || startsNew))
            {
                Add(start, i, type!);
                start = -1;
                type = null;
            }

            if (prefix != 'O' && start < 0)
            {
                start = i;
                type = tagType;
            }

            if (prefix is 'L' or 'E' or 'U' or 'S')
            {
                Add(start, i + 1, type!);
                start = -1;
                type = null;
            }
        }

        return spans;

        void Add(int from, int to, string name)
        {
            if (Enum.TryParse<EntityType>(name, out var entityType))
            {
                spans.Add(new TokenSpan(from, to, entityType));
            }
        }
    }
}
