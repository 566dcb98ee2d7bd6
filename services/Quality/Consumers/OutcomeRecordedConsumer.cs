using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>
/// O1: cases' outcomes, known to Quality only by their pseudonymous case_ref, with when their contact
/// was received; O3: whether each is a repeat referral; R3: the initial and final RAG; O2: the agencies
/// that contributed and those it went on to; O6: the gaps found.
/// </summary>
internal sealed class OutcomeRecordedConsumer(NpgsqlDataSource dataSource, FactStore facts, DepthStore depth, FactChanges changes)
    : FactConsumer<OutcomeRecorded, (OutcomeFact Outcome, IReadOnlyList<OutcomeAgencyFact> Agencies, IReadOnlyList<GapFact> Gaps)>("OutcomeRecordedConsumer", dataSource, changes,
        outcome => (outcome.EventId, Read(outcome)),
        async (transaction, read, cancellationToken) =>
        {
            await facts.RecordOutcomesAsync(transaction, read.Select(r => r.Outcome), cancellationToken);
            await depth.RecordOutcomeAgenciesAsync(transaction, [.. read.SelectMany(r => r.Agencies)], cancellationToken);
            await depth.RecordGapsAsync(transaction, [.. read.SelectMany(r => r.Gaps)], cancellationToken);
        })
{
    private static (OutcomeFact, IReadOnlyList<OutcomeAgencyFact>, IReadOnlyList<GapFact>) Read(OutcomeRecorded outcome) => (
        new OutcomeFact(outcome.CaseRef, outcome.Outcome, outcome.ThresholdMet, outcome.IsRepeatReferral, EventFields.OccurredAt(outcome.OccurredAt))
        {
            AgencyId = outcome.AgencyId,
            ContactReceivedAt = outcome.ContactReceivedAt?.ToDateTime(),
            InitialRag = outcome.InitialRag,
            FinalRag = outcome.FinalRag,
        },
        [.. outcome.ContributingAgencyIds.Select(a => new OutcomeAgencyFact(outcome.CaseRef, OutcomeAgencyFact.Contributed, a)),
         .. outcome.OnwardAgencyIds.Select(a => new OutcomeAgencyFact(outcome.CaseRef, OutcomeAgencyFact.Onward, a))],
        [.. outcome.Gaps.Select(g => new GapFact(outcome.CaseRef, g))]);
}
