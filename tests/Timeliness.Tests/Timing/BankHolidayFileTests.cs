using Mash.Timeliness.Timing;

namespace Mash.Timeliness.Tests.Timing;

/// <summary>GOV.UK's bank-holidays.json format, read for one division.</summary>
public class BankHolidayFileTests
{
    private const string GovUk = """
        {
          "england-and-wales": { "division": "england-and-wales", "events": [
            { "title": "New Year’s Day", "date": "2024-01-01", "notes": "", "bunting": true },
            { "title": "Boxing Day", "date": "2025-12-26", "notes": "", "bunting": true } ] },
          "scotland": { "division": "scotland", "events": [
            { "title": "2nd January", "date": "2024-01-02", "notes": "", "bunting": true } ] },
          "northern-ireland": { "division": "northern-ireland", "events": [
            { "title": "St Patrick’s Day", "date": "2024-03-17", "notes": "", "bunting": true } ] }
        }
        """;

    [Fact]
    public void A_division_s_dates_are_read() =>
        Assert.Equal([new(2024, 1, 1), new(2025, 12, 26)], BankHolidayFile.Read(GovUk, "england-and-wales").Dates);

    [Fact]
    public void Scotland_is_selectable() => Assert.Equal([new DateOnly(2024, 1, 2)], BankHolidayFile.Read(GovUk, "scotland").Dates);

    [Fact]
    public void Northern_ireland_is_selectable() => Assert.Equal([new DateOnly(2024, 3, 17)], BankHolidayFile.Read(GovUk, "northern-ireland").Dates);

    [Fact]
    public void It_covers_the_whole_years_it_lists()
    {
        var holidays = BankHolidayFile.Read(GovUk, "england-and-wales");

        Assert.Equal((new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31)), (holidays.FirstDay, holidays.LastDay));
    }

    [Fact]
    public void A_missing_division_is_named() =>
        Assert.Contains("no division 'wales'", Assert.Throws<InvalidDataException>(() => BankHolidayFile.Read(GovUk, "wales")).Message, StringComparison.Ordinal);

    [Fact]
    public void A_bad_date_is_an_error() =>
        Assert.Throws<InvalidDataException>(() => BankHolidayFile.Read("""{ "scotland": { "events": [ { "date": "02/01/2024" } ] } }""", "scotland"));

    [Fact]
    public void A_division_without_holidays_is_an_error() =>
        Assert.Throws<InvalidDataException>(() => BankHolidayFile.Read("""{ "scotland": { "events": [] } }""", "scotland"));

    [Fact]
    public void Text_that_is_not_json_is_an_error() => Assert.Throws<InvalidDataException>(() => BankHolidayFile.Read("<html>", "scotland"));

    [Fact]
    public void A_calendar_that_does_not_load_stops_the_service_naming_the_setting()
    {
        var options = Infrastructure.TestTargets.Options();
        options.Calendar.BankHolidaysFile = "Calendars/missing.json";

        Assert.Contains("Timeliness:Calendar:BankHolidaysFile 'Calendars/missing.json'", Assert.Single(TimelinessOptionsValidator.Problems(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_warning_stops_the_service()
    {
        var options = Infrastructure.TestTargets.Options();
        options.Calendar.WarnDaysBeforeEnd = -1;

        Assert.Contains("Timeliness:Calendar:WarnDaysBeforeEnd is -1", Assert.Single(TimelinessOptionsValidator.Problems(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_division_the_file_lacks_stops_the_service()
    {
        var options = Infrastructure.TestTargets.Options();
        options.Calendar.Division = "wales";

        Assert.Contains("Timeliness:Calendar:Division 'wales'", Assert.Single(TimelinessOptionsValidator.Problems(options)), StringComparison.Ordinal);
    }
}
