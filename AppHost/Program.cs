var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var redis = builder.AddRedis("redis");
var rabbitmq = builder.AddRabbitMQ("rabbitmq");

var intake = builder.AddProject<Projects.Intake>("intake")
    .WithReference(postgres.AddDatabase("intakedb")).WithReference(redis).WithReference(rabbitmq)
    .WaitFor(postgres).WaitFor(rabbitmq);

var triage = builder.AddProject<Projects.Triage>("triage")
    .WithReference(postgres.AddDatabase("triagedb")).WithReference(redis).WithReference(rabbitmq).WithReference(intake)
    .WaitFor(postgres).WaitFor(rabbitmq).WaitFor(intake);

var timeliness = builder.AddProject<Projects.Timeliness>("timeliness")
    .WithReference(postgres.AddDatabase("timelinessdb")).WithReference(redis).WithReference(rabbitmq).WithReference(triage)
    .WaitFor(postgres).WaitFor(rabbitmq).WaitFor(triage);

var outcomes = builder.AddProject<Projects.Outcomes>("outcomes")
    .WithReference(postgres.AddDatabase("outcomesdb")).WithReference(redis).WithReference(rabbitmq).WithReference(timeliness)
    .WaitFor(postgres).WaitFor(rabbitmq).WaitFor(timeliness);

builder.AddProject<Projects.Quality>("quality")
    .WithReference(postgres.AddDatabase("qualitydb")).WithReference(redis).WithReference(rabbitmq).WithReference(outcomes)
    .WaitFor(postgres).WaitFor(rabbitmq).WaitFor(outcomes);

builder.Build().Run();
