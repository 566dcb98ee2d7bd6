namespace MashGrpc.Core;

/// <summary>The outcome of a call: a code, a human-readable detail and, locally only, the exception behind it.</summary>
public readonly record struct Status(StatusCode StatusCode, string Detail, Exception? DebugException = null)
{
    public static readonly Status DefaultSuccess = new(StatusCode.OK, "");
    public static readonly Status DefaultCancelled = new(StatusCode.Cancelled, "");

    public override string ToString() =>
        $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\"" +
        (DebugException is null ? ")" : $", DebugException=\"{DebugException.GetType()}: {DebugException.Message}\")");
}
