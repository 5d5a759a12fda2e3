using Microsoft.Net.Http.Headers;

namespace NewsApi.Api.Infrastructure;

/// <summary>Conditional GET: does the request's If-None-Match name the current entity tag?</summary>
public static class EntityTags
{
    /// <summary>A strong tag from a digest of the response body.</summary>
    public static EntityTagHeaderValue For(ReadOnlySpan<byte> body) =>
        new($"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body).AsSpan(0, 12))}\"");

    public static bool Matches(HttpRequest request, EntityTagHeaderValue current)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0)
        {
            return false;
        }

        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        // If-None-Match uses the weak comparison (RFC 9110 §13.1.2).
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
