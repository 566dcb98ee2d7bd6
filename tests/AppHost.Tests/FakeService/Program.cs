var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();

// FAKE_UNHEALTHY=1: /health answers 503 for ever, so whatever waits for this service never starts.
var healthy = app.Configuration["FAKE_UNHEALTHY"] != "1";
app.MapGet("/health", () => healthy ? Results.Text("Healthy") : Results.Text("Unhealthy", statusCode: 503));
app.MapGet("/alive", () => "Healthy");
app.MapGet("/env", () => Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
    .ToDictionary(e => (string)e.Key, e => (string?)e.Value));
app.MapGet("/config/{*key}", (string key, IConfiguration config) => config[key.Replace('/', ':')] ?? "");
app.MapGet("/protocol", (HttpContext http) => http.Request.Protocol);

// A crash: exit just after answering, with 42 as an unhandled exception would, or with the code
// given (0 is how a host stopped by a failing BackgroundService exits).
app.MapPost("/crash", (int? code) =>
{
    _ = Task.Delay(100).ContinueWith(_ => Environment.Exit(code ?? 42), TaskScheduler.Default);
    return Results.Accepted();
});

// Sends one OTLP log export where the AppHost told it to, named as the AppHost told it to.
app.MapPost("/emit-telemetry", async (IConfiguration config) =>
{
    using var http = new HttpClient();
    using var body = new ByteArrayContent(FakeService.OtlpRequest.WithServiceName(config["OTEL_SERVICE_NAME"]!));
    body.Headers.ContentType = new("application/x-protobuf");
    using var response = await http.PostAsync($"{config["OTEL_EXPORTER_OTLP_ENDPOINT"]}/v1/logs", body);
    return Results.StatusCode((int)response.StatusCode);
});

Console.WriteLine($"fake service {Environment.ProcessId} listening");
app.Run();
