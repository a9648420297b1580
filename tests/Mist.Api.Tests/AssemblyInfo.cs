// Each test class hosts a whole server (web, Wolverine, the async daemon) on its own database;
// on a 2-core machine, running them side by side starves the background workers that
// eventually-consistent tests wait for. One class at a time keeps waits short and honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
