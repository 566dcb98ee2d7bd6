using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Validation.Rules;

/// <summary>Each presenting issue is one of the partnership's codes, so the cohort mix (measure D3) adds up.</summary>
public static class PresentingIssuesAreKnown
{
    public static IEnumerable<Violation> Check(Contact contact, Vocabulary vocabulary) =>
        contact.PresentingIssues
            .Select((issue, index) => (issue, index))
            .Where(p => !vocabulary.PresentingIssues.HasCode(p.issue))
            .Select(p => new Violation($"contact.presenting_issues[{p.index}]",
                $"'{p.issue}' is not a presenting issue; expected one of {Codes.List(vocabulary.PresentingIssues)}"));
}
