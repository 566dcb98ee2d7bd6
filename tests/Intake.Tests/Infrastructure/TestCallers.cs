using Mash.ServiceDefaults;

namespace Mash.Intake.Tests.Infrastructure;

/// <summary>Call contexts as the platform's authentication leaves them: the caller's credentials already checked.</summary>
internal static class TestCallers
{
    public const string PoliceWest = "police-west";

    /// <summary>The gRPC method GetContact's audit rows name.</summary>
    public const string GetContactMethod = "/mash.intake.v1.IntakeService/GetContact";

    public static TestCallContext Agency(string organisationId = PoliceWest, CancellationToken cancellationToken = default, string method = "/test") =>
        TestCallContext.ByAgency(organisationId, cancellationToken, method);

    /// <summary>An importer replaying a legacy case system's history.</summary>
    public static TestCallContext Importer(string subject = "legacy-import", string method = "/test") =>
        TestCallContext.ByStaff(subject, [MashRoles.Importer], method: method);

    /// <summary>A MASH practitioner screening contacts.</summary>
    public static TestCallContext Practitioner(string subject = "sw-1", string method = "/test") =>
        TestCallContext.ByStaff(subject, [MashRoles.Practitioner], method: method);
}
