namespace Mash.Outcomes;

/// <summary>Settings under <c>Outcomes</c>.</summary>
internal sealed class OutcomesOptions
{
    /// <summary>
    /// The secret that turns a contact id into its board-facing case_ref (HMAC-SHA256). Each
    /// deployment sets its own; without it the service does not start. Changing it changes the
    /// case_ref of outcomes recorded afterwards only (recorded ones keep theirs).
    /// </summary>
    public string PseudonymKey { get; set; } = "";

    /// <summary>Outcomes one stream may fall behind before it is ended with RESOURCE_EXHAUSTED.</summary>
    public int FeedCapacity { get; set; } = 256;

    /// <summary>A key shorter than this is as guessable as no key.</summary>
    internal const int MinimumKeyLength = 32;
}
