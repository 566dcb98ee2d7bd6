namespace Mash.ServiceDefaults.Tests;

/// <summary>A listing's page_size: 0 for the default, up to the maximum as asked, anything else a bad request.</summary>
public sealed class PageSizesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(500)]
    public void From_zero_to_the_maximum_is_well_formed(int requested) => Assert.Null(PageSizes.Violation(requested, 50, 500));

    [Theory]
    [InlineData(-1)]
    [InlineData(501)]
    [InlineData(int.MaxValue)]
    public void Below_zero_or_above_the_maximum_names_page_size_and_the_range(int requested)
    {
        var violation = PageSizes.Violation(requested, 50, 500);

        Assert.Equal(("page_size", "must be from 0 (the default, 50) to 500"), (violation?.Field, violation?.Description));
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(7, 7)]
    [InlineData(500, 500)]
    public void Zero_asks_for_the_default_and_any_other_size_is_served_as_asked(int requested, int served) => Assert.Equal(served, PageSizes.Of(requested, 50));
}
