using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Entities;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Api.Infrastructure;

/// <summary>
/// The lookups every resource that takes or shows an entity shares, in one place (so that no resource folder calls
/// another's handlers): the live record an id names once merges are followed, and the noun of a kind.
/// </summary>
public static class EntityLookup
{
    /// <summary>The id a merged record now lives on (following chains of merges); the id itself when it is live or unknown.</summary>
    public static async Task<long> SurvivorAsync(NewsDbContext db, long id, CancellationToken cancellationToken)
    {
        for (var hops = 0; hops < 32; hops++)
        {
            var next = await db.Entities.Where(e => e.Id == id).Select(e => e.MergedIntoId).FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                return id;
            }

            id = next.Value;
        }

        return id;
    }

    /// <summary>The live record for <paramref name="id"/> (following merges), or null when there is none of this kind.</summary>
    public static async Task<long?> ResolveAsync(NewsDbContext db, EntityKind kind, long id, CancellationToken cancellationToken)
    {
        var entity = await db.Entities.AsNoTracking().Where(e => e.Id == id && e.Kind == kind).Select(e => new { e.Id, e.MergedIntoId }).FirstOrDefaultAsync(cancellationToken);
        if (entity is null)
        {
            return null;
        }

        return entity.MergedIntoId is null ? entity.Id : await SurvivorAsync(db, id, cancellationToken);
    }

    /// <summary>The kind as texts and responses name it: "person", "organisation", "place".</summary>
    public static string Noun(EntityKind kind) => EntityRoute.Of(kind).Noun;
}
