namespace NewsApi.Api.Infrastructure;

/// <summary>A query parameter that takes one of a few named values (<c>sort</c> and the like).</summary>
public static class QueryChoice
{
    /// <summary>
    /// The value named by <paramref name="value"/> (case-insensitive); <paramref name="fallback"/> when it is absent,
    /// and also when it names none of <paramref name="options"/>, after filling <paramref name="errors"/> for a 400.
    /// </summary>
    public static T Read<T>(string? value, string name, Dictionary<string, string[]> errors, T fallback, params (string Name, T Value)[] options)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        var key = value.Trim().ToLowerInvariant();
        foreach (var option in options)
        {
            if (option.Name == key)
            {
                return option.Value;
            }
        }

        var names = options.Select(o => o.Name).ToList();
        errors[name] = [$"{name} must be {string.Join(", ", names[..^1])} or {names[^1]} (got '{value}')."];
        return fallback;
    }
}
