using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>
/// R1: contacts' ratings; every rating is kept, so a period's contacts are read with the RAG they had
/// at its end (and the latest by occurred_at is a contact's current RAG).
/// R2: a rating that replaces a different one is a re-rating.
/// </summary>
internal sealed class ContactRatedConsumer(NpgsqlDataSource dataSource, FactStore facts, ActivityStore activity, DepthStore depth, FactChanges changes)
    : FactConsumer<ContactRated, (RatingEventFact Rated, RatingChangeFact? Change)>("ContactRatedConsumer", dataSource, changes,
        rating => (rating.EventId, Read(rating)),
        async (transaction, read, cancellationToken) =>
        {
            await facts.RecordRatingsAsync(transaction, read.Select(r => new RatingFact(r.Rated.ContactId, r.Rated.Rag, r.Rated.OccurredAt)), cancellationToken);
            await depth.RecordRatingHistoryAsync(transaction, [.. read.Select(r => r.Rated)], cancellationToken);
            await activity.RecordRatingChangesAsync(transaction, [.. read.Select(r => r.Change).OfType<RatingChangeFact>()], cancellationToken);
        })
{
    private static (RatingEventFact Rated, RatingChangeFact? Change) Read(ContactRated rating)
    {
        var at = EventFields.OccurredAt(rating.OccurredAt);
        // A first rating (no previous RAG) or the same RAG again is no change.
        var change = rating.PreviousRag != Rag.Unspecified && rating.PreviousRag != rating.Rag
            ? new RatingChangeFact(EventFields.IdOf(rating.EventId), rating.ContactId, rating.PreviousRag, rating.Rag, at)
            : null;
        return (new RatingEventFact(EventFields.IdOf(rating.EventId), rating.ContactId, rating.Rag, at), change);
    }
}
