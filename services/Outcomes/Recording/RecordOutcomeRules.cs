using Mash.Contracts.Common.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Agencies;
using Mash.ServiceDefaults;
using static Google.Rpc.BadRequest.Types;

namespace Mash.Outcomes.Recording;

/// <summary>
/// What a RecordOutcome request must say, one rule per field; every broken rule is reported at once.
/// Who records it is not the request's to say: the credentials name the practitioner.
/// </summary>
internal static class RecordOutcomeRules
{
    public static IReadOnlyList<FieldViolation> Check(RecordOutcomeRequest request, Vocabulary vocabulary) =>
        [.. new[]
        {
            ContactIdIsWellFormed(request),
            OutcomeIsAConfiguredCode(request, vocabulary),
            OnwardAgencyIdsAreWellFormed(request),
            AnOnwardReferralNamesAnAgency(request, vocabulary),
            GapsAreConfiguredCodes(request, vocabulary),
        }.OfType<FieldViolation>()];

    public static FieldViolation? ContactIdIsWellFormed(RecordOutcomeRequest request) => ContactIds.Violation(request.ContactId);

    public static FieldViolation? OutcomeIsAConfiguredCode(RecordOutcomeRequest request, Vocabulary vocabulary) =>
        OutcomeCodes.Violation(request.Outcome, vocabulary);

    public static FieldViolation? OnwardAgencyIdsAreWellFormed(RecordOutcomeRequest request) =>
        request.OnwardAgencyIds.FirstOrDefault(a => AgencyIds.Why(a) is not null) is { } bad
            ? new() { Field = "onward_agency_ids", Description = $"'{bad}': {AgencyIds.Why(bad)}" }
        : request.OnwardAgencyIds.Distinct(StringComparer.Ordinal).Count() < request.OnwardAgencyIds.Count
            ? new() { Field = "onward_agency_ids", Description = "Name each agency once." }
        : null;

    /// <summary>An outcome the vocabulary groups as "onward" is a referral to someone: O2 counts who.</summary>
    public static FieldViolation? AnOnwardReferralNamesAnAgency(RecordOutcomeRequest request, Vocabulary vocabulary) =>
        request.OnwardAgencyIds.Count == 0 && vocabulary.Outcomes.FirstOrDefault(t => t.Code == request.Outcome)?.Group == OnwardGroup
            ? new() { Field = "onward_agency_ids", Description = $"'{request.Outcome}' is an onward referral: name the agencies it goes to." }
            : null;

    /// <summary>O6: each gap is one of the partnership's configured gap codes, named once.</summary>
    public static FieldViolation? GapsAreConfiguredCodes(RecordOutcomeRequest request, Vocabulary vocabulary) =>
        request.Gaps.FirstOrDefault(g => !vocabulary.Gaps.HasCode(g)) is { } unknown
            ? new() { Field = "gaps", Description = $"'{unknown}' is not a configured gap code." }
        : request.Gaps.Distinct(StringComparer.Ordinal).Count() < request.Gaps.Count
            ? new() { Field = "gaps", Description = "Name each gap once." }
        : null;

    /// <summary>The vocabulary's group of outcomes that refer the case on to other agencies.</summary>
    public const string OnwardGroup = "onward";
}
