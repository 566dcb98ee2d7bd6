namespace Mash.Intake.Progress;

/// <summary>What a batch's steps come to, one step a contact, so that one statement can apply them.</summary>
public static class ProgressSteps
{
    /// <summary>
    /// Each contact's step that applying <paramref name="steps"/> one by one, in order, would leave: the
    /// last that moves on from the one before it (so the first to reach the furthest status or revision).
    /// The row then takes it only if it moves on from where the row is, which gives the same end as the
    /// whole sequence (a contact short of CLOSED has revision 0). A malformed contact id is left out.
    /// </summary>
    public static IReadOnlyDictionary<Guid, ProgressStep> Net(IEnumerable<ProgressStep> steps)
    {
        var reached = new Dictionary<Guid, ProgressStep>();
        foreach (var step in steps)
        {
            if (Guid.TryParse(step.ContactId, out var id) && (!reached.TryGetValue(id, out var earlier) || step.MovesOn(earlier)))
            {
                reached[id] = step;
            }
        }
        return reached;
    }
}
