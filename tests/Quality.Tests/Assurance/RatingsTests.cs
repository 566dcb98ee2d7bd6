using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Tests.Infrastructure;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Testing.Services;
using Npgsql;
using static Mash.Quality.Tests.Assurance.AssuranceFacts;

namespace Mash.Quality.Tests.Assurance;

/// <summary>
/// Calderdale's human step over a real gRPC port and PostgreSQL: the lead officer (a quality lead)
/// proposes T1's 2025/26 Q1 rating, the performance sub-group (a manager or board member) agrees it,
/// and the board reads both beside the computed judgement (T1: 50% against 80, falling: Unsafe).
/// </summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class RatingsTests(QualityDatabase database) : IAsyncLifetime
{
    private static readonly Timestamp InQ1 = Timestamp.FromDateTime(May);

    private NpgsqlDataSource dataSource = null!;
    private GrpcTestHost host = null!;

    private AssuranceService.AssuranceServiceClient Client => new(host.Channel);

    public async Task InitializeAsync()
    {
        dataSource = await database.CreateDatabaseAsync();
        await RecordAsync(dataSource);
        host = await QualityHost.StartAsync(dataSource, Catalogue, new FixedTime(May));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static Metadata As(string id, string role) => TestTokens.Bearer(TestTokens.Create(id, [role], name: $"Name of {id}"));

    private static ProposeRatingRequest Proposal(string rating, string narrative = "Two of four decisions late: the duty rota was short.") =>
        new() { RequestId = Guid.NewGuid().ToString(), Reference = "T1", AsOf = InQ1, Rating = rating, Narrative = narrative };

    private static AgreeRatingRequest Agreement(string rating) => new()
    {
        RequestId = Guid.NewGuid().ToString(), Reference = "T1", AsOf = InQ1, Rating = rating, Narrative = "Scrutinised: a trigger, the rota is fixed.", Minute = "PMSG 14.7.25 item 3",
    };

    [Fact]
    public async Task The_proposed_and_agreed_ratings_stand_beside_the_computed_judgement()
    {
        await Client.ProposeRatingAsync(Proposal("unsafe"), As("lead-1", MashRoles.QualityLead));
        await Client.AgreeRatingAsync(Agreement("trigger"), As("chair-1", MashRoles.Manager));

        var report = await Client.GetAssuranceAsync(new GetAssuranceRequest { AsOf = InQ1 }, As("board-1", MashRoles.BoardMember));

        var t1 = report.Indicators.Single(i => i.Reference == "T1");
        Assert.Equal(("unsafe", "unsafe", "trigger"), (t1.Assurance, t1.Proposed.Rating, t1.Agreed.Rating));
        Assert.Equal(("2025/26 Q1", "PMSG 14.7.25 item 3", 1), (t1.Agreed.Period, t1.Agreed.Minute, t1.Agreed.Revision));
        // Who is in the audited history, not in the board's report.
        Assert.Equal("", t1.Proposed.DecidedById + t1.Agreed.DecidedByName);
        Assert.Null(report.Indicators.Single(i => i.Reference == "O3").Proposed);
        var exceptions = await Client.GetExceptionReportAsync(new GetAssuranceRequest { AsOf = InQ1 }, As("board-1", MashRoles.BoardMember));
        Assert.Equal("trigger", exceptions.Indicators.Single(i => i.Reference == "T1").Agreed.Rating);
    }

    [Fact]
    public async Task Proposing_again_is_the_next_revision_and_the_history_keeps_who_when_and_why_and_is_audited()
    {
        var first = await Client.ProposeRatingAsync(Proposal("safe", "One bad week."), As("lead-1", MashRoles.QualityLead));
        await Client.ProposeRatingAsync(Proposal("unsafe", "Not one week: the whole quarter."), As("lead-2", MashRoles.QualityLead));
        await Client.AgreeRatingAsync(Agreement("unsafe"), As("board-1", MashRoles.BoardMember));

        var history = await Client.GetRatingHistoryAsync(new GetRatingHistoryRequest { Reference = "T1", AsOf = InQ1 }, As("board-2", MashRoles.BoardMember));

        Assert.Equal(
            [("proposed", 1, "safe", "One bad week.", "lead-1", "Name of lead-1"), ("proposed", 2, "unsafe", "Not one week: the whole quarter.", "lead-2", "Name of lead-2"),
             ("agreed", 1, "unsafe", "Scrutinised: a trigger, the rota is fixed.", "board-1", "Name of board-1")],
            history.Decisions.Select(d => (d.Stage, d.Revision, d.Rating, d.Narrative, d.DecidedById, d.DecidedByName)));
        Assert.Equal(May, first.DecidedAt.ToDateTime());
        var report = await Client.GetAssuranceAsync(new GetAssuranceRequest { AsOf = InQ1 }, As("board-1", MashRoles.BoardMember));
        Assert.Equal((2, "unsafe"), (report.Indicators.Single(i => i.Reference == "T1").Proposed.Revision, report.Indicators.Single(i => i.Reference == "T1").Proposed.Rating));
        Assert.Equal(1L, await CountAsync(dataSource,
            "SELECT count(*) FROM audit_log WHERE actor_id = 'board-2' AND action = '/mash.quality.v1.AssuranceService/GetRatingHistory' AND record_id = 'T1 2025/26 Q1' AND outcome = 'allowed'"));
    }

    [Fact]
    public async Task The_same_request_again_records_nothing_more_and_answers_the_same()
    {
        var proposal = Proposal("trigger");

        var first = await Client.ProposeRatingAsync(proposal, As("lead-1", MashRoles.QualityLead));
        var again = await Client.ProposeRatingAsync(proposal, As("lead-1", MashRoles.QualityLead));

        Assert.Equal(first, again);
        Assert.Equal(1L, await CountAsync(dataSource, "SELECT count(*) FROM assurance_ratings"));
    }

    [Fact]
    public async Task A_rating_is_of_the_period_asked_for_the_quarter_unless_the_request_says_otherwise()
    {
        var month = Proposal("safe");
        month.Period = ReportingPeriodKind.Month;
        await Client.ProposeRatingAsync(month, As("lead-1", MashRoles.QualityLead));

        var quarter = await Client.GetAssuranceAsync(new GetAssuranceRequest { AsOf = InQ1 }, As("board-1", MashRoles.BoardMember));
        var may = await Client.GetAssuranceAsync(new GetAssuranceRequest { AsOf = InQ1, Period = ReportingPeriodKind.Month }, As("board-1", MashRoles.BoardMember));

        Assert.Null(quarter.Indicators.Single(i => i.Reference == "T1").Proposed);
        Assert.Equal(("May 2025", "safe"), (may.Indicators.Single(i => i.Reference == "T1").Proposed.Period, may.Indicators.Single(i => i.Reference == "T1").Proposed.Rating));
    }

    [Fact]
    public async Task Agreeing_before_the_lead_officer_proposes_is_FAILED_PRECONDITION_and_records_nothing()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Client.AgreeRatingAsync(Agreement("safe"), As("chair-1", MashRoles.Manager)));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal(0L, await CountAsync(dataSource, "SELECT count(*) FROM assurance_ratings"));
    }

    [Theory]
    [InlineData("rating", "green")]
    [InlineData("reference", "X9")]
    [InlineData("request_id", "")]
    [InlineData("narrative", "")]
    public async Task A_bad_field_is_INVALID_ARGUMENT_naming_it_and_records_nothing(string field, string value)
    {
        var request = Proposal("safe");
        switch (field)
        {
            case "rating": request.Rating = value; break;
            case "reference": request.Reference = value; break;
            case "request_id": request.RequestId = value; break;
            default: request.Narrative = value; break;
        }

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Client.ProposeRatingAsync(request, As("lead-1", MashRoles.QualityLead)));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(field, refused.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal(0L, await CountAsync(dataSource, "SELECT count(*) FROM assurance_ratings"));
    }

    [Theory]
    [InlineData("ProposeRating", MashRoles.Manager)]
    [InlineData("ProposeRating", MashRoles.BoardMember)]
    [InlineData("ProposeRating", MashRoles.Practitioner)]
    [InlineData("AgreeRating", MashRoles.QualityLead)]
    [InlineData("AgreeRating", MashRoles.Practitioner)]
    [InlineData("GetRatingHistory", MashRoles.Operations)]
    [InlineData("ListWatches", MashRoles.Practitioner)]
    public async Task Others_are_PERMISSION_DENIED_audited_as_denied_and_record_nothing(string method, string role)
    {
        var token = As("other-1", role);
        Func<Task> call = method switch
        {
            "ProposeRating" => async () => await Client.ProposeRatingAsync(Proposal("safe"), token),
            "AgreeRating" => async () => await Client.AgreeRatingAsync(Agreement("safe"), token),
            "GetRatingHistory" => async () => await Client.GetRatingHistoryAsync(new GetRatingHistoryRequest { Reference = "T1" }, token),
            _ => async () => await Client.ListWatchesAsync(new ListWatchesRequest(), token),
        };

        var refused = await Assert.ThrowsAsync<RpcException>(call);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(1L, await CountAsync(dataSource,
            "SELECT count(*) FROM audit_log WHERE actor_id = 'other-1' AND action = $1 AND outcome = 'denied'", $"/mash.quality.v1.AssuranceService/{method}"));
        Assert.Equal(0L, await CountAsync(dataSource, "SELECT count(*) FROM assurance_ratings"));
    }
}
