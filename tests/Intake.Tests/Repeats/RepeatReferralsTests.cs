using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Contacts;
using Mash.Intake.Repeats;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Tests.Progress;

namespace Mash.Intake.Tests.Repeats;

/// <summary>
/// Each contact records, apart from the earlier contacts it repeats, those of them the MASH had decided
/// were referrals (threshold met) by the time it arrived, so Outcomes can count repeat referrals (O3).
/// </summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class RepeatReferralsTests(IntakeDatabase database)
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 30, 0, TimeSpan.Zero);
    private readonly IntakeUnderTest intake = new(database);
    private readonly ProgressEvents events = new(database.DataSource);

    [Fact]
    public async Task A_contact_lists_the_earlier_contacts_that_were_referred_and_not_those_that_were_not()
    {
        var subject = RepeatSubjects.WithNhsNumber();
        var referred = await SubmitAsync(Now.AddMonths(-3), subject);
        var notMet = await SubmitAsync(Now.AddMonths(-2), subject);
        var undecided = await SubmitAsync(Now.AddMonths(-1), subject);
        await DecideAsync(referred, thresholdMet: true, Now.AddMonths(-3).AddDays(1));
        await DecideAsync(notMet, thresholdMet: false, Now.AddMonths(-2).AddDays(1));

        var receipt = await SubmitAsync(Now, subject);

        Assert.Equal([undecided.ContactId, notMet.ContactId, referred.ContactId], receipt.Repeats.ContactIds);
        Assert.Equal([referred.ContactId], receipt.Repeats.ReferralIds);
    }

    [Fact]
    public async Task The_event_the_answer_GetContact_and_ListContacts_carry_the_repeated_referral_ids()
    {
        var subject = RepeatSubjects.WithNhsNumber();
        var referred = await SubmitAsync(Now.AddDays(-20), subject);
        await DecideAsync(referred, thresholdMet: true, Now.AddDays(-19));
        var request = RepeatSubjects.RequestAbout(subject);
        intake.Time.Now = Now;

        var answer = await intake.Service.SubmitContact(request, TestCallers.Agency());

        var expected = new[] { referred.ContactId.ToString() };
        Assert.Equal(expected, answer.RepeatsReferralIds);
        Assert.Equal(expected, Assert.Single(await database.OutboxAsync<ContactReceived>(answer.ContactId, e => e.ContactId)).RepeatsReferralIds);
        Assert.Equal(expected, (await intake.Service.GetContact(new GetContactRequest { ContactId = answer.ContactId }, TestCallers.Agency())).RepeatsReferralIds);
        var listed = await intake.Service.ListContacts(new ListContactsRequest { PageSize = 500 }, TestCallers.Agency());
        Assert.Equal(expected, Assert.Single(listed.Contacts, c => c.ContactId == answer.ContactId).RepeatsReferralIds);
    }

    [Fact]
    public async Task A_referral_received_before_the_window_is_not_listed()
    {
        var subject = RepeatSubjects.WithNhsNumber();
        var longAgo = await SubmitAsync(Now.AddMonths(-12).AddDays(-1), subject);
        await DecideAsync(longAgo, thresholdMet: true, Now.AddMonths(-12).AddDays(1));

        var receipt = await SubmitAsync(Now, subject);

        Assert.Empty(receipt.Repeats.ReferralIds);
        Assert.Empty(receipt.Repeats.ContactIds);
    }

    [Fact]
    public async Task An_earlier_contact_decided_only_after_this_one_arrived_was_not_yet_a_referral()
    {
        // An imported contact keeps its original receipt time, which may precede decisions already recorded.
        var subject = RepeatSubjects.WithNhsNumber();
        var earlier = await SubmitAsync(Now.AddDays(-10), subject);
        await DecideAsync(earlier, thresholdMet: true, Now.AddDays(1));

        var receipt = await SubmitAsync(Now, subject);

        Assert.Equal([earlier.ContactId], receipt.Repeats.ContactIds);
        Assert.Empty(receipt.Repeats.ReferralIds);
    }

    [Fact]
    public async Task Referrals_are_not_crowded_out_by_more_recent_contacts_beyond_the_limit()
    {
        intake.Repeats = new RepeatFinder(RepeatWindow.TwelveMonths, 2);
        var subject = RepeatSubjects.WithNhsNumber();
        var referred = await SubmitAsync(Now.AddDays(-30), subject);
        await DecideAsync(referred, thresholdMet: true, Now.AddDays(-29));
        await SubmitAsync(Now.AddDays(-3), subject);
        var second = await SubmitAsync(Now.AddDays(-2), subject);
        var latest = await SubmitAsync(Now.AddDays(-1), subject);

        var receipt = await SubmitAsync(Now, subject);

        Assert.Equal([latest.ContactId, second.ContactId], receipt.Repeats.ContactIds);
        Assert.Equal([referred.ContactId], receipt.Repeats.ReferralIds);
    }

    [Fact]
    public async Task A_retry_returns_the_referrals_the_first_submission_found()
    {
        var subject = RepeatSubjects.WithNhsNumber();
        var referred = await SubmitAsync(Now.AddDays(-20), subject);
        await DecideAsync(referred, thresholdMet: true, Now.AddDays(-19));
        var request = RepeatSubjects.RequestAbout(subject);
        intake.Time.Now = Now;
        var first = await intake.Intake.SubmitAsync(request.RequestId, request.Contact, CancellationToken.None);
        // Another earlier contact becomes a referral: a fresh look would now list it too.
        var alsoReferred = await SubmitAsync(Now.AddDays(-10), subject);
        await DecideAsync(alsoReferred, thresholdMet: true, Now.AddDays(-9));
        intake.Time.Now = Now.AddMinutes(2);

        var retry = await intake.Intake.SubmitAsync(request.RequestId, request.Contact, CancellationToken.None);

        Assert.Equal([referred.ContactId], retry.Repeats.ReferralIds);
        Assert.Equal(first, retry);
        Assert.Equal([alsoReferred.ContactId, referred.ContactId], (await SubmitAsync(Now.AddMinutes(3), subject)).Repeats.ReferralIds);
    }

    [Fact]
    public async Task A_contact_earlier_in_the_same_commit_is_repeated_but_not_yet_a_referral()
    {
        var subject = RepeatSubjects.WithNhsNumber();
        var first = Pending(Now, subject);
        var second = Pending(Now.AddMinutes(1), subject);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var repeats = await intake.Repeats.FindAsync(transaction, [first, second]);

        Assert.Equal([first.ContactId], repeats[1].ContactIds);
        Assert.Empty(repeats[1].ReferralIds);
    }

    [Fact]
    public async Task A_redelivered_decision_is_applied_once()
    {
        var subject = RepeatSubjects.WithNhsNumber();
        var referred = await SubmitAsync(Now.AddDays(-5), subject);
        var decided = Decision(referred, thresholdMet: true, Now.AddDays(-4));
        var processed = await ProcessedDecisionsAsync();

        await events.ConsumeAsync(decided);
        await events.ConsumeAsync(decided);

        Assert.Equal(processed + 1, await ProcessedDecisionsAsync());
        Assert.Equal(Now.AddDays(-4), await ReferredAtAsync(referred.ContactId));
        Assert.Equal([referred.ContactId], (await SubmitAsync(Now, subject)).Repeats.ReferralIds);
    }

    [Fact]
    public async Task A_late_earlier_decision_does_not_override_a_later_one()
    {
        var subject = RepeatSubjects.WithNhsNumber();
        var contact = await SubmitAsync(Now.AddDays(-5), subject);
        await DecideAsync(contact, thresholdMet: false, Now.AddDays(-3));

        await DecideAsync(contact, thresholdMet: true, Now.AddDays(-4));

        Assert.Null(await ReferredAtAsync(contact.ContactId));
        Assert.Empty((await SubmitAsync(Now, subject)).Repeats.ReferralIds);
    }

    [Fact]
    public async Task One_batch_with_several_decisions_about_a_contact_in_or_out_of_order_keeps_the_latest()
    {
        var inOrder = await SubmitAsync(Now.AddDays(-5), RepeatSubjects.WithNhsNumber());
        var outOfOrder = await SubmitAsync(Now.AddDays(-5), RepeatSubjects.WithNhsNumber());

        await events.ConsumeAsync(Decision(inOrder, thresholdMet: false, Now.AddDays(-4)), Decision(outOfOrder, thresholdMet: false, Now.AddDays(-3)),
            Decision(inOrder, thresholdMet: true, Now.AddDays(-3)), Decision(outOfOrder, thresholdMet: true, Now.AddDays(-4)));

        Assert.Equal(Now.AddDays(-3), await ReferredAtAsync(inOrder.ContactId));
        Assert.Null(await ReferredAtAsync(outOfOrder.ContactId));
    }

    [Fact]
    public async Task A_decision_arriving_after_the_outcome_still_makes_the_contact_a_referral()
    {
        var subject = RepeatSubjects.WithNhsNumber();
        var contact = await SubmitAsync(Now.AddDays(-5), subject);
        await events.ConsumeAsync(ProgressEvents.FedBack(contact.ContactId.ToString(), "strategy-discussion"));

        await DecideAsync(contact, thresholdMet: true, Now.AddDays(-4));

        Assert.Equal([contact.ContactId], (await SubmitAsync(Now, subject)).Repeats.ReferralIds);
    }

    private async Task<ContactReceipt> SubmitAsync(DateTimeOffset receivedAt, params Subject[] subjects)
    {
        intake.Time.Now = receivedAt;
        var request = RepeatSubjects.RequestAbout(subjects);
        return await intake.Intake.SubmitAsync(request.RequestId, request.Contact, CancellationToken.None);
    }

    private Task DecideAsync(ContactReceipt contact, bool thresholdMet, DateTimeOffset decidedAt) =>
        events.ConsumeAsync(Decision(contact, thresholdMet, decidedAt));

    private static DecisionRecorded Decision(ContactReceipt contact, bool thresholdMet, DateTimeOffset decidedAt) => new()
    {
        EventId = Guid.NewGuid().ToString(), ContactId = contact.ContactId.ToString(), ThresholdMet = thresholdMet, PractitionerId = "sw-1",
        OccurredAt = Timestamp.FromDateTimeOffset(decidedAt), RecordedAt = Timestamp.FromDateTimeOffset(decidedAt),
    };

    private PendingContact Pending(DateTimeOffset receivedAt, params Subject[] subjects)
    {
        var request = RepeatSubjects.RequestAbout(subjects);
        var contactId = Guid.CreateVersion7(receivedAt);
        return new(request.RequestId, request.Contact, contactId, receivedAt, intake.Pseudonyms.RefsFor(request.Contact, contactId));
    }

    private Task<long> ProcessedDecisionsAsync() =>
        database.CountAsync("SELECT count(*) FROM processed_events WHERE consumer = 'DecisionRecordedProgressConsumer'");

    private async Task<DateTimeOffset?> ReferredAtAsync(Guid contactId)
    {
        await using var command = database.DataSource.CreateCommand("SELECT referred_at FROM contacts WHERE id = $1");
        command.Parameters.Add(new() { Value = contactId });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0);
    }
}
