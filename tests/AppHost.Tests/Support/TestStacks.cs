namespace AppHost.Tests.Support;

/// <summary>A state directory and options for an AppHost under test: free ports, output to a kept log file.</summary>
internal sealed class TestStack : IDisposable
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "mash-apphost-tests");

    public TestStack(string name)
    {
        Name = $"{name}-{Guid.NewGuid().ToString("N")[..6]}";
        StateDirectory = Path.Combine(Root, Name);
        Directory.CreateDirectory(Path.Combine(Root, "logs"));
        LogFile = Path.Combine(Root, "logs", Name + ".log");
        Output = new StreamWriter(LogFile) { AutoFlush = true };
    }

    public string Name { get; }

    public string StateDirectory { get; }

    /// <summary>Kept after the test: what the AppHost and every resource printed.</summary>
    public string LogFile { get; }

    public StreamWriter Output { get; }

    public DistributedApplicationOptions Options => new()
    {
        StackName = Name,
        StateDirectory = StateDirectory,
        DashboardPort = 0,
        OtlpPort = 0,
        Output = Output,
        ProjectStopTimeout = TimeSpan.FromSeconds(10),
    };

    public IDistributedApplicationBuilder CreateBuilder() => DistributedApplication.CreateBuilder(Options);

    public string Tail(int lines = 60) => string.Join('\n', File.ReadLines(LogFile).TakeLast(lines));

    public void Dispose()
    {
        Output.Dispose();
        try
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
