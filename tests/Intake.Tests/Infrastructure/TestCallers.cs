using Mash.Intake.Security;

namespace Mash.Intake.Tests.Infrastructure;

/// <summary>Call contexts as the authentication interceptor leaves them: an agency's credentials already checked.</summary>
internal static class TestCallers
{
    public const string PoliceWest = "police-west";

    public static TestCallContext Agency(string organisationId = PoliceWest, CancellationToken cancellationToken = default)
    {
        var context = new TestCallContext(cancellationToken);
        context.SetAuthenticatedAgency(new AuthenticatedAgency(organisationId));
        return context;
    }
}
