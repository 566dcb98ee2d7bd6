using Google.Protobuf.WellKnownTypes;
using Mash.Triage.Escalations;
using Mash.Triage.InformationSharing;
using Messages = Mash.Contracts.Triage.V1;

namespace Mash.Triage.Grpc;

/// <summary>Information requests and escalations as the API shows them.</summary>
internal static class Records
{
    public static Messages.InformationRequest ToMessage(InformationRequest request)
    {
        var message = new Messages.InformationRequest
        {
            RequestId = request.RequestId.ToString(),
            ContactId = request.ContactId,
            AgencyId = request.AgencyId,
            Question = request.Question,
            RequestedBy = request.RequestedBy,
            RequestedAt = Timestamp.FromDateTimeOffset(request.RequestedAt),
            DueAt = Timestamp.FromDateTimeOffset(request.DueAt),
        };
        if (request.Answer is { } answer)
        {
            message.Answer = answer.Answer;
            message.AnsweredBy = answer.AnsweredBy;
            message.AnsweredAt = Timestamp.FromDateTimeOffset(answer.AnsweredAt);
            message.ResponseBand = answer.ResponseBand;
        }
        return message;
    }

    public static Messages.Escalation ToMessage(Escalation escalation)
    {
        var message = new Messages.Escalation
        {
            EscalationId = escalation.EscalationId.ToString(),
            ContactId = escalation.ContactId,
            Kind = escalation.Kind,
            RaisedByAgency = escalation.RaisedByAgency,
            RaisedBy = escalation.RaisedBy,
            About = escalation.About,
            Detail = escalation.Detail,
            RaisedAt = Timestamp.FromDateTimeOffset(escalation.RaisedAt),
        };
        if (escalation.Resolution is { } resolution)
        {
            message.Resolution = resolution.Resolution;
            message.ResolvedBy = resolution.ResolvedBy;
            message.Note = resolution.Note;
            message.ResolvedAt = Timestamp.FromDateTimeOffset(resolution.ResolvedAt);
        }
        return message;
    }
}
