using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>
/// R1: contacts' ratings, every one kept (a period's contacts are read with the RAG they had at its
/// end); the latest by occurred_at is a contact's current RAG.
/// R2: a rating that replaces a different one is a re-rating.
/// </summary>
internal sealed class ContactRatedConsumer(NpgsqlDataSource dataSource, FactStore facts, ActivityStore activity, FactChanges changes)
    : FactConsumer<ContactRated, (RatingFact Rating, RatingChangeFact? Change)>("ContactRatedConsumer", dataSource, changes,
        rating => (rating.EventId, Read(rating)),
        async (transaction, read, cancellationToken) =>
        {
            await facts.RecordRatingsAsync(transaction, read.Select(r => r.Rating), cancellationToken);
            await activity.RecordRatingChangesAsync(transaction, [.. read.Select(r => r.Change).OfType<RatingChangeFact>()], cancellationToken);
        })
{
    private static (RatingFact Rating, RatingChangeFact? Change) Read(ContactRated rating)
    {
        var at = EventFields.OccurredAt(rating.OccurredAt);
        // A first rating (no previous RAG) or the same RAG again is no change.
        var change = rating.PreviousRag != Rag.Unspecified && rating.PreviousRag != rating.Rag
            ? new RatingChangeFact(EventFields.IdOf(rating.EventId), rating.ContactId, rating.PreviousRag, rating.Rag, at)
            : null;
        return (new RatingFact(rating.ContactId, rating.Rag, at), change);
    }
}
