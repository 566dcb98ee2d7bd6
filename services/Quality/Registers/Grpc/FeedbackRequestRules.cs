using Mash.Contracts.Quality.V1;
using static Google.Rpc.BadRequest.Types;
using static Mash.Quality.Registers.Grpc.RegisterFields;

namespace Mash.Quality.Registers.Grpc;

/// <summary>What RecordFeedbackItem must say, one rule per field; every broken rule is reported at once.</summary>
internal static class FeedbackRequestRules
{
    public static IReadOnlyList<FieldViolation> Check(RecordFeedbackItemRequest request) => All(
        RequestId(request.RequestId),
        KindIsKnown(request.Kind),
        Agency("agency_id", request.AgencyId),
        Day("received_on", request.ReceivedOn),
        Required("summary", request.Summary, Long));

    public static FieldViolation? KindIsKnown(FeedbackKind kind) =>
        kind is FeedbackKind.Complaint or FeedbackKind.Compliment ? null : Violation("kind", "required: complaint or compliment");

    public static string KindOf(FeedbackKind kind) => kind == FeedbackKind.Complaint ? FeedbackKinds.Complaint : FeedbackKinds.Compliment;
}
