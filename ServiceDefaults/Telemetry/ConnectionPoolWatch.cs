using System.Diagnostics.Metrics;
using Npgsql;

namespace Mash.ServiceDefaults;

/// <summary>A connection pool at one moment, from Npgsql's own metrics.</summary>
/// <param name="Used">Connections handed out (<c>db.client.connection.count</c>, state <c>used</c>).</param>
/// <param name="Idle">Open connections waiting in the pool (state <c>idle</c>).</param>
/// <param name="Max">The pool's Maximum Pool Size (<c>db.client.connection.max</c>).</param>
/// <param name="Waiting">Opens waiting for a connection to come free (<c>db.client.connection.npgsql.pending_requests</c>).</param>
internal sealed record PoolUsage(int Used, int Idle, int Max, int Waiting)
{
    /// <summary>Requests are waiting for a connection: the pool is the bottleneck.</summary>
    public bool IsSaturated => Waiting > 0;

    /// <summary>Every connection the pool may open is in use.</summary>
    public bool IsFull => Max > 0 && Used >= Max;
}

/// <summary>
/// Reads Npgsql's pool metrics in process (the same instruments the dashboard shows through
/// <c>AddNpgsqlInstrumentation</c>), so health can say a pool is saturated without asking the pool
/// for a connection. Npgsql reports every data source of the process on one static Meter, each by
/// its pool name, so one listener serves the process. Waiting requests are an up-down counter: it
/// counts from when the listener started, which is before a service opens its first connection.
/// </summary>
internal static class ConnectionPoolWatch
{
    private const string MeterName = "Npgsql";
    private const string ConnectionCount = "db.client.connection.count";
    private const string ConnectionMax = "db.client.connection.max";
    private const string PendingRequests = "db.client.connection.npgsql.pending_requests";
    private const string PoolNameTag = "db.client.connection.pool.name";
    private const string StateTag = "db.client.connection.state";

    // Re-entered: Read holds it while Npgsql's callbacks report into OnMeasurement.
    private static readonly object Gate = new();
    private static readonly Dictionary<string, int> Waiting = new(StringComparer.Ordinal);
    private static readonly Dictionary<(string Pool, string State), int> Connections = new();
    private static readonly Dictionary<string, int> Maxima = new(StringComparer.Ordinal);
    private static MeterListener? listener;

    /// <summary>Starts listening (once per process); call before the pools are used.</summary>
    public static void Start()
    {
        lock (Gate)
        {
            if (listener is not null)
            {
                return;
            }
            listener = new MeterListener
            {
                InstrumentPublished = (instrument, l) =>
                {
                    if (instrument.Meter.Name == MeterName && instrument.Name is ConnectionCount or ConnectionMax or PendingRequests)
                    {
                        l.EnableMeasurementEvents(instrument);
                    }
                },
            };
            listener.SetMeasurementEventCallback<int>(OnMeasurement);
            listener.Start();
        }
    }

    /// <summary>The pool of <paramref name="dataSource"/> now, or null before Npgsql has reported it.</summary>
    public static PoolUsage? Read(NpgsqlDataSource dataSource) => Read(PoolNameOf(dataSource));

    /// <inheritdoc cref="Read(NpgsqlDataSource)"/>
    public static PoolUsage? Read(string poolName)
    {
        Start();
        lock (Gate)
        {
            Connections.Clear();
            Maxima.Clear();
            // Runs Npgsql's observable callbacks now, into OnMeasurement.
            listener!.RecordObservableInstruments();
            if (!Maxima.TryGetValue(poolName, out var max))
            {
                return null;
            }
            return new PoolUsage(
                Connections.GetValueOrDefault((poolName, "used")),
                Connections.GetValueOrDefault((poolName, "idle")),
                max,
                Math.Max(0, Waiting.GetValueOrDefault(poolName)));
        }
    }

    /// <summary>
    /// The name Npgsql reports a data source's pool by: its connection string without the password,
    /// unless the data source was given a name of its own (the MASH's are not).
    /// </summary>
    public static string PoolNameOf(NpgsqlDataSource dataSource)
    {
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        if (!settings.PersistSecurityInfo)
        {
            return dataSource.ConnectionString;
        }
        settings.Password = null;
        return settings.ToString();
    }

    private static void OnMeasurement(Instrument instrument, int value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? pool = null;
        string? connectionState = null;
        foreach (var tag in tags)
        {
            if (tag.Key == PoolNameTag)
            {
                pool = tag.Value as string;
            }
            else if (tag.Key == StateTag)
            {
                connectionState = tag.Value as string;
            }
        }
        if (pool is null)
        {
            return;
        }
        lock (Gate)
        {
            switch (instrument.Name)
            {
                case PendingRequests:
                    Waiting[pool] = Waiting.GetValueOrDefault(pool) + value;
                    break;
                case ConnectionMax:
                    Maxima[pool] = value;
                    break;
                case ConnectionCount when connectionState is not null:
                    Connections[(pool, connectionState)] = value;
                    break;
            }
        }
    }
}
