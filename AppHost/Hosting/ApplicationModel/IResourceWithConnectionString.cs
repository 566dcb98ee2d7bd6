namespace Mash.Hosting.ApplicationModel;

/// <summary>A resource others reach through <c>ConnectionStrings__{ConnectionName}</c>.</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>The key under <c>ConnectionStrings</c> a referencing resource reads.</summary>
    string ConnectionName => Name;

    /// <summary>Valid once ports are allocated (<see cref="IDistributedApplicationBuilder.Build"/>).</summary>
    string GetConnectionString();
}
