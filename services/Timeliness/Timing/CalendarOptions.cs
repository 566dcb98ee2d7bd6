namespace Mash.Timeliness.Timing;

/// <summary>Settings under <c>Timeliness:Calendar</c>: where the bank holidays come from.</summary>
internal sealed class CalendarOptions
{
    /// <summary>A file in GOV.UK's bank-holidays.json format; relative paths are from the service's folder.</summary>
    public string BankHolidaysFile { get; set; } = "Calendars/bank-holidays.json";

    /// <summary>england-and-wales, scotland or northern-ireland: the file's division whose bank holidays are not working days.</summary>
    public string Division { get; set; } = "england-and-wales";

    /// <summary>How long before the loaded calendar ends the health check turns Degraded, so there is time to load the next year.</summary>
    public int WarnDaysBeforeEnd { get; set; } = 90;
}
