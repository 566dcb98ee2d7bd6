using Mash.Quality.Periods;
using Mash.Quality.Registers;

namespace Mash.Quality.Tests.Registers;

/// <summary>The registers' counts, worked by hand over 2025/26 Q1 (April–June 2025, financial year).</summary>
public sealed class TallyTests
{
    private static readonly ReportingPeriod Q1 = ReportingPeriod.Quarter(new DateOnly(2025, 4, 1), 1, 4);

    private static DateOnly Day(int month, int day) => new(2025, month, day);

    [Fact]
    public void A_percent_is_to_one_decimal_place() => Assert.Equal(66.7, Shares.Percent(2, 3));

    [Fact]
    public void A_percent_of_nothing_has_no_value() => Assert.Null(Shares.Percent(0, 0));

    [Fact]
    public void A_running_period_is_judged_today() => Assert.Equal(Day(5, 12), JudgedOn.Of(Q1, Day(5, 12)));

    [Fact]
    public void A_past_period_is_judged_on_its_last_day() => Assert.Equal(Day(6, 30), JudgedOn.Of(Q1, Day(9, 1)));

    [Fact]
    public void An_action_completed_after_the_day_judged_was_still_open_then() => Assert.True(JudgedOn.IsOpen(Day(7, 2), Day(6, 30)));

    [Fact]
    public void An_action_due_the_day_judged_is_not_yet_overdue() => Assert.False(JudgedOn.IsOverdue(Day(6, 30), null, Day(6, 30)));

    [Fact]
    public void An_open_action_past_its_target_is_overdue() => Assert.True(JudgedOn.IsOverdue(Day(6, 29), null, Day(6, 30)));

    [Fact]
    public void Consent_not_needed_counts_neither_way()
    {
        var tally = new AuditTally("referral-quality", "police", 4, new Dictionary<string, long>(), Sought: 3, NotSought: 1);

        Assert.Equal(75.0, tally.SoughtPercent);
    }

    [Fact]
    public void Audits_fold_into_one_tally_per_kind_and_agency_with_their_grades()
    {
        var tallies = AuditTally.Fold([("referral-quality", "police", "good", 2, 2, 0), ("referral-quality", "police", "inadequate", 1, 0, 1), ("referral-quality", "school", "good", 1, 1, 0)]);

        Assert.Equal([("police", 3L, 2L, 1L), ("school", 1L, 1L, 0L)], tallies.Select(t => (t.AgencyId, t.Audits, t.Sought, t.NotSought)));
        Assert.Equal(new Dictionary<string, long> { ["good"] = 2, ["inadequate"] = 1 }, tallies[0].Grades);
    }

    [Fact]
    public void Every_agencys_survey_answers_add_up_to_the_total()
    {
        var total = SurveyTally.Total([new("police", 4, 3, 2), new("school", 1, 0, 1)]);

        Assert.Equal(("", 5L, 60.0, 60.0), (total.AgencyId, total.Responses, total.SatisfiedPercent, total.ConfidentPercent));
    }

    [Fact]
    public void Every_agencys_complaints_and_compliments_add_up_to_the_total() =>
        Assert.Equal(new FeedbackTally("", 3, 1), FeedbackTally.Total([new("police", 2, 0), new("health", 1, 1)]));

    [Fact]
    public void Learning_actions_are_due_completed_overdue_and_open_as_worked_by_hand()
    {
        // Due in Q1: the first three. Completed in Q1 by 12 May: the first (the fourth's completion, 20 May, is after the day judged).
        // Open on 12 May: all but the first. Overdue then: the second (target 1 May) and the fourth (target 1 March).
        var tally = LearningTally.Of([(Day(4, 10), Day(4, 9)), (Day(5, 1), null), (Day(6, 20), null), (Day(3, 1), Day(5, 20))], Q1, Day(5, 12));

        Assert.Equal(new LearningTally(Due: 3, Completed: 1, Overdue: 2, Open: 3), tally);
    }

    [Fact]
    public void Reports_are_due_delivered_and_overdue_with_their_progress_as_worked_by_hand()
    {
        // Due in Q1: 2 June (delivered 1 June, green) and 10 June (amber, not delivered); March's is overdue from last year.
        var tally = ReportTally.Of([(Day(6, 2), "green", Day(6, 1)), (Day(6, 10), "amber", null), (Day(3, 2), "", null), (Day(9, 1), "", null)], Q1, Day(6, 15));

        Assert.Equal((2L, 1L, 2L), (tally.Due, tally.Delivered, tally.Overdue));
        Assert.Equal(new Dictionary<string, long> { ["amber"] = 1, ["green"] = 1 }, tally.Progress);
    }
}
