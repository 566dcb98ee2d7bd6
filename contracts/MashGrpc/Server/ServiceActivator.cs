using Microsoft.Extensions.DependencyInjection;

namespace MashGrpc.Server;

/// <summary>
/// A service instance per call: the one registered in DI if any, else a new one built from DI
/// (disposed after the call), as Grpc.AspNetCore does.
/// </summary>
internal static class ServiceActivator<TService> where TService : class
{
    private static readonly ObjectFactory Factory = ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes);

    public static Task<TResult> InvokeAsync<TResult>(IServiceProvider services, Func<TService, Task<TResult>> call) =>
        InvokeAsync(services, call, static (service, call) => call(service));

    /// <summary>The same with the call's arguments passed as state, so a caller needs no closure.</summary>
    public static async Task<TResult> InvokeAsync<TState, TResult>(IServiceProvider services, TState state, Func<TService, TState, Task<TResult>> call)
    {
        var registered = services.GetService<TService>();
        var service = registered ?? (TService)Factory(services, null);
        try
        {
            return await call(service, state).ConfigureAwait(false);
        }
        finally
        {
            if (registered is null)
            {
                await DisposeAsync(service).ConfigureAwait(false);
            }
        }
    }

    public static Task InvokeAsync(IServiceProvider services, Func<TService, Task> call) =>
        InvokeAsync(services, async service =>
        {
            await call(service).ConfigureAwait(false);
            return true;
        });

    private static ValueTask DisposeAsync(TService service)
    {
        switch (service)
        {
            case IAsyncDisposable asyncDisposable:
                return asyncDisposable.DisposeAsync();
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
        return ValueTask.CompletedTask;
    }
}
