using Mash.AppHost.Identity;
using Mash.AppHost.Servers;
using Mash.AppHost.Services;

// The MASH Platform: five services, each with its own database, one bus, and the board's web page. Aspire's orchestrator
// starts every resource once what it waits for is healthy and its dashboard shows them all.
var builder = DistributedApplication.CreateBuilder(args);

// Who may call: the Authentication section (appsettings.Development.json: staff tokens from
// `dotnet user-jwts create --project AppHost`, the development agencies) goes to every service.
builder.EnsureDevelopmentSigningKey();

// No container runtime on these machines, so the servers run from Debian's packages as processes,
// their data under .state/<stack>. Where Docker runs, Aspire.Hosting.PostgreSQL/Redis/RabbitMQ's
// AddPostgres, AddRedis and AddRabbitMQ replace these three lines and nothing else changes.
// A server that crashes is restarted with back-off, as a service is (AddService).
var postgres = builder.AddPostgresProcess("postgres").WithRestartOnFailure();
var redis = builder.AddRedisProcess("redis").WithRestartOnFailure();
var rabbitmq = builder.AddRabbitMQProcess("rabbitmq").WithRestartOnFailure();

// Each service reads its own database as ConnectionStrings:postgres, through a pool of the size
// given here: PostgreSQL's max_connections is these added up, with headroom for the AppHost and
// operators (README.md, "Connection budget"). Intake's pool serves the agencies' calls and group
// commits; the others' mostly their consumers (ServiceDefaults' ConsumerBudget).
var intakedb = postgres.AddDatabase("intakedb");
var intake = builder.AddService<Projects.Intake>("intake", grpcPort: 5101)
    .WithDatabase(intakedb, maxPoolSize: 24).WithReference(redis).WithReference(rabbitmq)
    .WaitFor(rabbitmq);

var triagedb = postgres.AddDatabase("triagedb");
var triage = builder.AddService<Projects.Triage>("triage", grpcPort: 5102)
    .WithDatabase(triagedb, maxPoolSize: 16).WithReference(redis).WithReference(rabbitmq).WithReference(intake)
    .WaitFor(rabbitmq).WaitFor(intake);

var timelinessdb = postgres.AddDatabase("timelinessdb");
var timeliness = builder.AddService<Projects.Timeliness>("timeliness", grpcPort: 5103)
    .WithDatabase(timelinessdb, maxPoolSize: 16).WithReference(redis).WithReference(rabbitmq).WithReference(triage)
    .WaitFor(rabbitmq).WaitFor(triage);

var outcomesdb = postgres.AddDatabase("outcomesdb");
var outcomes = builder.AddService<Projects.Outcomes>("outcomes", grpcPort: 5104)
    .WithDatabase(outcomesdb, maxPoolSize: 16).WithReference(redis).WithReference(rabbitmq).WithReference(timeliness)
    .WaitFor(rabbitmq).WaitFor(timeliness);

// Quality consumes a dozen kinds of event, each endpoint holding a connection while it applies a
// batch, and still answers the board's reads beside them.
var qualitydb = postgres.AddDatabase("qualitydb");
var quality = builder.AddService<Projects.Quality>("quality", grpcPort: 5105)
    .WithDatabase(qualitydb, maxPoolSize: 24).WithReference(redis).WithReference(rabbitmq).WithReference(outcomes)
    .WaitFor(rabbitmq).WaitFor(outcomes);

// The board's page (a browser's, on its http endpoint): the scorecard and assurance from Quality, the
// live outcome feed from Outcomes, breach alerts from Timeliness, each called as the signed-in person.
builder.AddWebPage<Projects.Board>("board")
    .WithReference(quality).WithReference(outcomes).WithReference(timeliness)
    .WaitFor(quality).WaitFor(outcomes).WaitFor(timeliness);

// Intake announces contacts no faster than their first consumers take them, so an overload piles up
// in its outbox, where it sees it and sheds (Intake:MaxUnpublishedEvents), rather than in the queues.
// The queues are named <service>-<consumer>, after each consumer of ContactReceived.
intake.WithEventsPacedBy("triage-contact-received", "timeliness-contact-received", "outcomes-contact-received", "quality-contact-received");

builder.Build().Run();
