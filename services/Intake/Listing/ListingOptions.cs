namespace Mash.Intake.Listing;

/// <summary>ListContacts' page sizes under <c>Intake</c>.</summary>
public sealed class ListingOptions
{
    public const string SectionName = "Intake";
    public const int Ceiling = ServiceDefaults.PageSizes.Ceiling;
    public const string Requirement =
        "Intake:ListPageSize and Intake:ListMaxPageSize must be whole numbers with 1 <= ListPageSize <= ListMaxPageSize <= 10000.";

    /// <summary>The page size when a request gives none (page_size 0).</summary>
    public int ListPageSize { get; set; } = 50;

    /// <summary>The largest page_size a request may ask for; a larger one is INVALID_ARGUMENT.</summary>
    public int ListMaxPageSize { get; set; } = 500;

    public bool IsUsable => ListPageSize >= 1 && ListPageSize <= ListMaxPageSize && ListMaxPageSize <= Ceiling;
}
