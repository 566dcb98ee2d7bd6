// The integration tests start real servers on a two-core machine: one at a time keeps them honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
