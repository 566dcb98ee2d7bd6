using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Validation.Rules;

/// <summary>The referral source is one of the partnership's codes (by default the DfE CIN census codes 1A … 10).</summary>
public static class ReferralSourceIsKnown
{
    public static IEnumerable<Violation> Check(Contact contact, Vocabulary vocabulary)
    {
        var source = contact.Agency?.ReferralSource;
        if (string.IsNullOrWhiteSpace(source))
        {
            yield return new("contact.agency.referral_source", $"required: one of {Codes.List(vocabulary.ReferralSources)}");
        }
        else if (!vocabulary.ReferralSources.HasCode(source))
        {
            yield return new("contact.agency.referral_source", $"'{source}' is not a referral source; expected one of {Codes.List(vocabulary.ReferralSources)}");
        }
    }
}
