using Mash.Intake;
using Mash.Intake.Grpc;
using Mash.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIntake();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<IntakeGrpcService>();
app.MapGrpcService<ReturnsGrpcService>();
app.Run();
