namespace NewsApi.Cli;

/// <summary>Positional arguments and --options (an option may repeat; a flag has no value).</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags;

    public Arguments(IEnumerable<string> args, params string[] flags)
    {
        _flags = [.. flags];
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg[2..];
                if (_flags.Contains(name))
                {
                    Set(name, "true");
                }
                else if (e.MoveNext())
                {
                    Set(name, e.Current);
                }
                else
                {
                    throw new UsageException($"--{name} needs a value.");
                }
            }
            else
            {
                Positional.Add(arg);
            }
        }
    }

    public List<string> Positional { get; } = [];

    public string? Option(string name) => _options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> Options(string name) => _options.TryGetValue(name, out var values) ? values : [];

    public bool Flag(string name) => _options.ContainsKey(name);

    public string Required(string name) => Option(name) ?? throw new UsageException($"--{name} is required.");

    public int Int(string name, int fallback) =>
        Option(name) is { } value ? int.TryParse(value, out var n) ? n : throw new UsageException($"--{name} must be a number.") : fallback;

    private void Set(string name, string value)
    {
        if (!_options.TryGetValue(name, out var values))
        {
            _options[name] = values = [];
        }

        values.Add(value);
    }
}

public sealed class UsageException(string message) : Exception(message);
