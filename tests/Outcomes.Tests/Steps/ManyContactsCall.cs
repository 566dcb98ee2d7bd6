using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Recording;
using Mash.Outcomes.Tests.Infrastructure;

namespace Mash.Outcomes.Tests.Steps;

/// <summary>
/// An import call over fifty contacts and what they start from, the same in any Outcomes it is set up in: most decided and
/// ready, some unknown, some undecided, some with an outcome already, a third with school-9 contributing; and steps that
/// Outcomes accepts, repeats and refuses, some contacts taking two steps in the call.
/// </summary>
internal static class ManyContactsCall
{
    public const int Contacts = 50;

    public static readonly DateTimeOffset Decided = OutcomesUnderTest.Now.AddDays(-30);

    public static string Contact(int i) => $"00000000-0000-4000-8000-{i:D12}";

    private static bool Unknown(int i) => i % 10 == 7;

    private static bool Undecided(int i) => i % 10 == 3;

    /// <summary>Recorded as nfa before the call: asked again for nfa (a retry) or for assessment (refused: that is a correction).</summary>
    private static bool RecordedBefore(int i) => i % 10 is 5 or 6;

    public static async Task SetUpAsync(OutcomesUnderTest outcomes)
    {
        for (var i = 0; i < Contacts; i++)
        {
            if (Unknown(i))
            {
                continue;
            }
            await outcomes.ContactAsync(Contact(i), decided: !Undecided(i));
            if (i % 3 == 0)
            {
                await outcomes.ContributedAsync(Contact(i), "school-9");
            }
            if (RecordedBefore(i))
            {
                await outcomes.Recorder.RecordAsync(Contact(i), new NewOutcome("nfa", [], [], Decided), "importer-1", CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// An outcome for every contact, in order, then second steps of some (a telling, a second outcome);
    /// with <paramref name="tellingFirst"/>, one contact's telling comes before its outcome.
    /// </summary>
    public static ImportOutcomeStepsRequest Steps(bool tellingFirst = true)
    {
        var call = new ImportOutcomeStepsRequest();
        for (var i = 0; i < Contacts; i++)
        {
            if (tellingFirst && i == 8)
            {
                call.Steps.Add(Telling(i, "police-west", Decided.AddHours(1)));
            }
            call.Steps.Add(Outcome(i));
        }
        for (var i = 0; i < Contacts; i++)
        {
            if (SecondStep(i) is { } second)
            {
                call.Steps.Add(second);
            }
        }
        return call;
    }

    private static OutcomeStep Outcome(int i)
    {
        var request = new RecordOutcomeRequest
        {
            ContactId = Contact(i), Outcome = i % 10 == 5 ? "assessment" : i % 4 == 1 ? "onward-referral" : "nfa", OccurredAt = At(Decided.AddMinutes(i)),
        };
        if (request.Outcome == "onward-referral")
        {
            request.OnwardAgencyIds.Add(["health-east", "housing-2"]);
        }
        if (i % 5 == 2)
        {
            request.Gaps.Add("not-in-education");
        }
        if (i == 4)
        {
            request.Outcome = "not-a-code";
        }
        return new() { Outcome = request };
    }

    private static OutcomeStep? SecondStep(int i) => (i % 10) switch
    {
        0 => Telling(i, "police-west", Decided.AddHours(1)),
        1 => Telling(i, "school-9", Decided.AddHours(2)),
        2 => Telling(i, "police-west", Decided.AddHours(-1)),
        6 => Telling(i, i % 3 == 0 ? "school-9" : "police-west", Decided.AddHours(3)),
        9 => new() { Outcome = new RecordOutcomeRequest { ContactId = Contact(i), Outcome = "advice", OccurredAt = At(Decided) } },
        _ => null,
    };

    private static OutcomeStep Telling(int i, string agencyId, DateTimeOffset at) =>
        new() { Feedback = new RecordFeedbackRequest { ContactId = Contact(i), AgencyId = agencyId, OccurredAt = At(at) } };

    private static Timestamp At(DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);
}
