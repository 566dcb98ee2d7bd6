namespace Mash.Triage.Timing;

/// <summary>
/// When something happened: the server's clock for a live call, or the time an importer gave
/// (<see cref="Given"/>), which must then also fit the record it joins (<see cref="TimeRules"/>).
/// </summary>
internal sealed record Moment(DateTimeOffset At, bool Given = false)
{
    public static Moment Now(TimeProvider time) => new(time.GetUtcNow());
}
