using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Tests.Infrastructure;
using static Mash.Quality.Tests.Registers.RegistersHost;
using static Mash.Quality.Tests.Registers.RequestRulesTests;

namespace Mash.Quality.Tests.Registers;

/// <summary>The learning log (Q6) and the rolling reports schedule (Q8) over gRPC and PostgreSQL, on 12 May 2025.</summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class LearningRegisterTests(QualityDatabase database) : IAsyncLifetime
{
    private RegistersHost host = null!;

    public async Task InitializeAsync() => host = await StartAsync(await database.CreateDatabaseAsync());

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static AddLearningRequest TwoActions()
    {
        var request = Learning();
        request.Actions[0].TargetOn = Day(2025, 5, 1);
        request.Actions.Add(new NewLearningAction { Action = "Audit use of tools in assessments", Owner = "MA audit group", TargetOn = Day(2025, 6, 30) });
        return request;
    }

    // Asked four weeks before it is due and reminded two weeks before, as Calderdale's schedule does.
    private static ScheduleReportRequest Report(string report, CalendarDay dueOn)
    {
        var due = new DateOnly(dueOn.Year, dueOn.Month, dueOn.Day);
        return new()
        {
            RequestId = Guid.NewGuid().ToString(), Report = report, DueOn = dueOn, DueTo = "CSCB", Lead = "Named lead", Rationale = "Annual report",
            BusinessPlanLink = "P5", RequestOn = Of(due.AddDays(-28)), ReminderOn = Of(due.AddDays(-14)),
        };
    }

    private static CalendarDay Of(DateOnly day) => Day(day.Year, day.Month, day.Day);

    [Fact]
    public async Task A_lesson_keeps_its_actions_and_an_action_takes_its_evidence_impact_and_completion()
    {
        var added = await host.Client.AddLearningAsync(TwoActions(), QualityLead);
        var actions = (await host.Client.ListLearningAsync(new ListRegisterRequest(), BoardMember)).Entries.Single(e => e.Id == added.Id).Actions;

        var updated = await host.Client.UpdateLearningActionAsync(new UpdateLearningActionRequest
        {
            ActionId = actions[0].Id, Evidence = "Tools table updated", Impact = "Tools used in assessments", CompletedOn = Day(2025, 5, 10),
        }, QualityLead);

        Assert.Equal(["Update the tools table", "Audit use of tools in assessments"], actions.Select(a => a.Action));
        Assert.Equal(("Tools table updated", "Tools used in assessments", 10), (updated.Evidence, updated.Impact, updated.CompletedOn.Day));
        var listed = (await host.Client.ListLearningAsync(new ListRegisterRequest(), BoardMember)).Entries.Single();
        Assert.Equal(("serious-case-review", "SCR 2014/03", "Tools table updated"), (listed.SourceType, listed.Source, listed.Actions[0].Evidence));
    }

    [Fact]
    public async Task Learning_actions_due_complete_and_overdue_are_counted_for_the_board()
    {
        await host.Client.AddLearningAsync(TwoActions(), QualityLead);
        await host.Client.AddLearningAsync(TwoActions(), QualityLead);
        var first = (await host.Client.ListLearningAsync(new ListRegisterRequest(), BoardMember)).Entries[0].Actions[0];
        await host.Client.UpdateLearningActionAsync(new UpdateLearningActionRequest { ActionId = first.Id, CompletedOn = Day(2025, 5, 2) }, QualityLead);

        var learning = (await host.Client.GetRegisterSummaryAsync(new GetRegisterSummaryRequest(), BoardMember)).Learning;

        // Four actions due in Q1; one done on 2 May; the other due 1 May is overdue on 12 May; three still open.
        Assert.Equal((4L, 1L, 1L, 3L), (learning.Due, learning.Completed, learning.Overdue, learning.Open));
    }

    [Fact]
    public async Task A_retried_lesson_is_stored_once_with_its_actions_once()
    {
        var lesson = TwoActions();

        var first = await host.Client.AddLearningAsync(lesson, QualityLead);
        var retry = await host.Client.AddLearningAsync(lesson, QualityLead);

        Assert.Equal(first.Id, retry.Id);
        Assert.Equal((1L, 2L), (await host.CountAsync("learning_entries"), await host.CountAsync("learning_actions")));
    }

    [Fact]
    public async Task Updating_an_action_that_does_not_exist_is_NOT_FOUND()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Client.UpdateLearningActionAsync(new UpdateLearningActionRequest { ActionId = Guid.NewGuid().ToString() }, QualityLead));

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task A_lesson_without_actions_is_INVALID_ARGUMENT_naming_actions_and_stores_nothing()
    {
        var lesson = Learning();
        lesson.Actions.Clear();

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.AddLearningAsync(lesson, QualityLead));

        Assert.Equal(["actions"], refused.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Equal(0L, await host.CountAsync("learning_entries"));
    }

    [Fact]
    public async Task The_schedule_lists_reports_by_due_day_with_their_request_and_reminder_days_and_progress()
    {
        var lado = await host.Client.ScheduleReportAsync(Report("LADO", Day(2025, 6, 4)), QualityLead);
        await host.Client.ScheduleReportAsync(Report("CSCB Update", Day(2025, 5, 19)), QualityLead);

        var updated = await host.Client.UpdateReportProgressAsync(new UpdateReportProgressRequest { ReportId = lado.Id, Progress = "amber", Comment = "Deferred to August" }, Manager);
        var listed = (await host.Client.ListScheduledReportsAsync(new ListRegisterRequest(), BoardMember)).Reports;

        Assert.Equal(("amber", "Deferred to August"), (updated.Progress, updated.Comment));
        Assert.Equal([("CSCB Update", 19, ""), ("LADO", 4, "amber")], listed.Select(r => (r.Report, r.DueOn.Day, r.Progress)));
        Assert.Equal((7, 21, "P5"), (listed[1].RequestOn.Day, listed[1].ReminderOn.Day, listed[1].BusinessPlanLink));
    }

    [Fact]
    public async Task Reports_due_delivered_and_overdue_are_counted_for_the_board()
    {
        var april = await host.Client.ScheduleReportAsync(Report("MA Training", Day(2025, 4, 28)), QualityLead);
        await host.Client.ScheduleReportAsync(Report("LADO", Day(2025, 5, 7)), QualityLead);
        await host.Client.ScheduleReportAsync(Report("Annual report", Day(2025, 10, 1)), QualityLead);
        await host.Client.UpdateReportProgressAsync(new UpdateReportProgressRequest { ReportId = april.Id, Progress = "green", DeliveredOn = Day(2025, 4, 27) }, QualityLead);

        var reports = (await host.Client.GetRegisterSummaryAsync(new GetRegisterSummaryRequest(), BoardMember)).Reports;

        // Due in Q1: April's (delivered, green) and LADO (7 May, not delivered, so overdue on 12 May).
        Assert.Equal((2L, 1L, 1L), (reports.Due, reports.Delivered, reports.Overdue));
        Assert.Equal(new Dictionary<string, long> { [""] = 1, ["green"] = 1 }, reports.Progress);
    }

    [Fact]
    public async Task A_retried_report_is_scheduled_once()
    {
        var report = Report("LADO", Day(2025, 6, 4));

        var first = await host.Client.ScheduleReportAsync(report, QualityLead);
        var retry = await host.Client.ScheduleReportAsync(report, QualityLead);

        Assert.Equal(first.Id, retry.Id);
        Assert.Equal(1L, await host.CountAsync("scheduled_reports"));
    }

    [Fact]
    public async Task A_reminder_after_the_due_day_is_INVALID_ARGUMENT_naming_reminder_on_and_stores_nothing()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Client.ScheduleReportAsync(new ScheduleReportRequest(Report("LADO", Day(2025, 6, 4))) { ReminderOn = Day(2025, 6, 5) }, QualityLead));

        Assert.Equal(["reminder_on"], refused.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Equal(0L, await host.CountAsync("scheduled_reports"));
    }
}
