using Google.Protobuf.WellKnownTypes;

namespace Mash.Intake.Validation;

/// <summary>What google.protobuf.Timestamp defines as an instant: years 1 to 9999, nanos within a second.</summary>
public static class Timestamps
{
    private static readonly long MinSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static bool AreInstants(Timestamp timestamp) =>
        timestamp.Seconds >= MinSeconds && timestamp.Seconds <= MaxSeconds && timestamp.Nanos is >= 0 and <= 999_999_999;
}
