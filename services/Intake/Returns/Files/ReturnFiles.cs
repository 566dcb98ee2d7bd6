using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Returns.Files;

/// <summary>Each file format, by the name the API gives it.</summary>
public static class ReturnFiles
{
    /// <summary>The format; null for RETURN_FORMAT_UNSPECIFIED or a value this version does not know.</summary>
    public static IReturnFile? For(ReturnFormat format) => format switch
    {
        ReturnFormat.Csv => new CsvReturnFile(),
        ReturnFormat.Xlsx => new XlsxReturnFile(),
        _ => null,
    };
}
