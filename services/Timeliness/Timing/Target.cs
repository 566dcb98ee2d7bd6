namespace Mash.Timeliness.Timing;

/// <summary>How long the MASH has to decide a contact of one RAG rating, counted from its receipt.</summary>
internal abstract record Target
{
    private Target()
    {
    }

    /// <summary>Elapsed time, round the clock (MEASURES.md: "targets in hours are elapsed hours").</summary>
    public sealed record Elapsed(TimeSpan Time) : Target;

    /// <summary>Whole working days: weekends and bank holidays do not count.</summary>
    public sealed record WorkingDays(int Days) : Target;

    /// <summary>The partnership sets no target for this RAG (Warwickshire's Green): nothing is due.</summary>
    public sealed record None : Target;
}
