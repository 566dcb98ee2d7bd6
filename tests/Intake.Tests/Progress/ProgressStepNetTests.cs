using Mash.Contracts.Intake.V1;
using Mash.Intake.Progress;

namespace Mash.Intake.Tests.Progress;

/// <summary>A batch's steps net to one a contact: the step applying them one by one in order would leave.</summary>
public sealed class ProgressStepNetTests
{
    private static readonly DateTimeOffset At = ProgressEvents.At;
    private static readonly string Contact = Guid.NewGuid().ToString();

    private static ProgressStep Step(ContactStatus status, int hour, string? outcome = null, int revision = 0) =>
        new(Contact, status, At.AddHours(hour), outcome, revision);

    private static ProgressStep NetOf(params ProgressStep[] steps) => Assert.Single(ProgressStep.Net(steps)).Value;

    [Fact]
    public void Steps_in_order_net_to_the_furthest()
    {
        var closed = Step(ContactStatus.Closed, 3, "advice");

        Assert.Equal(closed, NetOf(Step(ContactStatus.InTriage, 1), Step(ContactStatus.Decided, 2), closed));
    }

    [Fact]
    public void Steps_out_of_order_net_to_the_furthest_and_a_late_lower_one_changes_nothing()
    {
        var decided = Step(ContactStatus.Decided, 2);

        Assert.Equal(decided, NetOf(decided, Step(ContactStatus.InTriage, 1), Step(ContactStatus.Received, 0)));
    }

    [Fact]
    public void The_same_status_again_keeps_the_first_step_that_reached_it()
    {
        var first = Step(ContactStatus.InTriage, 1);

        Assert.Equal(first, NetOf(first, Step(ContactStatus.InTriage, 2), first));
    }

    [Fact]
    public void A_later_revision_corrects_the_outcome_and_an_earlier_or_equal_one_does_not()
    {
        var correction = Step(ContactStatus.Closed, 4, "early-help", revision: 2);

        Assert.Equal(correction, NetOf(
            Step(ContactStatus.Closed, 2, "strategy-discussion", revision: 1), correction,
            Step(ContactStatus.Closed, 5, "advice", revision: 1), Step(ContactStatus.Closed, 6, "nfa", revision: 2)));
    }

    [Fact]
    public void An_outcome_without_a_revision_is_the_first_and_only_a_closed_step_has_one()
    {
        Assert.Equal(1, Step(ContactStatus.Closed, 0, "advice").OutcomeRevision);
        Assert.Equal(0, Step(ContactStatus.Decided, 0, revision: 3).OutcomeRevision);
    }

    [Fact]
    public void Each_contact_nets_on_its_own_and_a_malformed_id_is_left_out()
    {
        var other = Guid.NewGuid();
        var mine = Step(ContactStatus.Decided, 2);
        var theirs = new ProgressStep(other.ToString("N").ToUpperInvariant(), ContactStatus.InTriage, At);

        var net = ProgressStep.Net([new("not-a-uuid", ContactStatus.Closed, At), mine, theirs, Step(ContactStatus.InTriage, 1),
            new(other.ToString(), ContactStatus.InTriage, At.AddHours(1))]);

        Assert.Equal(new Dictionary<Guid, ProgressStep> { [Guid.Parse(Contact)] = mine, [other] = theirs }, net);
    }
}
