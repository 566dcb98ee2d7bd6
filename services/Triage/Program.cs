using Mash.ServiceDefaults;
using Mash.Triage;
using Mash.Triage.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTriage();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<TriageGrpcService>();
app.Run();
