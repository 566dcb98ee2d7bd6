using Google.Protobuf.Collections;
using Mash.Contracts.Quality.V1;
using static Google.Rpc.BadRequest.Types;

namespace Mash.Quality.Registers.Grpc;

/// <summary>The rules every register's fields share, each naming the field at fault.</summary>
internal static class RegisterFields
{
    /// <summary>Short fields (titles, names, codes, references); long ones are narratives and findings.</summary>
    public const int Short = 200;

    public const int Long = 10_000;

    public const int DefaultPage = 100;

    public const int MaxPage = 1_000;

    /// <summary>Required and a UUID, so a retry is recognised and cannot collide with another call's.</summary>
    public static FieldViolation? RequestId(string requestId) =>
        Guid.TryParse(requestId, out _) ? null : Violation("request_id", "required: a UUID the caller chooses, the same on every retry of one call");

    public static FieldViolation? Required(string field, string value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? Violation(field, "required") : Optional(field, value, maxLength);

    public static FieldViolation? Optional(string field, string value, int maxLength) =>
        value.Length > maxLength ? Violation(field, $"at most {maxLength} characters") : null;

    /// <summary>An organisation id as the partnership's credentials give them: no spaces, at most 100 characters.</summary>
    public static FieldViolation? Agency(string field, string agencyId) =>
        string.IsNullOrWhiteSpace(agencyId) ? Violation(field, "required: an agency's organisation id") : OptionalAgency(field, agencyId);

    public static FieldViolation? OptionalAgency(string field, string agencyId) =>
        agencyId.Length > 100 || agencyId.Any(char.IsWhiteSpace) ? Violation(field, "an organisation id: no spaces, at most 100 characters") : null;

    public static FieldViolation? Agencies(string field, RepeatedField<string> agencyIds) =>
        agencyIds.Select((a, i) => Agency($"{field}[{i}]", a)).OfType<FieldViolation>().FirstOrDefault();

    public static FieldViolation? Day(string field, CalendarDay? day) =>
        day is null ? Violation(field, "required: a day") : OptionalDay(field, day);

    public static FieldViolation? OptionalDay(string field, CalendarDay? day) =>
        day is not null && Days.Of(day) is null ? Violation(field, "not a day of the calendar") : null;

    public static FieldViolation? Code(string field, string code, IReadOnlyList<string> codes) =>
        codes.Contains(code, StringComparer.Ordinal) ? null : Violation(field, $"'{code}' is not one of the configured codes: {string.Join(", ", codes)}");

    /// <summary>A reminder or request day that falls after the day it leads up to.</summary>
    public static FieldViolation? NotAfter(string field, CalendarDay? day, CalendarDay? dueOn) =>
        Days.Of(day) is { } d && Days.Of(dueOn) is { } due && d > due ? Violation(field, "must not be after due_on") : null;

    public static FieldViolation? FromBeforeTo(CalendarDay? from, CalendarDay? to) =>
        Days.Of(from) is { } f && Days.Of(to) is { } t && f >= t ? Violation("to", "must be after from") : null;

    public static FieldViolation? PageSize(int pageSize) => ServiceDefaults.PageSizes.Violation(pageSize, DefaultPage, MaxPage);

    public static IReadOnlyList<FieldViolation> All(params FieldViolation?[] violations) => [.. violations.OfType<FieldViolation>()];

    public static FieldViolation Violation(string field, string description) => new() { Field = field, Description = description };
}
