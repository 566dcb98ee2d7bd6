namespace Mash.Importer.Replay;

/// <summary>
/// A checkpoint belongs to the platform it was kept against. One that remembers a contact this
/// platform does not have (another stack's, or this one's before its state was emptied) would skip
/// every step it records and import nothing, so the run stops before replaying and says why.
/// </summary>
internal static class CheckpointCheck
{
    public static async Task EnsureKeptForThisPlatformAsync(Checkpoint checkpoint, string? path, Func<string, Task<bool>> contactExists)
    {
        if (checkpoint.AnyContactId is { } contactId && !await contactExists(contactId))
        {
            throw new StaleCheckpointException(
                $"The checkpoint {path} remembers contact {contactId}, which this platform does not have: it was kept against another platform, "
                + "or this one has been emptied since. Delete it, or run with --no-checkpoint, to import the export into this platform.");
        }
    }
}

/// <summary>The checkpoint was kept against another platform: nothing was replayed.</summary>
internal sealed class StaleCheckpointException(string message) : Exception(message);
