using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;

namespace NewsApi.Ingestion.Analysis;

/// <summary>
/// Stores an article's analysis and resolves its entities against those of other articles. Runs inside the
/// article's import transaction, under one advisory lock, so concurrent importers never create the same
/// entity twice. Matching is by name and known aliases (acronyms, country variants, organisation short forms and
/// variants, aliases added by corrections); a person named only by a surname joins a person who has it only when
/// the article shares a person or organisation with theirs and no other such person is nearly as frequent, and a
/// given name alone joins no one. Corrections are
/// honoured: merged records redirect to their survivor, and blocked aliases (removed or split off) never
/// match their old entity again.
/// </summary>
public sealed class EntityStore(TimeProvider time)
{
    private const long ResolutionLock = 0x4E_45_57_53_52_45_53; // "NEWSRES"

    /// <summary>
    /// The lock that serialises entity resolution and corrections (and, after it, event and story merging) across
    /// importers and API instances, until the transaction ends.
    /// </summary>
    public static async Task LockResolutionAsync(NewsDbContext db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ResolutionLock})", cancellationToken);

    public static EntityKind ToData(AnalysedKind kind) => kind switch
    {
        AnalysedKind.Person => EntityKind.Person,
        AnalysedKind.Organisation => EntityKind.Organisation,
        _ => EntityKind.Place,
    };

    /// <summary>
    /// Replaces the article's entity annotations with <paramref name="analysis"/> (<paramref name="fresh"/>: the
    /// article was never analysed, so there is nothing to replace; else <paramref name="previousDate"/> is the article's
    /// date when its previous analysis was stored); returns the record each analysed entity was stored as. Takes the
    /// resolution lock for the rest of the transaction.
    /// </summary>
    public async Task<IReadOnlyDictionary<AnalysedEntity, long>> StoreAsync(NewsDbContext db, Article article, ArticleAnalysis analysis, bool fresh,
        DateTimeOffset previousDate, CancellationToken cancellationToken)
    {
        await LockResolutionAsync(db, cancellationToken);

        var previous = fresh ? [] : await db.ArticleEntities.Where(ae => ae.ArticleId == article.Id).Select(ae => ae.EntityId).ToListAsync(cancellationToken);
        var previousAliases = previous.Count == 0 ? [] : await db.EntityMentions.Where(m => m.ArticleId == article.Id)
            .GroupBy(m => new { m.EntityId, m.SurfaceKey }).Select(g => new { g.Key.EntityId, g.Key.SurfaceKey, Count = g.Count() })
            .ToListAsync(cancellationToken);
        if (previous.Count > 0)
        {
            await db.Database.ExecuteSqlAsync($"""
                DELETE FROM entity_mentions WHERE article_id = {article.Id};
                DELETE FROM entity_roles WHERE article_id = {article.Id};
                DELETE FROM article_entities WHERE article_id = {article.Id};
                """, cancellationToken);
        }

        var known = await KnownAliasesAsync(db, analysis.Entities, cancellationToken);
        var created = new List<(AnalysedEntity Source, Entity Entity)>();
        var targets = new Dictionary<AnalysedEntity, (long? Id, Entity? New, string Reason)>();
        var matches = analysis.Entities.Select(e => (Entity: e, Match: Match(e, known))).ToList();

        // A name alone joins a person of other articles only when the article shares someone with theirs: the
        // other entities this article matched (people and organisations; places are shared too widely).
        var context = matches.Where(m => m.Match.Id is not null && m.Match.Context is null && m.Entity.Kind != AnalysedKind.Place)
            .Select(m => m.Match.Id!.Value).Distinct().ToList();
        foreach (var (entity, match) in matches)
        {
            var (id, reason) = (match.Id, match.Reason);
            if (match.Context is { } candidates)
            {
                var (chosen, why) = await PlausibleAsync(db, entity.Name, candidates, context, cancellationToken);
                (id, reason) = chosen is not null ? (chosen, why) : (match.Id, match.Id is null ? why : match.Reason);
            }

            if (id is not null)
            {
                targets[entity] = (id, null, reason);
            }
            else
            {
                var nameKey = Truncate(EntityNames.Key(entity.Name));
                var record = new Entity
                {
                    Kind = ToData(entity.Kind),
                    Name = Truncate(entity.Name),
                    NameKey = nameKey,
                    LastWordKey = EntityNames.LastWord(nameKey),
                    CreatedAt = time.GetUtcNow(),
                };
                db.Entities.Add(record);
                created.Add((entity, record));
                targets[entity] = (null, record, reason.Length > 0 ? reason : "first seen in this article");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var ids = targets.ToDictionary(t => t.Key, t => t.Value.Id ?? t.Value.New!.Id);

        // Every surface is an alias of its entity, unless a correction blocked it there.
        var aliasRows = new List<(long EntityId, EntityKind Kind, string Alias, string Key)>();
        foreach (var (entity, id) in ids)
        {
            aliasRows.Add((id, ToData(entity.Kind), entity.Name, EntityNames.Key(entity.Name)));
            aliasRows.AddRange(entity.Mentions.Select(m => (id, ToData(entity.Kind), m.Surface, EntityNames.Key(m.Surface))));
            aliasRows.AddRange(entity.Aliases.Keys.Select(a => (id, ToData(entity.Kind), a, EntityNames.Key(a))));
        }

        await InsertAliasesAsync(db, aliasRows, cancellationToken);
        await InsertAliasesAsync(db, ids.SelectMany(p => p.Key.KnownAs.Select(a => (p.Value, ToData(p.Key.Kind), a, EntityNames.Key(a)))).ToList(), cancellationToken, AliasSource.Rule);

        // Mentions whose surface is blocked on their entity go to the entity that holds that alias (a split).
        var blockedSet = known.Where(k => k.Source == AliasSource.Blocked).Select(k => (k.EntityId, k.AliasKey)).ToHashSet();
        var redirects = new Dictionary<(EntityKind, string), long>();
        foreach (var holder in known.Where(k => k.Source != AliasSource.Blocked && !blockedSet.Contains((k.EntityId, k.AliasKey)))
                     .OrderBy(k => k.Source == AliasSource.Manual ? 0 : 1).ThenBy(k => k.EntityId))
        {
            redirects.TryAdd((holder.Kind, holder.AliasKey), holder.EntityId);
        }

        var now = time.GetUtcNow();
        var perArticle = new Dictionary<long, ArticleEntityRow>();
        var mentions = new List<EntityMention>();
        var roles = new List<EntityRole>();
        var aliasDeltas = new Dictionary<(long EntityId, string Key), int>();
        foreach (var old in previousAliases)
        {
            aliasDeltas[(old.EntityId, old.SurfaceKey)] = -old.Count;
        }

        foreach (var (entity, id) in ids)
        {
            foreach (var mention in entity.Mentions)
            {
                var key = EntityNames.Key(mention.Surface);
                var target = blockedSet.Contains((id, key)) && redirects.TryGetValue((ToData(entity.Kind), key), out var other) ? other : id;
                var (inTitle, start) = Field(analysis, mention.Start);
                var sentence = analysis.Tokens.Sentences[mention.Sentence];
                var (_, sentenceStart) = Field(analysis, sentence.Start(analysis.Tokens.Tokens));
                var (_, sentenceEnd) = Field(analysis, sentence.End(analysis.Tokens.Tokens));
                mentions.Add(new EntityMention
                {
                    EntityId = target,
                    ArticleId = article.Id,
                    InTitle = inTitle,
                    Start = start,
                    End = start + (mention.End - mention.Start),
                    Surface = Truncate(mention.Surface),
                    SurfaceKey = Truncate(key),
                    SentenceIndex = mention.Sentence,
                    SentenceStart = sentenceStart,
                    SentenceEnd = sentenceEnd,
                    Reason = mention.Reason,
                });

                if (!perArticle.TryGetValue(target, out var row))
                {
                    perArticle[target] = row = new ArticleEntityRow(entity.Salience, target == id ? targets[entity].Reason : "alias split off by a correction");
                }

                row.Mentions++;
                aliasDeltas[(target, Truncate(key))] = aliasDeltas.GetValueOrDefault((target, Truncate(key))) + 1;
            }

            foreach (var role in entity.Roles)
            {
                var (inTitle, start) = Field(analysis, role.Start);
                roles.Add(new EntityRole
                {
                    EntityId = id,
                    ArticleId = article.Id,
                    Title = Truncate(role.Title, 200),
                    Affiliation = role.Affiliation is null ? null : Truncate(role.Affiliation),
                    AffiliationKind = role.AffiliationKind is { } kind ? ToData(kind) : null,
                    Former = role.Former,
                    InTitle = inTitle,
                    Start = start,
                    End = start + (role.End - role.Start),
                    Evidence = analysis.SentenceText(role.Sentence),
                });
            }
        }

        await InsertRowsAsync(db, article.Id, mentions, roles, perArticle, cancellationToken);
        await ApplyCountDeltasAsync(db, article, previousDate, previous, perArticle, aliasDeltas, cancellationToken);

        var newPeople = created.Where(c => c.Source.Kind == AnalysedKind.Person && EntityNames.WordCount(c.Entity.NameKey) > 1).Select(c => c.Entity).ToList();
        await RefreshCountsAsync(db, await JoinSurnameOnlyPeopleAsync(db, newPeople, cancellationToken), cancellationToken);
        await DeleteOrphansAsync(db, previous, cancellationToken);
        return ids;
    }

    /// <summary>
    /// Updates the counters by what this article added and removed, so that the cost of an import does not
    /// grow with the number of articles already stored. First and last seen are widened by the article's date, and
    /// recomputed only where the article's previous date was the first or the last and the entity lost the article or
    /// the article's date changed (recomputing every previous entity's took a third of PostgreSQL's time in a
    /// re-analysis of the BBC, and reads all the articles of an entity, which grow with the table).
    /// </summary>
    private static async Task ApplyCountDeltasAsync(NewsDbContext db, Article article, DateTimeOffset previousDate, List<long> previous,
        Dictionary<long, ArticleEntityRow> current, Dictionary<(long EntityId, string Key), int> aliasDeltas, CancellationToken cancellationToken)
    {
        var previousSet = previous.ToHashSet();
        var ids = previousSet.Union(current.Keys).ToArray();
        var mentionDeltas = ids.Select(id => aliasDeltas.Where(d => d.Key.EntityId == id).Sum(d => d.Value)).ToArray();
        var articleDeltas = ids.Select(id => (current.ContainsKey(id) ? 1 : 0) - (previousSet.Contains(id) ? 1 : 0)).ToArray();
        var date = article.SortDate;
        if (ids.Length > 0)
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE entities e SET
                  mention_count = e.mention_count + d.mentions,
                  article_count = e.article_count + d.articles,
                  first_seen = CASE WHEN d.present THEN least(coalesce(e.first_seen, {date}), {date}) ELSE e.first_seen END,
                  last_seen = CASE WHEN d.present THEN greatest(coalesce(e.last_seen, {date}), {date}) ELSE e.last_seen END
                FROM unnest({ids}, {mentionDeltas}, {articleDeltas}, {ids.Select(current.ContainsKey).ToArray()}) AS d(id, mentions, articles, present)
                WHERE e.id = d.id
                """, cancellationToken);
        }

        var changed = aliasDeltas.Where(d => d.Value != 0).ToList();
        if (changed.Count > 0)
        {
            var entityIds = changed.Select(d => d.Key.EntityId).ToArray();
            var keys = changed.Select(d => d.Key.Key).ToArray();
            var deltas = changed.Select(d => d.Value).ToArray();
            await db.Database.ExecuteSqlAsync($"""
                UPDATE entity_aliases a SET mention_count = a.mention_count + d.delta
                FROM unnest({entityIds}, {keys}, {deltas}) AS d(entity_id, alias_key, delta)
                WHERE a.entity_id = d.entity_id AND a.alias_key = d.alias_key
                """, cancellationToken);
        }

        var stale = previousDate == date ? previous.Where(id => !current.ContainsKey(id)).ToArray() : previous.ToArray();
        if (stale.Length > 0)
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE entities e SET
                  first_seen = (SELECT min(a.sort_date) FROM article_entities ae JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = e.id),
                  last_seen = (SELECT max(a.sort_date) FROM article_entities ae JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = e.id)
                WHERE e.id = ANY({stale}) AND (e.first_seen = {previousDate} OR e.last_seen = {previousDate})
                """, cancellationToken);
        }
    }

    private sealed class ArticleEntityRow(double salience, string reason)
    {
        public int Mentions { get; set; }

        public double Salience { get; } = salience;

        public string Reason { get; } = reason;
    }

    /// <summary>Bulk inserts (one statement per table: news articles carry dozens of mentions each).</summary>
    private static async Task InsertRowsAsync(NewsDbContext db, long articleId, List<EntityMention> mentions, List<EntityRole> roles,
        Dictionary<long, ArticleEntityRow> perArticle, CancellationToken cancellationToken)
    {
        if (mentions.Count > 0)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO entity_mentions (entity_id, article_id, in_title, start, "end", surface, surface_key, sentence_index, sentence_start, sentence_end, reason)
                SELECT * FROM unnest({mentions.Select(m => m.EntityId).ToArray()}, {mentions.Select(m => articleId).ToArray()},
                  {mentions.Select(m => m.InTitle).ToArray()}, {mentions.Select(m => m.Start).ToArray()}, {mentions.Select(m => m.End).ToArray()},
                  {mentions.Select(m => m.Surface).ToArray()}, {mentions.Select(m => m.SurfaceKey).ToArray()}, {mentions.Select(m => m.SentenceIndex).ToArray()},
                  {mentions.Select(m => m.SentenceStart).ToArray()}, {mentions.Select(m => m.SentenceEnd).ToArray()}, {mentions.Select(m => m.Reason).ToArray()})
                """, cancellationToken);
        }

        if (roles.Count > 0)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO entity_roles (entity_id, article_id, title, affiliation, affiliation_kind, former, in_title, start, "end", evidence)
                SELECT * FROM unnest({roles.Select(r => r.EntityId).ToArray()}, {roles.Select(r => articleId).ToArray()}, {roles.Select(r => r.Title).ToArray()},
                  {roles.Select(r => r.Affiliation).ToArray()}, {roles.Select(r => r.AffiliationKind?.ToString()).ToArray()}, {roles.Select(r => r.Former).ToArray()},
                  {roles.Select(r => r.InTitle).ToArray()}, {roles.Select(r => r.Start).ToArray()}, {roles.Select(r => r.End).ToArray()}, {roles.Select(r => r.Evidence).ToArray()})
                """, cancellationToken);
        }

        if (perArticle.Count > 0)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO article_entities (article_id, entity_id, mention_count, salience, match_reason)
                SELECT * FROM unnest({perArticle.Keys.Select(_ => articleId).ToArray()}, {perArticle.Keys.ToArray()},
                  {perArticle.Values.Select(r => r.Mentions).ToArray()}, {perArticle.Values.Select(r => r.Salience).ToArray()}, {perArticle.Values.Select(r => r.Reason).ToArray()})
                """, cancellationToken);
        }
    }

    private sealed record KnownAlias(long EntityId, EntityKind Kind, string AliasKey, AliasSource Source, string NameKey, string Name, int ArticleCount);

    /// <summary>Aliases of existing entities for every key the article's entities could match by.</summary>
    private static async Task<List<KnownAlias>> KnownAliasesAsync(NewsDbContext db, IReadOnlyList<AnalysedEntity> entities, CancellationToken cancellationToken)
    {
        // Names and aliases to match by, and every surface, to honour aliases blocked or split off by corrections.
        var keys = entities.SelectMany(MatchKeys).Concat(entities.SelectMany(e => e.Mentions.Select(m => EntityNames.Key(m.Surface)))).Distinct().ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        var rows = await db.EntityAliases
            .Where(a => keys.Contains(a.AliasKey))
            .Select(a => new { a.EntityId, a.Kind, a.AliasKey, a.Source, a.Entity.MergedIntoId, a.Entity.NameKey, a.Entity.Name, a.Entity.ArticleCount })
            .ToListAsync(cancellationToken);

        // A merge points every record merged into the loser straight at the survivor (MoveAsync), so one hop is enough.
        var known = rows.Select(row => new KnownAlias(row.MergedIntoId ?? row.EntityId, row.Kind, row.AliasKey, row.Source, row.NameKey, row.Name, row.ArticleCount)).ToList();

        // A person named by one word could be anyone with that surname, whether or not an article has yet written
        // it alone: the most frequent few of them, as candidates (Match decides).
        // One indexed query (kind, last_word_key) with a limit per one-word person of the article: usually none or one.
        foreach (var surname in entities.Where(e => e.Kind == AnalysedKind.Person).Select(e => EntityNames.Key(e.Name)).Where(k => EntityNames.WordCount(k) == 1).Distinct())
        {
            var holders = await db.Entities
                .Where(e => e.Kind == EntityKind.Person && e.MergedIntoId == null && e.LastWordKey == surname && e.NameKey != surname)
                .OrderByDescending(e => e.ArticleCount).ThenBy(e => e.Id).Take(MaxHolders)
                .Select(e => new { e.Id, e.NameKey, e.Name, e.ArticleCount })
                .ToListAsync(cancellationToken);
            known.AddRange(holders.Where(h => !known.Any(k => k.EntityId == h.Id && k.AliasKey == surname))
                .Select(h => new KnownAlias(h.Id, EntityKind.Person, surname, AliasSource.Text, h.NameKey, h.Name, h.ArticleCount)));
        }

        return known;
    }

    private static IEnumerable<string> MatchKeys(AnalysedEntity entity)
    {
        yield return EntityNames.Key(entity.Name);
        if (entity.Kind != AnalysedKind.Person)
        {
            foreach (var alias in entity.Aliases.Keys.Concat(entity.KnownAs))
            {
                yield return EntityNames.Key(alias);
            }
        }
    }

    /// <summary>A person a name alone could join, if the article shares context with theirs.</summary>
    private sealed record Candidate(long Id, string Name, int ArticleCount);

    /// <summary>
    /// How much more often than everyone else with the surname (among those whose articles share context with this
    /// one) a person must be named for a surname alone to be theirs: "Blair" in a politics report is Tony Blair
    /// (149 articles) rather than Cherie Blair (4).
    /// </summary>
    private const int DominantShare = 5;

    /// <summary>Surname holders checked for context, most frequent first.</summary>
    private const int MaxHolders = 5;

    /// <summary>
    /// The existing entity the article's entity is, and why; null when it is new. A person named by one word
    /// alone may instead get <see cref="Candidate"/>s: the people of other articles with that surname, one of whom
    /// is joined only when the article shares context with theirs (<see cref="PlausibleAsync"/>); Id is then what
    /// to do otherwise.
    /// </summary>
    private static (long? Id, string Reason, List<Candidate>? Context) Match(AnalysedEntity entity, List<KnownAlias> known)
    {
        var kind = ToData(entity.Kind);
        var nameKey = EntityNames.Key(entity.Name);
        var keys = MatchKeys(entity).ToHashSet();
        var blocked = known.Where(k => k.Kind == kind && k.Source == AliasSource.Blocked).Select(k => (k.EntityId, k.AliasKey)).ToHashSet();
        var candidates = known.Where(k => k.Kind == kind && k.Source != AliasSource.Blocked && keys.Contains(k.AliasKey) && !blocked.Contains((k.EntityId, k.AliasKey)))
            .ToList();
        if (candidates.Count == 0)
        {
            return (null, "", null);
        }

        var singleWordPerson = entity.Kind == AnalysedKind.Person && EntityNames.WordCount(nameKey) == 1;
        if (!singleWordPerson)
        {
            // A full name matches a record of the same name, or failing that one that has it as an alias.
            var sameName = candidates.Where(c => c.NameKey == nameKey).OrderByDescending(c => c.Source == AliasSource.Manual).ThenByDescending(c => c.ArticleCount).ThenBy(c => c.EntityId).FirstOrDefault();
            if (sameName is not null)
            {
                return (sameName.EntityId, "same name as in other articles", null);
            }

            if (entity.Kind == AnalysedKind.Person)
            {
                // A person's full name only matches a full name: two Herzogs stay two people.
                var alias = candidates.Where(c => c.AliasKey == nameKey && EntityNames.WordCount(c.NameKey) > 1).OrderByDescending(c => c.ArticleCount).FirstOrDefault();
                return alias is null ? (null, "", null) : (alias.EntityId, $"known alias \"{entity.Name}\"", null);
            }

            var best = candidates.OrderByDescending(c => c.Source == AliasSource.Manual).ThenByDescending(c => c.ArticleCount).ThenBy(c => c.EntityId).First();
            return (best.EntityId, $"known alias \"{best.AliasKey}\"", null);
        }

        // One word alone. An alias a correction added is a decision: follow it.
        if (candidates.Where(c => c.Source == AliasSource.Manual).Select(c => c.EntityId).Distinct().ToList() is [var manual])
        {
            return (manual, $"\"{entity.Name}\" added to this record by a correction", null);
        }

        // The record of that one name ("Ronaldinho", or the Joneses no full name claimed yet), else the one person
        // whose surname it is. A given name alone ("Charles", "Harry") never joins anyone across articles, and a
        // surname that several people share joins none of them.
        var loner = candidates.Where(c => c.NameKey == nameKey).OrderByDescending(c => c.ArticleCount).ThenBy(c => c.EntityId).FirstOrDefault();
        var holders = candidates.Where(c => EntityNames.WordCount(c.NameKey) > 1 && EntityNames.LastWord(c.NameKey) == nameKey)
            .GroupBy(c => c.EntityId).Select(g => g.First()).OrderByDescending(c => c.ArticleCount).ThenBy(c => c.EntityId).Take(MaxHolders).ToList();
        var fallback = loner is null ? (null, "") : ((long?)loner.EntityId, "same name as in other articles");
        return (fallback.Item1, fallback.Item2, holders.Count == 0 ? null : holders.Select(h => new Candidate(h.EntityId, h.Name, h.ArticleCount)).ToList());
    }

    /// <summary>
    /// The one person a surname alone names, given the article's other matched entities: among the people with that
    /// surname whose articles share one of them, the only one, or one named <see cref="DominantShare"/> times as
    /// often as the others together. Null (with the reason) when none is plausible or several are.
    /// </summary>
    private static async Task<(long? Id, string Reason)> PlausibleAsync(NewsDbContext db, string name, List<Candidate> candidates, List<long> context, CancellationToken cancellationToken)
    {
        var ids = candidates.Select(c => c.Id).ToList();
        // One existence test per candidate, which stops at the first shared article (collecting every candidate's
        // sharing articles took 65 ms for three well-known people at 34,000 articles; this takes 2 ms).
        var contextIds = context.ToArray();
        var sharing = context.Count == 0 ? [] : await db.Database.SqlQuery<long>($"""
            SELECT c.id AS value FROM unnest({ids.ToArray()}) AS c(id)
            WHERE EXISTS (SELECT 1 FROM article_entities a JOIN article_entities b ON b.article_id = a.article_id
                          WHERE a.entity_id = c.id AND b.entity_id = ANY({contextIds}) AND b.entity_id <> c.id)
            """).ToListAsync(cancellationToken);
        var plausible = candidates.Where(c => sharing.Contains(c.Id)).ToList();

        return plausible switch
        {
            [] => (null, $"\"{name}\" could be {candidates[0].Name}, but this article shares no one with theirs"),
            [var only] => (only.Id, candidates.Count == 1
                ? $"the only person known as \"{name}\", in articles with the same people or organisations"
                : $"the only person known as \"{name}\" in articles with the same people or organisations ({candidates.Count} have the name)"),
            [var top, .. var rest] when top.ArticleCount >= DominantShare * rest.Sum(r => r.ArticleCount) =>
                (top.Id, $"\"{name}\" in articles with the same people or organisations is {top.Name} ({top.ArticleCount} articles) far more often than the {rest.Count} others"),
            _ => (null, $"\"{name}\" could be {plausible.Count} people in articles with the same people or organisations"),
        };
    }

    private static async Task InsertAliasesAsync(NewsDbContext db, List<(long EntityId, EntityKind Kind, string Alias, string Key)> rows, CancellationToken cancellationToken,
        AliasSource source = AliasSource.Text)
    {
        var distinct = rows.Where(r => r.Key.Length > 0).GroupBy(r => (r.EntityId, r.Key)).Select(g => g.First()).ToList();
        if (distinct.Count == 0)
        {
            return;
        }

        var entityIds = distinct.Select(r => r.EntityId).ToArray();
        var kinds = distinct.Select(r => r.Kind.ToString()).ToArray();
        var aliases = distinct.Select(r => Truncate(r.Alias)).ToArray();
        var keys = distinct.Select(r => Truncate(r.Key)).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO entity_aliases (entity_id, kind, alias, alias_key, mention_count, source)
            SELECT e, k, a, ak, 0, {source.ToString()} FROM unnest({entityIds}, {kinds}, {aliases}, {keys}) AS t(e, k, a, ak)
            ON CONFLICT (entity_id, alias_key) DO UPDATE SET source = 'Text', alias = EXCLUDED.alias
              WHERE entity_aliases.source = 'Rule' AND EXCLUDED.source = 'Text'
            """, cancellationToken);
    }

    /// <summary>
    /// People known only by a surname from earlier articles join the full-name person who now carries that
    /// surname, when that person is the only one who does. Returns the records whose counts changed.
    /// </summary>
    private async Task<List<long>> JoinSurnameOnlyPeopleAsync(NewsDbContext db, List<Entity> people, CancellationToken cancellationToken)
    {
        if (people.Count == 0)
        {
            return [];
        }

        var surnames = people.Select(p => p.LastWordKey).Distinct().ToList();
        var holders = await db.Entities.Where(e => e.Kind == EntityKind.Person && e.MergedIntoId == null && surnames.Contains(e.LastWordKey))
            .Select(e => new { e.Id, e.NameKey, e.LastWordKey }).ToListAsync(cancellationToken);
        var changed = new List<long>();
        foreach (var person in people)
        {
            var fullNames = holders.Count(h => h.LastWordKey == person.LastWordKey && h.NameKey != person.LastWordKey);
            var loners = holders.Where(h => h.NameKey == person.LastWordKey).Select(h => h.Id).ToList();
            if (fullNames != 1 || loners.Count == 0)
            {
                continue;
            }

            var corrected = await db.EntityCorrections.AnyAsync(c => loners.Contains(c.EntityId) || (c.OtherEntityId != null && loners.Contains(c.OtherEntityId.Value)), cancellationToken);
            if (corrected)
            {
                continue;
            }

            foreach (var loner in loners)
            {
                // Only when the loner's articles and the person's share someone ("Jones" in a squad list is not
                // the sprinter Marion Jones).
                if (!await ShareContextAsync(db, loner, person.Id, cancellationToken))
                {
                    continue;
                }

                await MoveAsync(db, loner, person.Id, $"joined to {person.Name}, the only person with this surname, in articles with the same people or organisations", cancellationToken);
                changed.Add(loner);
                if (!changed.Contains(person.Id))
                {
                    changed.Add(person.Id);
                }
            }
        }

        return changed;
    }

    /// <summary>
    /// Is there an article of <paramref name="loner"/> and one of <paramref name="person"/> that mention the same
    /// third person or organisation?
    /// </summary>
    private static Task<bool> ShareContextAsync(NewsDbContext db, long loner, long person, CancellationToken cancellationToken)
    {
        var lonerArticles = db.ArticleEntities.Where(a => a.EntityId == loner).Select(a => a.ArticleId);
        var personArticles = db.ArticleEntities.Where(a => a.EntityId == person).Select(a => a.ArticleId);
        var third = db.ArticleEntities.Where(a => a.EntityId != loner && a.EntityId != person && a.Entity.Kind != EntityKind.Place);
        return third.Where(a => lonerArticles.Contains(a.ArticleId))
            .AnyAsync(a => third.Any(b => b.EntityId == a.EntityId && personArticles.Contains(b.ArticleId)), cancellationToken);
    }

    /// <summary>Moves everything of <paramref name="from"/> to <paramref name="to"/> and redirects <paramref name="from"/> there.</summary>
    public async Task MoveAsync(NewsDbContext db, long from, long to, string reason, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"""
            UPDATE entity_mentions SET entity_id = {to}, reason = coalesce(reason, {reason}) WHERE entity_id = {from};
            UPDATE entity_roles SET entity_id = {to} WHERE entity_id = {from};
            UPDATE quotes SET speaker_id = {to} WHERE speaker_id = {from};
            INSERT INTO event_participants (event_id, article_id, entity_id, role)
            SELECT event_id, article_id, {to}, role FROM event_participants WHERE entity_id = {from}
            ON CONFLICT (event_id, article_id, entity_id) DO NOTHING;
            DELETE FROM event_participants WHERE entity_id = {from};
            UPDATE events SET place_id = {to} WHERE place_id = {from};
            UPDATE article_events SET place_id = {to} WHERE place_id = {from};
            INSERT INTO article_entities (article_id, entity_id, mention_count, salience, match_reason)
            SELECT article_id, {to}, mention_count, salience, {reason} FROM article_entities WHERE entity_id = {from}
            ON CONFLICT (article_id, entity_id) DO UPDATE
              SET mention_count = article_entities.mention_count + excluded.mention_count,
                  salience = greatest(article_entities.salience, excluded.salience);
            DELETE FROM article_entities WHERE entity_id = {from};
            INSERT INTO entity_aliases (entity_id, kind, alias, alias_key, mention_count, source)
            SELECT {to}, kind, alias, alias_key, mention_count, source FROM entity_aliases WHERE entity_id = {from}
            ON CONFLICT (entity_id, alias_key) DO NOTHING;
            DELETE FROM entity_aliases WHERE entity_id = {from};
            UPDATE entities SET merged_into_id = {to}, article_count = 0, mention_count = 0 WHERE id = {from};
            UPDATE entities SET merged_into_id = {to} WHERE merged_into_id = {from};
            """, cancellationToken);
    }

    /// <summary>Recomputes mention and article counts, first and last seen, and alias counts.</summary>
    public static async Task RefreshCountsAsync(NewsDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var array = ids.Distinct().ToArray();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE entities e SET
              mention_count = (SELECT count(*) FROM entity_mentions m WHERE m.entity_id = e.id),
              article_count = (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id),
              first_seen = (SELECT min(a.sort_date) FROM article_entities ae JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = e.id),
              last_seen = (SELECT max(a.sort_date) FROM article_entities ae JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = e.id)
            WHERE e.id = ANY({array}) AND e.merged_into_id IS NULL;
            UPDATE entity_aliases al SET
              mention_count = (SELECT count(*) FROM entity_mentions m WHERE m.entity_id = al.entity_id AND m.surface_key = al.alias_key)
            WHERE al.entity_id = ANY({array});
            """, cancellationToken);
    }

    /// <summary>Entities no article mentions any more, that no correction or manual alias refers to, go.</summary>
    private static async Task DeleteOrphansAsync(NewsDbContext db, List<long> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return;
        }

        var array = candidates.ToArray();
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM entities e
            WHERE e.id = ANY({array})
              AND NOT EXISTS (SELECT 1 FROM article_entities ae WHERE ae.entity_id = e.id)
              AND NOT EXISTS (SELECT 1 FROM entity_corrections c WHERE c.entity_id = e.id OR c.other_entity_id = e.id)
              AND NOT EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = e.id AND a.source <> 'Text')
              AND NOT EXISTS (SELECT 1 FROM entities m WHERE m.merged_into_id = e.id)
            """, cancellationToken);
    }

    /// <summary>(title?, offset in that field) of an offset in the analysed text.</summary>
    public static (bool InTitle, int Offset) Field(ArticleAnalysis analysis, int offset) =>
        analysis.BodyOffset > 0 && offset < analysis.BodyOffset ? (true, offset) : (false, offset - analysis.BodyOffset);

    /// <summary>
    /// <paramref name="value"/> cut to at most <paramref name="length"/> characters (a column's length), never between
    /// the two halves of a surrogate pair: PostgreSQL would refuse the lone half, and with it the whole statement.
    /// </summary>
    public static string Truncate(string value, int length = 300) =>
        value.Length <= length ? value : value[..(char.IsHighSurrogate(value[length - 1]) ? length - 1 : length)];
}
