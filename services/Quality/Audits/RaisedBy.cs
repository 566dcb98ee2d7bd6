namespace Mash.Quality.Audits;

/// <summary>The assurance rule that raised an audit, for an indicator's period, and why.</summary>
internal sealed record RaisedBy(string Rule, string Reference, string Period, string Reason);
