using Mash.Contracts.Events.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Contacts;
using Mash.Intake.Repeats;
using Mash.Intake.Tests.Infrastructure;

namespace Mash.Intake.Tests.Repeats;

/// <summary>Each contact records the earlier contacts about any of its subjects within the window (issue 4 point 4, MEASURES.md O3).</summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class RepeatDetectionTests(IntakeDatabase database)
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 30, 0, TimeSpan.Zero);
    private readonly IntakeUnderTest intake = new(database);

    [Fact]
    public async Task A_first_contact_repeats_nothing()
    {
        var receipt = await SubmitAsync(Now, RepeatSubjects.WithNhsNumber());

        Assert.Empty(receipt.Repeats.ContactIds);
        Assert.Empty(await StoredRepeatsAsync(receipt.ContactId));
    }

    [Fact]
    public async Task The_same_NHS_number_repeats_an_earlier_contact_whatever_the_name()
    {
        var nhsNumber = RepeatSubjects.NewNhsNumber();
        var earlier = await SubmitAsync(Now.AddMonths(-3), RepeatSubjects.WithNhsNumber(nhsNumber));
        var later = RepeatSubjects.WithNhsNumber(nhsNumber.Insert(6, " ").Insert(3, " "));
        later.GivenName = "Amy";

        var receipt = await SubmitAsync(Now, later);

        Assert.Equal([earlier.ContactId], receipt.Repeats.ContactIds);
        Assert.Equal([earlier.ContactId], await StoredRepeatsAsync(receipt.ContactId));
    }

    [Fact]
    public async Task The_same_name_date_of_birth_and_postcode_in_other_case_and_spacing_repeat_an_earlier_contact()
    {
        var first = RepeatSubjects.Named();
        var earlier = await SubmitAsync(Now.AddDays(-10), first);
        var again = first.Clone();
        again.GivenName = " AMELIA ";
        again.FamilyName = first.FamilyName.ToUpperInvariant().Replace(" ", "  ", StringComparison.Ordinal);
        again.Address.Postcode = "ws11aa";

        var receipt = await SubmitAsync(Now, again);

        Assert.Equal([earlier.ContactId], receipt.Repeats.ContactIds);
    }

    [Fact]
    public async Task A_contact_within_the_window_is_repeated_and_one_before_it_is_not()
    {
        var subject = RepeatSubjects.WithNhsNumber();
        await SubmitAsync(Now.AddMonths(-12).AddDays(-1), subject);
        var inside = await SubmitAsync(Now.AddMonths(-12).AddDays(1), subject);

        var receipt = await SubmitAsync(Now, subject);

        Assert.Equal([inside.ContactId], receipt.Repeats.ContactIds);
    }

    [Fact]
    public async Task A_contact_received_later_is_not_repeated()
    {
        var subject = RepeatSubjects.WithNhsNumber();
        await SubmitAsync(Now.AddMinutes(5), subject);

        var receipt = await SubmitAsync(Now, subject);

        Assert.Empty(receipt.Repeats.ContactIds);
    }

    [Fact]
    public async Task Different_subjects_do_not_repeat_each_other()
    {
        await SubmitAsync(Now.AddDays(-1), RepeatSubjects.WithNhsNumber());
        var named = RepeatSubjects.Named();
        await SubmitAsync(Now.AddDays(-1), named);
        var bornOtherDay = named.Clone();
        bornOtherDay.DateOfBirth.Day = 2;
        var livingElsewhere = named.Clone();
        livingElsewhere.Address.Postcode = "WS1 1AB";

        var receipt = await SubmitAsync(Now, RepeatSubjects.WithNhsNumber(), bornOtherDay, livingElsewhere);

        Assert.Empty(receipt.Repeats.ContactIds);
    }

    [Fact]
    public async Task Subjects_without_an_NHS_number_or_a_name_never_repeat_each_other()
    {
        await SubmitAsync(Now.AddDays(-1), RepeatSubjects.Unnamed());
        await SubmitAsync(Now.AddHours(-1), RepeatSubjects.Unnamed(), RepeatSubjects.Unnamed());

        var receipt = await SubmitAsync(Now, RepeatSubjects.Unnamed());

        Assert.Empty(receipt.Repeats.ContactIds);
    }

    [Fact]
    public async Task Each_subject_of_a_contact_brings_its_own_earlier_contacts()
    {
        var mother = RepeatSubjects.WithNhsNumber();
        var child = RepeatSubjects.Named();
        var aboutMother = await SubmitAsync(Now.AddMonths(-2), mother);
        var aboutChild = await SubmitAsync(Now.AddMonths(-1), child);
        var aboutBoth = await SubmitAsync(Now.AddDays(-1), mother, child);

        var receipt = await SubmitAsync(Now, child, mother);

        Assert.Equal([aboutBoth.ContactId, aboutChild.ContactId, aboutMother.ContactId], receipt.Repeats.ContactIds);
    }

    [Fact]
    public async Task Earlier_contacts_are_listed_most_recent_first_up_to_the_limit()
    {
        intake.Repeats = new RepeatFinder(RepeatWindow.TwelveMonths, 3);
        var subject = RepeatSubjects.WithNhsNumber();
        var earlier = new List<ContactReceipt>();
        foreach (var daysAgo in new[] { 40, 10, 30, 20, 50 })
        {
            earlier.Add(await SubmitAsync(Now.AddDays(-daysAgo), subject));
        }

        var receipt = await SubmitAsync(Now, subject);

        Assert.Equal([earlier[1].ContactId, earlier[3].ContactId, earlier[2].ContactId], receipt.Repeats.ContactIds);
    }

    [Fact]
    public async Task A_retry_returns_the_repeats_the_first_submission_found()
    {
        var subject = RepeatSubjects.WithNhsNumber();
        var earlier = await SubmitAsync(Now.AddDays(-1), subject);
        var request = RepeatSubjects.RequestAbout(subject);
        intake.Time.Now = Now;
        var first = await intake.Intake.SubmitAsync(request.RequestId, request.Contact, CancellationToken.None);
        await SubmitAsync(Now.AddMinutes(1), subject);
        intake.Time.Now = Now.AddMinutes(2);

        var retry = await intake.Intake.SubmitAsync(request.RequestId, request.Contact, CancellationToken.None);

        Assert.Equal([earlier.ContactId], retry.Repeats.ContactIds);
        Assert.Equal(first, retry);
    }

    [Fact]
    public async Task The_ContactReceived_event_carries_the_repeated_contact_ids()
    {
        var subject = RepeatSubjects.WithNhsNumber();
        var older = await SubmitAsync(Now.AddMonths(-6), subject);
        var newer = await SubmitAsync(Now.AddDays(-1), subject);

        var receipt = await SubmitAsync(Now, subject);

        var received = Assert.Single(await database.OutboxAsync<ContactReceived>(receipt.ContactId.ToString(), e => e.ContactId));
        Assert.Equal([newer.ContactId.ToString(), older.ContactId.ToString()], received.RepeatsContactIds);
        Assert.Empty(Assert.Single(await database.OutboxAsync<ContactReceived>(older.ContactId.ToString(), e => e.ContactId)).RepeatsContactIds);
    }

    [Fact]
    public async Task The_window_is_the_configured_one()
    {
        intake.Repeats = new RepeatFinder(new RepeatWindow(0, 30), 50);
        var subject = RepeatSubjects.WithNhsNumber();
        await SubmitAsync(Now.AddDays(-31), subject);
        var inside = await SubmitAsync(Now.AddDays(-29), subject);

        var receipt = await SubmitAsync(Now, subject);

        Assert.Equal([inside.ContactId], receipt.Repeats.ContactIds);
    }

    [Fact]
    public async Task Contacts_about_one_subject_submitted_at_once_are_all_stored_and_never_list_each_other_both_ways()
    {
        var subject = RepeatSubjects.WithNhsNumber();
        intake.Time.Now = Now;

        var receipts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
        {
            var request = RepeatSubjects.RequestAbout(subject);
            return intake.Intake.SubmitAsync(request.RequestId, request.Contact, CancellationToken.None);
        }));

        var ids = receipts.Select(r => r.ContactId).ToHashSet();
        Assert.Equal(8, ids.Count);
        foreach (var receipt in receipts)
        {
            Assert.Single(await database.OutboxAsync<ContactReceived>(receipt.ContactId.ToString(), e => e.ContactId));
            Assert.DoesNotContain(receipt.ContactId, receipt.Repeats.ContactIds);
            Assert.All(receipt.Repeats.ContactIds, id => Assert.Contains(id, ids));
            // A lists B only if B committed before A looked, so B looked before A committed and cannot list A.
            Assert.All(receipt.Repeats.ContactIds, id =>
                Assert.DoesNotContain(receipt.ContactId, receipts.Single(r => r.ContactId == id).Repeats.ContactIds));
        }
        // Under READ COMMITTED the first to look sees none of the others.
        Assert.Contains(receipts, r => r.Repeats.ContactIds.Count == 0);
    }

    private async Task<ContactReceipt> SubmitAsync(DateTimeOffset receivedAt, params Subject[] subjects)
    {
        intake.Time.Now = receivedAt;
        var request = RepeatSubjects.RequestAbout(subjects);
        return await intake.Intake.SubmitAsync(request.RequestId, request.Contact, CancellationToken.None);
    }

    private async Task<Guid[]> StoredRepeatsAsync(Guid contactId)
    {
        await using var command = database.DataSource.CreateCommand("SELECT repeats_contact_ids FROM contacts WHERE id = $1");
        command.Parameters.Add(new() { Value = contactId });
        return (Guid[])(await command.ExecuteScalarAsync())!;
    }
}
