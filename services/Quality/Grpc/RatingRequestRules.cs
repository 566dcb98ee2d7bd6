using Mash.Contracts.Quality.V1;
using Mash.Quality.Assurance;
using Mash.Quality.Definitions;
using static Google.Rpc.BadRequest.Types;

namespace Mash.Quality.Grpc;

/// <summary>What a ProposeRating, AgreeRating or GetRatingHistory request must say, one rule per field; every broken rule is reported at once.</summary>
internal static class RatingRequestRules
{
    public static IReadOnlyList<FieldViolation> Check(ProposeRatingRequest request, IndicatorCatalogue catalogue) => Broken(
    [
        TextRules.RequestIdIsAUuid(request.RequestId),
        IsADefinedIndicator(request.Reference, catalogue),
        .. PeriodIsValid(request.AsOf, request.Period),
        IsARating(request.Rating),
        TextRules.IsWritten("narrative", request.Narrative, TextRules.Paragraphs),
    ]);

    public static IReadOnlyList<FieldViolation> Check(AgreeRatingRequest request, IndicatorCatalogue catalogue) => Broken(
    [
        TextRules.RequestIdIsAUuid(request.RequestId),
        IsADefinedIndicator(request.Reference, catalogue),
        .. PeriodIsValid(request.AsOf, request.Period),
        IsARating(request.Rating),
        TextRules.IsWritten("narrative", request.Narrative, TextRules.Paragraphs),
        TextRules.IsShort("minute", request.Minute, TextRules.Line),
    ]);

    public static IReadOnlyList<FieldViolation> Check(GetRatingHistoryRequest request, IndicatorCatalogue catalogue) =>
        Broken([IsADefinedIndicator(request.Reference, catalogue), .. PeriodIsValid(request.AsOf, request.Period)]);

    /// <summary>A rating is of an indicator the partnership defines, by its reference.</summary>
    public static FieldViolation? IsADefinedIndicator(string reference, IndicatorCatalogue catalogue) =>
        catalogue.Indicators.Any(i => i.Reference == reference) ? null
        : TextRules.Violation("reference", $"'{reference}' is not the reference of an indicator the partnership defines (ListIndicators).");

    /// <summary>A person places the period on the continuum: safe, trigger or unsafe.</summary>
    public static FieldViolation? IsARating(string rating) => TextRules.IsAWord("rating", rating, RatingWords.Ratings);

    /// <summary>The period as GetAssurance takes it.</summary>
    public static FieldViolation?[] PeriodIsValid(Google.Protobuf.WellKnownTypes.Timestamp? asOf, ReportingPeriodKind period) =>
        [ScorecardRequestRules.IsAValidTime("as_of", asOf) ?? AssuranceRequestRules.IsAReportingYear(asOf), AssuranceRequestRules.IsAKnownPeriod(period)];

    private static FieldViolation[] Broken(FieldViolation?[] violations) => [.. violations.OfType<FieldViolation>()];
}
