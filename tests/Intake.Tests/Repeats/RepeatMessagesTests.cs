using Mash.Contracts.Intake.V1;
using Mash.Intake.Contacts;
using Mash.Intake.Grpc;
using Mash.Intake.Listing;
using Mash.Intake.Repeats;
using Mash.Intake.Tests.Infrastructure;

namespace Mash.Intake.Tests.Repeats;

public sealed class RepeatMessagesTests
{
    private static readonly Guid Older = Guid.Parse("0197f0a2-0000-7000-8000-00000000000a");
    private static readonly Guid Newer = Guid.Parse("0197f0a2-0000-7000-8000-00000000000b");
    private static readonly ContactReceipt Receipt = new(Guid.Parse("0197f0a2-0000-7000-8000-000000000001"), new DateTimeOffset(2025, 6, 2, 9, 30, 0, TimeSpan.Zero), ContactStatus.Received)
    {
        Repeats = new RepeatedContacts([Newer, Older], [Older]),
    };

    [Fact]
    public void SubmitContact_answers_with_the_repeated_contact_ids_in_order() =>
        Assert.Equal([Newer.ToString(), Older.ToString()], ContactMessages.ToResponse(Receipt).RepeatsContactIds);

    [Fact]
    public void GetContact_answers_with_the_repeated_contact_ids_in_order() =>
        Assert.Equal([Newer.ToString(), Older.ToString()], ContactMessages.ToRecord(new StoredContact(Receipt, TestContacts.Contact())).RepeatsContactIds);

    [Fact]
    public void The_event_carries_the_repeated_contact_ids_in_order() =>
        Assert.Equal([Newer.ToString(), Older.ToString()], ContactReceivedEvent.From(Guid.NewGuid(), Receipt, TestContacts.Contact(), ["ref-1"]).RepeatsContactIds);

    [Fact]
    public void SubmitContact_GetContact_ListContacts_and_the_event_carry_the_repeated_referral_ids()
    {
        string[] expected = [Older.ToString()];
        Assert.Equal(expected, ContactMessages.ToResponse(Receipt).RepeatsReferralIds);
        Assert.Equal(expected, ContactMessages.ToRecord(new StoredContact(Receipt, TestContacts.Contact())).RepeatsReferralIds);
        Assert.Equal(expected, ContactMessages.ToSummary(new ListedContact(Receipt, "concern", [])).RepeatsReferralIds);
        Assert.Equal(expected, ContactReceivedEvent.From(Guid.NewGuid(), Receipt, TestContacts.Contact(), ["ref-1"]).RepeatsReferralIds);
    }

    [Fact]
    public void Receipts_with_the_same_repeats_are_equal() =>
        Assert.Equal(Receipt, Receipt with { Repeats = new RepeatedContacts([Newer, Older], [Older]) });

    [Fact]
    public void Receipts_with_other_repeats_differ() =>
        Assert.NotEqual(Receipt, Receipt with { Repeats = new RepeatedContacts([Older, Newer], [Older]) });

    [Fact]
    public void Receipts_with_other_repeated_referrals_differ() =>
        Assert.NotEqual(Receipt, Receipt with { Repeats = new RepeatedContacts([Newer, Older], []) });
}
