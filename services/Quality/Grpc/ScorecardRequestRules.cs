using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Facts;
using static Google.Rpc.BadRequest.Types;

namespace Mash.Quality.Grpc;

/// <summary>What a GetScorecard request must say, one rule per field; every broken rule is reported at once.</summary>
internal static class ScorecardRequestRules
{
    // The range google.protobuf.Timestamp allows: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
    private const long MinSeconds = -62_135_596_800;
    private const long MaxSeconds = 253_402_300_799;

    public static IReadOnlyList<FieldViolation> Check(GetScorecardRequest request) =>
        [.. new[]
        {
            IsAValidTime("from", request.From),
            IsAValidTime("to", request.To),
            FromIsBeforeTo(request),
        }.OfType<FieldViolation>()];

    public static FieldViolation? IsAValidTime(string field, Timestamp? time) =>
        time is null || IsValid(time) ? null : Violation(field, "Not a valid timestamp.");

    public static FieldViolation? FromIsBeforeTo(GetScorecardRequest request) =>
        request.From is { } from && request.To is { } to && IsValid(from) && IsValid(to) && from >= to
            ? Violation("to", "The period must end after it starts.")
            : null;

    /// <summary>The period a valid request asks for.</summary>
    public static Period PeriodOf(GetScorecardRequest request) => new(request.From?.ToDateTime(), request.To?.ToDateTime());

    private static bool IsValid(Timestamp time) =>
        time.Seconds is >= MinSeconds and <= MaxSeconds && time.Nanos is >= 0 and < 1_000_000_000;

    private static FieldViolation Violation(string field, string description) => new() { Field = field, Description = description };
}
