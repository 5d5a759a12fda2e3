using NewsApi.Ingestion.Analysis;
using NewsApi.Ingestion.Imports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Infrastructure;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Nlp.Entities;

namespace NewsApi.Api.Entities;

/// <summary>
/// Corrections people make to entity records: merge two records, add or remove an alias, split an alias off.
/// Each is recorded in <c>entity_corrections</c> and expressed in the alias table (manual and blocked
/// aliases) and merge redirects, which is what later imports and re-analysis consult, so corrections survive
/// them. Each runs in one transaction under the same advisory lock as entity resolution.
/// </summary>
public sealed class EntityCorrections(NewsDbContext db, EntityStore store, TimeProvider time)
{
    public async Task<Results<Ok<EntityDetail>, ValidationProblem, ProblemHttpResult>> MergeAsync(
        EntityKind kind, string prefix, long id, MergeRequest request, CancellationToken cancellationToken)
    {
        if (request.OtherId is not { } otherId || otherId <= 0)
        {
            return RequestErrors.Problem("otherId", "otherId must be the id of the record to merge into this one.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await EntityStore.LockResolutionAsync(db, cancellationToken);
        var (survivor, problem) = await LiveAsync(kind, id, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var other = await db.Entities.FirstOrDefaultAsync(e => e.Id == otherId, cancellationToken);
        if (other is null || other.Kind != kind)
        {
            return Problems.Status(StatusCodes.Status422UnprocessableEntity,
                other is null ? $"There is no record with id {otherId}." : $"Record {otherId} is a {EntityLookup.Noun(other.Kind)}, not a {EntityLookup.Noun(kind)}.");
        }

        if (other.Id == survivor!.Id || other.MergedIntoId is not null)
        {
            return Problems.Status(StatusCodes.Status409Conflict,
                other.Id == survivor.Id ? "A record cannot be merged into itself." : $"Record {otherId} was already merged into record {other.MergedIntoId}.");
        }

        await store.MoveAsync(db, other.Id, survivor.Id, $"merged from record {other.Id} ({other.Name}) by a correction", cancellationToken);
        Record(CorrectionKind.Merge, survivor.Id, other.Id, null);
        await db.SaveChangesAsync(cancellationToken);
        await EntityStore.RefreshCountsAsync(db, [survivor.Id], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await DetailAsync(survivor.Id, cancellationToken));
    }

    public async Task<Results<Ok<EntityDetail>, ValidationProblem, ProblemHttpResult>> AddAliasAsync(
        EntityKind kind, long id, AliasRequest request, CancellationToken cancellationToken)
    {
        var alias = request.Alias?.Trim();
        if (string.IsNullOrEmpty(alias) || alias.Length > 300 || EntityNames.Key(alias).Length == 0)
        {
            return RequestErrors.Problem("alias", "alias must be a name of 1 to 300 characters.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await EntityStore.LockResolutionAsync(db, cancellationToken);
        var (entity, problem) = await LiveAsync(kind, id, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var key = EntityNames.Key(alias);
        var row = await db.EntityAliases.FirstOrDefaultAsync(a => a.EntityId == entity!.Id && a.AliasKey == key, cancellationToken);
        if (row is null)
        {
            db.EntityAliases.Add(new EntityAlias { EntityId = entity!.Id, Kind = kind, Alias = alias, AliasKey = key, Source = AliasSource.Manual });
        }
        else
        {
            row.Source = AliasSource.Manual;
        }

        Record(CorrectionKind.AddAlias, entity!.Id, null, alias);
        await db.SaveChangesAsync(cancellationToken);
        await EntityStore.RefreshCountsAsync(db, [entity.Id], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await DetailAsync(entity.Id, cancellationToken));
    }

    public async Task<Results<NoContent, ProblemHttpResult>> RemoveAliasAsync(EntityKind kind, long id, string alias, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await EntityStore.LockResolutionAsync(db, cancellationToken);
        var (entity, problem) = await LiveAsync(kind, id, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (row, aliasProblem) = await AliasToCorrectAsync(entity!, alias, "remove", "split it off or merge the record instead", cancellationToken);
        if (aliasProblem is not null)
        {
            return aliasProblem;
        }

        row!.Source = AliasSource.Blocked;
        Record(CorrectionKind.RemoveAlias, entity!.Id, null, alias);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public async Task<Results<Created<EntityDetail>, ValidationProblem, ProblemHttpResult>> SplitAsync(
        EntityKind kind, string prefix, long id, AliasRequest request, CancellationToken cancellationToken)
    {
        var alias = request.Alias?.Trim();
        if (string.IsNullOrEmpty(alias))
        {
            return RequestErrors.Problem("alias", "alias must be one of the record's aliases.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await EntityStore.LockResolutionAsync(db, cancellationToken);
        var (entity, problem) = await LiveAsync(kind, id, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (row, aliasProblem) = await AliasToCorrectAsync(entity!, alias, "split off", "split off its other aliases instead", cancellationToken);
        if (aliasProblem is not null)
        {
            return aliasProblem;
        }

        var key = row!.AliasKey;

        var split = new Entity { Kind = kind, Name = row.Alias, NameKey = key, LastWordKey = EntityNames.LastWord(key), CreatedAt = time.GetUtcNow() };
        db.Entities.Add(split);
        await db.SaveChangesAsync(cancellationToken);

        var reason = $"split off record {entity!.Id} ({entity.Name}) by a correction";
        await db.Database.ExecuteSqlAsync($"""
            UPDATE entity_mentions SET entity_id = {split.Id}, reason = {reason} WHERE entity_id = {entity.Id} AND surface_key = {key};
            INSERT INTO article_entities (article_id, entity_id, mention_count, salience, match_reason)
            SELECT m.article_id, {split.Id}, count(*), max(ae.salience), {reason}
            FROM entity_mentions m JOIN article_entities ae ON ae.article_id = m.article_id AND ae.entity_id = {entity.Id}
            WHERE m.entity_id = {split.Id} GROUP BY m.article_id;
            UPDATE article_entities ae SET mention_count = (SELECT count(*) FROM entity_mentions m WHERE m.article_id = ae.article_id AND m.entity_id = ae.entity_id)
            WHERE ae.entity_id = {entity.Id};
            DELETE FROM article_entities WHERE entity_id = {entity.Id} AND mention_count = 0;
            INSERT INTO entity_aliases (entity_id, kind, alias, alias_key, mention_count, source)
            VALUES ({split.Id}, {kind.ToString()}, {row.Alias}, {key}, 0, 'Manual');
            """, cancellationToken);
        row.Source = AliasSource.Blocked;
        Record(CorrectionKind.Split, entity.Id, split.Id, row.Alias);
        await db.SaveChangesAsync(cancellationToken);
        await EntityStore.RefreshCountsAsync(db, [entity.Id, split.Id], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"{prefix}/{split.Id}", await DetailAsync(split.Id, cancellationToken));
    }

    /// <summary>The record to correct: 404 when there is none of this kind, 409 when it was merged away.</summary>
    private async Task<(Entity? Entity, ProblemHttpResult? Problem)> LiveAsync(EntityKind kind, long id, CancellationToken cancellationToken)
    {
        var entity = await db.Entities.FirstOrDefaultAsync(e => e.Id == id && e.Kind == kind, cancellationToken);
        if (entity is null)
        {
            return (null, Problems.NotFound(EntityLookup.Noun(kind), id));
        }

        if (entity.MergedIntoId is not null)
        {
            return (null, Problems.Status(StatusCodes.Status409Conflict,
                $"Record {id} was merged into record {entity.MergedIntoId}; correct that one."));
        }

        return (entity, null);
    }

    /// <summary>The alias row a correction acts on: 404 when the record has no such alias, 409 when it is the record's name.</summary>
    private async Task<(EntityAlias? Row, ProblemHttpResult? Problem)> AliasToCorrectAsync(Entity entity, string alias, string action, string instead, CancellationToken cancellationToken)
    {
        var key = EntityNames.Key(alias);
        var row = await db.EntityAliases.FirstOrDefaultAsync(a => a.EntityId == entity.Id && a.AliasKey == key && a.Source != AliasSource.Blocked, cancellationToken);
        if (row is null)
        {
            return (null, Problems.NotFound($"Record {entity.Id} has no alias \"{alias}\"."));
        }

        if (key == entity.NameKey)
        {
            return (null, Problems.Status(StatusCodes.Status409Conflict,
                $"Cannot {action} \"{alias}\": it is the record's own name; {instead}."));
        }

        return (row, null);
    }

    private void Record(CorrectionKind kind, long entityId, long? otherId, string? alias) =>
        db.EntityCorrections.Add(new EntityCorrection { Kind = kind, EntityId = entityId, OtherEntityId = otherId, Alias = alias, CreatedAt = time.GetUtcNow() });

    private async Task<EntityDetail> DetailAsync(long id, CancellationToken cancellationToken)
    {
        var entity = await db.Entities.AsNoTracking().SingleAsync(e => e.Id == id, cancellationToken);
        return await EntitiesApi.DetailAsync(db, entity, cancellationToken);
    }
}
