using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Tests.Progress;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;

namespace Mash.Intake.Tests.Returns;

/// <summary>
/// ReturnsService.ExportReturn as a manager's tool calls it: a real Kestrel server with the platform's
/// authentication, staff tokens, Grpc.Net.Client, and the file put back together from its chunks.
/// </summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class ExportReturnOverTheWireTests(IntakeDatabase database) : IAsyncLifetime
{
    private const string PoliceToken = "police-west-token-for-the-returns-test-0123456789";
    private const string Method = "/mash.intake.v1.ReturnsService/ExportReturn";
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly IntakeUnderTest intake = new(database);
    private IntakeServer? server;
    private ReturnHistory history = null!;

    public async Task InitializeAsync()
    {
        history = await ReturnHistory.StoreAsync(intake, new ProgressEvents(database.DataSource));
        server = await IntakeServer.StartAsync(intake, new Dictionary<string, string> { ["police-west"] = PoliceToken });
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private ReturnsService.ReturnsServiceClient Client => new(server!.Channel);

    private static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    public static TheoryData<StatutoryReturn> Returns => [StatutoryReturn.AnnexAList1, StatutoryReturn.AnnexAList3, StatutoryReturn.CinReferrals];

    [Theory]
    [MemberData(nameof(Returns))]
    public async Task A_manager_downloads_a_return_as_CSV_and_as_XLSX_holding_the_same_cells(StatutoryReturn statutoryReturn)
    {
        var token = TestTokens.For("mgr-1", MashRoles.Manager);

        var csv = await DownloadAsync(ReturnRequests.For(statutoryReturn, ReturnHistory.From, ReturnHistory.To, ReturnFormat.Csv), token);
        var xlsx = await DownloadAsync(ReturnRequests.For(statutoryReturn, ReturnHistory.From, ReturnHistory.To, ReturnFormat.Xlsx), token);

        var csvRows = ReturnSheets.ReadCsv(csv.Content);
        Assert.Equal<IEnumerable<string>>(csvRows, ReturnSheets.ReadXlsx(xlsx.Content));
        Assert.Contains(csvRows, row => row[0] == history.ChildAId);
        Assert.Equal((csvRows.Count - 1, csvRows.Count - 1), (csv.Rows, xlsx.Rows));
        Assert.Equal("text/csv; charset=utf-8", csv.ContentType);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.ContentType);
        Assert.EndsWith("_2019-04-01_2020-03-31.xlsx", xlsx.FileName);
    }

    [Fact]
    public async Task A_quality_lead_downloads_List_3_and_each_contact_in_it_is_audited_as_read_by_them()
    {
        var lead = $"ql-{Guid.NewGuid():N}";

        var csv = await DownloadAsync(ReturnRequests.For(StatutoryReturn.AnnexAList3, ReturnHistory.From, ReturnHistory.To), TestTokens.For(lead, MashRoles.QualityLead));

        Assert.Contains(ReturnSheets.ReadCsv(csv.Content), row => row[0] == history.ChildAId && row[9] == "2");
        foreach (var referral in new[] { history.ReferralJune, history.ReferralSeptember, history.ReferralJanuary })
        {
            Assert.Equal(1, await database.CountAsync(
                "SELECT count(*) FROM audit_log WHERE record_id = $1 AND actor_id = $2 AND action = $3 AND outcome = 'allowed'",
                referral.ContactId.ToString(), lead, Method));
        }
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM audit_log WHERE record_id = $1 AND actor_id = $2", history.NotReferred.ContactId.ToString(), lead));
    }

    public static TheoryData<string> RefusedRoles => [MashRoles.Practitioner, MashRoles.BoardMember, MashRoles.Operations, MashRoles.Importer];

    [Theory]
    [MemberData(nameof(RefusedRoles))]
    public async Task Other_staff_are_PERMISSION_DENIED_naming_the_roles_that_may_and_read_nothing(string role)
    {
        var subject = $"staff-{Guid.NewGuid():N}";

        var refused = await Assert.ThrowsAsync<RpcException>(() => DownloadAsync(ReturnRequests.Valid(), TestTokens.For(subject, role)));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains(MashRoles.Manager, refused.Status.Detail);
        Assert.Contains(MashRoles.QualityLead, refused.Status.Detail);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM audit_log WHERE actor_id = $1 AND outcome = 'allowed'", subject));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM audit_log WHERE actor_id = $1 AND outcome = 'denied'", subject));
    }

    [Fact]
    public async Task An_agency_is_PERMISSION_DENIED()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => DownloadAsync(ReturnRequests.Valid(), PoliceToken));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    public static TheoryData<ExportReturnRequest, string> BadRequests => new()
    {
        { Without(r => { r.From = null; r.To = null; }), "from" },
        { ReturnRequests.For(StatutoryReturn.AnnexAList1, new(2025, 4, 1), new(2024, 4, 1)), "to" },
        { ReturnRequests.For(StatutoryReturn.AnnexAList1, new(2020, 4, 1), new(2025, 4, 1)), "to" },
        { Without(r => r.StatutoryReturn = (StatutoryReturn)42), "statutory_return" },
        { Without(r => r.Format = ReturnFormat.Unspecified), "format" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_INVALID_ARGUMENT_naming_the_field_and_reads_nothing(ExportReturnRequest request, string field)
    {
        var subject = $"mgr-{Guid.NewGuid():N}";

        var refused = await Assert.ThrowsAsync<RpcException>(() => DownloadAsync(request, TestTokens.For(subject, MashRoles.Manager)));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains(field, Assert.Single(refused.GetRpcStatus()!.Details).Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Contains(field, refused.Status.Detail);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM audit_log WHERE actor_id = $1", subject));
    }

    private static ExportReturnRequest Without(Action<ExportReturnRequest> change)
    {
        var request = ReturnRequests.Valid();
        change(request);
        return request;
    }

    /// <summary>The file as a client saves it: the first chunk's name and type, every chunk's bytes in order.</summary>
    private async Task<(string FileName, string ContentType, int Rows, byte[] Content)> DownloadAsync(ExportReturnRequest request, string token)
    {
        using var call = Client.ExportReturn(request, Bearer(token));
        var content = new MemoryStream();
        ReturnChunk? first = null;
        await foreach (var chunk in call.ResponseStream.ReadAllAsync().WithCancellation(new CancellationTokenSource(HangGuard).Token))
        {
            first ??= chunk;
            chunk.Data.WriteTo(content);
        }
        Assert.NotNull(first);
        return (first.FileName, first.ContentType, first.Rows, content.ToArray());
    }
}
