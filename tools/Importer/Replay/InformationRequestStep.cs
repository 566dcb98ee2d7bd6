namespace Mash.Importer.Replay;

/// <summary>A request for information to a partner agency (information_requests.csv).</summary>
internal sealed record InformationRequestStep(string File, int Line, DateTimeOffset At, string ContactId, string RequestId, string AgencyId, string Question, DateTimeOffset? DueAt)
    : ImportStep(File, Line, At, ContactId)
{
    public override int Rank => 2;

    public override string Key => $"request:{RequestId}";
}
