using System.Diagnostics.Metrics;
using Mash.Intake.Contacts;

namespace Mash.Intake.Tests.Infrastructure;

/// <summary>The <c>mash.intake.contacts.shed</c> counter of meters made by one factory (so no other test's).</summary>
internal sealed class ShedCounter : IDisposable
{
    private readonly MeterListener listener = new();
    private long total;

    public ShedCounter(IMeterFactory factory)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name == ContactIntake.ShedCounterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref total, value));
        listener.Start();
    }

    public long Total => Interlocked.Read(ref total);

    public void Dispose() => listener.Dispose();
}
