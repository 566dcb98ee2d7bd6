using System.Diagnostics;
using Grpc.Core;
using IntakeBenchmark;
using Mash.Contracts.Intake.V1;

namespace PlatformBenchmark;

/// <summary>What one run of SubmitContact calls gave.</summary>
/// <param name="Window">The time calls were started in (the run's duration, or for a closed loop until the last answer).</param>
/// <param name="Time">From the first call until the last answer.</param>
internal sealed record SubmitResult(double TargetRate, long Offered, TimeSpan Window, TimeSpan Time, CallTally Calls)
{
    /// <summary>Contacts acknowledged per second of the window: the rate the platform took.</summary>
    public double AchievedRate => Calls.Acknowledged / Window.TotalSeconds;
}

/// <summary>
/// SubmitContact at a target rate, as frontline apps do between them: call i starts at i / rate
/// seconds (a schedule that catches up after a stall, so the offered load holds), but never more
/// than the given number in flight; when they are all taken, calls wait and the rate falls short,
/// which the achieved rate shows. With no rate, calls start as soon as one is free (a closed loop:
/// what Intake can take). Each call is a new valid contact; an acknowledged one is recorded in the
/// run's <see cref="Acknowledgements"/>. Calls are not retried: a shed call is counted, not resent.
/// </summary>
internal sealed class PacedSubmitter(IntakeClients clients, ContactSource contacts, Acknowledgements acknowledgements, int maxInFlight)
{
    // Generous: a call this slow is a finding (DEADLINE_EXCEEDED), not a hang of the benchmark.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <param name="rate">Calls a second, or null for as many as <c>maxInFlight</c> allows.</param>
    /// <param name="stopOffering">Ends the run before <paramref name="duration"/>: no call starts after it.</param>
    public async Task<SubmitResult> RunAsync(double? rate, TimeSpan duration, CancellationToken cancellationToken, CancellationToken stopOffering = default)
    {
        using var inFlight = new SemaphoreSlim(maxInFlight);
        using var offering = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopOffering);
        var tally = new CallTally();
        var start = Stopwatch.GetTimestamp();
        var window = duration;
        long offered = 0;
        while (true)
        {
            var elapsed = Stopwatch.GetElapsedTime(start);
            if (elapsed >= duration || stopOffering.IsCancellationRequested)
            {
                window = elapsed < duration ? elapsed : duration;
                break;
            }
            try
            {
                if (rate is { } perSecond && offered >= (long)(elapsed.TotalSeconds * perSecond) + 1)
                {
                    // Timers fire about every millisecond here: at 2,000 a second a tick starts two calls.
                    await Task.Delay(1, offering.Token);
                    continue;
                }
                await inFlight.WaitAsync(offering.Token);
            }
            catch (OperationCanceledException) when (stopOffering.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                continue;
            }
            offered++;
            _ = CallAsync(inFlight, tally, cancellationToken);
        }
        // The run ends when its last call is answered.
        for (var i = 0; i < maxInFlight; i++)
        {
            await inFlight.WaitAsync(cancellationToken);
        }
        // A paced run's calls answered after its end still count for its window (the offered
        // rate was the target's); a closed loop's window is until its last answer.
        var time = Stopwatch.GetElapsedTime(start);
        return new SubmitResult(rate ?? 0, offered, rate is null ? time : window, time, tally);
    }

    private async Task CallAsync(SemaphoreSlim inFlight, CallTally tally, CancellationToken cancellationToken)
    {
        try
        {
            var request = contacts.Next();
            var begin = Stopwatch.GetTimestamp();
            try
            {
                var receipt = await clients.Next().SubmitContactAsync(request, IntakeClients.Credentials, DateTime.UtcNow + Deadline, cancellationToken);
                if (receipt.Status != ContactStatus.Received || !Guid.TryParse(receipt.ContactId, out _))
                {
                    tally.Failed(StatusCode.Internal, $"request {request.RequestId}: not a receipt (status {receipt.Status}, contact id '{receipt.ContactId}')");
                    return;
                }
                acknowledgements.Record(receipt.ContactId);
                tally.Ok(Stopwatch.GetTimestamp() - begin);
            }
            catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
            {
                tally.Failed(e.StatusCode, e.Status.Detail);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Nothing awaits this call: what it threw is counted here or never seen.
                tally.Failed(StatusCode.Unknown, e.ToString());
            }
        }
        finally
        {
            inFlight.Release();
        }
    }
}
