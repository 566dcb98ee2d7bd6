using Mash.Contracts.Common.V1;

namespace Mash.Outcomes.Counting;

/// <summary>O5: a referral that did not meet the threshold for a MASH response, known by its outcome (NFA, advice only).</summary>
internal static class InappropriateReferrals
{
    /// <summary>The vocabulary's group of such outcomes: the partnership decides which codes are in it.</summary>
    public const string Group = "no-further-action";

    public static IReadOnlyList<string> Codes(Vocabulary vocabulary) => [.. vocabulary.Outcomes.Where(t => t.Group == Group).Select(t => t.Code)];
}
