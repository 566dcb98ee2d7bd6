using Mash.Contracts.Intake.V1;
using Mash.Intake.Contacts;
using Mash.Intake.Repeats;
using Mash.Intake.Tests.Infrastructure;

namespace Mash.Intake.Tests.Repeats;

/// <summary>Contacts committed together still repeat the ones received before them, as if committed one by one.</summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class RepeatsWithinOneCommitTests(IntakeDatabase database)
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 30, 0, TimeSpan.Zero);
    private readonly IntakeUnderTest intake = new(database);

    [Fact]
    public async Task Each_contact_of_a_batch_repeats_the_earlier_ones_of_the_batch_most_recent_first()
    {
        var subject = RepeatSubjects.WithNhsNumber();
        // Handed to the commit out of time order: what counts is when each was received.
        var third = Pending(Now.AddMinutes(3), subject);
        var first = Pending(Now.AddMinutes(1), subject);
        var second = Pending(Now.AddMinutes(2), subject);

        var repeats = await FindAsync(intake.Repeats, third, first, second);

        Assert.Equal([second.ContactId, first.ContactId], repeats[0].ContactIds);
        Assert.Empty(repeats[1].ContactIds);
        Assert.Equal([first.ContactId], repeats[2].ContactIds);
    }

    [Fact]
    public async Task Stored_and_batch_contacts_are_merged_in_time_order_up_to_the_limit()
    {
        var subject = RepeatSubjects.WithNhsNumber();
        var stored = await StoreAsync(Now, subject);
        var older = await StoreAsync(Now.AddMinutes(-10), subject);
        var inBatch = Pending(Now.AddMinutes(1), subject);
        var latest = Pending(Now.AddMinutes(2), subject);

        var unlimited = await FindAsync(intake.Repeats, inBatch, latest);
        var limited = await FindAsync(new RepeatFinder(RepeatWindow.TwelveMonths, 2), inBatch, latest);

        Assert.Equal([stored, older], unlimited[0].ContactIds);
        Assert.Equal([inBatch.ContactId, stored, older], unlimited[1].ContactIds);
        Assert.Equal([inBatch.ContactId, stored], limited[1].ContactIds);
    }

    [Fact]
    public async Task A_batch_contact_outside_the_window_or_about_someone_else_is_not_repeated()
    {
        var subject = RepeatSubjects.WithNhsNumber();
        var longAgo = Pending(Now.AddMonths(-13), subject);
        var someoneElse = Pending(Now.AddMinutes(1), RepeatSubjects.WithNhsNumber());
        var now = Pending(Now.AddMinutes(2), subject);

        var repeats = await FindAsync(intake.Repeats, longAgo, someoneElse, now);

        Assert.All(repeats, r => Assert.Empty(r.ContactIds));
    }

    [Fact]
    public async Task A_contact_with_two_subjects_lists_an_earlier_contact_about_both_once()
    {
        var (child, parent) = (RepeatSubjects.WithNhsNumber(), RepeatSubjects.WithNhsNumber());
        var earlier = Pending(Now, child, parent);
        var later = Pending(Now.AddMinutes(1), child, parent);

        var repeats = await FindAsync(intake.Repeats, earlier, later);

        Assert.Equal([earlier.ContactId], repeats[1].ContactIds);
    }

    private async Task<IReadOnlyList<RepeatedContacts>> FindAsync(RepeatFinder finder, params PendingContact[] batch)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        return await finder.FindAsync(transaction, batch);
    }

    private async Task<Guid> StoreAsync(DateTimeOffset receivedAt, Subject subject)
    {
        intake.Time.Now = receivedAt;
        var request = RepeatSubjects.RequestAbout(subject);
        return (await intake.Intake.SubmitAsync(request.RequestId, request.Contact, CancellationToken.None)).ContactId;
    }

    private PendingContact Pending(DateTimeOffset receivedAt, params Subject[] subjects)
    {
        var request = RepeatSubjects.RequestAbout(subjects);
        var contactId = Guid.CreateVersion7(receivedAt);
        return new(request.RequestId, request.Contact, contactId, receivedAt, intake.Pseudonyms.RefsFor(request.Contact, contactId));
    }
}
