using NewsApi.Api.Shared;
using NewsApi.Ingestion.Analysis;
using NewsApi.Ingestion.Imports;
using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsApi.Api.Articles;
using NewsApi.Api.Entities;
using NewsApi.Api.Infrastructure;
using NewsApi.Api.Quotes;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Nlp.Events;

namespace NewsApi.Api.Events;

/// <summary>Events: one record per real-world event, listed, in detail, per entity, and as an entity's timeline.</summary>
public static class EventsApi
{
    private const int MaxEvidence = 50;

    private enum Sort
    {
        Latest,
        Earliest,
        Articles,
    }

    public static void MapEvents(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/events").WithTags("Events").ProducesProblem(StatusCodes.Status500InternalServerError);
        group.MapGet("/", List)
            .WithName("ListEvents")
            .WithSummary("List events")
            .WithDescription("One record per real-world event: reports of the same meeting, visit or attack in several articles are merged (same type, shared participants, compatible date, place and ordinal). Types follow CAMEO's root categories; see docs/events.md for the mapping.")
            .ProducesValidationProblem();

        group.MapGet("/{id}", Get)
            .WithName("GetEvent")
            .WithSummary("Get one event")
            .WithDescription("The event with its CAMEO code, date (value, precision, and whether it was inferred), place, participants and their roles, every article that reports it and its evidence sentences (up to 50, by article and position).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        routes.MapGet("/timeline", Timeline)
            .WithTags("Events")
            .WithName("GetTimeline")
            .WithSummary("An entity's events in date order")
            .WithDescription("The events a person, organisation or place takes part in (or, for a place, happen there), earliest first.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        foreach (var route in EntityRoute.All)
        {
            MapEntity(routes, route);
        }
    }

    private static void MapEntity(IEndpointRouteBuilder routes, EntityRoute route)
    {
        var (prefix, kind, tag, singular, noun) = route;
        routes.MapGet($"{prefix}/{{id}}/events", async ([Description("The record's id.")][Example("1")] long id, [AsParameters] EntityEventQuery query, NewsDbContext db, Paging paging, CancellationToken ct) =>
            {
                var resolved = await EntityLookup.ResolveAsync(db, kind, id, ct);
                if (resolved is null)
                {
                    return (Results<Ok<Page<EventSummary>>, ValidationProblem, ProblemHttpResult>)Problems.NotFound(noun, id);
                }

                var errors = new RequestErrors();
                var page = await PageAsync(db, paging, new Filter(query.Type, query.From, query.To, resolved, null, null, query.MinConfidence), Sort.Latest, query.Limit, query.Cursor, errors, ct);
                return page is null ? errors.Problem() : TypedResults.Ok(page);
            })
            .WithTags(tag)
            .WithName($"Get{singular}Events")
            .WithSummary(kind == EntityKind.Place ? "Events at or involving a place" : $"Events {route.WithArticle} takes part in")
            .WithDescription(kind == EntityKind.Place ? "Events that happen in the place or name it as a participant, latest first." : $"Events the {noun} takes part in, latest first.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
    }

    private sealed record EventRow(Event Event, string? PlaceName);

    private sealed record Filter(string? Type, string? From, string? To, long? Participant, long? Place, long? Article, double? MinConfidence);

    public static async Task<Results<Ok<Page<EventSummary>>, ValidationProblem>> List([AsParameters] EventListQuery query, NewsDbContext db, Paging paging, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var sort = errors.Choice("sort", query.Sort, Sort.Latest, ("date", Sort.Earliest), ("-date", Sort.Latest), ("articles", Sort.Articles));
        long? participant = query.Participant is { } p ? await EntityLookup.SurvivorAsync(db, p, cancellationToken) : null;
        long? place = query.Place is { } pl ? await EntityLookup.SurvivorAsync(db, pl, cancellationToken) : null;
        var page = await PageAsync(db, paging, new Filter(query.Type, query.From, query.To, participant, place, query.Article, query.MinConfidence), sort, query.Limit, query.Cursor, errors, cancellationToken);
        return page is null ? errors.Problem() : TypedResults.Ok(page);
    }

    public static async Task<Results<Ok<Page<EventSummary>>, ValidationProblem, ProblemHttpResult>> Timeline(
        [Description("The person, organisation or place.")][Example("1")] long? entity, [AsParameters] EntityEventQuery query, NewsDbContext db, Paging paging, CancellationToken cancellationToken)
    {
        if (entity is null)
        {
            return RequestErrors.Problem("entity", "entity (an id from /people, /organisations or /places) is required.");
        }

        var exists = await db.Entities.AnyAsync(e => e.Id == entity, cancellationToken);
        if (!exists)
        {
            return Problems.NotFound("person, organisation or place", entity.Value);
        }

        var resolved = await EntityLookup.SurvivorAsync(db, entity.Value, cancellationToken);
        var errors = new RequestErrors();
        var page = await PageAsync(db, paging, new Filter(query.Type, query.From, query.To, resolved, null, null, query.MinConfidence), Sort.Earliest, query.Limit, query.Cursor, errors, cancellationToken);
        return page is null ? errors.Problem() : TypedResults.Ok(page);
    }

    /// <summary>A page of events; null when a parameter is invalid (<paramref name="errors"/> then says which, with any the caller found).</summary>
    private static async Task<Page<EventSummary>?> PageAsync(NewsDbContext db, Paging paging, Filter filter, Sort sort, int? limit, string? cursor,
        RequestErrors errors, CancellationToken cancellationToken)
    {
        var types = new List<string>();
        foreach (var name in (filter.Type ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (EventTypes.TryParse(name, out var type))
            {
                types.Add(EventTypes.Name(type));
            }
            else
            {
                errors.Add("type", $"type must be one of {string.Join(", ", Enum.GetValues<EventType>().Select(EventTypes.Name))} (got '{name}').");
            }
        }

        var (from, to) = errors.Dates(filter.From, filter.To);
        var minConfidence = errors.Between("minConfidence", filter.MinConfidence, 0.0, 1.0, EventExtractor.DefaultMinConfidence);

        var fingerprint = Paging.Fingerprint("events", string.Join(',', types.Order()), from?.UtcTicks, to?.UtcTicks, filter.Participant, filter.Place, filter.Article, sort, minConfidence);
        IKeysetOrder order = sort switch { Sort.Latest => Latest, Sort.Earliest => Earliest, _ => ByArticles };
        var (take, after) = await paging.ReadAsync(limit, cursor, fingerprint, order, errors, cancellationToken);
        if (errors.Any)
        {
            return null;
        }

        var events = db.Events.AsNoTracking().Where(e => e.Confidence >= minConfidence);
        if (types.Count > 0)
        {
            events = events.Where(e => types.Contains(e.Type));
        }

        if (from is not null)
        {
            events = events.Where(e => e.SortDate >= from);
        }

        if (to is not null)
        {
            events = events.Where(e => e.SortDate <= to);
        }

        if (filter.Place is { } place)
        {
            events = events.Where(e => e.PlaceId == place);
        }

        if (filter.Article is { } article)
        {
            events = events.Where(e => db.ArticleEvents.Any(ae => ae.EventId == e.Id && ae.ArticleId == article));
        }

        // A participant's events: those it takes part in, and for a place also those that happen there. Asked as one
        // disjunction, PostgreSQL hashes every event the participant ever had before the first row (75 ms for a
        // country at two million events); asked as two keyset queries, each walks the sort index (3 and 6 ms), and
        // the page is their merge.
        IQueryable<Event>[] branches = [events];
        if (filter.Participant is { } participant)
        {
            var byParticipant = events.Where(e => db.EventParticipants.Any(p => p.EventId == e.Id && p.EntityId == participant));
            branches = await db.Entities.AnyAsync(e => e.Id == participant && e.Kind == EntityKind.Place, cancellationToken)
                ? [byParticipant, events.Where(e => e.PlaceId == participant)]
                : [byParticipant];
        }

        var found = new List<EventRow>();
        foreach (var branch in branches)
        {
            var ordered = sort switch
            {
                Sort.Latest => Latest.Page(branch, after),
                Sort.Earliest => Earliest.Page(branch, after),
                _ => ByArticles.Page(branch, after),
            };
            found.AddRange(await ordered.Take(take + 1).Select(e => new EventRow(e, e.Place == null ? null : e.Place.Name)).ToListAsync(cancellationToken));
        }

        var distinct = found.DistinctBy(r => r.Event.Id);
        var rows = (sort switch
        {
            Sort.Latest => Latest.Sort(distinct, r => r.Event),
            Sort.Earliest => Earliest.Sort(distinct, r => r.Event),
            _ => ByArticles.Sort(distinct, r => r.Event),
        }).Take(take + 1).ToList();
        var participants = await ParticipantsAsync(db, rows.Select(r => r.Event.Id).ToArray(), cancellationToken);
        var items = rows.Select(r => new EventSummary
        {
            Id = r.Event.Id,
            Type = r.Event.Type,
            Cameo = r.Event.Cameo,
            Title = r.Event.Title,
            Date = EventDate.Of(r.Event.DateValue, r.Event.DateUntil, r.Event.DatePrecision, r.Event.DateInferred, r.Event.DateText),
            Place = r.Event.PlaceId is { } placeId && r.PlaceName is not null ? new EntityReference(placeId, r.PlaceName, "place") : null,
            Participants = participants.GetValueOrDefault(r.Event.Id) ?? [],
            ArticleCount = r.Event.ArticleCount,
            Confidence = r.Event.Confidence,
        }).ToList();
        var sortDates = rows.ToDictionary(r => r.Event.Id, r => r.Event.SortDate);
        return sort switch
        {
            Sort.Latest => paging.Create(items, take, fingerprint, Latest, e => (sortDates[e.Id], e.Id)),
            Sort.Earliest => paging.Create(items, take, fingerprint, Earliest, e => (sortDates[e.Id], e.Id)),
            _ => paging.Create(items, take, fingerprint, ByArticles, e => (e.ArticleCount, e.Id)),
        };
    }

    private static readonly KeysetOrder<Event, (DateTimeOffset, long)> Latest = Keyset.Order((Event e) => e.SortDate, e => e.Id, descending: true);

    private static readonly KeysetOrder<Event, (DateTimeOffset, long)> Earliest = Keyset.Order((Event e) => e.SortDate, e => e.Id, descending: false);

    private static readonly KeysetOrder<Event, (int, long)> ByArticles = Keyset.Order((Event e) => e.ArticleCount, e => e.Id, descending: true);

    /// <summary>Each event's participants across its articles, with the role most articles give them; actors first.</summary>
    public static async Task<Dictionary<long, List<EventParticipantItem>>> ParticipantsAsync(NewsDbContext db, long[] eventIds, CancellationToken cancellationToken)
    {
        var rows = await db.EventParticipants.AsNoTracking().Where(p => eventIds.Contains(p.EventId))
            .Select(p => new { p.EventId, p.EntityId, p.Role, p.Entity.Name, p.Entity.Kind })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.EventId).ToDictionary(g => g.Key, g => g
            .GroupBy(r => r.EntityId)
            .Select(e => new
            {
                e.First().Name,
                e.First().Kind,
                Id = e.Key,
                Role = e.GroupBy(r => r.Role).OrderByDescending(r => r.Count()).ThenBy(r => r.Key).First().Key,
                Reports = e.Count(),
            })
            .OrderBy(e => e.Role).ThenByDescending(e => e.Reports).ThenBy(e => e.Id)
            .Select(e => new EventParticipantItem(e.Id, e.Name, EntityLookup.Noun(e.Kind), e.Role.ToString().ToLowerInvariant()))
            .ToList());
    }

    public static async Task<Results<Ok<EventDetail>, ProblemHttpResult>> Get([Description("The event's id.")][Example("1")] long id, NewsDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.Events.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { Event = e, PlaceName = e.Place == null ? null : e.Place.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return Problems.NotFound("event", id);
        }

        var ev = row.Event;
        var participants = await ParticipantsAsync(db, [id], cancellationToken);
        var articles = await (
                from ae in db.ArticleEvents
                where ae.EventId == id
                join a in db.Articles on ae.ArticleId equals a.Id
                orderby a.SortDate, a.Id
                select new EventArticle(a.Id, a.Title, a.PublishedAt, ae.MatchReason))
            .ToListAsync(cancellationToken);
        var evidence = await db.EventEvidence.AsNoTracking().Where(e => e.EventId == id)
            .OrderBy(e => e.ArticleId).ThenBy(e => e.InTitle ? 0 : 1).ThenBy(e => e.Start).Take(MaxEvidence)
            .Select(e => new EventEvidenceItem(e.ArticleId, e.Sentence, new TextOffsets(e.InTitle ? "title" : "body", e.Start, e.End), e.Trigger))
            .ToListAsync(cancellationToken);
        var type = EventTypes.TryParse(ev.Type, out var parsed) ? parsed : EventType.Statement;
        var (_, root, rootName) = EventTypes.Cameo(type);

        return TypedResults.Ok(new EventDetail
        {
            Id = ev.Id,
            Type = ev.Type,
            Cameo = ev.Cameo,
            CameoRoot = $"{root} {rootName}",
            Title = ev.Title,
            Date = EventDate.Of(ev.DateValue, ev.DateUntil, ev.DatePrecision, ev.DateInferred, ev.DateText),
            Place = ev.PlaceId is { } placeId && row.PlaceName is not null ? new EntityReference(placeId, row.PlaceName, "place") : null,
            Ordinal = ev.Ordinal,
            Participants = participants.GetValueOrDefault(id) ?? [],
            Articles = articles,
            Evidence = evidence,
            EvidenceCount = ev.EvidenceCount,
            Confidence = ev.Confidence,
        });
    }
}
