namespace Mash.Intake.Subjects;

/// <summary>
/// A subject reference as <c>contact_subjects</c> keeps it: its 32 bytes rather than its 64 hex
/// characters, so the key every contact inserts into and searches has entries 30 % smaller (migration 9).
/// </summary>
public static class StoredSubjectRef
{
    public static byte[] Of(string subjectRef) => Convert.FromHexString(subjectRef);
}
