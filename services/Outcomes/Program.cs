using Mash.Outcomes;
using Mash.Outcomes.Grpc;
using Mash.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddOutcomes();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<OutcomesGrpcService>();
app.Run();
