using Mash.Contracts.Common.V1;

namespace Mash.Timeliness.Alerts;

/// <summary>Which alerts a watcher wants: each empty list lets every value through.</summary>
internal sealed record AlertFilter(IReadOnlyList<Rag> Rags, IReadOnlyList<string> AgencyIds, IReadOnlyList<string> Teams)
{
    public static AlertFilter Everything { get; } = new([], [], []);
}
