using Mash.ServiceDefaults;
using Mash.Timeliness.Alerts;
using Mash.Timeliness.Timing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mash.Timeliness.Tests.Infrastructure;

/// <summary>Timeliness's alert parts wired as AddTimelinessAlerts wires them, over one database and clock; each scheduler made here is a replica of its own.</summary>
internal sealed class AlertParts(NpgsqlDataSource database, TimeProvider time, AlertOptions options)
{
    public AlertSignals Signals { get; } = new();

    public AlertOptions Options => options;

    public AlertSchedule Schedule(Deadlines deadlines) => new(new AlertMoments(deadlines, options.ApproachingAt), Signals);

    public AlertFiring Firing() => new(database, new EventOutbox(), Signals, options);

    public AlertLog Log => new(database);

    public AlertWatch Watch => new(Log, Signals, time, options);

    /// <summary>A scheduler as another replica runs one: its own signals, the same database.</summary>
    public AlertScheduler Scheduler(AlertSignals? signals = null)
    {
        var own = signals ?? Signals;
        return new(new AlertFiring(database, new EventOutbox(), own, options), own, time, Microsoft.Extensions.Options.Options.Create(options), NullLogger<AlertScheduler>.Instance);
    }
}
