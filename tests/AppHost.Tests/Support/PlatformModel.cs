namespace Mash.AppHost.Tests.Support;

/// <summary>
/// The AppHost's model built as <see cref="RunningPlatform"/> builds it, with a state directory of
/// its own (deleted with it), for tests of what the AppHost would do without starting it all.
/// </summary>
public sealed class PlatformModel(IDistributedApplicationTestingBuilder builder, string stateDirectory) : IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

    public IDistributedApplicationTestingBuilder Builder { get; } = builder;

    /// <param name="stack">The stack's name (<c>MASH_STACK</c>), which names its processes.</param>
    public static async Task<PlatformModel> CreateAsync(string stack)
    {
        using var timeout = new CancellationTokenSource(BuildTimeout);
        var stateDirectory = RunningPlatform.NewStateDirectory();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(RunningPlatform.Arguments(stateDirectory, stack), timeout.Token);
        return new PlatformModel(builder, stateDirectory);
    }

    public ProjectResource Project(string name) => Builder.Resources.OfType<ProjectResource>().Single(r => r.Name == name);

    public void Dispose()
    {
        Builder.Dispose();
        Directory.Delete(stateDirectory, recursive: true);
    }
}
