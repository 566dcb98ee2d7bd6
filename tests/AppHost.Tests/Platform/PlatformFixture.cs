using Mash.AppHost.Tests.Support;

namespace Mash.AppHost.Tests.Platform;

/// <summary>One running platform for the tests that only look at it (starting one costs 15-60 s).</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private RunningPlatform? _platform;

    public RunningPlatform Platform => _platform ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _platform = await RunningPlatform.StartAsync();

    public async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
            TryDelete(_platform.StateDirectory);
        }
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Under the temp directory: left for the OS.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
