using Mash.Quality;
using Mash.Quality.Grpc;
using Mash.Quality.Registers.Grpc;
using Mash.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddQuality();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<QualityGrpcService>();
app.MapGrpcService<AssuranceGrpcService>();
app.MapGrpcService<AuditGrpcService>();
app.MapGrpcService<RegistersGrpcService>();
app.Run();
