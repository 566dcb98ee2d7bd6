using Mash.Contracts.Common.V1;
using Mash.Importer.Export;

namespace Mash.Importer.Tests;

public sealed class FieldRulesTests
{
    [Fact]
    public void A_time_with_Z_is_UTC() =>
        Assert.Equal(new DateTimeOffset(2025, 4, 2, 9, 15, 0, TimeSpan.Zero), FieldRules.Instant("2025-04-02T09:15:00Z").Value);

    [Fact]
    public void A_time_with_an_offset_is_that_instant() =>
        Assert.Equal(new DateTimeOffset(2025, 6, 18, 7, 5, 0, TimeSpan.Zero), FieldRules.Instant("2025-06-18T08:05:00+01:00").Value);

    [Fact]
    public void A_time_without_an_offset_is_UK_local_time_in_summer() =>
        Assert.Equal(new DateTimeOffset(2025, 4, 3, 13, 40, 0, TimeSpan.Zero), FieldRules.Instant("2025-04-03 14:40").Value);

    [Fact]
    public void A_time_without_an_offset_is_GMT_in_winter() =>
        Assert.Equal(new DateTimeOffset(2025, 1, 3, 14, 40, 0, TimeSpan.Zero), FieldRules.Instant("2025-01-03T14:40:00").Value);

    [Theory]
    [InlineData("")]
    [InlineData("not a time")]
    [InlineData("03/04/2025")]
    public void Anything_else_is_not_a_time(string value) => Assert.NotNull(FieldRules.Instant(value).Problem);

    [Fact]
    public void A_date_is_year_month_day() => Assert.Equal(new DateOnly(2016, 3, 1), FieldRules.Date("2016-03-01").Value);

    [Fact]
    public void A_date_not_on_the_calendar_is_refused() => Assert.NotNull(FieldRules.Date("2016-02-30").Problem);

    [Theory]
    [InlineData("Red", Rag.Red)]
    [InlineData("amber", Rag.Amber)]
    [InlineData("G", Rag.Green)]
    public void A_RAG_is_read_in_any_case(string value, Rag rag) => Assert.Equal(rag, FieldRules.Rag(value).Value);

    [Fact]
    public void Blue_is_not_a_RAG_rating() => Assert.NotNull(FieldRules.Rag("Blue").Problem);

    [Theory]
    [InlineData("Y", true)]
    [InlineData("no", false)]
    [InlineData("1", true)]
    public void Yes_and_no_are_read_as_the_census_writes_them(string value, bool expected) => Assert.Equal(expected, FieldRules.YesNo(value).Value);

    [Fact]
    public void A_flag_must_say_yes_or_no() => Assert.NotNull(FieldRules.YesNo("maybe").Problem);

    [Fact]
    public void A_blank_pathway_is_children() => Assert.Equal(Pathway.Children, FieldRules.Pathway("").Value);

    [Fact]
    public void A_list_is_split_on_semicolons() => Assert.Equal(["neglect", "domestic-abuse"], FieldRules.List(" neglect ;domestic-abuse;"));

    [Fact]
    public void A_required_value_must_be_there() => Assert.Equal("required", FieldRules.Required("").Problem);
}
