using System.Runtime.InteropServices;

namespace Mash.Hosting;

/// <summary>
/// SIGINT (Ctrl+C), SIGTERM and SIGHUP, handled instead of letting the runtime exit: the first
/// stops everything in order, a second cuts the grace periods short.
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly CancellationTokenSource _force = new();
    private readonly List<PosixSignalRegistration> _registrations;

    public ShutdownSignals(CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(signal =>
            PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                (_stop.IsCancellationRequested ? _force : _stop).Cancel();
            }))];
    }

    public CancellationToken Stop => _stop.Token;

    public CancellationToken Force => _force.Token;

    public void Dispose()
    {
        _registrations.ForEach(r => r.Dispose());
        _stop.Dispose();
        _force.Dispose();
    }
}
