using Mash.Testing.Messaging;
using System.Reflection;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Outcomes.Consumers;
using Mash.Outcomes.Journeys;
using Mash.Outcomes.Tests.Infrastructure;
using MassTransit;
using Npgsql;

namespace Mash.Outcomes.Tests.Consumers;

/// <summary>
/// A contact is a repeat when Intake found earlier contacts about its subjects (ContactReceived.repeats_contact_ids),
/// and repeats a referral (O3) when some of them had become referrals (repeats_referral_ids).
/// </summary>
[Collection(OutcomesDatabaseCollection.Name)]
public sealed class ContactReceivedConsumerTests(OutcomesDatabase database)
{
    private readonly JourneyStore journeys = new();

    [Fact]
    public async Task A_contact_repeating_earlier_contacts_is_a_repeat()
    {
        var dataSource = await database.CreateDatabaseAsync();

        await ConsumeAsync(dataSource, Received("c1", repeats: ["0197f0a2-0000-7000-8000-00000000000a"]));

        Assert.True((await FindAsync(dataSource, "c1"))!.IsRepeat);
    }

    [Fact]
    public async Task A_contact_repeating_nothing_is_not_a_repeat()
    {
        var dataSource = await database.CreateDatabaseAsync();

        await ConsumeAsync(dataSource, Received("c1", repeats: []));

        Assert.False((await FindAsync(dataSource, "c1"))!.IsRepeat);
    }

    [Fact]
    public async Task A_contact_repeating_an_earlier_referral_repeats_a_referral()
    {
        var dataSource = await database.CreateDatabaseAsync();

        await ConsumeAsync(dataSource, Received("c1", repeats: [Earlier, Referred], referrals: [Referred]));

        var journey = await FindAsync(dataSource, "c1");
        Assert.Equal((true, true), (journey!.IsRepeat, journey.IsRepeatReferral));
    }

    [Fact]
    public async Task A_contact_repeating_only_contacts_that_were_not_referrals_does_not_repeat_a_referral()
    {
        var dataSource = await database.CreateDatabaseAsync();

        await ConsumeAsync(dataSource, Received("c1", repeats: [Earlier]));

        var journey = await FindAsync(dataSource, "c1");
        Assert.Equal((true, false), (journey!.IsRepeat, journey.IsRepeatReferral));
    }

    [Fact]
    public async Task The_outcome_event_of_a_referral_about_a_subject_referred_before_says_it_is_a_repeat_referral()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await ConsumeAsync(outcomes.DataSource, Received("c1", repeats: [Referred], referrals: [Referred]));
        await ConsumeAsync(outcomes.DataSource, Received("c2", repeats: [Earlier]));
        foreach (var contactId in new[] { "c1", "c2" })
        {
            await outcomes.DataSource.InTransactionAsync(t => journeys.RecordRatingAsync(t, contactId, Rag.Amber, Decided.AddHours(-1), CancellationToken.None));
            await outcomes.DataSource.InTransactionAsync(t => journeys.RecordDecisionAsync(t, contactId, true, Decided, CancellationToken.None));
            await outcomes.Recorder.RecordAsync(contactId, "strategy-discussion", "sw-1", CancellationToken.None);
        }

        var recorded = await outcomes.OutboxAsync();

        Assert.Equal([(outcomes.CaseRefs.For("c1"), true, true), (outcomes.CaseRefs.For("c2"), true, false)],
            recorded.Select(r => (r.CaseRef, r.ThresholdMet, r.IsRepeatReferral)));
    }

    private const string Earlier = "0197f0a2-0000-7000-8000-00000000000a";
    private const string Referred = "0197f0a2-0000-7000-8000-00000000000b";
    private static readonly DateTime Decided = new(2025, 3, 4, 9, 0, 0, DateTimeKind.Utc);

    private static ContactReceived Received(string contactId, string[] repeats, string[]? referrals = null) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        ContactId = contactId,
        AgencyId = "police-west",
        ReferralSource = "6",
        RepeatsContactIds = { repeats },
        RepeatsReferralIds = { referrals ?? [] },
    };

    private Task ConsumeAsync(NpgsqlDataSource dataSource, ContactReceived message) =>
        new ContactReceivedConsumer(dataSource, journeys).Consume(DeliveredBatch.Of(message));

    private Task<Journey?> FindAsync(NpgsqlDataSource dataSource, string contactId) =>
        dataSource.InTransactionAsync(t => journeys.FindForUpdateAsync(t, contactId, CancellationToken.None));
}
