using Mash.Contracts.Quality.V1;
using Mash.Quality.Registers.Grpc;

namespace Mash.Quality.Tests.Registers;

public sealed class RegisterFieldsTests
{
    private static readonly CalendarDay June2 = new() { Year = 2025, Month = 6, Day = 2 };

    [Fact]
    public void A_request_id_is_required() => Assert.Equal("request_id", RegisterFields.RequestId("")?.Field);

    [Fact]
    public void A_request_id_is_a_UUID() => Assert.Equal("request_id", RegisterFields.RequestId("retry-1")?.Field);

    [Fact]
    public void A_UUID_request_id_passes() => Assert.Null(RegisterFields.RequestId(Guid.NewGuid().ToString()));

    [Fact]
    public void A_required_text_of_spaces_is_missing() => Assert.Equal("required", RegisterFields.Required("lesson", "  ", 10)?.Description);

    [Fact]
    public void A_text_over_its_length_is_refused() => Assert.Equal("title", RegisterFields.Optional("title", new string('x', 11), 10)?.Field);

    [Fact]
    public void An_agency_id_has_no_spaces() => Assert.Equal("agency_id", RegisterFields.Agency("agency_id", "west police")?.Field);

    [Fact]
    public void An_agency_id_is_required() => Assert.Equal("agency_id", RegisterFields.Agency("agency_id", "")?.Field);

    [Fact]
    public void Each_agency_of_a_list_is_named_by_its_place() =>
        Assert.Equal("agency_ids[1]", RegisterFields.Agencies("agency_ids", ["police", ""])?.Field);

    [Fact]
    public void A_day_is_required() => Assert.Equal("due_on", RegisterFields.Day("due_on", null)?.Field);

    [Fact]
    public void The_31st_of_June_is_not_a_day() =>
        Assert.Equal("not a day of the calendar", RegisterFields.Day("due_on", new CalendarDay { Year = 2025, Month = 6, Day = 31 })?.Description);

    [Fact]
    public void A_real_day_passes() => Assert.Null(RegisterFields.Day("due_on", June2));

    [Fact]
    public void A_code_outside_the_configured_ones_is_refused() =>
        Assert.Equal("grade", RegisterFields.Code("grade", "excellent", ["good", "inadequate"])?.Field);

    [Fact]
    public void Codes_are_matched_exactly() => Assert.NotNull(RegisterFields.Code("grade", "Good", ["good"]));

    [Fact]
    public void A_reminder_after_the_due_day_is_refused() =>
        Assert.Equal("reminder_on", RegisterFields.NotAfter("reminder_on", new CalendarDay { Year = 2025, Month = 6, Day = 3 }, June2)?.Field);

    [Fact]
    public void A_listing_ending_before_it_starts_is_refused() => Assert.Equal("to", RegisterFields.FromBeforeTo(June2, June2)?.Field);

    [Fact]
    public void A_page_above_the_maximum_is_refused() => Assert.Equal("page_size", RegisterFields.PageSize(1_001)?.Field);

    [Fact]
    public void A_listing_names_each_bad_day_and_page_size() =>
        Assert.Equal(["from", "page_size"], ListRequestRules.Check(new ListRegisterRequest { From = new CalendarDay { Year = 2025, Month = 2, Day = 30 }, PageSize = -1 }).Select(v => v.Field));

    [Fact]
    public void A_listing_without_a_page_size_takes_the_default_page() =>
        Assert.Equal(new Mash.Quality.Registers.DayRange(null, new DateOnly(2025, 6, 2), 100), ListRequestRules.RangeOf(null, June2, 0));
}
