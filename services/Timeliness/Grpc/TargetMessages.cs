using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Timeliness.V1;
using Mash.Timeliness.Timing;

namespace Mash.Timeliness.Grpc;

internal static class TargetMessages
{
    public static Targets ToTargets(IReadOnlyDictionary<Rag, Target> targets, IReadOnlyDictionary<Rag, string> labels) => new()
    {
        Targets_ = { targets.OrderBy(t => t.Key).Select(t => Labelled(ToRagTarget(t.Key, t.Value), labels[t.Key])) },
    };

    private static RagTarget Labelled(RagTarget target, string label)
    {
        target.Label = label;
        return target;
    }

    private static RagTarget ToRagTarget(Rag rag, Target target) => target switch
    {
        Target.Elapsed elapsed => new RagTarget { Rag = rag, Elapsed = Duration.FromTimeSpan(elapsed.Time) },
        Target.WorkingDays working => new RagTarget { Rag = rag, WorkingDays = working.Days },
        Target.None => new RagTarget { Rag = rag, NoTarget = true },
        _ => throw new InvalidOperationException($"Unknown kind of target {target}."),
    };
}
