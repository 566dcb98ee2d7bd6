var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var redis = builder.AddRedis("redis");
var rabbitmq = builder.AddRabbitMQ("rabbitmq");

builder.AddProject<Projects.FakeService>("fake")
    .WithReference(postgres.AddDatabase("fakedb")).WithReference(redis).WithReference(rabbitmq)
    .WaitFor(postgres).WaitFor(redis).WaitFor(rabbitmq);

builder.Build().Run();
