using Mash.Intake.Returns.Fields;

namespace Mash.Intake.Tests.Returns;

public sealed class ReturnDatesTests
{
    [Fact]
    public void Annex_A_writes_day_month_year() => Assert.Equal("05/04/2025", ReturnDates.AnnexA(new DateOnly(2025, 4, 5)));

    [Fact]
    public void The_CIN_census_writes_an_XML_date() => Assert.Equal("2025-04-05", ReturnDates.Cin(new DateOnly(2025, 4, 5)));

    [Fact]
    public void No_date_is_empty()
    {
        Assert.Equal("", ReturnDates.AnnexA(null));
        Assert.Equal("", ReturnDates.Cin(null));
    }
}
