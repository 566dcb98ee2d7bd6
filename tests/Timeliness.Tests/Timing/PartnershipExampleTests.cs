using Mash.Contracts.Common.V1;
using Mash.Timeliness.Timing;
using Microsoft.Extensions.Configuration;
using static Mash.Timeliness.Tests.Infrastructure.Instants;

namespace Mash.Timeliness.Tests.Timing;

/// <summary>Partnerships/*.json: each seed partnership's targets (MEASURES.md T1) as it writes them, layered over the shipped appsettings.json.</summary>
public class PartnershipExampleTests
{
    private static TimelinessOptions Load(string partnership) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "Partnerships", $"{partnership}.json"), optional: false)
            .Build()
            .GetSection(TimelinessOptions.SectionName).Get<TimelinessOptions>()!;

    private static IReadOnlyDictionary<Rag, Target> Targets(string partnership) =>
        Deadlines.From(Load(partnership)).TargetsAt(Bst(2026, 6, 1, 9));

    [Theory]
    [InlineData("walsall")]
    [InlineData("staffordshire")]
    [InlineData("warwickshire")]
    public void Each_is_valid(string partnership) => Assert.Empty(TimelinessOptionsValidator.Problems(Load(partnership)));

    [Fact]
    public void Walsall_red_4_hours_amber_24_hours_green_5_working_days() =>
        Assert.Equal(
            [new Target.Elapsed(TimeSpan.FromHours(4)), new Target.Elapsed(TimeSpan.FromHours(24)), new Target.WorkingDays(5)],
            [Targets("walsall")[Rag.Red], Targets("walsall")[Rag.Amber], Targets("walsall")[Rag.Green]]);

    [Fact]
    public void Staffordshire_red_2_hours_amber_24_hours_blue_72_hours() =>
        Assert.Equal(
            [new Target.Elapsed(TimeSpan.FromHours(2)), new Target.Elapsed(TimeSpan.FromHours(24)), new Target.Elapsed(TimeSpan.FromHours(72))],
            [Targets("staffordshire")[Rag.Red], Targets("staffordshire")[Rag.Amber], Targets("staffordshire")[Rag.Green]]);

    [Fact]
    public void Warwickshire_red_2_hours_amber_24_hours_and_no_green_target() =>
        Assert.Equal(
            [new Target.Elapsed(TimeSpan.FromHours(2)), new Target.Elapsed(TimeSpan.FromHours(24)), new Target.None()],
            [Targets("warwickshire")[Rag.Red], Targets("warwickshire")[Rag.Amber], Targets("warwickshire")[Rag.Green]]);

    [Fact]
    public void Staffordshire_calls_green_blue() =>
        Assert.Equal(["Red", "Amber", "Blue"], new[] { Rag.Red, Rag.Amber, Rag.Green }.Select(rag => Deadlines.From(Load("staffordshire")).Labels[rag]));

    [Fact]
    public void A_warwickshire_green_contact_is_never_due() =>
        Assert.Null(Deadlines.From(Load("warwickshire")).DueAt(Bst(2026, 6, 1, 9), Rag.Green));

    [Fact]
    public void A_walsall_green_contact_is_due_five_working_days_later_across_a_bank_holiday() =>
        Assert.Equal(Bst(2026, 5, 26, 9), Deadlines.From(Load("walsall")).DueAt(Bst(2026, 5, 18, 9), Rag.Green));
}
