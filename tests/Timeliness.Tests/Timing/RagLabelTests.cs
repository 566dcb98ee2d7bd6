using Mash.Timeliness.Tests.Infrastructure;
using Mash.Timeliness.Timing;

namespace Mash.Timeliness.Tests.Timing;

/// <summary>What the partnership calls each RAG: every one named, no two alike.</summary>
public class RagLabelTests
{
    [Fact]
    public void An_empty_label_is_named()
    {
        var options = TestTargets.Options();
        options.Labels.Green = " ";

        Assert.Contains("Timeliness:Labels:Green is empty", Assert.Single(TimelinessOptionsValidator.Problems(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_rags_with_one_label_are_refused()
    {
        var options = TestTargets.Options();
        options.Labels.Green = "amber";

        Assert.Contains("names two RAGs 'Amber'", Assert.Single(TimelinessOptionsValidator.Problems(options)), StringComparison.Ordinal);
    }
}
