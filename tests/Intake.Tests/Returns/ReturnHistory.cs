using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Contacts;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Tests.Progress;
using Mash.Intake.Tests.Repeats;

namespace Mash.Intake.Tests.Returns;

/// <summary>
/// A hand-made history for the year 1 April 2019 to 31 March 2020, stored through Intake as it is
/// built live (submissions at their times, Triage's decisions and Outcomes' feedback as consumed events).
/// Child A: a referral in January 2018 (over 12 months before the rest), referrals in June and
/// September 2019, a contact in December 2019 that was not referred, and a referral in January 2020
/// that also names an adult. Child B: contacts either side of each end of the year, in BST.
/// </summary>
internal sealed class ReturnHistory
{
    public static readonly DateOnly From = new(2019, 4, 1);
    public static readonly DateOnly To = new(2020, 4, 1);

    public Subject ChildA { get; } = ReturnSubjects.Child(gender: "female", ethnicity: "WBRI", year: 2012, month: 5, day: 20);
    public Subject ChildB { get; } = ReturnSubjects.Child(gender: "male", ethnicity: "", year: 2019, month: 1, day: 1);
    public Subject Mother { get; } = RepeatSubjects.WithNhsNumber();

    public string ChildAId = "";
    public string ChildBId = "";
    public ContactReceipt Referral2018 = null!, ReferralJune = null!, ReferralSeptember = null!, NotReferred = null!, ReferralJanuary = null!;
    public ContactReceipt BeforeStart = null!, AtStart = null!, BeforeEnd = null!, AfterEnd = null!;

    public static async Task<ReturnHistory> StoreAsync(IntakeUnderTest intake, ProgressEvents events)
    {
        var history = new ReturnHistory();
        await history.StoreChildAAsync(intake, events);
        await history.StoreChildBAsync(intake);
        return history;
    }

    private ReturnHistory()
    {
        ChildA.NhsNumber = RepeatSubjects.NewNhsNumber();
        ChildB.NhsNumber = RepeatSubjects.NewNhsNumber();
        Mother.Kind = SubjectKind.Adult;
    }

    /// <summary>Every contact the history stored within the year, by id.</summary>
    public IEnumerable<Guid> ContactsInTheYear => new[] { ReferralJune, ReferralSeptember, NotReferred, ReferralJanuary, AtStart, BeforeEnd }.Select(c => c.ContactId);

    private async Task StoreChildAAsync(IntakeUnderTest intake, ProgressEvents events)
    {
        Referral2018 = await SubmitAsync(intake, At(2018, 1, 10), "6", ChildA);
        await DecideAsync(events, Referral2018, true, At(2018, 1, 11));
        ReferralJune = await SubmitAsync(intake, At(2019, 6, 1), "2A", ChildA);
        await DecideAsync(events, ReferralJune, true, At(2019, 6, 2));
        await events.ConsumeAsync(Outcome(ReferralJune, "early-help"));
        ReferralSeptember = await SubmitAsync(intake, At(2019, 9, 1), "3A", ChildA);
        await DecideAsync(events, ReferralSeptember, true, At(2019, 9, 2));
        NotReferred = await SubmitAsync(intake, At(2019, 12, 1), "6", ChildA);
        await DecideAsync(events, NotReferred, false, At(2019, 12, 2));
        ReferralJanuary = await SubmitAsync(intake, At(2020, 1, 10), "6", Mother, ChildA);
        await DecideAsync(events, ReferralJanuary, true, At(2020, 1, 11));
        await events.ConsumeAsync(Outcome(ReferralJanuary, "assessment"));
        ChildAId = intake.Pseudonyms.RefFor(ChildA, ReferralJune.ContactId, 0);
    }

    /// <summary>BST runs from 31 March 2019 and from 29 March 2020: each end of the year is 23:00 UTC the day before.</summary>
    private async Task StoreChildBAsync(IntakeUnderTest intake)
    {
        BeforeStart = await SubmitAsync(intake, new(2019, 3, 31, 22, 59, 0, TimeSpan.Zero), "1A", ChildB);
        AtStart = await SubmitAsync(intake, new(2019, 3, 31, 23, 0, 0, TimeSpan.Zero), "1A", ChildB);
        BeforeEnd = await SubmitAsync(intake, new(2020, 3, 31, 22, 59, 59, TimeSpan.Zero), "1A", ChildB);
        AfterEnd = await SubmitAsync(intake, new(2020, 3, 31, 23, 0, 0, TimeSpan.Zero), "1A", ChildB);
        ChildBId = intake.Pseudonyms.RefFor(ChildB, AtStart.ContactId, 0);
    }

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    private static async Task<ContactReceipt> SubmitAsync(IntakeUnderTest intake, DateTimeOffset receivedAt, string referralSource, params Subject[] subjects)
    {
        intake.Time.Now = receivedAt;
        var request = RepeatSubjects.RequestAbout(subjects);
        request.Contact.Agency.ReferralSource = referralSource;
        return await intake.Intake.SubmitAsync(request.RequestId, request.Contact, CancellationToken.None);
    }

    private static Task DecideAsync(ProgressEvents events, ContactReceipt contact, bool thresholdMet, DateTimeOffset decidedAt) => events.ConsumeAsync(new DecisionRecorded
    {
        EventId = Guid.NewGuid().ToString(), ContactId = contact.ContactId.ToString(), ThresholdMet = thresholdMet, PractitionerId = "sw-1",
        OccurredAt = Timestamp.FromDateTimeOffset(decidedAt), RecordedAt = Timestamp.FromDateTimeOffset(decidedAt),
    });

    private static ContactOutcomeFedBack Outcome(ContactReceipt contact, string outcome) => ProgressEvents.FedBack(contact.ContactId.ToString(), outcome);
}
