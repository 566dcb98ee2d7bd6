namespace Mash.Quality.Registers;

/// <summary>Q3 for one agency's respondents ("" for every agency together): answers, the satisfied among them, and the confident.</summary>
internal sealed record SurveyTally(string AgencyId, long Responses, long Satisfied, long Confident)
{
    public double? SatisfiedPercent => Shares.Percent(Satisfied, Responses);

    public double? ConfidentPercent => Shares.Percent(Confident, Responses);

    /// <summary>Every agency together.</summary>
    public static SurveyTally Total(IEnumerable<SurveyTally> tallies) =>
        tallies.Aggregate(new SurveyTally("", 0, 0, 0), (t, a) => new("", t.Responses + a.Responses, t.Satisfied + a.Satisfied, t.Confident + a.Confident));
}
