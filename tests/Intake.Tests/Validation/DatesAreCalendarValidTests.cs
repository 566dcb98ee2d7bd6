using Mash.Intake.Validation;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Validation.Rules;

namespace Mash.Intake.Tests.Validation;

public sealed class DatesAreCalendarValidTests
{
    private static Contact BornOn(int year, int month, int day)
    {
        var contact = TestContacts.Contact();
        contact.Subjects[0].DateOfBirth = new Date { Year = year, Month = month, Day = day };
        return contact;
    }

    private static Contact ExpectedOn(int year, int month, int day)
    {
        var contact = TestContacts.Contact();
        contact.Subjects[0].ExpectedDate = new Date { Year = year, Month = month, Day = day };
        return contact;
    }

    [Theory]
    [InlineData(2015, 3, 1)]
    [InlineData(2024, 2, 29)]
    [InlineData(1900, 1, 1)]
    [InlineData(2025, 6, 2)]
    public void A_real_date_of_birth_up_to_today_passes(int year, int month, int day) =>
        Assert.Empty(DatesAreCalendarValid.Check(BornOn(year, month, day), TestContacts.ReceivedAt));

    [Theory]
    [InlineData(2023, 2, 29)]
    [InlineData(2023, 2, 30)]
    [InlineData(2023, 4, 31)]
    [InlineData(2023, 13, 1)]
    [InlineData(2023, 0, 1)]
    [InlineData(2023, 1, 0)]
    [InlineData(2023, 1, -1)]
    [InlineData(1899, 12, 31)]
    [InlineData(0, 0, 0)]
    [InlineData(10000, 1, 1)]
    public void A_date_of_birth_that_is_no_calendar_date_is_at_fault(int year, int month, int day) =>
        ViolationAssert.Fields(DatesAreCalendarValid.Check(BornOn(year, month, day), TestContacts.ReceivedAt), "contact.subjects[0].date_of_birth");

    [Theory]
    [InlineData(2025, 6, 3)]
    [InlineData(2026, 1, 1)]
    public void A_date_of_birth_in_the_future_is_at_fault(int year, int month, int day) =>
        ViolationAssert.Fields(DatesAreCalendarValid.Check(BornOn(year, month, day), TestContacts.ReceivedAt), "contact.subjects[0].date_of_birth");

    [Theory]
    [InlineData(2025, 11, 30)]
    [InlineData(2025, 5, 30)]
    public void A_real_expected_date_passes(int year, int month, int day) =>
        Assert.Empty(DatesAreCalendarValid.Check(ExpectedOn(year, month, day), TestContacts.ReceivedAt));

    [Theory]
    [InlineData(2025, 11, 31)]
    [InlineData(2025, 13, 1)]
    [InlineData(0, 0, 0)]
    public void An_expected_date_that_is_no_calendar_date_is_at_fault(int year, int month, int day) =>
        ViolationAssert.Fields(DatesAreCalendarValid.Check(ExpectedOn(year, month, day), TestContacts.ReceivedAt), "contact.subjects[0].expected_date");

    [Fact]
    public void A_subject_without_a_date_passes()
    {
        var contact = TestContacts.Contact();
        contact.Subjects[0].ClearBirth();
        Assert.Empty(DatesAreCalendarValid.Check(contact, TestContacts.ReceivedAt));
    }

    [Fact]
    public void Each_bad_date_is_at_fault_by_its_subject()
    {
        var contact = BornOn(2023, 2, 30);
        contact.Subjects.Add(TestContacts.Child());
        contact.Subjects.Add(TestContacts.Child());
        contact.Subjects[2].ExpectedDate = new Date { Year = 2025, Month = 9, Day = 31 };
        ViolationAssert.Fields(DatesAreCalendarValid.Check(contact, TestContacts.ReceivedAt),
            "contact.subjects[0].date_of_birth", "contact.subjects[2].expected_date");
    }

    [Fact]
    public void A_birth_just_after_midnight_in_summer_passes_while_UTC_is_still_on_the_day_before() =>
        Assert.Empty(DatesAreCalendarValid.Check(BornOn(2025, 6, 3), InLondon(new DateTimeOffset(2025, 6, 2, 23, 30, 0, TimeSpan.Zero))));

    [Fact]
    public void In_winter_London_is_on_UTC_and_the_next_day_is_still_the_future() =>
        ViolationAssert.Fields(DatesAreCalendarValid.Check(BornOn(2025, 1, 3), InLondon(new DateTimeOffset(2025, 1, 2, 23, 30, 0, TimeSpan.Zero))),
            "contact.subjects[0].date_of_birth");

    private static DateTimeOffset InLondon(DateTimeOffset utc) =>
        new PartnershipClock(new FixedTime(utc), TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).Now;

    [Fact]
    public void The_future_is_judged_from_the_time_given() =>
        Assert.Empty(DatesAreCalendarValid.Check(BornOn(2026, 1, 1), TestContacts.ReceivedAt.AddYears(1)));
}
