using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Ner;
using NewsApi.Nlp.Text;

namespace NewsApi.Nlp.Quotes;

public enum QuoteType
{
    /// <summary>A whole utterance in quotation marks.</summary>
    Direct,

    /// <summary>Quoted words inside the writer's own sentence.</summary>
    Partial,

    /// <summary>Reported speech without quotation marks ("X said that …", "according to X, …").</summary>
    Indirect,
}

/// <summary>A quote: what was said, how, and by whom.</summary>
/// <param name="Start">Offset of the quoted content (inside the marks).</param>
/// <param name="End">Offset past its end.</param>
/// <param name="Text">The content.</param>
/// <param name="Kind">Direct, partial or indirect.</param>
/// <param name="Cue">The cue verb ("said", "told"), when there is one.</param>
/// <param name="CueStart">Offset of the cue (-1 without).</param>
/// <param name="Speaker">The person or organisation who said it, when the text names or clearly refers to one.</param>
/// <param name="SpeakerText">The speaker as written ("Lapid", "he", "a senior Biden administration official").</param>
/// <param name="SpeakerStart">Offset of <paramref name="SpeakerText"/> (-1 without).</param>
/// <param name="Sentence">Sentence index of the content's start.</param>
public sealed record Quote(int Start, int End, string Text, QuoteType Kind, string? Cue, int CueStart, AnalysedEntity? Speaker,
    string? SpeakerText, int SpeakerStart, int Sentence)
{
    public int SpeakerEnd => SpeakerText is null || SpeakerStart < 0 ? -1 : SpeakerStart + SpeakerText.Length;

    /// <summary>
    /// The quote continues the previous one (in text order): a later part of one quotation split around its attribution
    /// in one paragraph ("“A,” he said. “B.”"), with the same speaker. A quotation running over paragraphs is one quote per
    /// paragraph, each its own.
    /// </summary>
    public bool Continues { get; init; }
}

/// <summary>
/// Finds quotes in an analysed article and attributes them:
/// <list type="bullet">
/// <item>direct quotes in typographic or straight marks, including quotes split around the attribution
/// ("“…,” Lapid said. “…”") and quotes running over paragraphs (each paragraph reopens the mark);</item>
/// <item>partial quotes inside a sentence ("has “reminded them all …”"), but not scare quotes of a few words
/// with no speech verb near them ("Biden’s “quiet” diplomacy");</item>
/// <item>broken marks as real pages have them: a closing mark with no opening one quotes from the start of
/// its paragraph;</item>
/// <item>indirect speech: "X said (that) …", "… , X said.", "according to X, …".</item>
/// </list>
/// The speaker is the person or organisation in the reporting clause; "he"/"she" is the last person quoted or
/// named before; otherwise the description as written ("a senior Biden administration official").
/// </summary>
public static class QuoteExtractor
{
    private static readonly HashSet<string> CueVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "stated", "states", "noted", "notes",
        "warned", "warns", "argued", "argues", "claimed", "claims", "insisted", "insists", "explained", "explains",
        "acknowledged", "acknowledges", "admitted", "admits", "announced", "announces", "declared", "declares", "urged",
        "urges", "wrote", "writes", "tweeted", "tweets", "replied", "replies", "responded", "responds", "reiterated",
        "reiterates", "asked", "asks", "suggested", "suggests", "emphasized", "emphasised", "stressed", "stresses",
        "predicted", "predicts", "promised", "promises", "vowed", "vows", "confirmed", "confirms", "countered",
        "recalled", "recalls", "continued", "concluded", "observed", "remarked", "contended", "contends", "maintained",
        "maintains", "cautioned", "complained", "complains", "conceded", "concedes", "pointed", "described", "describes",
        "called", "calls", "believes", "believed", "thinks", "thought", "hopes", "hoped", "agreed", "agrees",
        "estimated", "estimates", "testified", "wondered", "joked", "boasted", "charged", "alleged", "alleges",
        "spoke", "speaks", "reported", "threatened", "threatens", "pledged", "pledges", "demanded", "demands",
        "adding", "noting", "warning", "arguing", "insisting", "explaining",
    };

    /// <summary>Cues that report speech without "that" ("officials said …"); others need "that" to report indirectly.</summary>
    private static readonly HashSet<string> PlainSayings = new(StringComparer.OrdinalIgnoreCase) { "said", "says", "say", "told", "tells", "added", "adds" };

    /// <summary>Words between a subject and its verb ("has said", "also told").</summary>
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "has", "have", "had", "also", "later", "repeatedly", "previously", "then", "once", "would", "will", "could",
        "may", "might", "did", "does", "do", "never", "again", "recently", "privately", "publicly", "often", "reportedly",
    };

    /// <summary>Cues that report speech without quotation marks ("… , officials said", "X told Axios that …").</summary>
    private static readonly HashSet<string> IndirectCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "told", "tells", "stated", "states", "noted", "notes", "added", "adds", "warned", "warns",
        "argued", "argues", "claimed", "claims", "insisted", "insists", "announced", "announces", "believes",
        "believed", "reported", "reports", "acknowledged", "admitted", "confirmed", "explained", "predicted",
        "reiterated", "stressed", "emphasized", "suggested", "thinks", "hopes", "estimated", "alleged", "denied",
        "say", "show", "shows", "showed", "found", "finds", "wrote", "writes", "predicts", "concluded", "cited", "cites",
        "believe", "think",
    };

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "they", "it", "we", "i" };

    private const int MinDirectWords = 4;

    public static List<Quote> Extract(ArticleAnalysis analysis)
    {
        var spans = QuotedSpans(analysis.Text);
        var context = new Context(analysis, spans);
        var quotes = new List<Quote>();
        Quote? lastPersonQuote = null;
        foreach (var (start, end, opened, closed) in spans)
        {
            var quote = Attribute(context, start, end, opened, closed, quotes, lastPersonQuote);
            if (quote is not null)
            {
                quotes.Add(quote);
                lastPersonQuote = quote.Speaker?.Kind == AnalysedKind.Person ? quote : lastPersonQuote;
            }
        }

        quotes.AddRange(Indirect(context, [.. quotes]));

        // A transcript's lines each reopen a quotation mark without closing it: the span between two of them is no quote.
        var turns = quotes.Where(q => q.Cue == ":" && q.Kind == QuoteType.Direct).ToList();
        if (turns.Count > 0)
        {
            quotes.RemoveAll(q => q.Cue is null && turns.Any(turn => q.Start <= turn.Start && turn.End <= q.End + 1));
        }
        Participial(context, quotes);

        // Quoted words inside a report ("said the plan was “a disaster”", "arguing that it should be recognized as
        // “intolerable.”") are part of it, not a partial quote of their own.
        var reports = quotes.Where(q => q.Kind == QuoteType.Indirect).ToList();
        quotes.RemoveAll(q => q.Kind == QuoteType.Partial && reports.Any(r => r.Start <= q.Start && q.End <= r.End + 1));
        quotes.Sort((a, b) => a.Start.CompareTo(b.Start));

        // "…, delegates at the show have been told", "…, the group were told": a passive "told" names whom it was said to,
        // not who said it; its auxiliaries and its subject are no speaker ("Mr Kapor is reported as saying" keeps his).
        for (var q = 0; q < quotes.Count; q++)
        {
            if (quotes[q].SpeakerText is { } said && said.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } saidWords
                && saidWords[^1] is "been" or "was" or "were" or "is" or "are" or "be" or "being"
                && (quotes[q].Cue == "told" || (quotes[q].Speaker is null && saidWords.All(w => w is "have" or "has" or "had" or "been" or "was" or "were" or "is" or "are" or "be" or "being"))))
            {
                quotes[q] = quotes[q] with { Speaker = null, SpeakerText = null, SpeakerStart = -1 };
            }
        }

        for (var q = 1; q < quotes.Count; q++)
        {
            if (SplitPart(analysis.Text, quotes[q - 1], quotes[q]))
            {
                quotes[q] = quotes[q] with { Continues = true };
            }
        }

        return quotes;
    }

    /// <summary>
    /// Is <paramref name="next"/> a later part of the quotation <paramref name="previous"/> begins: both in marks, in one
    /// paragraph, the same speaker, and one attribution (the same cue, or none of its own and the previous one's).
    /// </summary>
    private static bool SplitPart(string text, Quote previous, Quote next) =>
        previous.Kind == QuoteType.Direct && next.Kind == QuoteType.Direct && previous.End <= next.Start
        && text.AsSpan(previous.End, next.Start - previous.End).IndexOf('\n') < 0
        && (next.CueStart >= 0 ? next.CueStart == previous.CueStart : next.Cue == previous.Cue)
        && next.Speaker == previous.Speaker && next.SpeakerText == previous.SpeakerText && (next.Speaker is not null || next.SpeakerText is not null);

    /// <summary>Participles that open a second report by the same speaker after a comma (", adding that …").</summary>
    private static readonly HashSet<string> ParticipleCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "adding", "arguing", "saying", "noting", "warning", "insisting", "explaining", "claiming", "stressing", "emphasizing",
        "emphasising", "suggesting", "acknowledging", "asserting", "contending", "predicting", "declaring", "conceding",
        "maintaining", "recalling", "complaining", "alleging", "asking", "telling", "writing", "citing",
    };

    /// <summary>Question words that open reported questions and explanations (", asking whether …", ", explaining why …").</summary>
    private static readonly HashSet<string> QuestionWords = new(StringComparer.OrdinalIgnoreCase) { "why", "how", "whether", "what", "when", "where", "if" };

    /// <summary>
    /// A second report after a comma and a participle: "“…,” he said, adding that he would never vote for her",
    /// "Perdue said he didn’t believe …, arguing that it was divisions …", "the chain filed a motion, arguing the
    /// move was needed", "…, citing the strategic importance of …" (the reason a speaker gives, the one participle
    /// read with a plain object). The content runs from the participle's "that" (or its clause) to the sentence's end or
    /// the next such participle; a report before it in the same sentence ends at the comma. The speaker is the
    /// speaker of the report before it in the sentence, else the sentence's subject when it is a name or a
    /// pronoun; without either, nothing is read.
    /// </summary>
    private static void Participial(Context context, List<Quote> quotes)
    {
        var text = context.Text;
        var sentences = context.Analysis.Tokens.Sentences;
        var direct = new SpanSet(quotes.Where(q => q.Kind == QuoteType.Direct).Select(q => (q.Start, q.End)));
        var found = new List<Quote>();
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            var sentenceStart = sentence.Start(context.Tokens);
            var cues = Enumerable.Range(sentence.FirstToken + 2, Math.Max(0, sentence.TokenCount - 2))
                .Where(t => context.Word(t - 1) == "," && ParticipleCues.Contains(context.Word(t)) && context.MentionAt(t) is null
                    && !direct.Overlaps(context.Tokens[t].Start, context.Tokens[t].End))
                .ToList();
            for (var c = 0; c < cues.Count; c++)
            {
                var t = cues[c];
                var next = t + 1;
                if (context.Word(t) is "telling" or "asking" or "warning")
                {
                    // "telling them that …", "warning voters that …": skip the addressee.
                    var that = Enumerable.Range(next, Math.Max(0, Math.Min(sentence.EndToken, next + 4) - next)).FirstOrDefault(k => context.Word(k) is "that" or "," || QuestionWords.Contains(context.Word(k)), -1);
                    next = that >= 0 && context.Word(that) != "," ? that : next;
                }

                if (next >= sentence.EndToken)
                {
                    continue;
                }

                int from;
                if (context.Word(next) == "that")
                {
                    from = next + 1;
                }
                else if (QuestionWords.Contains(context.Word(next)) || ClauseAt(context, next, sentence.EndToken)
                         || (context.Word(t) == "citing" && context.Tokens[next].Kind == TokenKind.Word))
                {
                    from = next;
                }
                else
                {
                    continue;
                }

                var until = c + 1 < cues.Count ? cues[c + 1] - 1 : sentence.EndToken;
                if (from >= until)
                {
                    continue;
                }

                var start = context.Tokens[from].Start;
                var end = TrimEndPunctuation(text, c + 1 < cues.Count ? context.Tokens[until].Start : sentence.End(context.Tokens));
                var comma = context.Tokens[t - 1].Start;
                if (end - start <= 15 || direct.Overlaps(start, end))
                {
                    continue;
                }

                var before = quotes.Where(q => q.CueStart >= sentenceStart && q.CueStart < comma).MaxBy(q => q.CueStart);
                (AnalysedEntity? Entity, string? Text, int Start) speaker;
                if (before is not null)
                {
                    speaker = (before.Speaker, before.SpeakerText, before.SpeakerStart);
                }
                else if (MainSubject(context, sentence.FirstToken, t - 1) is { } subject)
                {
                    speaker = subject.Entity is null ? Refine(context, subject) : subject;
                }
                else
                {
                    continue;
                }

                if (speaker.Text is null)
                {
                    continue;
                }

                // The report before ends at the comma ("… said he didn’t believe …, arguing that …"); what is left of it
                // may be too short to be one ("said in June 2012, citing …").
                for (var q = quotes.Count - 1; q >= 0; q--)
                {
                    if (quotes[q] is { Kind: QuoteType.Indirect } earlier && earlier.Start < comma && earlier.End > comma)
                    {
                        var cut = TrimEndPunctuation(text, comma);
                        if (cut - earlier.Start <= 15)
                        {
                            quotes.RemoveAt(q);
                        }
                        else
                        {
                            quotes[q] = earlier with { End = cut, Text = text[earlier.Start..cut] };
                        }
                    }
                }

                found.Add(new Quote(start, end, text[start..end], QuoteType.Indirect, context.Word(t), context.Tokens[t].Start,
                    speaker.Entity, speaker.Text, speaker.Start, s));
            }
        }

        quotes.AddRange(found);
    }

    /// <summary>Spans between quotation marks: (content start, content end, had an opening mark, had a closing mark).</summary>
    private static List<(int Start, int End, bool Opened, bool Closed)> QuotedSpans(string text)
    {
        var spans = new List<(int, int, bool, bool)>();
        var paragraphStart = 0;
        var lastClose = 0;
        var open = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\n';
            var width = 1;
            if (c == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
            {
                // Two apostrophes as a quotation mark (the New York Times' archive text: ''We're in a bubble,'' he said).
                c = '"';
                width = 2;
            }

            var paragraphEnd = c == '\n';
            if (paragraphEnd)
            {
                // A quote left open at the end of a paragraph continues if the next paragraph reopens it.
                if (open >= 0)
                {
                    var next = i;
                    while (next < text.Length && text[next] is '\n' or ' ')
                    {
                        next++;
                    }

                    if (next < text.Length && (text[next] is '“' or '"' || (text[next] == '\'' && next + 1 < text.Length && text[next + 1] == '\'')))
                    {
                        i = text[next] == '\'' ? next + 1 : next;
                        continue;
                    }

                    spans.Add((open, TrimEnd(text, i), true, false));
                    open = -1;
                }

                paragraphStart = i + 1;
                continue;
            }

            var opening = c == '“' || (c == '"' && open < 0 && (i == 0 || !char.IsLetterOrDigit(text[i - 1])));
            var closing = c == '”' || (c == '"' && open >= 0);

            // "… in the first place. "Added to that, …": a straight mark after a sentence's end and a space, before a
            // word, reopens the quotation for its next sentence (each sentence reopened, only the last closed); the
            // open one ends at the sentence before it.
            if (c == '"' && width == 1 && open >= 0 && i >= 2 && text[i - 1] == ' ' && text[i - 2] is '.' or '?' or '!'
                && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                spans.Add((open, TrimEnd(text, i), true, false));
                open = i + 1;
                continue;
            }

            if (opening && open < 0)
            {
                open = i + width;
                i += width - 1;
            }
            else if (closing && open >= 0)
            {
                spans.Add((open, i, true, true));
                open = -1;
                lastClose = i + width;
                i += width - 1;
            }
            else if (closing && open < 0 && c == '”')
            {
                // A closing mark with no opening one: the page dropped the opening mark.
                var start = Math.Max(paragraphStart, lastClose);
                lastClose = i + 1;
                while (start < i && text[start] == ' ')
                {
                    start++;
                }

                if (i - start > 10)
                {
                    spans.Add((start, i, false, true));
                }
            }
        }

        return spans;
    }

    private static int TrimEnd(string text, int end)
    {
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>Token-level helpers over the analysis.</summary>
    private sealed class Context
    {
        public Context(ArticleAnalysis analysis, List<(int Start, int End, bool Opened, bool Closed)> quoted)
        {
            Analysis = analysis;
            _quoted = quoted;
            _quotedStarts = quoted.Select(q => q.Start).ToArray();
            _words = new string?[analysis.Tokens.Tokens.Count];
            foreach (var entity in analysis.Entities.Where(e => e.Kind is AnalysedKind.Person or AnalysedKind.Organisation))
            {
                foreach (var mention in entity.Mentions)
                {
                    Mentions.Add((mention, entity));
                }
            }

            Mentions.Sort((a, b) => a.Mention.Start.CompareTo(b.Mention.Start));
            MentionStarts = Mentions.Select(m => m.Mention.Start).ToArray();
            _people = Enumerable.Range(0, Mentions.Count).Where(m => Mentions[m].Entity.Kind == AnalysedKind.Person).ToArray();
            _personStarts = _people.Select(m => Mentions[m].Mention.Start).ToArray();

            // Per token, the last cue verb and the number of words and quotation marks up to it, so that a rule
            // looking back over a sentence costs the same however long the sentence is.
            _lastCue = new int[Tokens.Count];
            _wordsThrough = new int[Tokens.Count];
            _marksThrough = new int[Tokens.Count];
            for (var t = 0; t < Tokens.Count; t++)
            {
                var word = Word(t);
                _lastCue[t] = CueVerbs.Contains(word) && !SayNoun(t) ? t : t > 0 ? _lastCue[t - 1] : -1;
                _wordsThrough[t] = (t > 0 ? _wordsThrough[t - 1] : 0) + (Tokens[t].Kind is TokenKind.Word or TokenKind.Number ? 1 : 0);
                _marksThrough[t] = (t > 0 ? _marksThrough[t - 1] : 0) + (word is "“" or "\"" ? 1 : 0);
            }

            _sentenceEnds = Analysis.Tokens.Sentences.Select(x => x.EndToken).ToArray();

            // The mention each token starts inside of, looked up for every token the rules visit.
            _mentionOfToken = new int[Tokens.Count];
            Array.Fill(_mentionOfToken, -1);
            for (var m = 0; m < Mentions.Count; m++)
            {
                var mention = Mentions[m].Mention;
                for (var t = TokenAt(mention.Start); t < Tokens.Count && Tokens[t].Start < mention.End; t++)
                {
                    if (Tokens[t].Start >= mention.Start && _mentionOfToken[t] < 0)
                    {
                        _mentionOfToken[t] = m;
                    }
                }
            }
        }

        private readonly int[] _mentionOfToken;
        private readonly int[] _people;
        private readonly int[] _personStarts;
        private readonly int[] _lastCue;
        private readonly int[] _wordsThrough;
        private readonly int[] _marksThrough;
        private readonly int[] _sentenceEnds;

        /// <summary>Each token's text, made once when first asked for: the passes ask for the same words many times.</summary>
        private readonly string?[] _words;

        /// <summary>The article's quotations in text order (content start, end), and their starts for a binary search.</summary>
        private readonly List<(int Start, int End, bool Opened, bool Closed)> _quoted;

        private readonly int[] _quotedStarts;

        /// <summary>The start of each of <see cref="Mentions"/>, in order.</summary>
        public int[] MentionStarts { get; }

        /// <summary>The last cue verb among tokens [from, to], or -1.</summary>
        /// <summary>"have a say in …": after a determiner "say" is a noun, no cue.</summary>
        public bool SayNoun(int t) => t > 0 && Word(t) == "say" && NounPhraseOpeners.Contains(Word(t - 1));

        public int LastCue(int from, int to) => to >= 0 && to < _lastCue.Length && _lastCue[to] >= from ? _lastCue[to] : -1;

        /// <summary>Words and numbers among tokens [from, to].</summary>
        public int WordsIn(int from, int to) => to < from ? 0 : _wordsThrough[to] - (from > 0 ? _wordsThrough[from - 1] : 0);

        /// <summary>Opening quotation marks among tokens [from, to].</summary>
        public int MarksIn(int from, int to) => to < from ? 0 : _marksThrough[to] - (from > 0 ? _marksThrough[from - 1] : 0);

        /// <summary>The index of the first of <see cref="Mentions"/> starting at or after <paramref name="offset"/>.</summary>
        public int FirstMentionFrom(int offset)
        {
            var k = Array.BinarySearch(MentionStarts, offset);
            if (k < 0)
            {
                return ~k;
            }

            while (k > 0 && MentionStarts[k - 1] == offset)
            {
                k--;
            }

            return k;
        }

        public ArticleAnalysis Analysis { get; }

        public string Text => Analysis.Text;

        public IReadOnlyList<Token> Tokens => Analysis.Tokens.Tokens;

        public List<(Mention Mention, AnalysedEntity Entity)> Mentions { get; } = [];

        public int TokenAt(int offset) => Math.Max(0, Tokens.IndexAt(offset));

        /// <summary>The first sentence ending after the token at <paramref name="offset"/> (binary search).</summary>
        public int SentenceOf(int offset)
        {
            var token = TokenAt(offset);
            int low = 0, high = _sentenceEnds.Length - 1;
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                if (token < _sentenceEnds[middle])
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            return Math.Max(0, Math.Min(low, _sentenceEnds.Length - 1));
        }

        public string Word(int token) => _words[token] ??= Tokens[token].Text(Text);

        public (Mention Mention, AnalysedEntity Entity)? MentionAt(int token) =>
            _mentionOfToken[token] is >= 0 and var m ? Mentions[m] : null;

        /// <summary>The last person named before <paramref name="offset"/>.</summary>
        public AnalysedEntity? LastPersonBefore(int offset) => LastPersonMentionBefore(offset)?.Entity;

        /// <summary>
        /// The person "he" or "she" at <paramref name="offset"/> stands for: the last person named before, unless that
        /// name sits later in an earlier sentence whose subject is another person ("Robinson also admits his side must
        /// improve against Malcolm O'Kelly and Paul O'Connell. … he added": Robinson), the subject being the more salient.
        /// </summary>
        public (Mention Mention, AnalysedEntity Entity)? PronounAntecedent(int offset)
        {
            // A name inside someone's quotation is what they talked about ("Especially the me-and-Zoe-Gate", Cook
            // said. He said …): not who "he" is.
            // So is a name in what a pronoun reported ("He said that what had happened with Ball did not affect the album.
            // “At first …,” he explained": Cook, not Ball).
            var named = LastPersonMentionBefore(offset);
            for (var tries = 0; tries < 8 && named is { } quoted && (InsideQuotation(quoted.Mention.Start) || InsidePronounReport(quoted.Mention)); tries++)
            {
                named = LastPersonMentionBefore(quoted.Mention.Start);
            }

            if (named is not { } last || last.Mention.Sentence >= SentenceOf(offset))
            {
                return named;
            }

            var sentence = Analysis.Tokens.Sentences[last.Mention.Sentence];
            var first = FirstMentionFrom(Tokens[sentence.FirstToken].Start);
            if (first >= Mentions.Count || Mentions[first].Mention.Start >= last.Mention.Start || Mentions[first].Entity.Kind != AnalysedKind.Person
                || Mentions[first].Entity == last.Entity)
            {
                return named;
            }

            // The subject opens the sentence: only capitalised words (a title, "Coach") before the name.
            for (var t = sentence.FirstToken; t < sentence.EndToken && Tokens[t].Start < Mentions[first].Mention.Start; t++)
            {
                var word = Word(t);
                if (!char.IsUpper(word[0]))
                {
                    return named;
                }
            }

            return Mentions[first];
        }

        /// <summary>
        /// <see cref="PronounAntecedent(int)"/> for "he" or "she": a person the article marks with the other sex's
        /// honorific ("Mr Ferguson" for "she", "Ms Brankin" for "he") is passed over for the person named before them.
        /// </summary>
        public (Mention Mention, AnalysedEntity Entity)? PronounAntecedent(int offset, string pronoun)
        {
            var named = PronounAntecedent(offset);
            if (named is { } subject && Contradicts(subject.Entity, pronoun))
            {
                // The salient subject is of the other sex: the nearest name before, then further back.
                named = LastPersonMentionBefore(offset);
            }

            for (var tries = 0; named is { } candidate && Contradicts(candidate.Entity, pronoun); tries++)
            {
                named = tries < 8 ? LastPersonMentionBefore(candidate.Mention.Start) : null;
            }

            return named;
        }

        /// <summary>Whether the article's honorifics make <paramref name="person"/> the other sex from "he" or "she" (<paramref name="pronoun"/>).</summary>
        public bool Contradicts(AnalysedEntity person, string pronoun)
        {
            var wanted = pronoun is "she" or "She" ? 'f' : pronoun is "he" or "He" ? 'm' : '?';
            return wanted != '?' && person.Kind == AnalysedKind.Person && SexOf(person) is var sex && sex != '?' && sex != wanted;
        }

        /// <summary>Whether a person may be called "he" or "she": 'm' or 'f' from an honorific before a mention, '?' when none.</summary>
        private char SexOf(AnalysedEntity person)
        {
            if (_sexes.TryGetValue(person, out var known))
            {
                return known;
            }

            var sex = '?';
            foreach (var mention in person.Mentions)
            {
                var before = Text.AsSpan(Math.Max(0, mention.Start - 16), Math.Min(16, mention.Start)).TrimEnd();
                var title = before.LastIndexOfAny(' ', '\n') is var space and >= 0 ? before[(space + 1)..] : before;
                var found = title switch
                {
                    "Mr" or "Mr." or "Sir" or "Lord" => 'm',
                    "Mrs" or "Mrs." or "Ms" or "Ms." or "Miss" or "Lady" or "Dame" or "Baroness" => 'f',
                    _ => SexOfNoun(title.ToString()),
                };

                // "Attallah Shabazz, the daughter of activist Malcolm X": a noun of one sex in apposition.
                if (found == '?' && mention.End + 2 < Text.Length && Text[mention.End] == ',')
                {
                    var after = Text.AsSpan(mention.End + 1, Math.Min(24, Text.Length - mention.End - 1)).TrimStart();
                    var words = after.ToString().Split(' ', 3);
                    found = words.Length >= 2 && words[0] is "the" or "his" or "her" or "a" ? SexOfNoun(words[1].TrimEnd(',')) : '?';
                }

                if (found != '?')
                {
                    sex = sex == '?' || sex == found ? found : 'x';
                }
            }

            sex = sex == 'x' ? '?' : sex;
            _sexes[person] = sex;
            return sex;
        }

        private readonly Dictionary<AnalysedEntity, char> _sexes = [];

        /// <summary>Nouns that say a person's sex ("actress", "his wife", "the son of"): 'f', 'm' or '?'.</summary>
        private static char SexOfNoun(string noun) =>
            FemaleNouns.Contains(noun) ? 'f' : MaleNouns.Contains(noun) ? 'm' : '?';

        private static readonly HashSet<string> FemaleNouns = new(StringComparer.Ordinal)
        {
            "actress", "wife", "widow", "daughter", "mother", "sister", "girlfriend", "fiancee", "businesswoman", "chairwoman",
            "spokeswoman", "congresswoman", "sportswoman", "grandmother", "aunt", "niece", "queen", "princess", "duchess", "countess",
            "Queen", "Princess", "Duchess", "Countess", "Empress", "Madame",
        };

        private static readonly HashSet<string> MaleNouns = new(StringComparer.Ordinal)
        {
            "actor", "husband", "widower", "son", "father", "brother", "boyfriend", "fiance", "businessman", "spokesman", "congressman",
            "sportsman", "grandfather", "uncle", "nephew", "king", "prince", "duke", "King", "Prince", "Duke", "Emperor", "Monsieur",
        };

        /// <summary>
        /// Is the mention in what someone reported in its own sentence: after a speech verb right after "he", "she" or a
        /// person's name ("He said that … Ball", "Vince Cable warned … Mr Brown", "Mr Brown accused Oliver Letwin")?
        /// </summary>
        private bool InsidePronounReport(Mention mention)
        {
            var sentence = Analysis.Tokens.Sentences[mention.Sentence];
            var at = TokenAt(mention.Start);
            for (var t = sentence.FirstToken + 1; t < at; t++)
            {
                if (CueVerbs.Contains(Word(t)) && (Word(t - 1) is "he" or "He" or "she" or "She" || MentionAt(t - 1) is { Entity.Kind: AnalysedKind.Person }))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether an offset lies inside one of the article's quotations (<see cref="QuotedSpans"/>, which reads a quotation
        /// reopened in the BBC manner, "… we hope they do. "But …", as one that goes on).
        /// </summary>
        private bool InsideQuotation(int offset)
        {
            var k = Array.BinarySearch(_quotedStarts, offset);
            k = k >= 0 ? k : ~k - 1;
            return k >= 0 && offset < _quoted[k].End;
        }

        /// <summary>The last person mention (in text order) that ends at or before <paramref name="offset"/>.</summary>
        public (Mention Mention, AnalysedEntity Entity)? LastPersonMentionBefore(int offset)
        {
            var k = Array.BinarySearch(_personStarts, offset);
            k = (k < 0 ? ~k : k) - 1;
            while (k + 1 < _personStarts.Length && _personStarts[k + 1] < offset)
            {
                k++;
            }

            for (; k >= 0; k--)
            {
                if (Mentions[_people[k]].Mention.End <= offset)
                {
                    return Mentions[_people[k]];
                }
            }

            return null;
        }
    }

    private static Quote? Attribute(Context context, int start, int end, bool opened, bool closed, List<Quote> earlier, Quote? lastPersonQuote)
    {
        var text = context.Text;
        var content = text[start..end].Trim();
        var words = content.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words == 0)
        {
            return null;
        }

        var sentence = context.SentenceOf(start);
        var sentenceRange = context.Analysis.Tokens.Sentences[sentence];
        var startToken = context.TokenAt(start);
        var endToken = context.TokenAt(Math.Max(start, end - 1));

        // After the quote: ", Lapid said", ", said Ilan Goldenberg", ", he added".
        // Not when the next sentence reopens the quotation ("… first place. "Added to that, …"): what follows is the same speaker's.
        var next = end;
        while (next < text.Length && text[next] == ' ')
        {
            next++;
        }

        var reopened = !closed && next < text.Length && text[next] is '"' or '“';
        var afterCue = -1;
        (AnalysedEntity? Entity, string? Text, int Start) afterSpeaker = (null, null, -1);
        var after = !reopened && FindCueAfter(context, end, out afterCue, out afterSpeaker);

        // Before the quote, in the same sentence: "Lapid said: “…”", "Blinken stated that “…”".
        // The tokens of the sentence before the opening mark: [first token, lastBefore].
        var lastBefore = startToken - 1;
        while (lastBefore >= sentenceRange.FirstToken && context.Tokens[lastBefore].End > start - 1)
        {
            lastBefore--;
        }

        var leadingWords = context.WordsIn(sentenceRange.FirstToken, lastBefore);
        var beforeCue = context.LastCue(sentenceRange.FirstToken, lastBefore);

        var kind = leadingWords == 0 || (beforeCue >= 0 && context.Word(lastBefore) is ":" or ",")
            ? QuoteType.Direct
            : QuoteType.Partial;
        if (!opened)
        {
            kind = QuoteType.Direct;
        }

        string? cue = null;
        var cueStart = -1;
        (AnalysedEntity? Entity, string? Text, int Start) speaker = (null, null, -1);
        if (after && afterCue >= 0)
        {
            cue = context.Word(afterCue);
            cueStart = context.Tokens[afterCue].Start;
            speaker = afterSpeaker;
        }
        else if (beforeCue >= 0)
        {
            cue = context.Word(beforeCue);
            cueStart = context.Tokens[beforeCue].Start;
            // "…, Spicer said, adding, “…”": the participle's subject is the speaker of the report before it.
            var first = sentenceRange.FirstToken;
            speaker = ParticipleCues.Contains(cue) && beforeCue - 2 > first && context.Word(beforeCue - 1) == "," && context.LastCue(first, beforeCue - 2) is >= 0 and var main
                ? context.Word(main - 1) == "," ? SpeakerIn(context, main + 1, beforeCue - 1, after: true) : SpeakerBefore(context, main, first)
                : SpeakerBefore(context, beforeCue, first);

            // "…,” he added, saying …“…”": a participle with no subject of its own shares the sentence's speaker.
            // "Ms Jowell insisted: “…” And continued: “…”": a verb whose subject the conjunction elides, the previous quote's.
            if (speaker.Text is null && earlier.LastOrDefault() is { } previous
                && ((cue.EndsWith("ing", StringComparison.Ordinal) && context.SentenceOf(previous.Start) == sentence)
                    || (ElidedSubject(context, first, beforeCue) && context.SentenceOf(previous.Start) >= sentence - 1)))
            {
                speaker = (previous.Speaker, previous.SpeakerText, -1);
            }
        }

        // Scare quotes: a few words with no speech around them, or with a speech verb only later in the
        // sentence (Biden's "quiet" diplomacy, when he urged …).
        if (words < MinDirectWords && kind == QuoteType.Partial && (cue is null || (after && afterCue >= 0)))
        {
            return null;
        }

        // A title in marks is no quote: "in his book, “Make Your Kid a Millionaire,”", "told “Morning Joe”", "A Change Is Gonna Come".
        if (IsTitle(content))
        {
            return null;
        }

        if (cue is null)
        {
            // The second half of a split quote, or a paragraph continuing a quote: the previous speaker.
            var previous = earlier.LastOrDefault();
            var sameParagraph = previous is not null && previous.End <= start && !text[previous.End..start].Contains('\n', StringComparison.Ordinal);
            if (previous is not null && (sameParagraph || IsContinuation(text, previous.End, start)) && (previous.Speaker is not null || previous.SpeakerText is not null))
            {
                speaker = (previous.Speaker, previous.SpeakerText, -1);
                cue = previous.Cue;
            }
            else if (words < MinDirectWords)
            {
                return null;
            }
        }

        // "he said": whoever was named or quoted last before the quote.
        if (speaker.Entity is null && speaker.Text is "he" or "she" or "He" or "She")
        {
            var named = context.PronounAntecedent(start, speaker.Text);
            var namedAt = context.LastPersonMentionBefore(start)?.Mention.End ?? -1;
            var quoted = lastPersonQuote is { Speaker: { } previous } && lastPersonQuote.End > namedAt && !context.Contradicts(previous, speaker.Text);
            speaker = (quoted ? lastPersonQuote!.Speaker : named?.Entity, speaker.Text, speaker.Start);
        }

        if (speaker.Entity is null && speaker.Text is null)
        {
            speaker = Fallback(context, start, sentence, leadingWords, earlier);
        }

        speaker = Refine(context, speaker);
        return new Quote(start, end, text[start..end], kind, cue, cueStart, speaker.Entity, speaker.Text, speaker.Start, sentence);
    }

    /// <summary>Small words a title leaves in lower case.</summary>
    private static readonly HashSet<string> TitleSmallWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "is", "as", "vs.", "&",
    };

    /// <summary>
    /// Two to seven words, every one capitalised but the small ones, ending in no more than a comma or a full stop: the
    /// title of a work, a show or a slogan ("Make Your Kid a Millionaire,", "Morning Joe", "State of the Union.").
    /// </summary>
    private static bool IsTitle(string content)
    {
        var words = content.TrimEnd(',', '.', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 7 || content.TrimEnd().EndsWith('?') || content.TrimEnd().EndsWith('!') || !content.Any(char.IsLower)
            || words.Distinct(StringComparer.OrdinalIgnoreCase).Count() == 1)
        {
            return false;
        }

        var capitalised = 0;
        foreach (var word in words)
        {
            var first = word.FirstOrDefault(char.IsLetterOrDigit);
            if (first == default || TitleSmallWords.Contains(word))
            {
                continue;
            }

            if (!char.IsUpper(first) && !char.IsDigit(first))
            {
                return false;
            }

            capitalised++;
        }

        return capitalised >= 2 && words[0] is not ("I" or "We" or "You");
    }

    /// <summary>Characters within which a quote with no attribution of its own continues the previous speaker.</summary>
    private const int ContinuationWindow = 400;

    /// <summary>
    /// A quote with no reporting clause of its own: the subject of its sentence when the sentence leads into it
    /// ("Moore praised Obama for “stepping up …”"); else the speaker the previous sentence introduces
    /// ("Bozell told Breitbart News:"); else the previous quote's speaker, when it is near and no other person
    /// is named in between.
    /// </summary>
    private static (AnalysedEntity? Entity, string? Text, int Start) Fallback(Context context, int start, int sentence, int leadingWords, List<Quote> earlier)
    {
        var sentences = context.Analysis.Tokens.Sentences;
        var first = sentences[sentence].FirstToken;
        if (leadingWords > 1 && context.MentionAt(first) is { } subject)
        {
            return (subject.Entity, subject.Mention.Surface, subject.Mention.Start);
        }

        if (sentence > 0)
        {
            var previous = sentences[sentence - 1];
            var last = previous.EndToken - 1;
            var cue = context.LastCue(previous.FirstToken, last);
            if (cue >= 0 && (context.Word(last) == ":" || last - cue <= 4) && context.MarksIn(cue, last) == 0)
            {
                var introduced = SpeakerBefore(context, cue, previous.FirstToken);
                if (introduced.Text is null)
                {
                    introduced = SpeakerIn(context, cue + 1, last + 1, after: true);
                }

                if (introduced.Text is not null)
                {
                    return introduced;
                }
            }
        }

        var before = earlier.LastOrDefault();
        if (before is not null && (before.Speaker is not null || before.SpeakerText is not null) && before.End <= start && start - before.End <= ContinuationWindow
            && !NamesOtherPerson(context, before.End, start, before.Speaker))
        {
            return (before.Speaker, before.SpeakerText, -1);
        }

        return (null, null, -1);
    }

    /// <summary>Does a person other than <paramref name="speaker"/> have a mention within [from, to)?</summary>
    private static bool NamesOtherPerson(Context context, int from, int to, AnalysedEntity? speaker)
    {
        for (var k = context.FirstMentionFrom(from); k < context.Mentions.Count && context.Mentions[k].Mention.Start < to; k++)
        {
            var (mention, entity) = context.Mentions[k];
            if (mention.End <= to && entity.Kind == AnalysedKind.Person && entity != speaker)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many names before an appositive comma are tried as its subject: the subject is near.</summary>
    private const int AppositiveCandidates = 32;

    private static readonly HashSet<string> CollectiveHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "company", "firm", "group", "club", "party", "bank", "team", "government", "ministry", "department", "union", "board", "council", "airline",
        "retailer", "broadcaster", "network", "agency", "organisation", "organization", "charity", "side", "squad",
    };

    private static (AnalysedEntity? Entity, string? Text, int Start) Refine(Context context, (AnalysedEntity? Entity, string? Text, int Start) speaker)
    {
        // "a live feed showed", "a placard said": a medium or an object shows or carries words but says nothing; the
        // quote keeps no speaker rather than a wrong one.
        if (speaker.Entity is null && speaker.Text is { } described
            && Media.Contains(described[(described.LastIndexOf(' ') + 1)..].Trim('.', ',', '\'', '’')))
        {
            return (null, null, -1);
        }

        // "Fiat boss Sergio Marchionne said": the organisation qualifies the person who speaks.
        // "Aguilera's agent Meghan Prophet said": a person's too, through the possessive.
        if (speaker.Entity is not null && speaker.Start >= 0 && (speaker.Entity.Kind != AnalysedKind.Person || PossessiveAfter(context, speaker))
            && PersonAfterTitle(context, speaker) is { } person)
        {
            return person;
        }

        if (speaker.Entity is not null || speaker.Text is null || speaker.Start < 0)
        {
            return speaker;
        }

        // "the company said": the organisation the article is about, when it has one that stands out.
        var words = speaker.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 2 && words[0] is "the" or "The" && CollectiveHeads.Contains(words[1])
            && context.Analysis.Entities.Where(e => e.Kind == AnalysedKind.Organisation).OrderByDescending(e => e.Salience).FirstOrDefault() is { Salience: >= 0.4 } organisation)
        {
            return (organisation, speaker.Text, speaker.Start);
        }

        // "he said": the person named last before.
        return speaker.Text is "he" or "she" or "He" or "She"
            ? (context.PronounAntecedent(speaker.Start, speaker.Text)?.Entity, speaker.Text, speaker.Start)
            : Described(context, speaker);
    }

    /// <summary>A person right after the speaker's name and a title or occupation ("Fiat boss Sergio Marchionne").</summary>
    private static bool PossessiveAfter(Context context, (AnalysedEntity? Entity, string? Text, int Start) speaker)
    {
        var mention = speaker.Entity!.Mentions.FirstOrDefault(m => m.Start == speaker.Start);
        return mention is not null && mention.End + 2 <= context.Text.Length && context.Text.AsSpan(mention.End, 2) is "'s" or "’s";
    }

    private static (AnalysedEntity? Entity, string? Text, int Start)? PersonAfterTitle(Context context, (AnalysedEntity? Entity, string? Text, int Start) speaker)
    {
        var mention = speaker.Entity!.Mentions.FirstOrDefault(m => m.Start == speaker.Start);
        if (mention is null)
        {
            return null;
        }

        var t = context.TokenAt(mention.End);
        while (t < context.Tokens.Count && context.Tokens[t].Start < mention.End)
        {
            t++;
        }

        for (var k = t; k < Math.Min(context.Tokens.Count, t + 4); k++)
        {
            if (context.MentionAt(k) is { Entity.Kind: AnalysedKind.Person } person)
            {
                return k > t ? (person.Entity, person.Mention.Surface, person.Mention.Start) : null;
            }

            // "Fiat boss Sergio Marchionne", "Cebit organiser Gabriele Dorries", "Aguilera's agent Meghan Prophet", "BBC Radio
            // Scotland presenter Vic Galloway": titles and lower-case nouns of occupation between the name and the person.
            var word = context.Word(k);
            if (!(Roles.IsTitleWord(word) || word is "'s" or "’s"
                  || (Descriptions.IsDescribingNoun(word) && !CueVerbs.Contains(word) && !FiniteVerbs.Contains(word))))
            {
                return null;
            }
        }

        return null;
    }

    private static readonly HashSet<string> TimeNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "week", "month", "year", "night", "morning", "evening", "afternoon",
    };

    private static readonly HashSet<string> TimeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "on", "in", "at", "during", "earlier", "later", "yesterday", "today", "tonight", "again", "also", "last", "this", "recently", "previously",
    };

    /// <summary>
    /// A speaker written as a phrase: "Netanyahu on Tuesday" is Netanyahu (the words before a time phrase);
    /// "the top US diplomat" is the person the article gives that office. Indefinite descriptions ("a senior
    /// official") stay unresolved.
    /// </summary>
    private static (AnalysedEntity? Entity, string? Text, int Start) Described(Context context, (AnalysedEntity? Entity, string? Text, int Start) speaker)
    {
        var first = context.TokenAt(speaker.Start);
        var end = speaker.Start + speaker.Text!.Length;
        var tokens = new List<int>();
        for (var t = first; t < context.Tokens.Count && context.Tokens[t].End <= end; t++)
        {
            tokens.Add(t);
        }

        var cut = tokens.FindIndex(t => TimeWords.Contains(context.Word(t)));
        var head = cut > 0 ? tokens[..cut] : tokens;
        if (head.Count > 0 && context.MentionAt(head[^1]) is { } found && found.Entity.Kind is AnalysedKind.Person or AnalysedKind.Organisation)
        {
            return (found.Entity, found.Mention.Surface, found.Mention.Start);
        }

        var words = head.Select(context.Word).ToList();
        if (words.Count >= 2 && words[0] is "the" or "The" && Descriptions.Person(context.Analysis, words) is { } person)
        {
            return (person, speaker.Text, speaker.Start);
        }

        return speaker;
    }

    /// <summary>A quote in the next paragraph with nothing but whitespace between (a quote running over paragraphs).</summary>
    private static bool IsContinuation(string text, int previousEnd, int start) =>
        previousEnd <= start && text[previousEnd..start].Trim(' ', '\n', '“', '”', '"', ',', '.').Length == 0;

    /// <summary>The cue and speaker right after a closing mark: ", Lapid said", ", said Lapid", ", he added".</summary>
    private static bool FindCueAfter(Context context, int end, out int cue, out (AnalysedEntity? Entity, string? Text, int Start) speaker)
    {
        cue = -1;
        speaker = (null, null, -1);
        var token = context.TokenAt(end);
        while (token < context.Tokens.Count && context.Tokens[token].Start < end)
        {
            token++;
        }

        // The closing mark itself (straight marks are tokens of their own).
        while (token < context.Tokens.Count && context.Tokens[token].Start <= end + 1 && context.Word(token) is "\"" or "”" or "'" or "''")
        {
            token++;
        }

        var limit = Math.Min(context.Tokens.Count, token + 6);
        for (var t = token; t < limit; t++)
        {
            var word = context.Word(t);
            if (word is "." or "!" or "?" or "“" or "\"" || context.Tokens[t].LineBreakBefore)
            {
                return false;
            }

            if (!CueVerbs.Contains(word))
            {
                continue;
            }

            // "“… in this country.” And continued: “…”": a cue that opens a new sentence and a colon introduces the next quote.
            if (t + 1 < context.Tokens.Count && context.Word(t + 1) == ":" && context.Text.AsSpan(0, end).TrimEnd(" \"”'’") is [.., '.' or '!' or '?'])
            {
                return false;
            }

            cue = t;
            // Speaker between the quote and the cue ("Lapid said"), else right after it ("said Lapid").
            var before = SpeakerIn(context, token, t);
            speaker = before.Text is not null ? before : SpeakerIn(context, t + 1, Math.Min(context.Tokens.Count, t + 8), after: true);
            return true;
        }

        return false;
    }

    /// <summary>
    /// The subject before a cue verb: skipping auxiliaries and adverbs, the word before the verb is a name (the
    /// entity), a pronoun, or the head of a noun phrase ("the administration", "US officials").
    /// </summary>
    private static (AnalysedEntity? Entity, string? Text, int Start) SpeakerBefore(Context context, int cue, int sentenceStart)
    {
        var t = cue - 1;
        while (t >= sentenceStart)
        {
            var skipped = context.Word(t);
            if (Auxiliaries.Contains(skipped) || (skipped.EndsWith("ly", StringComparison.Ordinal) && char.IsLower(skipped[0])) || skipped is "yesterday" or "today" or "tonight")
            {
                t--;
            }
            else if (skipped == ")" && Enumerable.Range(Math.Max(sentenceStart, t - 8), t - Math.Max(sentenceStart, t - 8)).LastOrDefault(k => context.Word(k) == "(", -1) is > 0 and var open && open > sentenceStart)
            {
                // "Sen. David Perdue (R-Ga.) said": a parenthesis between subject and verb.
                t = open - 1;
            }
            else if (skipped is "-" or "—" or "–" && Enumerable.Range(Math.Max(sentenceStart, t - 8), t - Math.Max(sentenceStart, t - 8)).LastOrDefault(k => context.Word(k) == skipped, -1) is > 0 and var dash
                     && dash > sentenceStart && context.MentionAt(dash - 1) is not null)
            {
                // "DJ Norman Cook - aka Fatboy Slim - has said": an aside between dashes after the subject's name.
                t = dash - 1;
            }
            else if (t - 1 >= sentenceStart && TimeNouns.Contains(skipped) && context.Word(t - 1).ToLowerInvariant() is "on" or "last" or "this" or "late" or "early" or "earlier")
            {
                // "Netanyahu on Tuesday again threatened": the time phrase sits between subject and verb.
                t -= 2;
            }
            else
            {
                break;
            }
        }

        if (t >= sentenceStart && Share(context, t, sentenceStart) is { } share)
        {
            return share;
        }

        if (t < sentenceStart || (context.Tokens[t].Kind != TokenKind.Word && context.Word(t) != ","))
        {
            return (null, null, -1);
        }

        // "Former welfare minister Frank Field MP said": a letter title after the name.
        if (t - 1 >= sentenceStart && context.Word(t) is "MP" or "MEP" or "MSP" or "QC" or "KC" or "Jr" or "Jr." or "Sr" or "Sr."
            && context.MentionAt(t - 1) is { Entity.Kind: AnalysedKind.Person })
        {
            t--;
        }

        if (context.MentionAt(t) is { } found)
        {
            if (found.Entity.Kind == AnalysedKind.Place && LocatedSpeaker(context, context.TokenAt(found.Mention.Start), sentenceStart) is { } located)
            {
                return located;
            }

            return (found.Entity, found.Mention.Surface, found.Mention.Start);
        }

        var word = context.Word(t);
        if (Pronouns.Contains(word))
        {
            return (null, word, context.Tokens[t].Start);
        }

        if (word == "," && t > sentenceStart)
        {
            // "Karimi, executive director of Interfaith Paths to Peace, said …": the name the appositive describes.
            // "… , and Brian Deese, the White House climate change adviser, said": the nearest name that opens its
            // clause (after the sentence start, a comma, "and"/"but" or a title) and is followed by a comma.
            var from = context.FirstMentionFrom(context.Tokens[sentenceStart].Start);
            var to = context.FirstMentionFrom(context.Tokens[t].Start);
            var names = Enumerable.Range(from, to - from).Reverse().Select(k => context.Mentions[k])
                .Where(m => m.Mention.End <= context.Tokens[t].Start && m.Entity.Kind is AnalysedKind.Person or AnalysedKind.Organisation)
                .Take(AppositiveCandidates);
            foreach (var subject in names)
            {
                var at = context.TokenAt(subject.Mention.Start);
                var afterName = context.TokenAt(subject.Mention.End);
                while (afterName < t && context.Tokens[afterName].Start < subject.Mention.End)
                {
                    afterName++;
                }

                // "Rep. Gregory Meeks (D-N.Y.), chairman of …, said": a parenthesis after the name.
                if (afterName < t && context.Word(afterName) == "(")
                {
                    var close = afterName + 1;
                    while (close < t && close - afterName <= 8 && context.Word(close) != ")")
                    {
                        close++;
                    }

                    afterName = close < t && context.Word(close) == ")" ? close + 1 : afterName;
                }

                // "The state's campaign chairman, Phil Lovas, said": the name closed by the comma before the cue.
                // "Nogar's son Stephen, 57, said": a relative's noun opens the name too.
                var opens = at == sentenceStart || context.Word(at - 1) is "," or "and" or "but" || Roles.IsTitleWord(context.Word(at - 1).TrimEnd('.'))
                            || Descriptions.RelativeNouns.Contains(context.Word(at - 1));
                var closed = afterName < t || (afterName == t && at > sentenceStart && context.Word(at - 1) == ",");
                if (opens && closed && context.Word(afterName) == ",")
                {
                    return (subject.Entity, subject.Mention.Surface, subject.Mention.Start);
                }
            }

            // "The firm, which is to receive a payment of £24.5m, said": a collective noun opening the sentence before the
            // comma (read as the organisation the article is about, in Refine).
            if (sentenceStart + 2 < t && context.Word(sentenceStart) is "The" && CollectiveHeads.Contains(context.Word(sentenceStart + 1))
                && context.Word(sentenceStart + 2) == ",")
            {
                var at = context.Tokens[sentenceStart].Start;
                return (null, context.Text[at..context.Tokens[sentenceStart + 1].End], at);
            }

            return (null, null, -1);
        }

        if (word is "and" or "but" || (word == "by" && context.Word(cue).EndsWith("ing", StringComparison.Ordinal)))
        {
            // "He was advised to … and said …", "In May, Democratic nominee Hillary Clinton called on Congress to act and
            // said …", "Federer addressed the crowd and concluded by saying …": the verbs share the sentence's subject.
            var subject = sentenceStart;
            if (context.MentionAt(subject) is { } named)
            {
                return (named.Entity, named.Mention.Surface, named.Mention.Start);
            }

            if (Pronouns.Contains(context.Word(subject)))
            {
                return (null, context.Word(subject), context.Tokens[subject].Start);
            }

            if (MainSubject(context, sentenceStart, t) is { Entity: not null } main)
            {
                return main;
            }

            // "Democrats also described the showdown as ominous, and said …": the sentence's subject phrase, up to its
            // first auxiliary, adverb or verb in -ed, at most four words, all of them words.
            var last = subject;
            while (last + 1 < t && last - subject < 3 && context.Tokens[last + 1].Kind == TokenKind.Word
                   && !Auxiliaries.Contains(context.Word(last + 1)) && !CueVerbs.Contains(context.Word(last + 1))
                   && !context.Word(last + 1).EndsWith("ed", StringComparison.Ordinal) && !context.Word(last + 1).EndsWith("ly", StringComparison.Ordinal))
            {
                last++;
            }

            var next = last + 1 < t ? context.Word(last + 1) : "";
            var opensWithWord = context.Tokens[subject].Kind == TokenKind.Word && char.IsUpper(context.Word(subject)[0]);
            return opensWithWord && (Auxiliaries.Contains(next) || next.EndsWith("ed", StringComparison.Ordinal)) && LooksLikeSpeaker(context, last)
                ? (null, context.Text[context.Tokens[subject].Start..context.Tokens[last].End], context.Tokens[subject].Start)
                : (null, null, -1);
        }

        if (word is "who" or "which" or "that" && t - 1 >= sentenceStart)
        {
            // "aid officials who say …", "Clinton, who said …": the relative pronoun stands for the phrase before it.
            var relative = t;
            var before = context.Word(t - 1) == "," && t - 2 >= sentenceStart ? t - 2 : t - 1;
            if (context.MentionAt(before) is { } antecedent)
            {
                return (antecedent.Entity, context.Word(relative), context.Tokens[relative].Start);
            }

            if (word == "who" && context.Word(t - 1) == ",")
            {
                // "said one former campaign staffer, who said …": the phrase before the comma.
                return SpeakerBefore(context, t - 1, sentenceStart);
            }

            t--;
            if (Share(context, t, sentenceStart) is { } respondents)
            {
                // "including 18% who say …".
                return respondents;
            }

            if (context.Tokens[t].Kind != TokenKind.Word)
            {
                return (null, null, -1);
            }
        }

        if (t == sentenceStart && SentenceConjunctions.Contains(context.Word(t)))
        {
            // "And continued: …": no subject of its own (the caller may give it the previous speaker).
            return (null, null, -1);
        }

        // A noun phrase ending here: extend left over its modifiers, stopping at punctuation, a preposition or a verb-like word.
        var first = t;
        while (first - 1 >= sentenceStart && context.Tokens[first - 1].Kind == TokenKind.Word && t - first < 6
               && !Auxiliaries.Contains(context.Word(first - 1)) && !CueVerbs.Contains(context.Word(first - 1))
               && context.Word(first - 1) is not ("and" or "but" or "that" or "which" or "who" or "when" or "as" or "while"
                   or "from" or "by" or "with" or "to" or "in" or "on" or "at" or "for" or "about" or "against" or "after" or "before")
               && !NounPhraseOpeners.Contains(context.Word(first)))
        {
            // "Last Friday the minister had announced": a determiner opens the noun phrase; what is before it is not the speaker.
            first--;
        }

        if (char.IsUpper(context.Word(first)[0]) && LocatedSpeaker(context, first, sentenceStart) is { } placed)
        {
            return placed;
        }

        var start = context.Tokens[first].Start;
        return LooksLikeSpeaker(context, t) ? (null, context.Text[start..context.Tokens[t].End], start) : (null, null, -1);
    }

    /// <summary>
    /// "The court in Washington found", "a spokeswoman for the St David's Centre in Cardiff said": a place (its first token
    /// <paramref name="place"/>) after "in" or "at" says where the speaker is; the speaker is the phrase before the preposition.
    /// </summary>
    private static (AnalysedEntity? Entity, string? Text, int Start)? LocatedSpeaker(Context context, int place, int sentenceStart) =>
        place - 2 >= sentenceStart && context.Word(place - 1) is "in" or "at" && context.Tokens[place - 2].Kind == TokenKind.Word
        && SpeakerBefore(context, place - 1, sentenceStart) is { Text: not null } located
            ? located
            : null;

    /// <summary>Conjunctions that open a sentence whose verb shares the previous sentence's subject ("And continued: …").</summary>
    private static readonly HashSet<string> SentenceConjunctions = new(StringComparer.Ordinal) { "And", "But", "Then", "Yet", "Also" };

    /// <summary>The sentence is a conjunction, then only auxiliaries and adverbs, then the cue: its subject is elided.</summary>
    private static bool ElidedSubject(Context context, int first, int cue) =>
        cue > first && SentenceConjunctions.Contains(context.Word(first))
        && Enumerable.Range(first + 1, cue - first - 1).All(k => context.Word(k) is var w && (Auxiliaries.Contains(w) || (w.EndsWith("ly", StringComparison.Ordinal) && char.IsLower(w[0]))));

    /// <summary>Determiners that open a noun phrase ("the minister", "a say", "their say").</summary>
    private static readonly HashSet<string> NounPhraseOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "no", "any", "final",
    };

    /// <summary>Words of a share of people ("nearly nine out of 10", "about 4 in 10", "26%", "more than half").</summary>
    private static readonly HashSet<string> ShareWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "out", "of", "in", "nearly", "about", "almost", "some", "roughly", "just", "over", "more", "than", "fewer", "less", "only", "percent",
        "%", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half", "third", "quarter", "majority",
    };

    /// <summary>
    /// A share of respondents right before the verb, a number or percentage its head ("Nearly nine out of 10 say …",
    /// "26% say …", "18% who say"): the speaker as written, no entity.
    /// </summary>
    private static (AnalysedEntity? Entity, string? Text, int Start)? Share(Context context, int t, int sentenceStart)
    {
        if (context.Tokens[t].Kind != TokenKind.Number && context.Word(t) is not ("%" or "percent"))
        {
            return null;
        }

        var first = t;
        while (first - 1 >= sentenceStart && t - first < 6
               && (context.Tokens[first - 1].Kind == TokenKind.Number || ShareWords.Contains(context.Word(first - 1))))
        {
            first--;
        }

        var hasNumber = Enumerable.Range(first, t - first + 1).Any(k => context.Tokens[k].Kind == TokenKind.Number);
        var start = context.Tokens[first].Start;
        return hasNumber && context.Word(first) is not ("of" or "in" or "out")
            ? (null, context.Text[start..context.Tokens[t].End], start)
            : null;
    }

    /// <summary>Conjunctions that open a subordinate clause before the main one ("When …, Republicans …").</summary>
    private static readonly HashSet<string> Subordinators = new(StringComparer.Ordinal)
    {
        "When", "While", "After", "Although", "Though", "If", "As", "Because", "Since", "Once", "Until", "Before", "Whereas", "Unless",
    };

    /// <summary>
    /// Does the sentence open with a subordinate clause whose verb is token <paramref name="t"/> (no other verb between: "When
    /// the director, James Comey, said …" is, "When he arrived, Comey said …" is not)?
    /// </summary>
    private static bool Subordinate(Context context, int first, int t)
    {
        while (first < t && SentenceOpeners.Contains(context.Word(first)))
        {
            first++;
        }

        return first < t && Subordinators.Contains(context.Word(first)) && !Enumerable.Range(first + 1, t - first - 1).Any(k =>
            context.Word(k) is var w && context.MentionAt(k) is null
            && (FiniteVerbs.Contains(w) || PastTenses.Contains(w) || CueVerbs.Contains(w) || (char.IsLower(w[0]) && w.EndsWith("ed", StringComparison.Ordinal))));
    }

    /// <summary>
    /// A report whose content opens the sentence and ends at the comma before its attribution, when the attribution
    /// reports nothing after it: inverted ("The firm lobbied for the casino, said lobbyist Charlie Black, who …") or
    /// with a time or place after the cue ("Trump's excesses are sickening, Hollande said Tuesday in Paris, noting …").
    /// The content must be a clause (a finite verb, not an opening adverbial or subordinate clause).
    /// </summary>
    private static Quote? ReportBeforeComma(Context context, int t, Sentence sentence, int s)
    {
        var from = Math.Max(sentence.FirstToken + 1, t - 7);
        var comma = Enumerable.Range(from, Math.Max(0, t - from)).LastOrDefault(x => context.Word(x) == ",", -1);
        if (comma < 0)
        {
            return null;
        }

        (AnalysedEntity? Entity, string? Text, int Start) speaker;
        if (comma == t - 1)
        {
            var speakerEnd = Enumerable.Range(t + 1, Math.Max(0, sentence.EndToken - t - 1)).FirstOrDefault(x => context.Word(x) is "," or "." or ";", sentence.EndToken);
            // The speaker after the cue is a name or a description, no clause ("said prices were likely to rise" is a report after it).
            var verbless = !Enumerable.Range(t + 1, Math.Max(0, speakerEnd - t - 1)).Any(x => context.Word(x) is var w && context.MentionAt(x) is null
                && (FiniteVerbs.Contains(w) || PastTenses.Contains(w) || Auxiliaries.Contains(w) || w is "to" or "that"));
            speaker = verbless && speakerEnd - t - 1 is >= 1 and <= 8 ? SpeakerIn(context, t + 1, speakerEnd, after: true) : (null, null, -1);
        }
        else
        {
            speaker = SpeakerIn(context, comma + 1, t);
            // After the cue only a time or a short phrase of place or occasion ("Tuesday in Paris", "during his campaign
            // speech", "on MSNBC"), up to the next comma or the end: no clause, nothing else reported.
            var rest = SkipTime(context, t + 1, sentence.EndToken);
            if (rest < sentence.EndToken && context.Word(rest) is "in" or "on" or "at" or "during" or "to" or "after" or "before" or "while")
            {
                var phraseEnd = rest + 1;
                while (phraseEnd < sentence.EndToken && phraseEnd - rest <= 6 && context.Word(phraseEnd) is var w && w is not ("," or "." or ";")
                       && !FiniteVerbs.Contains(w) && !PastTenses.Contains(w) && w != "that")
                {
                    phraseEnd++;
                }

                rest = phraseEnd;
            }

            if (rest < sentence.EndToken && context.Word(rest) is not ("," or "." or ";"))
            {
                return null;
            }
        }

        if (speaker.Text is null || speaker.Text is "it" or "It")
        {
            return null;
        }

        var first = sentence.FirstToken;
        var opener = context.Word(first);
        var clause = Enumerable.Range(first, comma - first).Any(x => context.Word(x) is var w && context.MentionAt(x) is null
            && (FiniteVerbs.Contains(w) || PastTenses.Contains(w) || (w.Length > 3 && char.IsLower(w[0]) && w.EndsWith("ed", StringComparison.Ordinal))));
        var start = context.Tokens[first].Start;
        var end = TrimEndPunctuation(context.Text, context.Tokens[comma].Start);
        if (!clause || AdverbialOpeners.Contains(opener) || Subordinators.Contains(opener) || end - start <= 15)
        {
            return null;
        }

        speaker = Refine(context, speaker);
        return new Quote(start, end, context.Text[start..end], QuoteType.Indirect, context.Word(t), context.Tokens[t].Start, speaker.Entity, speaker.Text, speaker.Start, s);
    }

    /// <summary>Words that open a sentence before its subject ("But", "Meanwhile,").</summary>
    private static readonly HashSet<string> SentenceOpeners = new(StringComparer.Ordinal)
    {
        "But", "And", "So", "Still", "Yet", "Meanwhile", "However", "Instead", "Later", "Earlier", "Now", "Then", "Separately", "Also", ",",
    };

    /// <summary>Prepositions and time words that open an adverbial phrase before the subject ("In May,", "On Wednesday,").</summary>
    private static readonly HashSet<string> AdverbialOpeners = new(StringComparer.Ordinal)
    {
        "In", "On", "At", "Last", "Earlier", "Later", "After", "During", "Since", "This", "Late", "Early", "Before", "Over", "By", "Following",
    };

    /// <summary>
    /// The subject of a sentence's main clause when it opens the sentence, before token <paramref name="limit"/>: after an
    /// opening conjunction or adverb ("But", "Meanwhile,") and a short adverbial phrase closed by a comma ("In May,", "On
    /// Wednesday,"), a person or organisation named within the first words (the titles and modifiers before the name:
    /// "Democratic presidential nominee Hillary Clinton", "Mr. Obama"), not as a possessive ("Trump's campaign"); or a
    /// personal pronoun.
    /// </summary>
    private static (AnalysedEntity? Entity, string? Text, int Start)? MainSubject(Context context, int first, int limit)
    {
        while (first < limit && SentenceOpeners.Contains(context.Word(first)))
        {
            first++;
        }

        if (first < limit && AdverbialOpeners.Contains(context.Word(first)))
        {
            var comma = Enumerable.Range(first + 1, Math.Max(0, Math.Min(limit, first + 7) - first - 1)).FirstOrDefault(k => context.Word(k) == ",", -1);
            if (comma < 0)
            {
                return null;
            }

            first = comma + 1;
        }

        if (first >= limit)
        {
            return null;
        }

        var word = context.Word(first);
        if (Pronouns.Contains(word) && word is not ("it" or "It"))
        {
            return (null, word, context.Tokens[first].Start);
        }

        for (var k = first; k < Math.Min(limit, first + 5); k++)
        {
            if (context.MentionAt(k) is { } named)
            {
                var after = k;
                while (after < limit && context.Tokens[after].Start < named.Mention.End)
                {
                    after++;
                }

                var next = after < limit ? context.Word(after) : "";
                return named.Entity.Kind is AnalysedKind.Person or AnalysedKind.Organisation && next is not ("’s" or "'s" or "’" or "'" or "and" or "of" or "or")
                    ? (named.Entity, named.Mention.Surface, named.Mention.Start)
                    : null;
            }

            // Titles and modifiers before the name: words, no verb, no preposition.
            var modifier = context.Word(k);
            if (context.Tokens[k].Kind != TokenKind.Word || CueVerbs.Contains(modifier) || Auxiliaries.Contains(modifier) || FiniteVerbs.Contains(modifier)
                || modifier.ToLowerInvariant() is "the" or "a" or "an" or "of" or "in" or "on" or "for" or "with" or "to" or "by" or "at" or "from" or "who" or "that" or "which" or "when")
            {
                if (!(modifier is "the" or "The" && k == first))
                {
                    return null;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A noun phrase that can be a speaker: not a fragment ending in a function word or a verb ("it's safe
    /// to", "not yet", "has been").
    /// </summary>
    private static bool LooksLikeSpeaker(Context context, int last) =>
        context.Word(last).ToLowerInvariant() is not ("to" or "yet" or "not" or "be" or "been" or "is" or "was" or "are" or "were" or "given" or "of" or "for" or "with" or "it" or "safe");

    /// <summary>A speaker among tokens [from, to): an entity mention, a pronoun, or a noun phrase.</summary>
    private static readonly HashSet<string> SpeakingRoles = new(StringComparer.Ordinal)
    {
        "spokesman", "spokeswoman", "spokesperson", "chief", "director", "boss", "chairman", "president", "head", "executive", "analyst",
        "official", "manager", "secretary", "minister", "founder", "editor",
    };

    /// <summary>A person right after one role word (and a comma) that follows a name ending at <paramref name="end"/>.</summary>
    private static (Mention Mention, AnalysedEntity Entity)? OfficeOfName(Context context, int end, int to)
    {
        // The first token after the name (the name's last token starts before its end).
        var t = context.Tokens.IndexAt(end - 1) + 1;
        if (t <= 0 || t >= to || !SpeakingRoles.Contains(context.Word(t)))
        {
            return null;
        }

        t++;
        if (t < to && context.Word(t) == ",")
        {
            t++;
        }

        return t < to && context.MentionAt(t) is { } person && person.Entity.Kind == AnalysedKind.Person ? person : null;
    }

    private static (AnalysedEntity? Entity, string? Text, int Start) SpeakerIn(Context context, int from, int to, bool after = false)
    {
        // "…, Tony Blair has said": auxiliaries between the subject and the verb are not part of the subject.
        while (!after && to - 1 > from && Auxiliaries.Contains(context.Word(to - 1)))
        {
            to--;
        }

        var order = Enumerable.Range(from, Math.Max(0, to - from));
        var lastWord = Enumerable.Range(from, Math.Max(0, to - from)).LastOrDefault(t => context.Tokens[t].Kind == TokenKind.Word, -1);
        foreach (var t in order)
        {
            if (context.MentionAt(t) is { } found)
            {
                // Between a quote and its verb the name must head the phrase: "a senior Biden administration
                // official" is not Biden.
                if (!after && lastWord >= 0 && found.Mention.End < context.Tokens[lastWord].End)
                {
                    break;
                }

                // "said Opera spokeswoman, Berit Hanson": after the verb, the person a role of the organisation names speaks.
                if (after && OfficeOfName(context, found.Mention.End, to) is { } holder && holder.Entity != found.Entity)
                {
                    return (holder.Entity, holder.Mention.Surface, holder.Mention.Start);
                }

                return (found.Entity, found.Mention.Surface, found.Mention.Start);
            }

            var word = context.Word(t);
            if (Pronouns.Contains(word) && !after || Pronouns.Contains(word) && after && t == from)
            {
                return (null, word, context.Tokens[t].Start);
            }
        }

        // A description: "a senior Biden administration official", "officials", "sources".
        var words = Enumerable.Range(from, Math.Max(0, to - from)).Where(t => context.Tokens[t].Kind == TokenKind.Word).ToList();
        if (words.Count > 0)
        {
            var first = words[0];
            var last = words[^1];
            if (after)
            {
                // "said Ilan Goldenberg, a Mideast expert": stop at the comma.
                last = first;
                while (last + 1 < to && context.Tokens[last + 1].Kind == TokenKind.Word)
                {
                    last++;
                }
            }

            var start = context.Tokens[first].Start;
            var end = context.Tokens[last].End;
            var phrase = context.Text[start..end];
            if (phrase.Length > 0 && phrase.Split(' ').Length <= 8)
            {
                return (null, phrase, start);
            }
        }

        return (null, null, -1);
    }

    /// <summary>Reported speech without marks, in sentences that hold no quote.</summary>
    private static IEnumerable<Quote> Indirect(Context context, List<Quote> direct)
    {
        var text = context.Text;
        var sentences = context.Analysis.Tokens.Sentences;
        var directSpans = new SpanSet(direct.Where(q => q.Kind != QuoteType.Partial).Select(q => (q.Start, q.End)));
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            var sentenceStart = sentence.Start(context.Tokens);
            var sentenceEnd = sentence.End(context.Tokens);
            if (Labelled(context, sentence, s, directSpans) is { } labelled)
            {
                yield return labelled;
                continue;
            }

            if (directSpans.Overlaps(sentenceStart, sentenceEnd))
            {
                // Reported speech beside a direct quote is read only in a clause of its own before the quote and its
                // attribution: "She said fathers … would not be eligible, and when pressed …, she replied, “…”".
                // Reading the whole sentence was tried ("… said the plan came from the mayor and said, “…”"): on
                // PolNeAR it added as many wrong spans as right ones.
                if (ClauseBeforeDirect(context, sentence, direct) is not { } before)
                {
                    continue;
                }

                sentence = before;
                sentenceEnd = sentence.End(context.Tokens);
            }

            var tokens = Enumerable.Range(sentence.FirstToken, sentence.TokenCount).ToList();

            // "according to X, …" and "…, according to X."
            var according = tokens.FirstOrDefault(t => t + 1 < sentence.EndToken && context.Word(t).Equals("according", StringComparison.OrdinalIgnoreCase) && context.Word(t + 1) == "to", -1);
            if (according >= 0)
            {
                var comma = tokens.FirstOrDefault(t => t > according && context.Word(t) == ",", -1);
                var speaker = SpeakerIn(context, according + 2, comma > 0 ? comma : sentence.EndToken);
                int start, end;
                if (according == sentence.FirstToken && comma > 0)
                {
                    start = context.Tokens[comma + 1].Start;
                    end = TrimEndPunctuation(text, sentenceEnd);
                }
                else
                {
                    start = sentenceStart;
                    end = TrimEndPunctuation(text, context.Tokens[according].Start);
                }

                if (end - start > 10)
                {
                    speaker = Refine(context, speaker);
                    yield return new Quote(start, end, text[start..end], QuoteType.Indirect, "according to", context.Tokens[according].Start,
                        speaker.Entity, speaker.Text, speaker.Start, s);
                }

                continue;
            }

            // "X said (that) …": a speaker right before an indirect cue, content after it.
            for (var k = 0; k < tokens.Count; k++)
            {
                var t = tokens[k];

                // "the union called for a pause on new road tolls": a demand reported, by a named speaker.
                if (context.Word(t) is "called" or "calls" && t + 2 < sentence.EndToken && context.Word(t + 1) == "for" && context.MentionAt(t) is null)
                {
                    var demander = SpeakerBefore(context, t, sentence.FirstToken);
                    var demandStart = context.Tokens[t + 2].Start;
                    var demandEnd = TrimEndPunctuation(text, sentenceEnd);
                    if ((demander.Entity is { Kind: AnalysedKind.Person or AnalysedKind.Organisation } || Pronouns.Contains(demander.Text ?? "")) && demandEnd - demandStart > 10)
                    {
                        demander = Refine(context, demander);
                        yield return new Quote(demandStart, demandEnd, text[demandStart..demandEnd], QuoteType.Indirect, "called for", context.Tokens[t].Start,
                            demander.Entity, demander.Text, demander.Start, s);
                        break;
                    }
                }

                // "The Trump campaign called the charges unsubstantiated", "Clinton criticized the Affordable Care Act as a
                // “crazy system”": what a named speaker calls something, criticises or praises, as said.
                if ((Judgement(context, t, sentence, s) ?? Commitment(context, t, sentence, s) ?? Question(context, t, sentence, s) ?? Claim(context, t, sentence, s)) is { } judged)
                {
                    yield return judged.Quote;

                    // A second report may follow the clause: "…, but she noted that …".
                    k = tokens.IndexOf(judged.End) - 1;
                    continue;
                }

                if (context.MentionAt(t) is not null || (!IndirectCues.Contains(context.Word(t)) && !ThatComplement(context, t, sentence))
                    || (t > sentence.FirstToken && context.SayNoun(t)))
                {
                    // "United States", "Consumer Reports": a cue word inside a name is not a verb; "have a say" is a noun.
                    continue;
                }

                var speaker = SpeakerBefore(context, t, sentence.FirstToken);
                if (!IndirectCues.Contains(context.Word(t)) && !(speaker.Entity is { Kind: AnalysedKind.Person or AnalysedKind.Organisation } || Pronouns.Contains(speaker.Text ?? "") && speaker.Text is not ("it" or "It")))
                {
                    // Any other verb reports only with a named speaker or a person's pronoun: "Politifact then ruled that …".
                    continue;
                }

                var next = t + 1;

                // "reported Saturday that", "announced this month that": a time phrase between the cue and "that".
                if (SkipTime(context, next, sentence.EndToken) is var afterTime && afterTime > next && afterTime < sentence.EndToken && context.Word(afterTime) == "that")
                {
                    next = afterTime;
                }

                var tail = next < sentence.EndToken ? context.Word(next) : "";

                // Other cues need "that", or a clause right after them ("acknowledged it was unlikely", "one study found
                // Trump would raise taxes"): a subject, then a finite verb within a few words.
                var clause = tail != "that" && !PlainSayings.Contains(context.Word(t)) && !NounLikeCues.Contains(context.Word(t))
                    && ClauseAt(context, next, sentence.EndToken);

                // "Clinton cited derogatory comments Trump had made": what a named speaker cites is reported with a plain
                // object ("cited by", a passive, is not).
                var cited = context.Word(t) is "cited" or "cites" && tail is not ("by" or "for" or "as" or "." or "," or "")
                            && NamedOrPersonal(speaker);
                // "Polls show Clinton with a lead", "Video shows an officer aiming a gun": what a source shows, as an object.
                var shown = context.Word(t) is "shows" or "show" or "showed" && speaker.Entity is null && speaker.Text is { } source
                            && SourceNouns.Contains(LastWord(source)) && tail is not ("." or "," or "");
                if (!PlainSayings.Contains(context.Word(t)) && tail != "that" && tail is not ("." or "") && !clause && !cited && !shown)
                {
                    continue;
                }

                // "…, said Charlie Black, a GOP strategist", "…, Hollande said Tuesday in Paris, noting …": the content before
                // the comma, the speaker around the cue, nothing reported after it.
                if (PlainSayings.Contains(context.Word(t)) && tail is not ("." or "" or "that") && ReportBeforeComma(context, t, sentence, s) is { } before)
                {
                    yield return before;
                    break;
                }

                // "…, Foreign Secretary Jack Straw told the Commons on Tuesday.": an addressee and a time, then the sentence's
                // end, close the attribution as a bare "said." does.
                if (context.Word(t) is "told" or "tells" && tail is not ("." or "" or "that") && OnlyAddressee(context, next, sentence.EndToken))
                {
                    tail = ".";
                }

                // "…, officials said." ending the sentence: the content comes before the comma.
                if (tail is "." or "")
                {
                    var comma = tokens.Take(k).LastOrDefault(x => context.Word(x) == ",", -1);
                    if (comma > sentence.FirstToken)
                    {
                        var reporter = Refine(context, SpeakerIn(context, comma + 1, t));
                        var end = context.Tokens[comma].Start;
                        var nounLike = NounLikeCues.Contains(context.Word(t)) && reporter.Entity is null && !Pronouns.Contains(reporter.Text ?? "");
                        if (end - sentenceStart > 15 && reporter.Text is not null && !nounLike)
                        {
                            yield return new Quote(sentenceStart, end, text[sentenceStart..end], QuoteType.Indirect, context.Word(t), context.Tokens[t].Start,
                                reporter.Entity, reporter.Text, reporter.Start, s);
                        }
                    }

                    break;
                }

                if (speaker.Text is null || speaker.Text is "it" or "It"
                    || (NounLikeCues.Contains(context.Word(t)) && tail != "that" && speaker.Entity is null && !Pronouns.Contains(speaker.Text)
                        && !shown))
                {
                    // "a deal that it says will …": "it" is rarely someone quoted, and the clause is embedded.
                    continue;
                }

                // "told Axios that …": skip the addressee; "told the AP his firm worked …": the clause after the addressee.
                if (context.Word(t).StartsWith("tell", StringComparison.OrdinalIgnoreCase) || context.Word(t) == "told")
                {
                    var addressee = AddresseeEnd(context, next, sentence.EndToken);
                    if (addressee > next && addressee < sentence.EndToken && context.Word(addressee) != "that" && ClauseAt(context, addressee, sentence.EndToken))
                    {
                        next = addressee;
                    }
                    else
                    {
                        while (next < sentence.EndToken && context.Word(next) is not ("that" or ","))
                        {
                            next++;
                        }
                    }
                }

                if (next < sentence.EndToken && context.Word(next) is "that" or ",")
                {
                    next++;
                }

                if (next >= sentence.EndToken)
                {
                    break;
                }

                // "… said the politics would be more intense — and he noted that …": a second reporting clause ends
                // the first report and is read as a report of its own.
                var second = SecondReport(context, next, sentence);
                var contentStart = context.Tokens[next].Start;
                var contentEnd = TrimEndPunctuation(text, second >= 0 ? context.Tokens[SameSubjectJoiner(context, second) is >= 0 and var joiner ? joiner : second - 2].Start : sentenceEnd);

                // "Rubio said the real extremist is Clinton, and he railed against the moderators …": the writer's own clause
                // about the speaker ends the report.
                if (tokens.FirstOrDefault(x => x > next + 2 && x + 2 < sentence.EndToken && context.Word(x) == "," && context.Word(x + 1) is "and" or "but"
                        && context.Word(x + 2) is "he" or "she" or "they", -1) is > 0 and var narration
                    && context.Tokens[narration].Start < contentEnd)
                {
                    contentEnd = TrimEndPunctuation(text, context.Tokens[narration].Start);
                }

                // "When the director said on Tuesday that his investigators had no evidence, Republicans …": a report inside an
                // opening subordinate clause ends at the clause's comma.
                if (Subordinate(context, sentence.FirstToken, t)
                    && tokens.FirstOrDefault(x => x > next && context.Word(x) == "," && (second < 0 || x < second), -1) is > 0 and var clauseComma)
                {
                    contentEnd = TrimEndPunctuation(text, context.Tokens[clauseComma].Start);
                }
                if (contentEnd - contentStart > 15)
                {
                    speaker = Refine(context, speaker);
                    yield return new Quote(contentStart, contentEnd, text[contentStart..contentEnd], QuoteType.Indirect, context.Word(t), context.Tokens[t].Start,
                        speaker.Entity, speaker.Text, speaker.Start, s);
                }

                if (second < 0)
                {
                    break;
                }

                k = tokens.IndexOf(second) - 1;
            }
        }
    }

    /// <summary>A speaker that is a named person or organisation, or a personal pronoun (he, she, they) for one.</summary>
    private static bool NamedOrPersonal((AnalysedEntity? Entity, string? Text, int Start) speaker) =>
        speaker.Entity is { Kind: AnalysedKind.Person or AnalysedKind.Organisation } || speaker.Text is "he" or "she" or "He" or "She" or "they" or "They";

    /// <summary>
    /// Verbs of intent and commitment with a to-infinitive: what their subject wants, plans, promises or refuses (not
    /// threats: "threatened to carry out an offensive “with or without a deal”" keeps its quoted words as a partial quote).
    /// </summary>
    private static readonly HashSet<string> CommitmentVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "wants", "want", "wanted", "plans", "planned", "pledged", "pledges", "pledging", "vowed", "vows", "vowing", "promised", "promises", "promising",
        "refuses", "refused", "declined", "declines", "agreed", "agrees", "urged", "urges", "urging", "intends",
    };

    /// <summary>
    /// "Clinton wants to sign up 5 million people", "Trump refuses to release his tax records", "Graham urged Republicans to
    /// join …": a named speaker's (or a pronoun's) stated intent, commitment or appeal, from the verb's object or its
    /// "to" to the end of the clause.
    /// </summary>
    private static (Quote Quote, int End)? Commitment(Context context, int t, Sentence sentence, int s)
    {
        var word = context.Word(t);
        var callOn = word is "called" or "calls" && t + 1 < sentence.EndToken && context.Word(t + 1) == "on";
        if (!(CommitmentVerbs.Contains(word) || AppealVerbs.Contains(word) || callOn) || context.MentionAt(t) is not null || t + 2 >= sentence.EndToken || t == sentence.FirstToken)
        {
            return null;
        }

        // "to" right after the verb; for appeals, after the person or group urged ("urged Republicans to join", "asked a
        // federal judge to block the rules", "called on Congress to pass a deal").
        var to = callOn ? t + 2 : t + 1;
        if (word.StartsWith("urg", StringComparison.OrdinalIgnoreCase) || AppealVerbs.Contains(word) || callOn)
        {
            while (to < sentence.EndToken && to - t <= 5 && context.Word(to) != "to" && context.Tokens[to].Kind == TokenKind.Word)
            {
                to++;
            }
        }

        if (to + 1 >= sentence.EndToken || context.Word(to) != "to" || context.Tokens[to + 1].Kind != TokenKind.Word || context.Word(to + 1) is "the" or "a" or "an" or "be")
        {
            return null;
        }

        var speaker = Refine(context, SpeakerBefore(context, t, sentence.FirstToken));
        if (!NamedOrPersonal(speaker))
        {
            return null;
        }

        // "declined to comment", "refused to say": no stance is reported in fewer than three words after "to".
        return context.WordsIn(to + 1, ClauseEnd(context, t + 1, sentence) - 1) < 3 ? null : ClauseReport(context, t, callOn ? t + 2 : t + 1, sentence, s, speaker, 10);
    }

    /// <summary>
    /// Do the tokens from <paramref name="at"/> to the sentence's end only name whom something was told, and when ("the
    /// Commons on Tuesday", "reporters in Washington", "the BBC's Today programme")? Not a clause, a purpose ("told him to
    /// go") or a list, and at most seven words.
    /// </summary>
    private static bool OnlyAddressee(Context context, int at, int end)
    {
        var words = 0;
        for (var k = at; k < end; k++)
        {
            var word = context.Word(k);
            if (word == "." && k == end - 1)
            {
                break;
            }

            if (context.Tokens[k].Kind != TokenKind.Word && word is not ("'s" or "’s") || FiniteVerbs.Contains(word)
                || word is "that" or "to" or "and" or "or" or "but" or "if" or "he" or "she" or "they" or "it" or "we" or "I" || ++words > 7)
            {
                return false;
            }
        }

        return words > 0;
    }

    /// <summary>
    /// The token after the person told, from <paramref name="at"/>: a name ("the AP", "Politico"), a pronoun ("him",
    /// "reporters") or a determiner's short phrase ("the group", "a local radio station"); else <paramref name="at"/>.
    /// </summary>
    private static int AddresseeEnd(Context context, int at, int end)
    {
        if (at >= end)
        {
            return at;
        }

        var k = at;
        if (context.Word(k) is "the" or "a" or "an" or "his" or "her" or "their" or "its")
        {
            k++;
        }

        // A name after its titles and modifiers: "former Attorney General Eric Holder".
        for (var n = k; n < Math.Min(end, k + 5); n++)
        {
            if (context.MentionAt(n) is { } named)
            {
                while (n < end && context.Tokens[n].Start < named.Mention.End)
                {
                    n++;
                }

                return n;
            }

            var modifier = context.Word(n);
            if (context.Tokens[n].Kind != TokenKind.Word || FiniteVerbs.Contains(modifier) || SubjectOpeners.Contains(modifier) || QuestionWords.Contains(modifier)
                || modifier is "that" or "to" or "of" or "in" or "about" or "for" or "on")
            {
                break;
            }
        }

        if (k == at)
        {
            return context.Word(k).ToLowerInvariant() is "him" or "her" or "them" or "us" or "me" or "reporters" or "journalists" or "supporters" or "voters" or "lawmakers" ? k + 1 : at;
        }

        // "the group", "a local radio station": up to three lower-case words.
        var first = k;
        while (k < end && k - first < 3 && context.Tokens[k].Kind == TokenKind.Word && char.IsLower(context.Word(k)[0]) && !SubjectOpeners.Contains(context.Word(k))
               && !FiniteVerbs.Contains(context.Word(k)) && context.Word(k) is not ("that" or "to" or "of" or "in" or "about"))
        {
            k++;
        }

        return k > first ? k : at;
    }

    /// <summary>Verbs of an appeal to someone, reported with what they were asked to do ("asked the judge to block the rules").</summary>
    private static readonly HashSet<string> AppealVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "asked", "asks", "encouraged", "encourages", "implored", "pressed", "pressing",
    };

    /// <summary>Verbs that report a question when a question word follows: "Clinton questioned what kind of person …".</summary>
    private static readonly HashSet<string> QuestionVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "questioned", "questions", "asked", "asks", "wondered", "wonders", "queried",
    };

    /// <summary>
    /// A reported question: "Clinton questioned what kind of person gets up at 3 a.m.", "Then someone asked how Clinton
    /// could inspire young people", by a named speaker, a pronoun or a description (not "it").
    /// </summary>
    private static (Quote Quote, int End)? Question(Context context, int t, Sentence sentence, int s)
    {
        if (!QuestionVerbs.Contains(context.Word(t)) || t + 2 >= sentence.EndToken || t == sentence.FirstToken || context.MentionAt(t) is not null
            || context.Word(t - 1) == ",")
        {
            return null;
        }

        // "asked former Attorney General Eric Holder whether he had …": the person asked, then the question.
        var question = QuestionWords.Contains(context.Word(t + 1)) ? t + 1 : AddresseeEnd(context, t + 1, sentence.EndToken);
        if (question >= sentence.EndToken || !QuestionWords.Contains(context.Word(question)) || (question > t + 1 && context.Word(question) is "when" or "where"))
        {
            return null;
        }

        var speaker = Refine(context, SpeakerBefore(context, t, sentence.FirstToken));
        if (speaker.Text is null || speaker.Text is "it" or "It")
        {
            return null;
        }

        return ClauseReport(context, t, question, sentence, s, speaker, 12);
    }

    /// <summary>Nouns of a claim that a possessive names the speaker of: "Trump's claim that …", "his insistence that …".</summary>
    private static readonly HashSet<string> ClaimNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "claim", "claims", "assertion", "assertions", "allegation", "allegations", "insistence", "contention", "argument", "statement", "warning",
        "promise", "pledge", "suggestion", "view", "belief",
    };

    /// <summary>"Donald Trump's claim that there have been “thousands of shootings” …": the possessor's claim, as reported.</summary>
    private static (Quote Quote, int End)? Claim(Context context, int t, Sentence sentence, int s)
    {
        if (!ClaimNouns.Contains(context.Word(t)) || t + 2 >= sentence.EndToken || t - 1 <= sentence.FirstToken - 1 || context.Word(t + 1) != "that")
        {
            return null;
        }

        (AnalysedEntity? Entity, string? Text, int Start) speaker = (null, null, -1);
        var before = context.Word(t - 1);
        if (before is "'s" or "’s" && t - 2 >= sentence.FirstToken && context.MentionAt(t - 2) is { } owner
            && owner.Entity.Kind is AnalysedKind.Person or AnalysedKind.Organisation)
        {
            speaker = (owner.Entity, owner.Mention.Surface, owner.Mention.Start);
        }
        else if (before is "his" or "her" or "His" or "Her")
        {
            speaker = (context.LastPersonBefore(context.Tokens[t - 1].Start), before, context.Tokens[t - 1].Start);
        }

        if (speaker.Entity is null)
        {
            return null;
        }

        return ClauseReport(context, t, t + 2, sentence, s, speaker, 12);
    }

    /// <summary>
    /// An indirect report by <paramref name="speaker"/> with the cue at token <paramref name="cue"/>, its content from
    /// token <paramref name="from"/> to the end of the clause (<see cref="ClauseEnd"/>), when that holds at least
    /// <paramref name="minLength"/> characters; and the token where reading the sentence goes on.
    /// </summary>
    private static (Quote Quote, int End)? ClauseReport(Context context, int cue, int from, Sentence sentence, int s,
        (AnalysedEntity? Entity, string? Text, int Start) speaker, int minLength)
    {
        var end = ClauseEnd(context, from, sentence);
        var start = context.Tokens[from].Start;
        var stop = TrimEndPunctuation(context.Text, context.Tokens[end - 1].End);
        return stop - start < minLength ? null
            : (new Quote(start, stop, context.Text[start..stop], QuoteType.Indirect, context.Word(cue), context.Tokens[cue].Start, speaker.Entity, speaker.Text, speaker.Start, s),
                Math.Min(end, sentence.EndToken - 1));
    }

    /// <summary>The token after a reported clause from <paramref name="from"/>: the sentence's end, or "; " or a comma that opens another clause.</summary>
    private static int ClauseEnd(Context context, int from, Sentence sentence)
    {
        var end = from;
        while (end < sentence.EndToken)
        {
            var w = context.Word(end);
            if (w is ";" || (w == "," && end + 1 < sentence.EndToken && context.Word(end + 1) is "while" or "but" or "and" or "which" or "who" or "saying" or "adding"))
            {
                break;
            }

            // "declined to answer questions … but said there was no call": a second report by the same subject.
            if (w is "and" or "but" && end + 1 < sentence.EndToken && PlainSayings.Contains(context.Word(end + 1)) && context.MentionAt(end + 1) is null)
            {
                break;
            }

            end++;
        }

        return end;
    }

    /// <summary>Verbs of judgement that report what their subject said of their object.</summary>
    private static readonly HashSet<string> JudgementVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "called", "calls", "criticized", "criticised", "criticizes", "criticises", "praised", "praises", "attacked", "attacks", "slammed", "blasted",
        "accused", "accuses",
    };

    /// <summary>Words after "called" that make it another verb: "called for", "called off", "called a meeting", "called the police".</summary>
    private static readonly HashSet<string> NotCalling = new(StringComparer.OrdinalIgnoreCase)
    {
        "for", "on", "off", "up", "in", "into", "out", "back", "to", "upon", "a", "an", "it", "time", "police", "election", "elections", "meeting", "strike",
        "vote", "referendum", "halt", "press", "ambulance", "911", ",", ".", "—", "-", ":", ";", "by", "and", "as",
    };

    /// <summary>
    /// "X called Y Z", "X criticized Y (as/for …)", "X attacked Y for …": a judgement a named speaker (or a pronoun for one)
    /// passed, with its object and what follows to the end of the clause. "attacked", "slammed" and "blasted" report
    /// words only with "for" or "as" after their object ("Hamas attacked Israel" is no quote).
    /// </summary>
    private static (Quote Quote, int End)? Judgement(Context context, int t, Sentence sentence, int s)
    {
        var word = context.Word(t);
        if (!JudgementVerbs.Contains(word) || context.MentionAt(t) is not null || t + 2 >= sentence.EndToken || t == sentence.FirstToken || context.Word(t - 1) == ",")
        {
            return null;
        }

        var next = context.Word(t + 1);
        if ((word is "called" or "calls" && NotCalling.Contains(next)) || context.Tokens[t + 1].Kind != TokenKind.Word && context.MentionAt(t + 1) is null)
        {
            return null;
        }

        // "The Trump campaign called …": a described speaker whose head is an institution speaks too.
        var speaker = Refine(context, SpeakerBefore(context, t, sentence.FirstToken));
        if (!(NamedOrPersonal(speaker)
              || (speaker.Text is { } described && (CollectiveHeads.Contains(LastWord(described)) || LastWord(described) is "campaign" or "administration"))))
        {
            return null;
        }

        // "attacked", "slammed" and "blasted" report words only with "for" or "as" in the clause; "called" needs an object
        // and a complement, two words at least.
        var end = ClauseEnd(context, t + 1, sentence);
        if ((word is "attacked" or "attacks" or "slammed" or "blasted" && !Enumerable.Range(t + 1, end - t - 1).Any(k => context.Word(k) is "for" or "as"))
            || (word is "accused" or "accuses" && !Enumerable.Range(t + 1, Math.Min(end, t + 9) - t - 1).Any(k => context.Word(k) == "of"))
            || (word is "called" or "calls" && context.WordsIn(t + 1, end - 1) < 2))
        {
            return null;
        }

        return ClauseReport(context, t, t + 1, sentence, s, speaker, 8);
    }

    /// <summary>
    /// The part of a sentence before its first direct quote that ends at a clause boundary (";", or a comma then
    /// "and", "but", "while", "when"), when the quote, its cue and its speaker all come after it; else null.
    /// </summary>
    private static Sentence? ClauseBeforeDirect(Context context, Sentence sentence, List<Quote> direct)
    {
        var sentenceStart = sentence.Start(context.Tokens);
        var sentenceEnd = sentence.End(context.Tokens);
        var limit = int.MaxValue;
        foreach (var quote in direct.Where(q => q.Kind != QuoteType.Partial && q.End > sentenceStart && q.Start < sentenceEnd))
        {
            limit = Math.Min(limit, quote.Start - 1);
            if (quote.CueStart >= sentenceStart && quote.CueStart < sentenceEnd)
            {
                limit = Math.Min(limit, quote.CueStart);
            }

            // "…, Spicer said, adding, “…”": a participle's quote shares the speaker of the clause before it.
            if (quote.SpeakerStart >= sentenceStart && quote.SpeakerStart < sentenceEnd && !(quote.Cue is { } cue && ParticipleCues.Contains(cue) && quote.SpeakerStart < quote.CueStart))
            {
                limit = Math.Min(limit, quote.SpeakerStart);
            }
        }

        for (var b = sentence.EndToken - 2; b > sentence.FirstToken + 3; b--)
        {
            if (context.Tokens[b].End > limit)
            {
                continue;
            }

            var word = context.Word(b);
            if (word == ";" || (word == "," && (context.Word(b + 1) is "and" or "but" or "while" or "when" || ParticipleCues.Contains(context.Word(b + 1)))))
            {
                return new Sentence(sentence.FirstToken, b - sentence.FirstToken);
            }
        }

        return null;
    }

    /// <summary>
    /// The cue of a second reporting clause after <paramref name="from"/> in the sentence: a conjunction, comma or
    /// dash, then a pronoun or a name, then a cue ("— and he noted that", ", but officials said"); -1 without one.
    /// </summary>
    private static int SecondReport(Context context, int from, Sentence sentence)
    {
        for (var k = from + 3; k < sentence.EndToken - 1; k++)
        {
            if (!IndirectCues.Contains(context.Word(k)) || context.MentionAt(k) is not null)
            {
                continue;
            }

            var subject = context.Word(k - 1);
            var named = context.MentionAt(k - 1) is { Entity.Kind: AnalysedKind.Person or AnalysedKind.Organisation } m && context.TokenAt(m.Mention.Start) == k - 1;
            var joiner = context.Word(k - 2);
            if ((named || (Pronouns.Contains(subject) && subject is not ("it" or "It"))) && joiner is "and" or "but" or "—" or "–" or ";")
            {
                return k;
            }

            // "… said the plan was dead and said talks would go on", "has said that …, but has admitted …": the same
            // subject's second report.
            if (SameSubjectJoiner(context, k) >= 0 && !NounLikeCues.Contains(context.Word(k)))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>The "and" or "but" right before a cue and its auxiliaries ("and said", "but has admitted"), or -1.</summary>
    private static int SameSubjectJoiner(Context context, int cue)
    {
        var j = cue - 1;
        while (j > 0 && Auxiliaries.Contains(context.Word(j)))
        {
            j--;
        }

        return j > 0 && context.Word(j) is "and" or "but" ? j : -1;
    }

    /// <summary>Words before "that" that are not verbs reporting a claim ("so that", "now that", "is that").</summary>
    private static readonly HashSet<string> NotReportingBeforeThat = new(StringComparer.OrdinalIgnoreCase)
    {
        "so", "such", "now", "and", "but", "or", "than", "except", "given", "provided", "assuming", "in", "of", "for", "at", "with", "about",
        "like", "all", "not", "only", "just", "even", "after", "before", "because", "since", "until", "is", "was", "are", "were", "be",
        "been", "being", "means", "meant", "mean", "ensure", "ensured", "ensures", "make", "made", "makes", "see", "saw", "seen", "so-called",
    };

    /// <summary>
    /// A verb taking a "that" clause ("Trump charges that countries …", "Politifact then ruled that …"): a lower-case
    /// word, "that", and a clause (a subject and a finite verb) right after it.
    /// </summary>
    private static bool ThatComplement(Context context, int t, Sentence sentence)
    {
        var word = context.Word(t);
        return t + 2 < sentence.EndToken && context.Word(t + 1) == "that" && word.Length > 2 && char.IsLower(word[0]) && word.All(char.IsLetter)
            && !NotReportingBeforeThat.Contains(word) && !Auxiliaries.Contains(word) && !FiniteVerbs.Contains(word)
            && ClauseAt(context, t + 2, sentence.EndToken);
    }

    /// <summary>
    /// Headline and transcript style, a name opening its line and then a colon: "Maria Lopez: The Budget Is
    /// a ‘Missed Chance’ for Schools". The content runs to the end of the sentence or line; skipped when a
    /// quotation already covers most of it.
    /// </summary>
    private static Quote? Labelled(Context context, Sentence sentence, int s, SpanSet direct)
    {
        var text = context.Text;
        var sentenceStart = sentence.Start(context.Tokens);
        if (Transcript(context, sentence, s) is { } turn)
        {
            return turn;
        }

        if ((sentenceStart > 0 && text[sentenceStart - 1] != '\n') || context.MentionAt(sentence.FirstToken) is not { } head
            || head.Entity.Kind is not (AnalysedKind.Person or AnalysedKind.Organisation) || head.Mention.Start != sentenceStart)
        {
            return null;
        }

        var colon = sentence.FirstToken;
        while (colon < sentence.EndToken && context.Tokens[colon].Start < head.Mention.End)
        {
            colon++;
        }

        if (colon + 1 >= sentence.EndToken || context.Word(colon) != ":" || context.Tokens[colon].Start != head.Mention.End)
        {
            return null;
        }

        var start = context.Tokens[colon + 1].Start;
        var lineEnd = text.IndexOf('\n', start);
        var end = TrimEndPunctuation(text, Math.Min(sentence.End(context.Tokens), lineEnd < 0 ? text.Length : lineEnd));
        var covered = direct.CoveredWithin(start, end);
        if (end <= start || text[start..end].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 3 || covered * 2 > end - start)
        {
            return null;
        }

        return new Quote(start, end, text[start..end], QuoteType.Indirect, ":", context.Tokens[colon].Start, head.Entity, head.Mention.Surface, head.Mention.Start, s);
    }

    /// <summary>
    /// A transcript's turn: a line opening (after an optional quotation mark) with a speaker's name in capitals and a
    /// colon, "PENCE: Well, look, …". The speaker is the person of the article with that surname (no such person, no
    /// turn: "LONDON:", "UPDATE:"); the content runs to the end of the line.
    /// </summary>
    private static Quote? Transcript(Context context, Sentence sentence, int s)
    {
        var text = context.Text;
        var first = sentence.FirstToken;
        var lineStart = sentence.Start(context.Tokens);
        if (lineStart > 0 && text[lineStart - 1] != '\n')
        {
            return null;
        }

        if (context.Word(first) is "\"" or "“" && first + 1 < sentence.EndToken)
        {
            first++;
        }

        var label = context.Word(first);
        if (first + 2 >= sentence.EndToken || context.Word(first + 1) != ":" || label.Length < 3 || !label.All(char.IsUpper))
        {
            return null;
        }

        var start = context.Tokens[first + 2].Start;
        var lineEnd = text.IndexOf('\n', start);
        var end = TrimEndPunctuation(text, lineEnd < 0 ? text.Length : lineEnd);
        if (end - start < 10)
        {
            return null;
        }

        // Only a person's surname labels a turn: "LONDON:" is a dateline, "UPDATE:" a label.
        var person = context.Analysis.Entities.FirstOrDefault(e => e.Kind == AnalysedKind.Person
            && e.Name.Split(' ')[^1].Equals(label, StringComparison.OrdinalIgnoreCase));
        if (person is null)
        {
            return null;
        }

        return new Quote(start, end, text[start..end], QuoteType.Direct, ":", context.Tokens[first + 1].Start, person, label, context.Tokens[first].Start, s);
    }

    /// <summary>Heads of phrases that name a medium or an object, never a speaker.</summary>
    private static readonly HashSet<string> Media = new(StringComparer.OrdinalIgnoreCase)
    {
        "feed", "feeds", "footage", "video", "videos", "sign", "signs", "banner", "banners", "placard", "placards", "poster", "posters",
        "camera", "cameras", "broadcast", "screen", "screens", "picture", "pictures", "photo", "photos", "photograph", "photographs",
        "image", "images", "headline", "headlines", "caption", "t-shirt", "t-shirts", "shirt", "shirts", "graffiti", "slogan", "slogans",
        "website", "webpage", "billboard", "billboards", "sticker", "stickers", "leaflet", "leaflets",
    };

    /// <summary>Words that open a clause's subject: pronouns, determiners and possessives.</summary>
    private static readonly HashSet<string> SubjectOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "he", "she", "they", "we", "i", "there", "the", "a", "an", "his", "her", "their", "its", "our", "this", "these", "those", "no", "most", "many", "some",
    };

    /// <summary>Finite verbs and auxiliaries that show a clause ("it was", "Trump would", "the plan will").</summary>
    private static readonly HashSet<string> FiniteVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "was", "are", "were", "will", "would", "could", "can", "should", "may", "might", "must", "has", "had", "have", "did", "does", "do",
        "isn't", "wasn't", "aren't", "weren't", "won't", "wouldn't", "couldn't", "can't", "shouldn't", "hasn't", "hadn't", "didn't", "doesn't", "don't",
        "’s", "'s", "’re", "'re", "’ll", "'ll", "’d", "'d",
    };

    /// <summary>
    /// Does a clause start at <paramref name="at"/>: a subject (a pronoun, a determiner's phrase or a name) and a
    /// finite verb within five words, before any comma? "her presence" and "derogatory comments" do not.
    /// </summary>
    private static bool ClauseAt(Context context, int at, int end)
    {
        if (at >= end - 1)
        {
            return false;
        }

        var first = context.Word(at);
        var subjectLike = SubjectOpeners.Contains(first) || (context.MentionAt(at) is { } name && name.Entity.Kind is AnalysedKind.Person or AnalysedKind.Organisation or AnalysedKind.Place);
        if (!subjectLike)
        {
            return false;
        }

        for (var k = at + 1; k < Math.Min(end, at + 7); k++)
        {
            var word = context.Word(k);
            if (word is "," or ";" or ":" or "that" or "to" or "and" || context.Tokens[k].Kind != TokenKind.Word && !FiniteVerbs.Contains(word))
            {
                return false;
            }

            // "his attorney offered …", "he took a loss": a past tense after the subject's words.
            // Not right after a determiner: "the increased costs" is an adjective.
            if (FiniteVerbs.Contains(word) || PastTenses.Contains(word)
                || (word.Length >= 5 && word.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(word[0]) && context.MentionAt(k) is null
                    && !SubjectOpeners.Contains(context.Word(k - 1))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Irregular past tenses common in reported clauses ("he took", "they said", "it made").</summary>
    private static readonly HashSet<string> PastTenses = new(StringComparer.Ordinal)
    {
        "took", "made", "said", "gave", "went", "came", "knew", "saw", "told", "thought", "felt", "left", "lost", "won", "paid", "sent", "kept", "got",
    };

    /// <summary>The token after a time phrase starting at <paramref name="at"/> ("Saturday", "on Monday", "this month", "last week", "in a statement"), else <paramref name="at"/>.</summary>
    private static int SkipTime(Context context, int at, int end)
    {
        var k = at;
        while (k < end)
        {
            var word = context.Word(k);
            if (TimeNouns.Contains(word) || word is "yesterday" or "today" or "tonight")
            {
                k++;
            }
            else if (k + 1 < end && word.ToLowerInvariant() is "on" or "this" or "last" or "earlier" or "late" or "early" && TimeNouns.Contains(context.Word(k + 1)))
            {
                k += 2;
            }
            else if (k + 2 < end && word == "in" && context.Word(k + 1) is "a" or "the" && context.Word(k + 2) is "statement" or "interview" or "letter" or "filing" or "report")
            {
                k += 3;
            }
            else
            {
                break;
            }
        }

        return k;
    }

    /// <summary>What a poll, a video or a document shows is reported by it: "Polls show a close contest in the state".</summary>
    private static readonly HashSet<string> SourceNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "poll", "polls", "survey", "surveys", "video", "videos", "footage", "data", "figures", "study", "studies", "report", "average", "averages",
        "transcript", "documents", "document", "analysis", "research", "results", "records", "return", "returns", "census", "tally", "photos",
        "images", "letter", "filing", "filings", "memo", "emails", "e-mails", "statistics", "polling", "numbers",
    };

    private static string LastWord(string phrase) => phrase[(phrase.LastIndexOf(' ') + 1)..];

    /// <summary>Cue words that are more often nouns ("in 11 states", "news reports"): verbs only after a name, a pronoun, or before "that".</summary>
    private static readonly HashSet<string> NounLikeCues = new(StringComparer.OrdinalIgnoreCase) { "states", "reports", "notes", "claims", "shows", "show", "finds", "hopes", "warns" };

    private static int TrimEndPunctuation(string text, int end)
    {
        while (end > 0 && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '.' or ',' or ';' or '—' or '–'))
        {
            end--;
        }

        return end;
    }
}
