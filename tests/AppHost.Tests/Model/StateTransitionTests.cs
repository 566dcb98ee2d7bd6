using Microsoft.Extensions.Diagnostics.HealthChecks;
using static Mash.Hosting.ApplicationModel.KnownResourceStates;

namespace AppHost.Tests.Model;

public sealed class StateTransitionTests
{
    [Fact]
    public void The_states_are_Aspires()
    {
        Assert.Equal(["NotStarted", "Waiting", "Starting", "Running", "RuntimeUnhealthy", "FailedToStart", "Stopping", "Exited", "Finished"], All);
    }

    [Theory]
    [InlineData(NotStarted, Waiting)]
    [InlineData(Waiting, Starting)]
    [InlineData(Starting, Running)]
    [InlineData(Running, Exited)]      // a crash
    [InlineData(Exited, Starting)]     // its restart
    [InlineData(Running, Stopping)]
    [InlineData(Stopping, Exited)]
    [InlineData(Running, Finished)]    // exit code 0
    [InlineData(Starting, FailedToStart)]
    [InlineData(Waiting, FailedToStart)] // a dependency failed
    [InlineData(NotStarted, RuntimeUnhealthy)]
    [InlineData(Running, Running)]     // health changes keep the state
    public void Allowed(string from, string to) => Assert.True(ResourceStateTransitions.IsAllowed(from, to));

    [Theory]
    [InlineData(NotStarted, Running)]
    [InlineData(Running, Starting)]
    [InlineData(FailedToStart, Starting)]
    [InlineData(Finished, Starting)]
    [InlineData(Stopping, Running)]
    [InlineData(Exited, Running)]
    public void Refused(string from, string to) => Assert.False(ResourceStateTransitions.IsAllowed(from, to));

    [Fact]
    public void An_illegal_update_throws_and_leaves_the_snapshot_alone()
    {
        var notifications = NotificationsWith("x");

        Assert.Throws<InvalidOperationException>(() => notifications.PublishUpdate("x", s => s with { State = Running }));
        Assert.Equal(NotStarted, notifications.Get("x").State);
    }

    [Fact]
    public async Task Healthy_means_Running_and_if_checked_Healthy()
    {
        var notifications = NotificationsWith("x");
        var up = notifications.WaitForResourceHealthyAsync("x");

        notifications.PublishUpdate("x", s => s with { State = Starting });
        notifications.PublishUpdate("x", s => s with { State = Running, HealthStatus = HealthStatus.Unhealthy });
        Assert.False(up.IsCompleted);
        notifications.PublishUpdate("x", s => s with { HealthStatus = HealthStatus.Healthy });

        Assert.Equal(Running, (await up.WaitAsync(TimeSpan.FromSeconds(5))).State);
    }

    [Fact]
    public async Task Waiting_on_a_resource_that_failed_throws()
    {
        var notifications = NotificationsWith("x");
        var up = notifications.WaitForResourceHealthyAsync("x");

        notifications.PublishUpdate("x", s => s with { State = FailedToStart, Message = "boom" });

        var e = await Assert.ThrowsAsync<DistributedApplicationException>(() => up.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Contains("boom", e.Message);
    }

    private static ResourceNotificationService NotificationsWith(string name)
    {
        var notifications = new ResourceNotificationService();
        notifications.Register(new ResourceSnapshot { Name = name, ResourceType = "Test", HasHealthCheck = true });
        return notifications;
    }
}
