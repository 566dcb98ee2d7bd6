namespace Mash.Outcomes.Agencies;

/// <summary>O2 for one outcome: the agencies that contributed information, and those it was referred on to.</summary>
internal sealed record OutcomeAgencies(IReadOnlyList<string> Contributing, IReadOnlyList<string> Onward);
