using Mash.Contracts.Common.V1;
using Mash.Triage.Risk;

namespace Mash.Triage.Tests.Risk;

public class RagSchemeTests
{
    private static readonly DateTimeOffset Received = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private static RagScheme Walsall() => new(new Dictionary<string, string> { ["RAG_RED"] = "Red", ["RAG_AMBER"] = "Amber", ["RAG_GREEN"] = "Green" }, new QueueTimingOptions());

    [Fact]
    public void Staffordshire_calls_green_blue() =>
        Assert.Equal("Blue", new RagScheme(new Dictionary<string, string> { ["RAG_GREEN"] = "Blue" }, new QueueTimingOptions()).LabelOf(Rag.Green));

    [Fact]
    public void A_level_without_a_label_is_called_by_its_name() =>
        Assert.Equal("Amber", new RagScheme(new Dictionary<string, string>(), new QueueTimingOptions()).LabelOf(Rag.Amber));

    [Fact]
    public void An_unrated_contact_has_no_label() => Assert.Equal("", Walsall().LabelOf(Rag.Unspecified));

    [Theory]
    [InlineData(Rag.Red, 4)]
    [InlineData(Rag.Amber, 24)]
    [InlineData(Rag.Green, 24 * 7)]
    [InlineData(Rag.Unspecified, 4)]
    public void A_contact_is_due_its_rags_target_after_receipt(Rag rag, int hours) =>
        Assert.Equal(Received.AddHours(hours), Walsall().DueAt(Received, rag));

    [Fact]
    public void Queue_timing_needs_positive_targets() => Assert.False(new QueueTimingOptions { Amber = TimeSpan.Zero }.IsUsable);
}
