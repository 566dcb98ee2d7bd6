using Interop.Client;

// dotnet run --project tests/Interop/InteropClient -- --server_host=127.0.0.1 --server_port=PORT --test_case=NAME|all
// Exit code: 0 = every case passed, 1 = a case failed, 2 = bad usage.
if (ClientArgs.Parse(args) is not { } options)
{
    return 2;
}
var cases = options.TestCase == "all" ? InteropCases.Names : [options.TestCase];
var failed = 0;
foreach (var name in cases)
{
    failed += await InteropCases.RunAsync(name, options) ? 0 : 1;
}
if (cases.Count > 1)
{
    Console.WriteLine($"{cases.Count - failed}/{cases.Count} passed");
}
return failed == 0 ? 0 : 1;
