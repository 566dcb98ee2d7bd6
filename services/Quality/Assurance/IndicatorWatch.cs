namespace Mash.Quality.Assurance;

/// <summary>An indicator on the watch list: the period whose judgement put it there, the rule, when.</summary>
internal sealed record IndicatorWatch(string Reference, string Period, string Rule, string Description, DateTimeOffset RaisedAt);
