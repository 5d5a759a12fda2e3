using NewsApi.Cli;

var usage = """
    newsapi: NewsApi command-line tools

      ner train --train <conll file> --dev <conll file> --out <model>
                [--gazetteers <dir>] [--unlabeled <dir>]... [--epochs N] [--seed N] [--version V] [--one-stage]
                [--clusters-coarse N] [--clusters-fine N] [--cluster-iterations N]   (word classes; --clusters-fine 0: none)
                [--aug-copies F --aug-lower F --aug-names-lower F --aug-title F --aug-upper F --aug-hyphen F --aug-seed N]
                (case and hyphen augmentation: copies of a share F of the training documents)
                [--lexicon-from <model>]   (reuse a model's gazetteers, capitalisation and word classes)
      ner eval <conll file> [--types PER,ORG,LOC] [--model <model>] [--scored] [--errors <file>]
                (--errors: every entity as TP, FP or FN with the sentence, into a file)
                (--scored: score the file's last column as predictions against the column before it, like conlleval)
      analyze <text file> [--json] [--model <model>]
      analysis throughput <folder> [--threads N] [--rounds N] [--model <model>]
                (every file read, decoded, normalised and analysed as the importer's workers do, no database: the
                 import's ceiling; default threads: the core count)
      quotes eval <folder> [--model <model>] [--verbose] [--errors]
                (a PolNeAR-format folder: text/*.txt and attributions/*.ann; --errors lists misses and extras; the parts of a
             quotation split around its attribution scored as one, as PolNeAR annotates them, and on their own;
             last line "F1 x P x R x speaker x")
      stories eval <folder> [--verbose]
                (near-duplicates and stories over a folder of article files; --verbose lists them)
      eval bbc [--split dev|test|all] [--min-confidence 0.5] [--annotations <dir>] [--corpus <dir>] [--verbose] [--calibration]
                (entities, events, main events, dates and quotes against data/annotations/bbc; last line the figures;
                 --calibration: the events of each confidence band and how many are right)
      corpus generate --out <dir> [--count N] [--seed N] [--from <dir>]... [--given-names <tsv>] [--cities <csv>]
                (a synthetic corpus recombined from real articles, people renamed, dated and sourced; default from
                 ../shared/data/bbc and data/seeds, 1000 files per subfolder)
      eval 5w1h <folder> [--verbose]
                (main events against Giveme5W1H annotations, e.g. ../shared/data/giveme5w1h/dev)

    The default model is Models/ner.model beside the program (the committed model).
    """;

try
{
    return args switch
    {
        ["ner", "train", .. var rest] => NerCommands.Train(new Arguments(rest, "one-stage")),
        ["ner", "eval", .. var rest] => NerCommands.Evaluate(new Arguments(rest, "scored")),
        ["analyze", .. var rest] => AnalyzeCommand.Run(new Arguments(rest, "json")),
        ["analysis", "throughput", .. var rest] => ThroughputCommand.Run(new Arguments(rest)),
        ["quotes", "eval", .. var rest] => QuoteCommands.Evaluate(new Arguments(rest, "verbose", "errors")),
        ["stories", "eval", .. var rest] => StoryCommands.Evaluate(new Arguments(rest, "verbose")),
        ["eval", "bbc", .. var rest] => EvalCommands.Bbc(new Arguments(rest, "verbose", "calibration")),
        ["corpus", "generate", .. var rest] => CorpusCommands.Generate(new Arguments(rest)),
        ["eval", "5w1h", .. var rest] => EvalCommands.FiveW1H(new Arguments(rest, "verbose")),
        _ => throw new UsageException("Unknown command."),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(usage);
    return 2;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
