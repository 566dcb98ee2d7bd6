using Mash.Triage.Actors;
using Mash.Triage.Queue;
using Mash.Triage.Timing;

namespace Mash.Triage.InformationSharing;

/// <summary>Whether information may be asked, or an answer given, now; each returns why not, or null.</summary>
internal static class InformationRules
{
    /// <summary>Information is shared while screening: a decided contact asks nothing more.</summary>
    public static string? AskedWhileScreening(QueueEntry entry) =>
        entry.IsDecided ? $"Contact {entry.ContactId} is decided; information is requested while it is screened." : null;

    /// <summary>An answer is due after the question.</summary>
    public static string? DueAfterAsking(DateTimeOffset dueAt, DateTimeOffset requestedAt) =>
        dueAt <= requestedAt ? $"must be after the request was made ({requestedAt:O})" : null;

    /// <summary>Only the agency asked answers, with its own credentials (an importer replays the answers it gave).</summary>
    public static string? AnsweredByTheAgencyAsked(InformationRequest request, Actor actor) =>
        actor.IsImporter || actor.AgencyId == request.AgencyId ? null : $"Request {request.RequestId} was made of {request.AgencyId}; only that agency answers it.";

    /// <summary>An answer is given once; the same answer again (a retried call) is the one recorded.</summary>
    public static AnswerStep CheckAnswer(InformationRequest request, string answer) => request.Answer switch
    {
        null => AnswerStep.Record,
        { } given when given.Answer == answer => AnswerStep.SameAnswer,
        _ => AnswerStep.AlreadyAnswered,
    };

    /// <summary>An imported answer came after the question.</summary>
    public static string? AnsweredAfterAsking(Moment moment, InformationRequest request) =>
        TimeRules.NotBefore(moment, request.RequestedAt, "the request was made");
}

internal enum AnswerStep
{
    Record,
    SameAnswer,
    AlreadyAnswered,
}
