using System.Globalization;

namespace Mash.Intake.Returns.Fields;

/// <summary>Dates as each return writes them: Annex A as its template shows them (31/03/2025), the CIN census as XML dates (2025-03-31).</summary>
public static class ReturnDates
{
    public static string AnnexA(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string Cin(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
