using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Assurance;
using Mash.Quality.Definitions;
using Mash.Quality.Periods;

namespace Mash.Quality.Grpc;

/// <summary>Assessments as mash.quality.v1.AssuranceReport, in the indicator file's words.</summary>
internal static class AssuranceMessages
{
    /// <summary>The report with each indicator's proposed and agreed ratings beside its computed judgement.</summary>
    public static AssuranceReport ToReport(IEnumerable<IndicatorAssessment> assessments, TimeZoneInfo zone, RatingsInForce ratings) =>
        new() { Indicators = { assessments.Select(a => ToMessage(a, zone, ratings)) } };

    public static IndicatorAssurance ToMessage(IndicatorAssessment assessment, TimeZoneInfo zone, RatingsInForce ratings)
    {
        var instants = PeriodInstants.Of(assessment.Period, zone);
        var message = new IndicatorAssurance
        {
            Reference = assessment.Indicator.Reference,
            Name = assessment.Indicator.Name,
            Measure = assessment.Indicator.Measure,
            Period = assessment.Period.Label,
            From = Timestamp.FromDateTime(instants.From!.Value),
            To = Timestamp.FromDateTime(instants.To!.Value),
            Computed = assessment.NotComputed is null,
            NotComputed = assessment.NotComputed ?? "",
            Values = { assessment.Values },
            Target = IndicatorWords.Of(AssuranceWords.TargetResults, assessment.Judgement.Target),
            Trend = IndicatorWords.Of(AssuranceWords.Trends, assessment.Judgement.Trend),
            Rag = IndicatorWords.Of(AssuranceWords.Rags, assessment.Judgement.Rag),
            Assurance = IndicatorWords.Of(AssuranceWords.Assurances, assessment.Judgement.Assurance),
            Actions = { assessment.Actions.Select(a => new Contracts.Quality.V1.ProposedAction { Rule = a.Rule, Action = a.Action, Description = a.Description }) },
            Narrative = assessment.Indicator.Narrative,
            Proposed = ratings.Of(assessment, RatingStage.Proposed) is { } proposed ? RatingMessages.ToMessage(proposed, withWho: false) : null,
            Agreed = ratings.Of(assessment, RatingStage.Agreed) is { } agreed ? RatingMessages.ToMessage(agreed, withWho: false) : null,
        };
        if (assessment.Value is { } value)
        {
            message.Value = value;
        }
        return message;
    }
}
