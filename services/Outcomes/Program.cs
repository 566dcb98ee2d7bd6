using Mash.Outcomes;
using Mash.Outcomes.Grpc;
using Mash.ServiceDefaults;
using MashGrpc.Server;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddOutcomes();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<OutcomesGrpcService>();
app.Run();
