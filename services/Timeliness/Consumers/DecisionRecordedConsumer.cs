using Mash.Contracts.Events.V1;
using Mash.Timeliness.Clocks;
using MassTransit;

namespace Mash.Timeliness.Consumers;

/// <summary>Stops the clock at the decision (once start and rating are known too) and announces DecisionTimed.</summary>
internal sealed class DecisionRecordedConsumer(ClockRecorder recorder) : IConsumer<DecisionRecorded>
{
    // The inbox key: stable, so renaming the class never makes old events look new.
    private const string InboxName = "timeliness.decision-recorded";

    public Task Consume(ConsumeContext<DecisionRecorded> context) =>
        recorder.RecordAsync(InboxName, ClockEvent.From(context.Message), context.CancellationToken);
}
