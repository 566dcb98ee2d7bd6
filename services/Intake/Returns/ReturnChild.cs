using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Returns;

/// <summary>
/// One row's worth of a return: a child named in a contact, with what Intake holds about that contact.
/// </summary>
/// <param name="ChildId">The child's pseudonymous subject reference: the same child in any contact, as repeat detection knows them.</param>
/// <param name="ContactDate">When the contact was received, as a date where the partnership is.</param>
/// <param name="ReferralDate">When the MASH decided it was a referral (threshold met), as a date there; null if it was not one.</param>
/// <param name="ReferredAt">The instant it became a referral, which the earlier referrals are counted back from.</param>
/// <param name="Outcome">The outcome code fed back; null before.</param>
/// <param name="EarlierReferrals">For a referral: the child's referrals in the window before it (Intake:RepeatWindow); null for a contact.</param>
public sealed record ReturnChild(
    Guid ContactId, Contact Contact, Subject Child, string ChildId, DateOnly ContactDate, DateOnly? ReferralDate, DateTimeOffset? ReferredAt, string? Outcome, int? EarlierReferrals);
