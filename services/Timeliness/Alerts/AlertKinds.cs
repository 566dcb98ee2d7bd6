using Mash.Contracts.Timeliness.V1;

namespace Mash.Timeliness.Alerts;

/// <summary>An alert's kind in the database ('approaching', 'breached') and in the API.</summary>
internal static class AlertKinds
{
    public static string Column(AlertKind kind) => kind switch
    {
        AlertKind.Approaching => "approaching",
        AlertKind.Breached => "breached",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static AlertKind FromColumn(string column) => column == "breached" ? AlertKind.Breached : AlertKind.Approaching;

    /// <summary>Which alert a deadline claimed at <paramref name="now"/> raises: the breach once due (the approach then says nothing new), else the approach.</summary>
    public static AlertKind Due(AlertDeadline deadline, DateTimeOffset now) => deadline.DueAt <= now ? AlertKind.Breached : AlertKind.Approaching;
}
