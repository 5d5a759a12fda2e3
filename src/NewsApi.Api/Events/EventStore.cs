using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Entities;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Events;
using AnalysedEntity = NewsApi.Nlp.Entities.ArticleEntity;
using DataEvent = NewsApi.Data.Entities.Event;
using NlpEvent = NewsApi.Nlp.Events.ArticleEvent;
using DataParticipantRole = NewsApi.Data.Entities.ParticipantRole;
using NlpParticipantRole = NewsApi.Nlp.Events.ParticipantRole;

namespace NewsApi.Api.Events;

/// <summary>
/// Stores an article's events and merges them with the events other articles report, so that one real-world
/// event is one record (rules in <see cref="EventMerging"/>). Runs inside the article's transaction, under the
/// resolution lock the entity store takes. When an article is re-analysed its readings are replaced and the
/// events they belonged to are recomputed; an event no article reports any more is deleted, except that the
/// article's own events are reused when the new analysis reports them again (ids stay stable).
/// </summary>
public sealed class EventStore(TimeProvider time)
{
    private const int MaxCandidates = 200;

    public async Task StoreAsync(NewsDbContext db, Article article, ArticleAnalysis analysis,
        IReadOnlyDictionary<AnalysedEntity, long> ids, CancellationToken cancellationToken)
    {
        // The article's previous readings: their events are recomputed, and reused when reported again.
        var previous = await db.ArticleEvents.Where(ae => ae.ArticleId == article.Id)
            .Select(ae => new { ae.EventId, ae.PlaceId, ae.Ordinal, ae.DateValue, ae.DateUntil }).ToListAsync(cancellationToken);
        var previousParticipants = await db.EventParticipants.Where(p => p.ArticleId == article.Id)
            .Select(p => new { p.EventId, p.EntityId, p.Role }).ToListAsync(cancellationToken);
        var previousTypes = await db.Events.Where(e => previous.Select(p => p.EventId).Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.Type, cancellationToken);
        if (previous.Count > 0)
        {
            await db.Database.ExecuteSqlAsync($"""
                DELETE FROM event_evidence WHERE article_id = {article.Id};
                DELETE FROM event_participants WHERE article_id = {article.Id};
                DELETE FROM article_events WHERE article_id = {article.Id};
                """, cancellationToken);
        }

        // Publication dates only: an import date says nothing about when the reported event happened.
        IReadOnlyList<DateOnly> reported = article.PublishedAt is { } published ? [published] : [];
        var recycled = previous.Where(p => previousTypes.ContainsKey(p.EventId)).Select(p => (Id: p.EventId, Key: new EventKey(
            Parse(previousTypes[p.EventId]), previousParticipants.Where(x => x.EventId == p.EventId && x.Role != DataParticipantRole.Other).Select(x => x.EntityId).ToHashSet(),
            p.PlaceId, p.DateValue, p.DateUntil, p.Ordinal, reported))).ToList();

        var now = time.GetUtcNow();
        var readings = new Dictionary<long, Reading>();
        foreach (var ev in analysis.Events)
        {
            var participants = new Dictionary<long, DataParticipantRole>();
            foreach (var p in ev.Participants)
            {
                if (ids.TryGetValue(p.Entity, out var id))
                {
                    var role = ToData(p.Role);
                    participants[id] = participants.TryGetValue(id, out var had) && had < role ? had : role;
                }
            }

            long? placeId = ev.Place is not null && ids.TryGetValue(ev.Place, out var place) ? place : null;
            var date = ev.Date is { Resolved: true } d ? d : null;
            var key = new EventKey(ev.Type, Actors(participants), placeId, date?.Value, date?.Until, ev.Ordinal, reported);

            var (eventId, reason) = readings.Values.FirstOrDefault(r => r.Type == ev.Type && EventMerging.Match(r.Key, key) is not null) is { } same
                ? ((long?)same.EventId, same.Reason)
                : await FindAsync(db, key, recycled, cancellationToken);
            if (eventId is null)
            {
                var (code, _, _) = EventTypes.Cameo(ev.Type);
                var record = new DataEvent
                {
                    Type = EventTypes.Name(ev.Type),
                    Cameo = code,
                    Title = EntityStore.Truncate(ev.Title, 400),
                    SortDate = article.SortDate,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.Events.Add(record);
                await db.SaveChangesAsync(cancellationToken);
                eventId = record.Id;
                reason = "first reported in this article";
            }

            if (!readings.TryGetValue(eventId.Value, out var reading))
            {
                readings[eventId.Value] = reading = new Reading(eventId.Value, ev.Type, key, reason);
                recycled.RemoveAll(r => r.Id == eventId.Value);
            }

            reading.Add(ev, participants, placeId, date, ev == analysis.MainEvent?.Event);
        }

        await InsertAsync(db, article, analysis, readings.Values, cancellationToken);

        if (analysis.MainEvent is { } main)
        {
            var reading = readings.Values.FirstOrDefault(r => r.Events.Contains(main.Event));
            article.MainEvent = new MainEventFrame
            {
                Who = main.Who,
                What = main.What,
                When = main.When,
                Where = main.Where,
                Why = main.Why,
                How = main.How,
                EventId = reading?.EventId,
                WhoIds = main.Event.Actors.Where(ids.ContainsKey).Select(e => ids[e]).Distinct().ToList(),
                WhereId = main.Event.Place is { } where && ids.TryGetValue(where, out var whereId) ? whereId : null,
                WhenValue = main.Event.Date?.Iso,
            };
        }
        else
        {
            article.MainEvent = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        await RecomputeAsync(db, readings.Keys.Concat(previous.Select(p => p.EventId)).Distinct().ToArray(), now, cancellationToken);
    }

    /// <summary>The stored event this reading is, and why; (null, "") when it is new.</summary>
    private static async Task<(long? Id, string Reason)> FindAsync(NewsDbContext db, EventKey key, List<(long Id, EventKey Key)> recycled, CancellationToken cancellationToken)
    {
        var type = EventTypes.Name(key.Type);
        var participantIds = key.Actors.ToArray();
        IQueryable<long> candidateIds = key.Actors.Count > 0
            ? db.EventParticipants.Where(p => participantIds.Contains(p.EntityId) && p.Role != DataParticipantRole.Other).Select(p => p.EventId)
            : db.Events.Where(e => key.PlaceId != null && e.PlaceId == key.PlaceId).Select(e => e.Id);
        var candidates = await db.Events.AsNoTracking()
            .Where(e => e.Type == type && candidateIds.Contains(e.Id))
            .OrderByDescending(e => e.SortDate).Take(MaxCandidates)
            .Select(e => new { e.Id })
            .ToListAsync(cancellationToken);
        var candidateList = candidates.Select(c => c.Id).ToArray();
        var readings = await db.ArticleEvents.AsNoTracking().Where(ae => candidateList.Contains(ae.EventId))
            .Join(db.Articles, ae => ae.ArticleId, a => a.Id, (ae, a) => new { ae.EventId, ae.PlaceId, ae.Ordinal, ae.DateValue, ae.DateUntil, a.PublishedAt })
            .ToListAsync(cancellationToken);
        var participants = await db.EventParticipants.AsNoTracking().Where(p => candidateList.Contains(p.EventId) && p.Role != DataParticipantRole.Other)
            .Select(p => new { p.EventId, p.EntityId }).Distinct().ToListAsync(cancellationToken);

        (long? Id, string Reason, int Score) best = (null, "", int.MinValue);
        foreach (var group in readings.GroupBy(r => r.EventId))
        {
            // The event as the union of its readings: every article's participants, and any stated date and place.
            var dated = group.FirstOrDefault(r => r.DateValue is not null);
            var stored = new EventKey(key.Type, participants.Where(p => p.EventId == group.Key).Select(p => p.EntityId).ToHashSet(),
                group.Select(r => r.PlaceId).FirstOrDefault(p => p is not null), dated?.DateValue, dated?.DateUntil,
                group.Select(r => r.Ordinal).FirstOrDefault(o => o is not null),
                group.Where(r => r.PublishedAt != null).Select(r => r.PublishedAt!.Value).Distinct().ToList());
            if (EventMerging.Match(stored, key) is { } match && match.Score > best.Score)
            {
                best = (group.Key, match.Reason, match.Score);
            }
        }

        foreach (var (id, stored) in recycled)
        {
            if (stored.Type == key.Type && EventMerging.Match(stored, key) is { } match && match.Score > best.Score)
            {
                best = (id, "reported again by this article", match.Score);
            }
        }

        return (best.Id, best.Reason);
    }

    private static async Task InsertAsync(NewsDbContext db, Article article, ArticleAnalysis analysis, IEnumerable<Reading> readings, CancellationToken cancellationToken)
    {
        var rows = readings.ToList();
        if (rows.Count == 0)
        {
            return;
        }

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO article_events (event_id, article_id, title, date_value, date_until, date_precision, date_inferred, date_text, place_id, ordinal, confidence, main, match_reason)
            SELECT e, {article.Id}, t, dv, du, dp, di, dt, p, o, c, m, r FROM unnest({rows.Select(r => r.EventId).ToArray()}, {rows.Select(r => r.Title).ToArray()},
              {rows.Select(r => r.Date?.Value).ToArray()}, {rows.Select(r => r.Date?.Until).ToArray()},
              {rows.Select(r => r.Date?.Precision.ToString().ToLowerInvariant()).ToArray()}, {rows.Select(r => r.Date?.Inferred ?? false).ToArray()},
              {rows.Select(r => r.Date is null ? null : EntityStore.Truncate(r.Date.Text, 100)).ToArray()}, {rows.Select(r => r.PlaceId).ToArray()},
              {rows.Select(r => r.Ordinal).ToArray()}, {rows.Select(r => r.Confidence).ToArray()}, {rows.Select(r => r.Main).ToArray()},
              {rows.Select(r => EntityStore.Truncate(r.Reason, 300)).ToArray()}) AS x(e, t, dv, du, dp, di, dt, p, o, c, m, r)
            """, cancellationToken);

        var participants = rows.SelectMany(r => r.Participants.Select(p => (r.EventId, p.Key, p.Value))).ToList();
        if (participants.Count > 0)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO event_participants (event_id, article_id, entity_id, role)
                SELECT e, {article.Id}, en, r FROM unnest({participants.Select(p => p.EventId).ToArray()}, {participants.Select(p => p.Key).ToArray()},
                  {participants.Select(p => p.Value.ToString()).ToArray()}) AS x(e, en, r)
                """, cancellationToken);
        }

        var evidence = rows.SelectMany(r => r.Events.SelectMany(e => e.Evidence).DistinctBy(e => (e.Start, e.TriggerStart)).Select(e => (r.EventId, Evidence: e))).ToList();
        if (evidence.Count > 0)
        {
            var fields = evidence.Select(e => (Start: EntityStore.Field(analysis, e.Evidence.Start), Trigger: EntityStore.Field(analysis, e.Evidence.TriggerStart).Offset)).ToList();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO event_evidence (event_id, article_id, in_title, start, "end", sentence, trigger, trigger_start)
                SELECT e, {article.Id}, it, s, en, se, t, ts FROM unnest({evidence.Select(e => e.EventId).ToArray()}, {fields.Select(f => f.Start.InTitle).ToArray()},
                  {fields.Select(f => f.Start.Offset).ToArray()}, {evidence.Select((e, i) => fields[i].Start.Offset + (e.Evidence.End - e.Evidence.Start)).ToArray()},
                  {evidence.Select(e => analysis.Text[e.Evidence.Start..e.Evidence.End]).ToArray()}, {evidence.Select(e => EntityStore.Truncate(e.Evidence.Trigger, 50)).ToArray()},
                  {fields.Select(f => f.Trigger).ToArray()}) AS x(e, it, s, en, se, t, ts)
                """, cancellationToken);
        }
    }

    /// <summary>
    /// Recomputes each event's summary from its articles' readings: the most precise stated date (stated
    /// against a publication date before inferred ones), the place most readings give, the first ordinal, the
    /// title of the reading with the most participants, counts and confidence. Events no article reports go.
    /// </summary>
    public static async Task RecomputeAsync(NewsDbContext db, long[] eventIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (eventIds.Length == 0)
        {
            return;
        }

        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM events e WHERE e.id = ANY({eventIds}) AND NOT EXISTS (SELECT 1 FROM article_events ae WHERE ae.event_id = e.id)
            """, cancellationToken);

        var readings = await db.ArticleEvents.AsNoTracking().Where(ae => eventIds.Contains(ae.EventId))
            .Join(db.Articles, ae => ae.ArticleId, a => a.Id, (ae, a) => new { Reading = ae, a.SortDate })
            .ToListAsync(cancellationToken);
        var participantCounts = await db.EventParticipants.AsNoTracking().Where(p => eventIds.Contains(p.EventId))
            .GroupBy(p => new { p.EventId, p.ArticleId }).Select(g => new { g.Key.EventId, g.Key.ArticleId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var evidenceCounts = await db.EventEvidence.AsNoTracking().Where(e => eventIds.Contains(e.EventId))
            .GroupBy(e => e.EventId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var events = await db.Events.Where(e => eventIds.Contains(e.Id)).ToListAsync(cancellationToken);

        foreach (var ev in events)
        {
            var mine = readings.Where(r => r.Reading.EventId == ev.Id).ToList();
            var dated = mine.Where(r => r.Reading.DateValue is not null)
                .OrderBy(r => r.Reading.DateInferred).ThenBy(r => Rank(r.Reading.DatePrecision)).ThenBy(r => r.SortDate).ThenBy(r => r.Reading.ArticleId)
                .FirstOrDefault()?.Reading;
            var titled = mine.OrderByDescending(r => participantCounts.FirstOrDefault(p => p.EventId == ev.Id && p.ArticleId == r.Reading.ArticleId)?.Count ?? 0)
                .ThenBy(r => r.SortDate).ThenBy(r => r.Reading.ArticleId).First().Reading;

            ev.Title = titled.Title;
            ev.DateValue = dated?.DateValue;
            ev.DateUntil = dated?.DateUntil;
            ev.DatePrecision = dated?.DatePrecision;
            ev.DateInferred = dated?.DateInferred ?? false;
            ev.DateText = dated?.DateText;
            ev.PlaceId = mine.Where(r => r.Reading.PlaceId is not null).GroupBy(r => r.Reading.PlaceId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                .Select(g => g.Key).FirstOrDefault();
            ev.Ordinal = mine.Select(r => r.Reading.Ordinal).FirstOrDefault(o => o is not null);
            ev.ArticleCount = mine.Select(r => r.Reading.ArticleId).Distinct().Count();
            ev.EvidenceCount = evidenceCounts.GetValueOrDefault(ev.Id);
            // Independent reports corroborate: 1 - Π(1 - c).
            ev.Confidence = Math.Round(1 - mine.Aggregate(1.0, (p, r) => p * (1 - Math.Clamp(r.Reading.Confidence, 0, 0.99))), 3);
            ev.SortDate = ev.DateValue is { } value
                ? new DateTimeOffset(value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                : mine.Min(r => r.SortDate);
            ev.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static int Rank(string? precision) => precision switch
    {
        "day" => 0,
        "week" => 1,
        "month" => 2,
        _ => 3,
    };

    private static DataParticipantRole ToData(NlpParticipantRole role) => role switch
    {
        NlpParticipantRole.Actor1 => DataParticipantRole.Actor1,
        NlpParticipantRole.Actor2 => DataParticipantRole.Actor2,
        _ => DataParticipantRole.Other,
    };

    /// <summary>Those who act or are acted upon: what cross-article matching compares (others are context).</summary>
    private static HashSet<long> Actors(Dictionary<long, DataParticipantRole> participants) =>
        participants.Where(p => p.Value != DataParticipantRole.Other).Select(p => p.Key).ToHashSet();

    private static EventType Parse(string name) => EventTypes.TryParse(name, out var type) ? type : EventType.Statement;

    /// <summary>One article's reading of one stored event (several of the article's events may be one).</summary>
    private sealed class Reading(long eventId, EventType type, EventKey key, string reason)
    {
        public long EventId { get; } = eventId;

        public EventType Type { get; } = type;

        public EventKey Key { get; private set; } = key;

        public string Reason { get; } = reason;

        public List<NlpEvent> Events { get; } = [];

        public Dictionary<long, DataParticipantRole> Participants { get; } = [];

        public long? PlaceId { get; private set; }

        public NewsApi.Nlp.Dates.DateMention? Date { get; private set; }

        public int? Ordinal { get; private set; }

        public double Confidence { get; private set; }

        public bool Main { get; private set; }

        public string Title { get; private set; } = "";

        public void Add(NlpEvent ev, Dictionary<long, DataParticipantRole> participants, long? placeId, NewsApi.Nlp.Dates.DateMention? date, bool main)
        {
            Events.Add(ev);
            foreach (var (id, role) in participants)
            {
                Participants[id] = Participants.TryGetValue(id, out var had) && had < role ? had : role;
            }

            PlaceId ??= placeId;
            Date ??= date;
            Ordinal ??= ev.Ordinal;
            Main |= main;
            if (ev.Confidence > Confidence || Title.Length == 0)
            {
                Title = EntityStore.Truncate(ev.Title, 400);
            }

            Confidence = Math.Max(Confidence, ev.Confidence);
            Key = Key with { Actors = Actors(Participants), PlaceId = PlaceId, From = Date?.Value, Until = Date?.Until, Ordinal = Ordinal };
        }
    }
}
