using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;
using Mash.Timeliness.Clocks;
using MassTransit;

namespace Mash.Timeliness.Consumers;

/// <summary>Stops each clock at its decision (once start and rating are known too) and announces DecisionTimed, a batch at a time.</summary>
internal sealed class DecisionRecordedConsumer(ClockRecorder recorder) : IConsumer<EventBatch<DecisionRecorded>>
{
    // The inbox key: stable, so renaming the class never makes old events look new.
    private const string InboxName = "timeliness.decision-recorded";

    public Task Consume(ConsumeContext<EventBatch<DecisionRecorded>> context) =>
        context.ApplyAsync((message, traceParent) => ClockEvent.From(message) with { TraceParent = traceParent },
            batch => recorder.RecordAsync(InboxName, batch, context.CancellationToken));
}
