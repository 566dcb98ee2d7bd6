using System.Runtime.CompilerServices;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Tests.Progress;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;

namespace Mash.Intake.Tests.Returns;

/// <summary>services/Intake/README.md's C# example (<see cref="ReturnDownload"/>) against a real Intake server.</summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class ReturnDownloadExampleTests(IntakeDatabase database) : IAsyncLifetime
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private readonly IntakeUnderTest intake = new(database);
    private readonly string directory = Directory.CreateTempSubdirectory("mash-returns-").FullName;
    private IntakeServer? server;

    public async Task InitializeAsync() => server = await IntakeServer.StartAsync(intake, new Dictionary<string, string>());

    public async Task DisposeAsync()
    {
        Directory.Delete(directory, recursive: true);
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_example_saves_the_year_s_List_3_under_the_name_Intake_gives_it()
    {
        var history = await ReturnHistory.StoreAsync(intake, new ProgressEvents(database.DataSource));

        var path = await ReturnDownload.SaveAnnexAList3Async(server!.Channel, TestTokens.For("mgr-1", MashRoles.Manager), ReturnHistory.From, ReturnHistory.To, directory)
            .WaitAsync(HangGuard);

        Assert.Equal(Path.Combine(directory, "annex-a-list-3_2019-04-01_2020-03-31.xlsx"), path);
        var rows = ReturnSheets.ReadXlsx(await File.ReadAllBytesAsync(path));
        Assert.Equal("Child Unique ID", rows[0][0]);
        Assert.Equal(["0", "1", "2"], rows.Where(r => r[0] == history.ChildAId).Select(r => r[9]));
    }

    [Fact]
    public void The_README_shows_the_example_word_for_word()
    {
        var example = File.ReadAllText(Path.Combine(ThisDirectory(), "ReturnDownload.cs")).ReplaceLineEndings("\n");
        var readme = File.ReadAllText(Path.Combine(ThisDirectory(), "..", "..", "..", "services", "Intake", "README.md")).ReplaceLineEndings("\n");

        Assert.Contains(example[example.IndexOf("public static class ReturnDownload", StringComparison.Ordinal)..].Trim(), readme, StringComparison.Ordinal);
        Assert.All(example.Split('\n').Where(line => line.StartsWith("using ", StringComparison.Ordinal)), line => Assert.Contains(line, readme, StringComparison.Ordinal));
    }

    private static string ThisDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
