using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Nlp.Analysis;
using NewsApi.Nlp.Entities;
using NewsApi.Nlp.Events;

namespace NewsApi.Ingestion.Analysis;

/// <summary>
/// Stores an article's events and merges them with the events other articles report, so that one real-world
/// event is one record (rules in <see cref="EventMerging"/>). Runs inside the article's transaction, under the
/// resolution lock the entity store takes. When an article is re-analysed its readings are replaced and the
/// events they belonged to are recomputed; an event no article reports any more is deleted, except that the
/// article's own events are reused when the new analysis reports them again (ids stay stable).
/// </summary>
public sealed class EventStore(TimeProvider time)
{
    /// <summary>Events read per actor or place of the article, newest first.</summary>
    private const int MaxCandidates = 200;

    private sealed record Candidate(long Id, string Type);

    /// <summary>Replaces the article's events; <paramref name="fresh"/> when the article was never analysed (nothing to replace).</summary>
    public async Task StoreAsync(NewsDbContext db, Article article, ArticleAnalysis analysis,
        IReadOnlyDictionary<AnalysedEntity, long> ids, bool fresh, CancellationToken cancellationToken)
    {
        // The article's previous readings: their events are recomputed, and reused when reported again.
        var previous = fresh ? [] : await db.ArticleEvents.Where(ae => ae.ArticleId == article.Id)
            .Join(db.Events, ae => ae.EventId, e => e.Id, (ae, e) => new { ae.EventId, ae.PlaceId, ae.Ordinal, ae.DateValue, ae.DateUntil, e.Type })
            .ToListAsync(cancellationToken);
        var previousParticipants = previous.Count == 0 ? [] : await db.EventParticipants.Where(p => p.ArticleId == article.Id)
            .Select(p => new { p.EventId, p.EntityId, p.Role }).ToListAsync(cancellationToken);
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
        var recycled = previous.Select(p => (Id: p.EventId, Key: new EventKey(
            Parse(p.Type), previousParticipants.Where(x => x.EventId == p.EventId && x.Role != ParticipantRole.Other).Select(x => x.EntityId).ToHashSet(),
            p.PlaceId, p.DateValue, p.DateUntil, p.Ordinal, reported))).ToList();

        var now = time.GetUtcNow();
        var reports = analysis.Events.Select(ev =>
        {
            var participants = new Dictionary<long, ParticipantRole>();
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
            return (Event: ev, Participants: participants, PlaceId: placeId, Date: date,
                Key: new EventKey(ev.Type, Actors(participants), placeId, date?.Value, date?.Until, ev.Ordinal, reported));
        }).ToList();

        // Titles name the canonical records ("Benjamin Netanyahu"), not the article's short forms ("Netanyahu").
        var entityIds = ids.Values.Distinct().ToList();
        var names = entityIds.Count == 0 ? [] : await db.Entities.Where(e => entityIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Name }).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        string Name(AnalysedEntity entity) => ids.TryGetValue(entity, out var id) && names.TryGetValue(id, out var name) ? name : entity.Name;

        // Every stored event any of the reports could be, loaded at once (a few queries per article, not per event).
        var candidates = await CandidatesAsync(db, reports.Select(r => r.Key).ToList(), cancellationToken);
        var readings = new List<Reading>();
        foreach (var report in reports)
        {
            var reading = readings.FirstOrDefault(r => r.Type == report.Event.Type && EventMerging.Match(r.Key, report.Key) is not null);
            if (reading is null)
            {
                // Two reports that do not match each other may still both be one stored event: one reading each event.
                var (eventId, reason) = Best(report.Key, candidates, recycled);
                reading = eventId is null ? null : readings.FirstOrDefault(r => r.EventId == eventId);
                if (reading is null)
                {
                    readings.Add(reading = new Reading(eventId, report.Event.Type, report.Key, eventId is null ? "first reported in this article" : reason));
                }
            }

            reading.Add(report.Event, EventExtractor.Title(report.Event, Name), report.Participants, report.PlaceId, report.Date, report.Event == analysis.MainEvent?.Event);
        }

        // New events in one batch.
        var created = readings.Where(r => r.EventId is null).Select(r => (Reading: r, Record: new Event
        {
            Type = EventTypes.Name(r.Type),
            Cameo = EventTypes.Cameo(r.Type).Code,
            Title = r.Title,
            SortDate = article.SortDate,
            CreatedAt = now,
            UpdatedAt = now,
        })).ToList();
        if (created.Count > 0)
        {
            db.Events.AddRange(created.Select(c => c.Record));
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (reading, record) in created)
            {
                reading.EventId = record.Id;
            }
        }


        if (analysis.MainEvent is { } main)
        {
            var reading = main.Event is null ? null : readings.FirstOrDefault(r => r.Events.Contains(main.Event));
            article.MainEvent = new MainEventFrame
            {
                Who = main.Who,
                What = main.What,
                When = main.When,
                Where = main.Where,
                Why = main.Why,
                How = main.How,
                EventId = reading?.EventId,
                WhoIds = main.WhoEntities.Where(ids.ContainsKey).Select(e => ids[e]).Distinct().ToList(),
                WhereId = main.WhereEntity is { } where && ids.TryGetValue(where, out var whereId) ? whereId : null,
                WhenValue = main.WhenDate?.Iso,
            };
        }
        else
        {
            article.MainEvent = null;
        }

        await WriteAsync(db, article, analysis, readings, readings.Select(r => r.EventId!.Value).Concat(previous.Select(p => p.EventId)).Distinct().ToArray(), now, cancellationToken);
    }

    /// <summary>
    /// Stored events of the reports' types that share an actor with one of them (or, for reports without
    /// actors, their place), each as the union of its readings: every article's actors, any stated date and place;
    /// the newest <see cref="MaxCandidates"/> events of each actor and place (by creation), so that the cost of an
    /// import does not grow with the table: a real event is reported within days, and its record is among them.
    /// </summary>
    private static async Task<List<(long Id, EventKey Key)>> CandidatesAsync(NewsDbContext db, List<EventKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var types = keys.Select(k => EventTypes.Name(k.Type)).Distinct().ToArray();
        var actorIds = keys.SelectMany(k => k.Actors).Distinct().ToArray();
        var placeIds = keys.Where(k => k.Actors.Count == 0 && k.PlaceId is not null).Select(k => k.PlaceId!.Value).Distinct().ToArray();
        // Each actor's (and place's) newest events, read down its own index and bounded: asked as one filter over
        // all events, PostgreSQL hashed every event of every actor and walked the date index past all the others
        // (36 ms for a country at 64,000 events, growing with the table).
        var candidates = await db.Database.SqlQuery<Candidate>($"""
            SELECT e.id, e.type
            FROM (SELECT p.event_id FROM unnest({actorIds}) AS a(id)
                  CROSS JOIN LATERAL (SELECT p.event_id FROM event_participants p
                                      WHERE p.entity_id = a.id AND p.role <> 'Other'
                                      ORDER BY p.event_id DESC LIMIT {MaxCandidates}) p
                  UNION
                  SELECT x.id FROM unnest({placeIds}) AS l(id)
                  CROSS JOIN LATERAL (SELECT e.id FROM events e WHERE e.place_id = l.id ORDER BY e.id DESC LIMIT {MaxCandidates}) x) c
            JOIN events e ON e.id = c.event_id
            WHERE e.type = ANY({types})
            """).ToListAsync(cancellationToken);
        var candidateIds = candidates.Select(c => c.Id).ToArray();
        var readings = await db.ArticleEvents.AsNoTracking().Where(ae => candidateIds.Contains(ae.EventId))
            .Join(db.Articles, ae => ae.ArticleId, a => a.Id, (ae, a) => new { ae.EventId, ae.PlaceId, ae.Ordinal, ae.DateValue, ae.DateUntil, a.PublishedAt })
            .ToListAsync(cancellationToken);
        var participants = (await db.EventParticipants.AsNoTracking().Where(p => candidateIds.Contains(p.EventId) && p.Role != ParticipantRole.Other)
            .Select(p => new { p.EventId, p.EntityId }).Distinct().ToListAsync(cancellationToken)).ToLookup(p => p.EventId, p => p.EntityId);
        var typeOf = candidates.ToDictionary(c => c.Id, c => Parse(c.Type));

        return readings.GroupBy(r => r.EventId).Select(group =>
        {
            var dated = group.FirstOrDefault(r => r.DateValue is not null);
            return (group.Key, new EventKey(typeOf[group.Key], participants[group.Key].ToHashSet(),
                group.Select(r => r.PlaceId).FirstOrDefault(p => p is not null), dated?.DateValue, dated?.DateUntil,
                group.Select(r => r.Ordinal).FirstOrDefault(o => o is not null),
                (IReadOnlyList<DateOnly>)group.Where(r => r.PublishedAt != null).Select(r => r.PublishedAt!.Value).Distinct().ToList()));
        }).ToList();
    }

    /// <summary>The stored event (or this article's earlier event) a report is, and why; null when it is new.</summary>
    private static (long? Id, string Reason) Best(EventKey key, List<(long Id, EventKey Key)> candidates, List<(long Id, EventKey Key)> recycled)
    {
        (long? Id, string Reason, int Score) best = (null, "", int.MinValue);
        foreach (var (id, stored) in candidates)
        {
            if (EventMerging.Match(stored, key) is { } match && match.Score > best.Score)
            {
                best = (id, match.Reason, match.Score);
            }
        }

        foreach (var (id, stored) in recycled)
        {
            if (EventMerging.Match(stored, key) is { } match && match.Score > best.Score)
            {
                best = (id, "reported again by this article", match.Score);
            }
        }

        return (best.Id, best.Reason);
    }

    /// <summary>
    /// Inserts the article's readings, participants and evidence, then recomputes each touched event's summary
    /// from all its articles' readings, in one round trip: the most precise stated date (dates stated against a
    /// publication date before inferred ones, then the earliest article's), the place most readings give, the
    /// first ordinal, the title of the reading with the most participants, article and evidence counts, and a
    /// confidence that grows with independent reports (1 − Π(1 − c)). Events no article reports any more go.
    /// </summary>
    private static async Task WriteAsync(NewsDbContext db, Article article, ArticleAnalysis analysis, List<Reading> rows, long[] touched,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var participants = rows.SelectMany(r => r.Participants.Select(p => (EventId: r.EventId!.Value, p.Key, p.Value))).ToList();
        var evidence = rows.SelectMany(r => r.Events.SelectMany(e => e.Evidence).DistinctBy(e => (e.Start, e.TriggerStart)).Select(e => (EventId: r.EventId!.Value, Evidence: e))).ToList();
        var fields = evidence.Select(e => (Start: EntityStore.Field(analysis, e.Evidence.Start), Trigger: EntityStore.Field(analysis, e.Evidence.TriggerStart).Offset)).ToList();

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO article_events (event_id, article_id, title, date_value, date_until, date_precision, date_inferred, date_text, place_id, ordinal, confidence, main, match_reason)
            SELECT e, {article.Id}, t, dv, du, dp, di, dt, p, o, c, m, r FROM unnest({rows.Select(r => r.EventId!.Value).ToArray()}, {rows.Select(r => r.Title).ToArray()},
              {rows.Select(r => r.Date?.Value).ToArray()}, {rows.Select(r => r.Date?.Until).ToArray()},
              {rows.Select(r => r.Date?.Precision.ToString().ToLowerInvariant()).ToArray()}, {rows.Select(r => r.Date?.Inferred ?? false).ToArray()},
              {rows.Select(r => r.Date is null ? null : EntityStore.Truncate(r.Date.Text, 100)).ToArray()}, {rows.Select(r => r.PlaceId).ToArray()},
              {rows.Select(r => r.Ordinal).ToArray()}, {rows.Select(r => r.Confidence).ToArray()}, {rows.Select(r => r.Main).ToArray()},
              {rows.Select(r => EntityStore.Truncate(r.Reason, 300)).ToArray()}) AS x(e, t, dv, du, dp, di, dt, p, o, c, m, r);

            INSERT INTO event_participants (event_id, article_id, entity_id, role)
            SELECT e, {article.Id}, en, r FROM unnest({participants.Select(p => p.EventId).ToArray()}, {participants.Select(p => p.Key).ToArray()},
              {participants.Select(p => p.Value.ToString()).ToArray()}) AS x(e, en, r);

            INSERT INTO event_evidence (event_id, article_id, in_title, start, "end", sentence, trigger, trigger_start)
            SELECT e, {article.Id}, it, s, en, se, t, ts FROM unnest({evidence.Select(e => e.EventId).ToArray()}, {fields.Select(f => f.Start.InTitle).ToArray()},
              {fields.Select(f => f.Start.Offset).ToArray()}, {evidence.Select((e, i) => fields[i].Start.Offset + (e.Evidence.End - e.Evidence.Start)).ToArray()},
              {evidence.Select(e => analysis.Text[e.Evidence.Start..e.Evidence.End]).ToArray()}, {evidence.Select(e => EntityStore.Truncate(e.Evidence.Trigger, 50)).ToArray()},
              {fields.Select(f => f.Trigger).ToArray()}) AS x(e, it, s, en, se, t, ts);

            DELETE FROM events e WHERE e.id = ANY({touched}) AND NOT EXISTS (SELECT 1 FROM article_events ae WHERE ae.event_id = e.id);

            WITH r AS (
                SELECT ae.*, a.sort_date,
                       (SELECT count(*) FROM event_participants p WHERE p.event_id = ae.event_id AND p.article_id = ae.article_id) AS participants
                FROM article_events ae JOIN articles a ON a.id = ae.article_id
                WHERE ae.event_id = ANY({touched})),
            dated AS (
                SELECT DISTINCT ON (event_id) event_id, date_value, date_until, date_precision, date_inferred, date_text
                FROM r WHERE date_value IS NOT NULL
                ORDER BY event_id, date_inferred, CASE date_precision WHEN 'day' THEN 0 WHEN 'week' THEN 1 WHEN 'month' THEN 2 ELSE 3 END, sort_date, article_id),
            titled AS (
                SELECT DISTINCT ON (event_id) event_id, title FROM r ORDER BY event_id, participants DESC, sort_date, article_id),
            placed AS (
                SELECT DISTINCT ON (event_id) event_id, place_id FROM r WHERE place_id IS NOT NULL
                GROUP BY event_id, place_id ORDER BY event_id, count(*) DESC, place_id),
            summary AS (
                SELECT event_id, count(DISTINCT article_id)::int AS articles, min(sort_date) AS first_date,
                       (array_agg(ordinal ORDER BY sort_date, article_id) FILTER (WHERE ordinal IS NOT NULL))[1] AS ordinal,
                       round((1 - exp(sum(ln(1 - least(greatest(confidence, 0), 0.99)))))::numeric, 3)::float8 AS confidence
                FROM r GROUP BY event_id),
            evidence AS (
                SELECT event_id, count(*)::int AS n FROM event_evidence WHERE event_id = ANY({touched}) GROUP BY event_id)
            UPDATE events e SET
                title = t.title,
                date_value = d.date_value, date_until = d.date_until, date_precision = d.date_precision,
                date_inferred = coalesce(d.date_inferred, false), date_text = d.date_text,
                place_id = pl.place_id,
                ordinal = s.ordinal,
                article_count = s.articles,
                evidence_count = coalesce(ev.n, 0),
                confidence = s.confidence,
                sort_date = coalesce(d.date_value::timestamp AT TIME ZONE 'UTC', s.first_date),
                updated_at = {now}
            FROM summary s
            JOIN titled t ON t.event_id = s.event_id
            LEFT JOIN dated d ON d.event_id = s.event_id
            LEFT JOIN placed pl ON pl.event_id = s.event_id
            LEFT JOIN evidence ev ON ev.event_id = s.event_id
            WHERE e.id = s.event_id;
            """, cancellationToken);
    }

    private static ParticipantRole ToData(EventRole role) => role switch
    {
        EventRole.Actor1 => ParticipantRole.Actor1,
        EventRole.Actor2 => ParticipantRole.Actor2,
        _ => ParticipantRole.Other,
    };

    /// <summary>Those who act or are acted upon: what cross-article matching compares (others are context).</summary>
    private static HashSet<long> Actors(Dictionary<long, ParticipantRole> participants) =>
        participants.Where(p => p.Value != ParticipantRole.Other).Select(p => p.Key).ToHashSet();

    private static EventType Parse(string name) => EventTypes.TryParse(name, out var type) ? type : EventType.Statement;

    /// <summary>One article's reading of one stored event (several of the article's events may be one).</summary>
    private sealed class Reading(long? eventId, EventType type, EventKey key, string reason)
    {
        /// <summary>The stored event; null until a new one is inserted.</summary>
        public long? EventId { get; set; } = eventId;

        public EventType Type { get; } = type;

        public EventKey Key { get; private set; } = key;

        public string Reason { get; } = reason;

        public List<AnalysedEvent> Events { get; } = [];

        public Dictionary<long, ParticipantRole> Participants { get; } = [];

        public long? PlaceId { get; private set; }

        public NewsApi.Nlp.Dates.DateMention? Date { get; private set; }

        public int? Ordinal { get; private set; }

        public double Confidence { get; private set; }

        public bool Main { get; private set; }

        public string Title { get; private set; } = "";

        public void Add(AnalysedEvent ev, string title, Dictionary<long, ParticipantRole> participants, long? placeId, NewsApi.Nlp.Dates.DateMention? date, bool main)
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
                Title = EntityStore.Truncate(title, 400);
            }

            Confidence = Math.Max(Confidence, ev.Confidence);
            Key = Key with { Actors = Actors(Participants), PlaceId = PlaceId, From = Date?.Value, Until = Date?.Until, Ordinal = Ordinal };
        }
    }
}
