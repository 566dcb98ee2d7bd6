namespace Mash.Hosting.Orchestration;

/// <summary>
/// Starts every resource as soon as what it waits for is up, and stops them in order:
/// projects first (dependents before what they depend on), then the infrastructure.
/// </summary>
internal sealed class Orchestrator
{
    private readonly DistributedApplicationModel _model;
    private readonly RunContext _context;
    private readonly Dictionary<IResource, IResourceRunner> _runners;
    private readonly CancellationTokenSource _starting = new();
    private readonly HashSet<IResource> _launched = [];
    private Task _started = Task.CompletedTask;

    public Orchestrator(DistributedApplicationModel model, RunContext context)
    {
        _model = model;
        _context = context;
        // A database has no process: its server's runner creates it and publishes its states.
        _runners = model.Resources.Where(r => r is not IResourceWithParent<IResource>).ToDictionary(r => r, CreateRunner);
    }

    public void Start()
    {
        // Waiting from the first moment, so nobody sees a dependent as NotStarted while its dependencies boot.
        foreach (var resource in _runners.Keys.Where(r => r.GetWaitDependencies().Any()))
        {
            _context.Publish(resource, s => s with { State = KnownResourceStates.Waiting, Message = $"waiting for {string.Join(", ", resource.GetWaitDependencies())}" });
        }

        _started = Task.WhenAll(_runners.Select(r => Task.Run(() => StartOneAsync(r.Key, r.Value))));
    }

    public async Task StopAsync(CancellationToken force)
    {
        await _starting.CancelAsync();
        await _started;
        // Only what was launched: a resource still Waiting has nothing to stop.
        var stopOrder = _model.StartOrder.Reverse().Where(r => _runners.ContainsKey(r) && IsLaunched(r)).ToList();
        foreach (var project in stopOrder.OfType<ProjectResource>())
        {
            await _runners[project].StopAsync(force);
        }

        await Task.WhenAll(stopOrder.Where(r => r is not ProjectResource).Select(r => _runners[r].StopAsync(force)));
    }

    private async Task StartOneAsync(IResource resource, IResourceRunner runner)
    {
        var dependencies = resource.GetWaitDependencies().ToList();
        try
        {
            if (dependencies.Count > 0)
            {
                foreach (var dependency in dependencies)
                {
                    var up = await _context.Notifications.WaitForResourceAsync(dependency.Name, s => s.IsUp || ResourceStateTransitions.IsTerminal(s.State), _starting.Token);
                    if (!up.IsUp)
                    {
                        throw new DistributedApplicationException($"{dependency.Name} is {up.State}");
                    }
                }

                _context.Publish(resource, s => s with { Message = null });
            }

            lock (_launched)
            {
                _launched.Add(resource);
            }

            await runner.StartAsync(_starting.Token);
        }
        catch (OperationCanceledException) when (_starting.IsCancellationRequested)
        {
            _context.Publish(resource, s => s.State == KnownResourceStates.Waiting ? s with { State = KnownResourceStates.NotStarted } : s);
        }
        catch (DistributedApplicationException e)
        {
            _context.Log(resource, $"not started: {e.Message}", isError: true);
            _context.Publish(resource, s => s with { State = KnownResourceStates.FailedToStart, Message = e.Message });
        }
    }

    private bool IsLaunched(IResource resource)
    {
        lock (_launched)
        {
            return _launched.Contains(resource);
        }
    }

    private IResourceRunner CreateRunner(IResource resource) => resource switch
    {
        ProjectResource project => new ProjectRunner(project, _context),
        PostgresServerResource postgres => new PostgresRunner(postgres, _context),
        RedisResource redis => new RedisRunner(redis, _context),
        RabbitMQServerResource rabbit => new RabbitMQRunner(rabbit, _context),
        IResourceWithRunner custom => custom.CreateRunner(_context),
        _ => throw new NotSupportedException($"No runner for resource '{resource.Name}' ({resource.GetType().Name})."),
    };
}
