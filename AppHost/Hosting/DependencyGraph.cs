namespace Mash.Hosting;

/// <summary>Orders resources so each comes after what it waits for; a cycle would wait forever, so it throws.</summary>
public static class DependencyGraph
{
    public static IReadOnlyList<T> TopologicalOrder<T>(IEnumerable<T> nodes, Func<T, IEnumerable<T>> dependenciesOf) where T : notnull
    {
        var order = new List<T>();
        var state = new Dictionary<T, bool>(); // false: on the current path, true: placed
        foreach (var node in nodes)
        {
            Visit(node, []);
        }

        return order;

        void Visit(T node, List<T> path)
        {
            if (state.TryGetValue(node, out var placed))
            {
                if (!placed)
                {
                    var cycle = path.SkipWhile(n => !n.Equals(node)).Append(node);
                    throw new DistributedApplicationException($"WaitFor cycle: {string.Join(" -> ", cycle)}");
                }

                return;
            }

            state[node] = false;
            path.Add(node);
            foreach (var dependency in dependenciesOf(node))
            {
                Visit(dependency, path);
            }

            path.RemoveAt(path.Count - 1);
            state[node] = true;
            order.Add(node);
        }
    }
}
