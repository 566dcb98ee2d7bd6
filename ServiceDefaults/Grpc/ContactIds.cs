using FieldViolation = Google.Rpc.BadRequest.Types.FieldViolation;

namespace Mash.ServiceDefaults;

/// <summary>
/// A contact's id in a request, as every service takes it: the UUID Intake gave the contact
/// (SubmitContact's <c>contact_id</c>). Anything else names no contact in any service, so it is a bad
/// request (INVALID_ARGUMENT naming the field), never a search that finds nothing (NOT_FOUND).
/// </summary>
public static class ContactIds
{
    public const string Field = "contact_id";

    public const string Description = "required: the contact id SubmitContact returned (a UUID)";

    /// <summary>The field at fault when <paramref name="contactId"/> is missing or not a UUID; null when it is well formed.</summary>
    public static FieldViolation? Violation(string contactId, string field = Field) =>
        Guid.TryParse(contactId, out _) ? null : new FieldViolation { Field = field, Description = Description };

    /// <summary>The contact id, or INVALID_ARGUMENT naming <paramref name="field"/>.</summary>
    public static Guid Parse(string contactId, string field = Field) =>
        Guid.TryParse(contactId, out var id) ? id : throw RpcErrors.InvalidArgument(field, Description);
}
