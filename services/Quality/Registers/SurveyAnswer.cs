namespace Mash.Quality.Registers;

/// <summary>Q3: one referrer's answer to a satisfaction survey, by the respondent's agency.</summary>
internal sealed record SurveyAnswer(string Survey, string AgencyId, DateOnly RespondedOn, string Satisfaction, bool Confident, string Comment);
