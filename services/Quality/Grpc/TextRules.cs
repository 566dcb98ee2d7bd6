using static Google.Rpc.BadRequest.Types;

namespace Mash.Quality.Grpc;

/// <summary>The rules every register's request shares: a request id, a UUID field, words written and not too long, a local date.</summary>
internal static class TextRules
{
    /// <summary>A paragraph of why; a register is not a case file.</summary>
    public const int Paragraphs = 4000;

    /// <summary>A name, a sentence, a minute's reference.</summary>
    public const int Line = 500;

    /// <summary>Required on every write, so a retry is known for one and answered as the first.</summary>
    public static FieldViolation? RequestIdIsAUuid(string requestId) =>
        Guid.TryParse(requestId, out _) ? null : Violation("request_id", "A request id is a UUID the client chooses, the same for each retry of one write.");

    public static FieldViolation? IsAUuid(string field, string value) =>
        Guid.TryParse(value, out _) ? null : Violation(field, $"'{value}' is not a UUID.");

    public static FieldViolation? IsWritten(string field, string value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? Violation(field, "Must be given.") : IsShort(field, value, maxLength);

    public static FieldViolation? IsShort(string field, string value, int maxLength) =>
        value.Length > maxLength ? Violation(field, $"At most {maxLength} characters.") : null;

    /// <summary>A local date written "2025-09-30"; empty allowed when <paramref name="optional"/>.</summary>
    public static FieldViolation? IsADate(string field, string value, bool optional = false) =>
        (optional && value.Length == 0) || DateOnly.TryParseExact(value, "yyyy-MM-dd", out _) ? null : Violation(field, $"'{value}' is not a date written yyyy-MM-dd.");

    public static FieldViolation? IsAWord<T>(string field, string value, IReadOnlyDictionary<string, T> words) =>
        words.ContainsKey(value) ? null : Violation(field, $"'{value}' is not one of {Definitions.IndicatorWords.Choices(words)}.");

    public static FieldViolation Violation(string field, string description) => new() { Field = field, Description = description };
}
