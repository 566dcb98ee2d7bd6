using Mash.ServiceDefaults;
using Mash.Timeliness;
using Mash.Timeliness.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTimeliness();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<TimelinessGrpcService>();
app.Run();
