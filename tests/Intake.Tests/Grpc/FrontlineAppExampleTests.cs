using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Tests.Progress;

namespace Mash.Intake.Tests.Grpc;

/// <summary>README's C# example (<see cref="FrontlineApp"/>) against a real Intake server, its contact moved on by the progress consumers.</summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class FrontlineAppExampleTests(IntakeDatabase database) : IAsyncLifetime
{
    private const string PoliceToken = "police-west-token-for-the-readme-example-0123456789";
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    private readonly IntakeUnderTest intake = new(database);
    private readonly ProgressEvents events = new(database.DataSource);
    private IntakeServer? server;

    public async Task InitializeAsync() =>
        server = await IntakeServer.StartAsync(intake, new Dictionary<string, string> { ["police-west"] = PoliceToken });

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>The contact the README submits.</summary>
    private static Contact ReadmeContact() => new()
    {
        Agency = new ReferringAgency { OrganisationId = "police-west", ReferralSource = "6" },
        Referrer = new Referrer { Name = "PC Example", Role = "Officer" },
        Subjects = { new Subject { SubjectKey = "s1", Kind = SubjectKind.Child, GivenName = "A", FamilyName = "B" } },
        ContactType = "concern", PresentingIssues = { "neglect" }, Pathway = Pathway.Children,
        Consent = new Consent { State = ConsentState.Given },
    };

    [Fact]
    public async Task The_example_submits_and_follows_the_contact_until_it_is_CLOSED()
    {
        var changes = Channel.CreateUnbounded<ContactStatusChange>();
        var following = FrontlineApp.SubmitAndFollowAsync(server!.Channel, PoliceToken, ReadmeContact(), change => changes.Writer.TryWrite(change));
        Task<ContactStatusChange> NextAsync() => changes.Reader.ReadAsync().AsTask().WaitAsync(HangGuard);

        var received = await NextAsync();
        await events.ConsumeAsync(ProgressEvents.Rated(received.ContactId));
        var inTriage = await NextAsync();
        await events.ConsumeAsync(ProgressEvents.Decided(received.ContactId));
        var decided = await NextAsync();
        await events.ConsumeAsync(ProgressEvents.FedBack(received.ContactId, "advice"));
        var closed = await NextAsync();
        var contactId = await following.WaitAsync(HangGuard);

        Assert.Equal(
            [ContactStatus.Received, ContactStatus.InTriage, ContactStatus.Decided, ContactStatus.Closed],
            new[] { received, inTriage, decided, closed }.Select(c => c.Status));
        Assert.Equal("advice", closed.Outcome);
        Assert.All(new[] { received, inTriage, decided, closed }, c => Assert.Equal(contactId, c.ContactId));
    }

    [Fact]
    public void The_README_shows_the_example_word_for_word()
    {
        var example = File.ReadAllText(Path.Combine(ThisDirectory(), "FrontlineApp.cs")).ReplaceLineEndings("\n");
        var readme = File.ReadAllText(Path.Combine(ThisDirectory(), "..", "..", "..", "README.md")).ReplaceLineEndings("\n");

        Assert.Contains(example[example.IndexOf("public static class FrontlineApp", StringComparison.Ordinal)..].Trim(), readme, StringComparison.Ordinal);
        Assert.All(example.Split('\n').Where(line => line.StartsWith("using ", StringComparison.Ordinal)), line => Assert.Contains(line, readme, StringComparison.Ordinal));
    }

    private static string ThisDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
