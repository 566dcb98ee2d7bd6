namespace Mash.Importer.Replay;

/// <summary>The agency's answer (information_responses.csv), joined to its request's contact and agency.</summary>
internal sealed record InformationResponseStep(string File, int Line, DateTimeOffset At, string ContactId, string RequestId, string Answer) : ImportStep(File, Line, At, ContactId)
{
    public override int Rank => 3;

    public override string Key => $"response:{RequestId}";
}
