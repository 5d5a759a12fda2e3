namespace NewsApi.Nlp.Events;

/// <summary>What the cross-article merge compares: an event as stored, or as a new article reports it.</summary>
/// <param name="Type">The event type.</param>
/// <param name="Actors">Resolved entity ids of those who act or are acted upon (actor1 and actor2; others are context).</param>
/// <param name="PlaceId">Resolved place id.</param>
/// <param name="From">First day of its date, when stated.</param>
/// <param name="Until">Last day of its date.</param>
/// <param name="Ordinal">"eighth" trip: 8.</param>
/// <param name="Reported">Dates of the articles reporting it (publication dates only: an import date says nothing about when it happened).</param>
public sealed record EventKey(EventType Type, IReadOnlySet<long> Actors, long? PlaceId, DateOnly? From, DateOnly? Until, int? Ordinal,
    IReadOnlyList<DateOnly> Reported);

/// <summary>
/// When two reports are one real-world event. General rules, documented in docs/events.md:
/// <list type="bullet">
/// <item>same type; no conflicting ordinal ("seventh" vs "eighth" trip) and no conflicting place;</item>
/// <item>actors overlap: at least one shared actor, and two when both reports name two or more;</item>
/// <item>dates agree: stated dates overlap (±1 day for time zones); undated reports must be published within
/// <see cref="UndatedWindowDays"/> days of each other, or the same day for verbal events (statements,
/// appeals, criticism…), which people make often; when neither the event nor the articles are dated, verbal
/// events never merge and others need two shared participants, or one and the same place, or the same ordinal;</item>
/// <item>events with no participants merge only on the same place and the same stated day.</item>
/// </list>
/// </summary>
public static class EventMerging
{
    /// <summary>Reports of an undated event further apart than this are different events.</summary>
    public const int UndatedWindowDays = 7;

    /// <summary>Verbal events: people make many, so only the same day's reports are one event.</summary>
    public static bool IsVerbal(EventType type) => type is EventType.Statement or EventType.Appeal or EventType.IntentToCooperate
        or EventType.Demand or EventType.Criticise or EventType.Reject or EventType.Threaten;

    /// <summary>A score (higher is a better match) and the reason, or null when the two are different events.</summary>
    public static (int Score, string Reason)? Match(EventKey stored, EventKey incoming)
    {
        if (stored.Type != incoming.Type)
        {
            return null;
        }

        if (stored.Ordinal is { } a && incoming.Ordinal is { } b && a != b)
        {
            return null;
        }

        if (stored.PlaceId is { } p && incoming.PlaceId is { } q && p != q)
        {
            return null;
        }

        var shared = stored.Actors.Count(incoming.Actors.Contains);
        var samePlace = stored.PlaceId is not null && stored.PlaceId == incoming.PlaceId;
        var datesStated = stored.From is not null && incoming.From is not null;
        if (datesStated && !Overlap(stored.From!.Value, stored.Until ?? stored.From.Value, incoming.From!.Value, incoming.Until ?? incoming.From.Value))
        {
            return null;
        }

        if (stored.Actors.Count == 0 || incoming.Actors.Count == 0)
        {
            // Nothing to tie them but the place and the day.
            if (!(samePlace && datesStated && stored.Until == stored.From && incoming.Until == incoming.From && stored.Actors.Count == incoming.Actors.Count))
            {
                return null;
            }
        }
        else
        {
            var needed = Math.Min(2, Math.Min(stored.Actors.Count, incoming.Actors.Count));
            if (shared < needed)
            {
                return null;
            }
        }

        if (!datesStated)
        {
            if (stored.Reported.Count > 0 && incoming.Reported.Count > 0)
            {
                var window = IsVerbal(stored.Type) ? 0 : UndatedWindowDays;
                if (!stored.Reported.Any(d => incoming.Reported.Any(e => Math.Abs(d.DayNumber - e.DayNumber) <= window)))
                {
                    return null;
                }
            }
            else if (IsVerbal(stored.Type))
            {
                // Nothing says when: people say such things too often to join them by who said them.
                return null;
            }
            else if (!(shared >= 2 || (shared >= 1 && samePlace) || (stored.Ordinal is not null && stored.Ordinal == incoming.Ordinal)))
            {
                // Nothing says when either: only two shared participants, or one and the same place, tie them.
                return null;
            }
        }

        var reasons = new List<string> { $"same type, {shared} shared participant{(shared == 1 ? "" : "s")}" };
        var score = shared * 2;
        if (samePlace)
        {
            reasons.Add("same place");
            score += 2;
        }

        if (datesStated)
        {
            reasons.Add("same date");
            score += 2;
        }

        if (stored.Ordinal is not null && stored.Ordinal == incoming.Ordinal)
        {
            reasons.Add("same ordinal");
            score += 3;
        }

        return (score, string.Join("; ", reasons));
    }

    private static bool Overlap(DateOnly aFrom, DateOnly aUntil, DateOnly bFrom, DateOnly bUntil) =>
        aFrom.DayNumber <= bUntil.DayNumber + 1 && bFrom.DayNumber <= aUntil.DayNumber + 1;
}
