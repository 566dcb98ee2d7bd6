using Grpc.Core;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Assurance;
using Mash.Quality.Audits;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.Quality.Periods;
using Mash.Quality.Tests.Infrastructure;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using static Mash.Quality.Tests.Assurance.AssuranceFacts;

namespace Mash.Quality.Tests.Assurance;

/// <summary>
/// "Red with missed target and downward trend → perform audit" raises a Q7 proposal, and "Amber with
/// missed target → watch next quarter" a watch, each once per indicator and period however often and
/// wherever the quarter is judged (T1 and O3 in 2025/26 Q1, worked in <see cref="AssuranceFacts"/>).
/// </summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class RuleRaisedAuditsTests(QualityDatabase database)
{
    private const string RaisedT1 = "SELECT count(*) FROM audits WHERE raised_by_rule = 'audit' AND indicator = 'T1' AND period_label = '2025/26 Q1'";

    private static RuleActionRaiser Raiser(NpgsqlDataSource dataSource) => new(dataSource, Options.Create(new AuditOptions()), new FixedTime(May));

    private static async Task<IReadOnlyList<IndicatorAssessment>> Q1Async(NpgsqlDataSource dataSource) =>
        await new AssuranceReader(new FactReader(dataSource), Catalogue).AssessAsync(PeriodKind.Quarter, May, CancellationToken.None);

    [Fact]
    public async Task Judged_again_and_by_two_replicas_at_once_the_quarter_raises_one_proposal_naming_the_indicator_period_and_reason()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await RecordAsync(dataSource);
        var q1 = await Q1Async(dataSource);

        await Task.WhenAll(Raiser(dataSource).RaiseAsync(q1, CancellationToken.None), Raiser(dataSource).RaiseAsync(q1, CancellationToken.None));
        await Raiser(dataSource).RaiseAsync(await Q1Async(dataSource), CancellationToken.None);

        Assert.Equal(1L, await CountAsync(dataSource, "SELECT count(*) FROM audits"));
        var audit = Assert.Single(await new AuditReader(dataSource).ListAsync(null, CancellationToken.None));
        Assert.Equal(new RaisedBy("audit", "T1", "2025/26 Q1",
            "T1 2025/26 Q1: 50 against a target of 80 (missed), trend negative over [100, 50], RAG red, unsafe. Rule 'audit': Perform audit."), audit.RaisedBy);
        Assert.Equal((AuditStage.Proposed, "Parveen Akhtar"), (audit.Stage, audit.LeadAuditor));
        Assert.Equal((1, RuleActionRaiser.ActorId), (audit.Steps.Single().Number, audit.Steps.Single().ById));
    }

    [Fact]
    public async Task A_proposal_the_group_has_moved_on_is_not_raised_again()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await RecordAsync(dataSource);
        await Raiser(dataSource).RaiseAsync(await Q1Async(dataSource), CancellationToken.None);
        var raised = (await new AuditReader(dataSource).ListAsync(null, CancellationToken.None)).Single();
        var store = new AuditStore(dataSource, Options.Create(new AuditOptions()), new FixedTime(May));
        await store.StepAsync(Guid.NewGuid(), raised.Id, AuditStage.Challenged, "Is a quarter enough to audit?", "", new Caller("chair-1", "Chair", [MashRoles.Manager], null), CancellationToken.None);

        await Raiser(dataSource).RaiseAsync(await Q1Async(dataSource), CancellationToken.None);

        Assert.Equal(1L, await CountAsync(dataSource, RaisedT1));
        Assert.Equal(AuditStage.Challenged, (await new AuditReader(dataSource).GetAsync(raised.Id, CancellationToken.None))!.Stage);
    }

    [Fact]
    public async Task Watch_next_quarter_puts_the_indicator_on_the_watch_list_once_read_over_gRPC()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await RecordAsync(dataSource);
        await Raiser(dataSource).RaiseAsync(await Q1Async(dataSource), CancellationToken.None);
        await Raiser(dataSource).RaiseAsync(await Q1Async(dataSource), CancellationToken.None);
        await using var host = await QualityHost.StartAsync(dataSource, Catalogue, new FixedTime(May));

        var watches = await new AssuranceService.AssuranceServiceClient(host.Channel).ListWatchesAsync(
            new ListWatchesRequest(), TestTokens.Bearer(TestTokens.For("board-1", MashRoles.BoardMember)));

        var o3 = Assert.Single(watches.Watches);
        Assert.Equal(("O3", "2025/26 Q1", "watch", "Watch for next quarter.", May), (o3.Reference, o3.Period, o3.Rule, o3.Description, o3.RaisedAt.ToDateTime()));
    }

    [Fact]
    public async Task The_running_service_raises_the_proposal_and_the_watch_itself()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await RecordAsync(dataSource);
        using var runner = new AssuranceRuleRunner(new AssuranceReader(new FactReader(dataSource), Catalogue), Raiser(dataSource),
            new ChangeWatch(new FactChanges(), Options.Create(new WatchOptions()), new FixedTime(May)), Options.Create(new WatchOptions()),
            new FixedTime(May), NullLogger<AssuranceRuleRunner>.Instance);

        await runner.StartAsync(CancellationToken.None);
        // Hang guard only: the runner raises on its first pass.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await CountAsync(dataSource, "SELECT count(*) FROM assurance_watches") == 0)
        {
            await Task.Delay(50, guard.Token);
        }
        await runner.StopAsync(CancellationToken.None);

        Assert.Equal(1L, await CountAsync(dataSource, RaisedT1));
    }

    [Fact]
    public async Task The_raised_proposal_is_in_the_register_over_gRPC()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await RecordAsync(dataSource);
        await Raiser(dataSource).RaiseAsync(await Q1Async(dataSource), CancellationToken.None);
        await using var host = await QualityHost.StartAsync(dataSource, Catalogue, new FixedTime(May));

        var audits = await new AuditService.AuditServiceClient(host.Channel).ListAuditsAsync(
            new ListAuditsRequest { Stage = "proposed" }, new Metadata { { "authorization", $"Bearer {TestTokens.For("lead-1", MashRoles.QualityLead)}" } });

        var audit = Assert.Single(audits.Audits);
        Assert.Equal(("audit", "T1", "2025/26 Q1", "Indicator T1, 2025/26 Q1: Perform audit."), (audit.RaisedByRule, audit.Reference, audit.Period, audit.Focus));
    }
}
