using Mash.Intake.Returns;
using Mash.Intake.Returns.Files;
using Mash.Intake.Returns.Layouts;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Tests.Progress;
using Mash.ServiceDefaults;

namespace Mash.Intake.Tests.Returns;

/// <summary>Each return's rows for a hand-made history (<see cref="ReturnHistory"/>), read from PostgreSQL as Intake holds it.</summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class ReturnRecordsTests(IntakeDatabase database) : IAsyncLifetime
{
    private const string Method = "/mash.intake.v1.ReturnsService/ExportReturn";
    private readonly IntakeUnderTest intake = new(database);
    private readonly Caller manager = new($"mgr-{Guid.NewGuid():N}", "A manager", [MashRoles.Manager], null);
    private ReturnHistory history = null!;

    public async Task InitializeAsync() => history = await ReturnHistory.StoreAsync(intake, new ProgressEvents(database.DataSource));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task List_1_has_a_row_per_child_per_contact_received_in_the_year_in_order()
    {
        var rows = await RowsAsync(new AnnexAList1());

        Assert.Equal<IEnumerable<string>>(
        [
            [history.ChildBId, "a) Male", "NOBT", "01/01/2019", "0", "01/04/2019", "1A"],
            [history.ChildAId, "b) Female", "WBRI", "20/05/2012", "7", "01/06/2019", "2A"],
            [history.ChildAId, "b) Female", "WBRI", "20/05/2012", "7", "01/09/2019", "3A"],
            [history.ChildAId, "b) Female", "WBRI", "20/05/2012", "7", "01/12/2019", "6"],
            [history.ChildAId, "b) Female", "WBRI", "20/05/2012", "7", "10/01/2020", "6"],
            [history.ChildBId, "a) Male", "NOBT", "01/01/2019", "1", "31/03/2020", "1A"],
        ], rows);
    }

    [Fact]
    public async Task List_3_counts_each_referral_s_earlier_referrals_within_12_months_and_not_the_one_before_them()
    {
        var rows = await RowsAsync(new AnnexAList3());

        Assert.Equal<IEnumerable<string>>(
        [
            [history.ChildAId, "b) Female", "WBRI", "", "20/05/2012", "7", "02/06/2019", "2A", "Yes", "0"],
            [history.ChildAId, "b) Female", "WBRI", "", "20/05/2012", "7", "02/09/2019", "3A", "", "1"],
            [history.ChildAId, "b) Female", "WBRI", "", "20/05/2012", "7", "11/01/2020", "6", "No", "2"],
        ], rows);
    }

    [Fact]
    public async Task The_CIN_census_items_are_the_same_referrals()
    {
        var rows = await RowsAsync(new CinReferrals());

        Assert.Equal(["2019-06-02", "2019-09-02", "2020-01-11"], rows.Select(r => r[7]));
        Assert.Equal(["true", "", "false"], rows.Select(r => r[10]));
        Assert.All(rows, r => Assert.Equal((history.ChildAId, "2012-05-20", "2", "WBRI"), (r[0], r[2], r[4], r[5])));
    }

    [Fact]
    public async Task The_earlier_referrals_follow_the_configured_window()
    {
        intake.Repeats = new(new Mash.Intake.Repeats.RepeatWindow(5, 0), 50);

        var rows = await RowsAsync(new AnnexAList3());

        Assert.Equal(["0", "1", "1"], rows.Select(r => r[9]));
    }

    [Fact]
    public async Task Each_contact_in_the_return_is_audited_once_as_read_by_the_caller()
    {
        await RowsAsync(new AnnexAList1());

        foreach (var contactId in history.ContactsInTheYear)
        {
            Assert.Equal(1, await database.CountAsync(
                "SELECT count(*) FROM audit_log WHERE record_id = $1 AND actor_id = $2 AND action = $3 AND outcome = 'allowed' AND roles = $4",
                contactId.ToString(), manager.Id, Method, new[] { MashRoles.Manager }));
        }
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM audit_log WHERE actor_id = $1 AND record_id = ANY($2)",
            manager.Id, new[] { history.Referral2018, history.BeforeStart, history.AfterEnd }.Select(c => c.ContactId.ToString()).ToArray()));
    }

    /// <summary>The return's rows for the history's children (the database is shared with other tests' contacts).</summary>
    private async Task<List<List<string>>> RowsAsync(IReturnLayout layout)
    {
        var document = await intake.Returns.ExportAsync(layout, new CsvReturnFile(), new(ReturnHistory.From, ReturnHistory.To), manager, Method, CancellationToken.None);
        var rows = ReturnSheets.ReadCsv(document.Content);
        Assert.Equal(layout.Headers, rows[0]);
        Assert.Equal(rows.Count - 1, document.Rows);
        return [.. rows.Skip(1).Where(r => r[0] == history.ChildAId || r[0] == history.ChildBId)];
    }
}
