using Google.Protobuf.WellKnownTypes;
using static Google.Rpc.BadRequest.Types;

namespace Mash.Outcomes.Feedback;

/// <summary>A period a count asks for: from (inclusive) and to (exclusive), both given, from before to.</summary>
internal static class PeriodRules
{
    public static IReadOnlyList<FieldViolation> Check(Timestamp? from, Timestamp? to) =>
        [.. new[] { IsGiven("from", from), IsGiven("to", to), FromIsBeforeTo(from, to) }.OfType<FieldViolation>()];

    public static FieldViolation? IsGiven(string field, Timestamp? at) =>
        at is null ? new() { Field = field, Description = $"The period's {field} is required." } : null;

    public static FieldViolation? FromIsBeforeTo(Timestamp? from, Timestamp? to) =>
        from is not null && to is not null && from >= to ? new() { Field = "to", Description = "The period must end after it starts." } : null;
}
