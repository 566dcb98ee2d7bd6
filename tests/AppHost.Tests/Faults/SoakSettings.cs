using System.Globalization;

namespace Mash.AppHost.Tests.Faults;

/// <summary>
/// How long and how hard the fault run goes. By default one round (every service, then RabbitMQ
/// and Redis, each killed once) at 50 contacts/s, short enough for CI; a soak sets
/// <c>MASH_SOAK_MINUTES</c> (rounds repeat until that long has passed) and may set
/// <c>MASH_SOAK_RATE</c> (contacts/s offered).
/// </summary>
internal static class SoakSettings
{
    public const string MinutesVariable = "MASH_SOAK_MINUTES";
    public const string RateVariable = "MASH_SOAK_RATE";

    public static TimeSpan Duration => TimeSpan.FromMinutes(Read(MinutesVariable, 0));

    public static int ContactsPerSecond => (int)Read(RateVariable, 50);

    /// <summary>Calls in flight at once: enough for the rate at a few tens of milliseconds a call.</summary>
    public static int InFlight => Math.Clamp(ContactsPerSecond / 6, 8, 64);

    private static double Read(string variable, double fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text
            ? double.Parse(text, CultureInfo.InvariantCulture) is > 0 and var value ? value : throw new ArgumentOutOfRangeException(variable, text, "Must be positive.")
            : fallback;
}
