using Mash.Contracts.Intake.V1;
using Mash.Intake.Returns.Files;
using Mash.Intake.Validation;

namespace Mash.Intake.Returns.Rules;

/// <summary>Which file: one of the formats the platform writes.</summary>
public static class FormatIsKnown
{
    public static IEnumerable<Violation> Check(ExportReturnRequest request, ReturnsOptions options)
    {
        if (ReturnFiles.For(request.Format) is null)
        {
            yield return new("format", "required: RETURN_FORMAT_CSV or RETURN_FORMAT_XLSX");
        }
    }
}
