using MashGrpc.Core;
using Microsoft.AspNetCore.Http;

namespace MashGrpc.Server;

public static class ServerCallContextExtensions
{
    /// <summary>The ASP.NET Core request behind a call (for its services, user, connection).</summary>
    public static HttpContext GetHttpContext(this ServerCallContext context) =>
        (context as HttpServerCallContext)?.HttpContext
        ?? throw new InvalidOperationException("This call context does not come from an ASP.NET Core request.");
}
