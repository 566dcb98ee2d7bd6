using Interop.Server;

// dotnet run --project tests/Interop/InteropServer -- --port=PORT [--use_tls=false]
if (ServerArgs.Parse(args) is not { } options)
{
    return 2;
}
await using var server = await InteropServerHost.StartAsync(options.Port);
Console.WriteLine($"listening on {server.Port}");
await server.WaitForShutdownAsync();
return 0;
