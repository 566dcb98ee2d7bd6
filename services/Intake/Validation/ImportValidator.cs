using Mash.Contracts.Intake.V1;
using Mash.Intake.Validation.Rules;

namespace Mash.Intake.Validation;

/// <summary>The rules of who submits and when it was received (an importer's history), beside <see cref="ContactValidator"/>'s of the contact.</summary>
public static class ImportValidator
{
    /// <param name="now">The server's clock: nothing is received in the future.</param>
    /// <param name="isConfigured">Whether an organisation id is one of the partnership's agencies.</param>
    public static IReadOnlyList<Violation> Validate(SubmitContactRequest request, bool isImporter, DateTimeOffset now, Func<string, bool> isConfigured) =>
    [
        .. ReceivedAtOnlyFromAnImporter.Check(request, isImporter),
        .. ReceivedAtIsNotInTheFuture.Check(request, now),
        .. ImportedAgencyIsConfigured.Check(request, isImporter, isConfigured),
        .. EarlierDecidedOnlyFromAnImporter.Check(request, isImporter),
    ];

    /// <summary>When the contact is received: an importer's valid original time, else now.</summary>
    public static DateTimeOffset? ReceivedAt(SubmitContactRequest request) =>
        request.ReceivedAt is { } given && Timestamps.AreInstants(given) ? given.ToDateTimeOffset() : null;
}
