namespace Mash.Triage.Queue;

/// <summary>What became of a change to the queue: done (with what it now holds), or refused and why; a refused change commits nothing.</summary>
internal abstract record ScreeningResult<T>
{
    private ScreeningResult()
    {
    }

    public sealed record Done(T Value) : ScreeningResult<T>;

    /// <summary>No such contact (or request, or escalation): NOT_FOUND.</summary>
    public sealed record Unknown(string Message) : ScreeningResult<T>;

    /// <summary>The thing is in the wrong state for this (decided already, claimed by another, answered): FAILED_PRECONDITION.</summary>
    public sealed record WrongState(string Reason) : ScreeningResult<T>;

    /// <summary>A field that is well formed alone but wrong for this contact (a time before it was received): INVALID_ARGUMENT.</summary>
    public sealed record BadField(string Field, string Reason) : ScreeningResult<T>;

    /// <summary>The caller may not do this to this thing (an agency answering another's request): PERMISSION_DENIED.</summary>
    public sealed record NotAllowed(string Reason) : ScreeningResult<T>;
}
