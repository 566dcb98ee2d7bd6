namespace Mash.Quality.Registers;

/// <summary>Q4's two kinds as stored.</summary>
internal static class FeedbackKinds
{
    public const string Complaint = "complaint";

    public const string Compliment = "compliment";
}
