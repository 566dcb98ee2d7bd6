using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Importer.Replay;

namespace Mash.Importer.Tests;

public sealed class StepBatcherTests
{
    /// <summary>A service answering each step "made-&lt;step&gt;", or refusing a negative one NOT_FOUND; it records each call's steps.</summary>
    private sealed class Service
    {
        public List<IReadOnlyList<int>> Calls { get; } = [];

        public TaskCompletionSource Open { get; } = new();

        public async Task<ImportStepResults> SendAsync(IReadOnlyList<int> steps, CancellationToken cancellationToken)
        {
            lock (Calls)
            {
                Calls.Add(steps);
            }
            await Open.Task.WaitAsync(cancellationToken);
            return new ImportStepResults
            {
                Results =
                {
                    steps.Select(s => s >= 0
                        ? new ImportStepResult { RecordId = $"made-{s}" }
                        : new ImportStepResult { Code = (int)StatusCode.NotFound, Message = $"no {s} yet" }),
                },
            };
        }
    }

    private static async Task<T> Running<T>(StepBatcher<int> batcher, Func<Task<T>> steps)
    {
        var running = batcher.RunAsync(CancellationToken.None);
        var answers = await steps();
        batcher.Complete();
        await running;
        return answers;
    }

    [Fact]
    public async Task Steps_sent_while_a_call_is_in_flight_travel_together_in_the_next_call()
    {
        var service = new Service();
        var batcher = new StepBatcher<int>(service.SendAsync, callsAtOnce: 1, stepsPerCall: 500);

        var answers = await Running(batcher, async () =>
        {
            var first = batcher.TakeAsync(0, CancellationToken.None);
            while (service.Calls.Count == 0)
            {
                await Task.Delay(10);
            }
            var rest = Enumerable.Range(1, 300).Select(s => batcher.TakeAsync(s, CancellationToken.None)).ToList();
            service.Open.SetResult();
            return await Task.WhenAll([first, .. rest]);
        });

        Assert.Equal([.. Enumerable.Range(0, 301).Select(s => $"made-{s}")], answers);
        Assert.Equal([1, 300], service.Calls.Select(c => c.Count));
    }

    [Fact]
    public async Task A_call_carries_at_most_its_steps_per_call()
    {
        var service = new Service();
        service.Open.SetResult();
        var batcher = new StepBatcher<int>(service.SendAsync, callsAtOnce: 1, stepsPerCall: 7);

        await Running(batcher, () => Task.WhenAll(Enumerable.Range(0, 50).Select(s => batcher.TakeAsync(s, CancellationToken.None))));

        Assert.All(service.Calls, c => Assert.InRange(c.Count, 1, 7));
        Assert.Equal(Enumerable.Range(0, 50), service.Calls.SelectMany(c => c).Order());
    }

    [Fact]
    public async Task A_refused_step_is_answered_with_its_own_status_and_the_others_with_theirs()
    {
        var service = new Service();
        service.Open.SetResult();
        var batcher = new StepBatcher<int>(service.SendAsync, callsAtOnce: 1, stepsPerCall: 500);

        var (refused, done) = await Running(batcher, async () =>
        {
            var refusedStep = batcher.TakeAsync(-4, CancellationToken.None);
            var doneStep = batcher.TakeAsync(5, CancellationToken.None);
            return (await Assert.ThrowsAsync<RpcException>(() => refusedStep), await doneStep);
        });

        Assert.Equal((StatusCode.NotFound, "no -4 yet", "made-5"), (refused.StatusCode, refused.Status.Detail, done));
    }

    [Fact]
    public async Task When_the_whole_call_fails_every_step_in_it_hears_that_failure()
    {
        var batcher = new StepBatcher<int>((_, _) => throw new RpcException(new Status(StatusCode.Unavailable, "restarting")), callsAtOnce: 1, stepsPerCall: 500);

        var failures = await Running(batcher, () => Task.WhenAll(Enumerable.Range(0, 3).Select(async s =>
            (await Assert.ThrowsAsync<RpcException>(() => batcher.TakeAsync(s, CancellationToken.None))).StatusCode)));

        Assert.All(failures, code => Assert.Equal(StatusCode.Unavailable, code));
    }

    [Fact]
    public async Task A_service_answering_fewer_steps_than_sent_leaves_none_waiting()
    {
        var batcher = new StepBatcher<int>((_, _) => Task.FromResult(new ImportStepResults()), callsAtOnce: 1, stepsPerCall: 500);

        var unanswered = await Running(batcher, () => Assert.ThrowsAsync<RpcException>(() => batcher.TakeAsync(1, CancellationToken.None)));

        Assert.Equal(StatusCode.Internal, unanswered.StatusCode);
    }
}
