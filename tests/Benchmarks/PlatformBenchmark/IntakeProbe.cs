using System.Diagnostics;
using Grpc.Core;
using IntakeBenchmark;

namespace PlatformBenchmark;

/// <summary>One probe call: when it was sent and answered (Stopwatch timestamps) and with what.</summary>
internal readonly record struct ProbeAnswer(long SentAt, long AnsweredAt, StatusCode Code)
{
    public TimeSpan Latency => Stopwatch.GetElapsedTime(SentAt, AnsweredAt);

    public bool IsOk => Code == StatusCode.OK;
}

/// <summary>The probe's latency in normal times: its OK answers' count, median and 99th percentile.</summary>
internal sealed record ProbeBaseline(int Calls, TimeSpan P50, TimeSpan P99);

/// <summary>
/// A frontline app submitting a contact every <see cref="Interval"/> on a connection of its own,
/// whatever else is going on: what one agency meets while the platform is overloaded or a
/// dependency is down, and when it is served as before. Each call is a new valid contact; an
/// acknowledged one counts with the run's <see cref="Acknowledgements"/>. Calls overlap when
/// answers are slow, so a stalled platform does not slow the probe down.
/// </summary>
internal sealed class IntakeProbe(IntakeClients client, ContactSource contacts, Acknowledgements acknowledgements) : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly List<ProbeAnswer> answers = [];
    private readonly CancellationTokenSource stop = new();
    private readonly CountdownEvent inFlight = new(1);
    private Task? running;

    public void Start() => running = RunAsync();

    /// <summary>The answers to the calls sent from <paramref name="from"/> until <paramref name="until"/> (timestamps), in the order sent.</summary>
    public IReadOnlyList<ProbeAnswer> Sent(long from, long until = long.MaxValue)
    {
        lock (answers)
        {
            return [.. answers.Where(a => a.SentAt >= from && a.SentAt < until).OrderBy(a => a.SentAt)];
        }
    }

    /// <summary>The OK answers' latencies to the calls sent between two timestamps: what Intake answers in normal times.</summary>
    public ProbeBaseline Baseline(long from, long until)
    {
        var latencies = Sent(from, until).Where(a => a.IsOk).Select(a => a.Latency).Order().ToList();
        return latencies.Count == 0 ? new ProbeBaseline(0, TimeSpan.Zero, TimeSpan.Zero)
            : new ProbeBaseline(latencies.Count, latencies[(latencies.Count - 1) / 2], latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1]);
    }

    /// <summary>The first OK answer received at or after <paramref name="since"/>, if any yet.</summary>
    public ProbeAnswer? FirstOk(long since)
    {
        lock (answers)
        {
            return answers.Where(a => a.IsOk && a.AnsweredAt >= since).OrderBy(a => a.AnsweredAt).Select(a => (ProbeAnswer?)a).FirstOrDefault();
        }
    }

    /// <summary>
    /// The first of <paramref name="running"/> calls in a row, sent after <paramref name="since"/>,
    /// answered OK within <paramref name="latency"/>: Intake serving as it did before.
    /// </summary>
    public ProbeAnswer? Normal(long since, TimeSpan latency, int running)
    {
        var sent = Sent(since);
        for (var i = 0; i + running <= sent.Count; i++)
        {
            if (sent.Skip(i).Take(running).All(a => a.IsOk && a.Latency <= latency))
            {
                return sent[i];
            }
        }
        return null;
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                inFlight.AddCount();
                _ = CallAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private async Task CallAsync()
    {
        try
        {
            var request = contacts.Next();
            var sent = Stopwatch.GetTimestamp();
            StatusCode code;
            try
            {
                var receipt = await client.Next().SubmitContactAsync(request, IntakeClients.Credentials, DateTime.UtcNow + Deadline);
                acknowledgements.Record(receipt.ContactId);
                code = StatusCode.OK;
            }
            catch (RpcException e)
            {
                code = e.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                code = StatusCode.Unavailable;
            }
            lock (answers)
            {
                answers.Add(new ProbeAnswer(sent, Stopwatch.GetTimestamp(), code));
            }
        }
        finally
        {
            inFlight.Signal();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (running is not null)
        {
            await running;
        }
        // The calls still out end within their deadline.
        inFlight.Signal();
        await Task.Run(() => inFlight.Wait(Deadline * 2));
        stop.Dispose();
        inFlight.Dispose();
    }
}
