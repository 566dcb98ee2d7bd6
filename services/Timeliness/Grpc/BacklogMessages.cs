using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Timeliness.V1;
using Mash.ServiceDefaults;
using Mash.Timeliness.Reporting;

namespace Mash.Timeliness.Grpc;

internal static class BacklogMessages
{
    /// <summary>The most slots one series may ask for: a year of hourly snapshots, and some.</summary>
    public const int MaxSlots = 10_000;

    /// <summary>The request in the domain's words: the slots in its window, no more than <see cref="MaxSlots"/>.</summary>
    public static BacklogSeriesQuery ToQuery(GetBacklogSeriesRequest request, BacklogSlots slots)
    {
        var (from, to) = ReportWindow.Read(request.From, request.To);
        if (slots.CountIn(from, to) > MaxSlots)
        {
            throw RpcErrors.InvalidArgument("to", $"is more than {MaxSlots} snapshots of every {slots.Every} after from; ask for a shorter window");
        }
        return new(slots.In(from, to), ReportWindow.RagFilter(request.Rag), ReportWindow.Agency(request.AgencyId));
    }

    public static Backlog ToMessage(Reporting.BacklogSnapshot snapshot) => new()
    {
        AsOf = Timestamp.FromDateTimeOffset(snapshot.SlotAt),
        Counts = { snapshot.Counts.Select(ToMessage) },
    };

    public static BacklogSeries ToMessage(IEnumerable<Reporting.BacklogSnapshot> snapshots) => new()
    {
        Snapshots =
        {
            snapshots.Select(snapshot => new Contracts.Timeliness.V1.BacklogSnapshot
            {
                SlotAt = Timestamp.FromDateTimeOffset(snapshot.SlotAt),
                TakenAt = snapshot.TakenAt is { } takenAt ? Timestamp.FromDateTimeOffset(takenAt) : null,
                Counts = { snapshot.Counts.Select(ToMessage) },
            }),
        },
    };

    private static Contracts.Timeliness.V1.BacklogCount ToMessage(Reporting.BacklogCount count) => new()
    {
        Rag = count.Rag,
        AgeFrom = Duration.FromTimeSpan(count.AgeFrom),
        AgeTo = count.AgeTo is { } ageTo ? Duration.FromTimeSpan(ageTo) : null,
        AgencyId = count.AgencyId,
        Open = count.Open,
    };
}
