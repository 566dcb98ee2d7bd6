namespace MashGrpc.Core;

/// <summary>The outcome of a call: a code, a human-readable detail and, locally only, the exception behind it.</summary>
public readonly struct Status(StatusCode statusCode, string detail, Exception? debugException = null) : IEquatable<Status>
{
    public static readonly Status DefaultSuccess = new(StatusCode.OK, "");
    public static readonly Status DefaultCancelled = new(StatusCode.Cancelled, "");

    public StatusCode StatusCode { get; } = statusCode;

    private readonly string? detail = detail;

    /// <summary>Never null, even for <c>default(Status)</c>.</summary>
    public string Detail => detail ?? "";

    public Exception? DebugException { get; } = debugException;

    public bool Equals(Status other) => StatusCode == other.StatusCode && Detail == other.Detail;
    public override bool Equals(object? obj) => obj is Status other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(StatusCode, Detail);
    public static bool operator ==(Status left, Status right) => left.Equals(right);
    public static bool operator !=(Status left, Status right) => !left.Equals(right);

    public override string ToString() =>
        $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\"" +
        (DebugException is null ? ")" : $", DebugException=\"{DebugException.GetType()}: {DebugException.Message}\")");
}
