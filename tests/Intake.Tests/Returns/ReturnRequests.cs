using Mash.Contracts.Intake.V1;
using Mash.Intake.Returns;

namespace Mash.Intake.Tests.Returns;

/// <summary>A valid ExportReturn request (Annex A List 1, the year to 31 March 2025, CSV); tests break one thing at a time.</summary>
internal static class ReturnRequests
{
    public static readonly ReturnsOptions Options = new();

    public static ExportReturnRequest Valid(StatutoryReturn statutoryReturn = StatutoryReturn.AnnexAList1, ReturnFormat format = ReturnFormat.Csv) => new()
    {
        StatutoryReturn = statutoryReturn,
        From = DateOf(new DateOnly(2024, 4, 1)),
        To = DateOf(new DateOnly(2025, 4, 1)),
        Format = format,
    };

    public static ExportReturnRequest For(StatutoryReturn statutoryReturn, DateOnly from, DateOnly to, ReturnFormat format = ReturnFormat.Csv)
    {
        var request = Valid(statutoryReturn, format);
        request.From = DateOf(from);
        request.To = DateOf(to);
        return request;
    }

    public static Date DateOf(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
