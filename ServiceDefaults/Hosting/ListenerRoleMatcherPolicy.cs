using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace Mash.ServiceDefaults;

/// <summary>
/// Drops route candidates whose <see cref="ListenerRoleMetadata"/> names another listener than
/// the one this request arrived on, the way ASP.NET Core's HostMatcherPolicy does for hosts: the
/// route then simply does not exist on that port (404), whatever the path.
/// </summary>
internal sealed class ListenerRoleMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<ListenerRoleMetadata>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        // Untagged connections (an in-memory TestServer, say) see every route: there is no port to keep them to.
        if (httpContext.GetListenerRole() is not { } role)
        {
            return Task.CompletedTask;
        }
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) && candidates[i].Endpoint.Metadata.GetMetadata<ListenerRoleMetadata>() is { } required && required.Role != role)
            {
                candidates.SetValidity(i, false);
            }
        }
        return Task.CompletedTask;
    }
}
