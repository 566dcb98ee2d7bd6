using FieldViolation = Google.Rpc.BadRequest.Types.FieldViolation;

namespace Mash.ServiceDefaults;

/// <summary>
/// A listing's <c>page_size</c>, the same rule in every service: 0 asks for the default page, anything
/// from 1 to the maximum is served as asked, and anything else is a bad request (INVALID_ARGUMENT
/// naming the field) rather than a page of another size the caller did not ask for.
/// </summary>
public static class PageSizes
{
    public const string Field = "page_size";

    /// <summary>The largest maximum a service may configure: one page is one query and one reply held in memory.</summary>
    public const int Ceiling = 10_000;

    /// <summary>The field at fault when <paramref name="requested"/> is negative or above <paramref name="maximum"/>; null otherwise.</summary>
    public static FieldViolation? Violation(int requested, int defaultSize, int maximum) =>
        requested < 0 || requested > maximum
            ? new FieldViolation { Field = Field, Description = $"must be from 0 (the default, {defaultSize}) to {maximum}" }
            : null;

    /// <summary>The page to serve for a well-formed <paramref name="requested"/> size.</summary>
    public static int Of(int requested, int defaultSize) => requested == 0 ? defaultSize : requested;
}
