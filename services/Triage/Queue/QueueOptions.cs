using Mash.ServiceDefaults;

namespace Mash.Triage.Queue;

/// <summary>Settings under <c>Triage:Queue</c>.</summary>
internal sealed class QueueOptions
{
    public const string SectionName = "Triage:Queue";
    public const string Requirement = "Triage:Queue needs 0 < DefaultPageSize <= MaxPageSize <= 10000.";

    /// <summary>Items ListQueue returns when the caller gives no page size.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>The most ListQueue returns at once; a larger page_size is INVALID_ARGUMENT.</summary>
    public int MaxPageSize { get; set; } = 500;

    public bool IsUsable => DefaultPageSize > 0 && DefaultPageSize <= MaxPageSize && MaxPageSize <= PageSizes.Ceiling;
}
