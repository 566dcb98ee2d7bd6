namespace Mash.Timeliness.Alerts;

/// <summary>This process's two wake-ups: a deadline was written (for the scheduler), alerts were raised (for the watch streams).</summary>
internal sealed class AlertSignals
{
    public AlertSignal DeadlineWritten { get; } = new();

    public AlertSignal AlertsRaised { get; } = new();
}
