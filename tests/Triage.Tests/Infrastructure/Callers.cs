using Mash.ServiceDefaults;

namespace Mash.Triage.Tests.Infrastructure;

/// <summary>Call contexts carrying an authenticated caller as the platform's authentication leaves it (tests/Testing's TestPrincipals).</summary>
internal static class Callers
{
    public static TestCallContext Practitioner(string id = "sw-1") => TestCallContext.ByStaff(id, [MashRoles.Practitioner]);

    public static TestCallContext Manager(string id = "mgr-1") => TestCallContext.ByStaff(id, [MashRoles.Manager]);

    public static TestCallContext Importer(string id = "legacy-import") => TestCallContext.ByStaff(id, [MashRoles.Importer]);

    public static TestCallContext Agency(string agencyId) => TestCallContext.ByAgency(agencyId);
}
