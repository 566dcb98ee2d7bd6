namespace Mash.Hosting.Orchestration;

/// <summary>A resource type that brings its own runner (tests use it for resources without processes).</summary>
internal interface IResourceWithRunner : IResource
{
    IResourceRunner CreateRunner(RunContext context);
}
