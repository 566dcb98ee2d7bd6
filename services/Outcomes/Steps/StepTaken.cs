using Mash.Outcomes.Feedback;
using Mash.Outcomes.Recording;

namespace Mash.Outcomes.Steps;

/// <summary>What became of a <see cref="ContactStep"/>: its RPC's result.</summary>
internal abstract record StepTaken
{
    private StepTaken() { }

    public sealed record Outcome(RecordOutcomeResult Result) : StepTaken;

    public sealed record Telling(RecordFeedbackResult Result) : StepTaken;
}
