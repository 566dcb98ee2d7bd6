using Mash.Triage.Actors;
using Mash.Triage.Timing;

namespace Mash.Triage.InformationSharing;

/// <summary>A request for information about a contact, asked of an agency, taken alone or beside others'.</summary>
internal sealed record InformationAsk(string ContactId, string AgencyId, string Question, DateTimeOffset? DueAt, Actor Actor, Moment Moment);

/// <summary>An agency's answer to a request, taken alone or beside others'.</summary>
internal sealed record InformationReply(Guid RequestId, string Answer, Actor Actor, Moment Moment);
