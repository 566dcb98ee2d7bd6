using Google.Rpc;
using Grpc.Core;

namespace Mash.ServiceDefaults.Tests;

/// <summary>
/// An importer's many-steps-a-call RPCs (<see cref="ImportSteps"/>): each step taken in order, its own
/// RPC's refusal its result, the service's own failure the end of the call.
/// </summary>
public sealed class ImportStepsTests
{
    /// <summary>Takes each step as "taken": records it and answers its id, or throws what the test has it throw.</summary>
    private sealed class Taker(Func<string, Exception?>? refuse = null)
    {
        public List<string> Taken { get; } = [];

        public async Task<string> TakeAsync(string step)
        {
            await Task.Yield();
            Taken.Add(step);
            return refuse?.Invoke(step) is { } refused ? throw refused : $"id-of-{step}";
        }
    }

    /// <summary>Each step its own record, so one round; each step taken in turn, answered by <see cref="ImportSteps.ResultOfAsync"/>.</summary>
    private static Task<Mash.Contracts.Common.V1.ImportStepResults> TakeAsync(IReadOnlyList<string> steps, Func<string, Task<string>> take, CancellationToken cancellationToken = default) =>
        ImportSteps.TakeInRoundsAsync(steps, step => step, async round =>
        {
            var results = new List<Mash.Contracts.Common.V1.ImportStepResult>();
            foreach (var step in round)
            {
                results.Add(await ImportSteps.ResultOfAsync(() => take(step)));
            }
            return results;
        }, cancellationToken);

    private static Task<Mash.Contracts.Common.V1.ImportStepResults> TakeAsync(IReadOnlyList<string> steps, Taker taker, CancellationToken cancellationToken = default) =>
        TakeAsync(steps, taker.TakeAsync, cancellationToken);

    [Fact]
    public async Task Every_step_is_taken_in_the_requests_order_and_answered_in_it()
    {
        var taker = new Taker();

        var answered = await TakeAsync(["first", "second", "third"], taker);

        Assert.Equal(["first", "second", "third"], taker.Taken);
        Assert.Equal(["id-of-first", "id-of-second", "id-of-third"], answered.Results.Select(r => r.RecordId));
        Assert.All(answered.Results, r => Assert.Equal((0, ""), (r.Code, r.Message)));
    }

    [Fact]
    public async Task A_step_that_makes_nothing_with_an_id_is_answered_ok_with_an_empty_record_id()
    {
        var answered = await TakeAsync(["rating"], _ => Task.FromResult(""));

        Assert.Equal((0, "", ""), (answered.Results.Single().Code, answered.Results.Single().Message, answered.Results.Single().RecordId));
    }

    [Fact]
    public async Task A_refused_step_is_answered_with_its_status_and_message_and_the_later_steps_are_still_taken()
    {
        var taker = new Taker(step => step switch
        {
            "unknown" => RpcErrors.NotFound("No contact c-9 in the triage queue."),
            "decided" => RpcErrors.FailedPrecondition("Contact c-1 is already decided."),
            "malformed" => RpcErrors.InvalidArgument("contact_id", "must be a UUID"),
            _ => null,
        });

        var answered = await TakeAsync(["unknown", "fine", "decided", "malformed", "last"], taker);

        Assert.Equal(["unknown", "fine", "decided", "malformed", "last"], taker.Taken);
        Assert.Equal(
            [
                ((int)StatusCode.NotFound, "No contact c-9 in the triage queue.", ""),
                (0, "", "id-of-fine"),
                ((int)StatusCode.FailedPrecondition, "Contact c-1 is already decided.", ""),
                ((int)StatusCode.InvalidArgument, "contact_id: must be a UUID", ""),
                (0, "", "id-of-last"),
            ],
            answered.Results.Select(r => (r.Code, r.Message, r.RecordId)));
    }

    [Fact]
    public async Task No_steps_is_an_empty_answer()
    {
        var taker = new Taker();

        Assert.Empty((await TakeAsync([], taker)).Results);
        Assert.Empty(taker.Taken);
    }

    [Fact]
    public async Task As_many_steps_as_allowed_are_all_taken()
    {
        var taker = new Taker();
        var steps = Enumerable.Range(0, ImportSteps.MaxPerCall).Select(i => $"s{i}").ToList();

        var answered = await TakeAsync(steps, taker);

        Assert.Equal(steps, taker.Taken);
        Assert.Equal(ImportSteps.MaxPerCall, answered.Results.Count);
    }

    [Fact]
    public async Task More_steps_than_allowed_is_an_invalid_argument_naming_steps_and_takes_none()
    {
        var taker = new Taker();
        var steps = Enumerable.Range(0, ImportSteps.MaxPerCall + 1).Select(i => $"s{i}").ToList();

        var refused = await Assert.ThrowsAsync<RpcException>(() => TakeAsync(steps, taker));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var violation = Assert.Single(Assert.Single(refused.GetRpcStatus()!.Details).Unpack<BadRequest>().FieldViolations);
        Assert.Equal("steps", violation.Field);
        Assert.Contains($"{ImportSteps.MaxPerCall + 1}", violation.Description, StringComparison.Ordinal);
        Assert.Empty(taker.Taken);
    }

    [Fact]
    public async Task A_failure_that_is_not_a_status_ends_the_call_leaving_the_later_steps_untaken()
    {
        var outage = new InvalidOperationException("the database is unreachable");
        var taker = new Taker(step => step == "second" ? outage : null);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => TakeAsync(["first", "second", "third"], taker));

        Assert.Same(outage, thrown);
        Assert.Equal(["first", "second"], taker.Taken);
    }

    [Fact]
    public async Task A_cancelled_step_ends_the_call_rather_than_becoming_a_result()
    {
        var taker = new Taker(step => step == "second" ? new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "the client went away")) : null);

        var thrown = await Assert.ThrowsAsync<RpcException>(() => TakeAsync(["first", "second", "third"], taker));

        Assert.Equal(StatusCode.Cancelled, thrown.StatusCode);
        Assert.Equal(["first", "second"], taker.Taken);
    }
}
