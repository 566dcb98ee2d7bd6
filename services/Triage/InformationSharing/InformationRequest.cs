namespace Mash.Triage.InformationSharing;

/// <summary>
/// Information the MASH asked of a partner agency while screening a contact (R5): which agency,
/// what, who asked, when, by when; and, once it came, the answer, who gave it, when, and the band
/// of its response time (T2).
/// </summary>
internal sealed record InformationRequest(
    Guid RequestId,
    string ContactId,
    string AgencyId,
    string Question,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset DueAt,
    InformationAnswer? Answer = null);

internal sealed record InformationAnswer(string Answer, string AnsweredBy, DateTimeOffset AnsweredAt, string ResponseBand);
