namespace Mash.Intake.Tests.Infrastructure;

/// <summary>A test class's own Intake server on a real port, with police-west holding <paramref name="policeToken"/>.</summary>
public abstract class PoliceIntakeServer(IntakeDatabase database, string policeToken) : IAsyncLifetime
{
    private IntakeServer? server;

    private protected IntakeServer Server => server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() =>
        server = await IntakeServer.StartAsync(new IntakeUnderTest(database), new Dictionary<string, string> { ["police-west"] = policeToken });

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
