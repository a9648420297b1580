using Mist.Bench.Apply;
using Mist.Bench.Chain;
using Mist.Bench.Delta;
using Mist.Bench.Ingest;

// Benchmarks print human-readable figures first and one JSON line last, so scripts can take
// the last line and people can read the rest.
return args switch
{
    ["apply", .. var rest] => await ApplyBenchmark.RunAsync(rest),
    ["delta", .. var rest] => await DeltaBenchmark.RunAsync(rest),
    ["delta-large", .. var rest] => await LargeFileBenchmark.RunAsync(rest),
    ["ingest", .. var rest] => await IngestBenchmark.RunAsync(rest),
    ["chain", .. var rest] => await ChainBenchmark.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Mist.Bench apply OLD_DIR NEW_DIR [--runs N]");
    Console.Error.WriteLine("       Mist.Bench delta OLD_DIR NEW_DIR [--mode small|fast|auto]");
    Console.Error.WriteLine(
        "       Mist.Bench delta-large OLD_DIR NEW_DIR [--size GIB] [--mode M]");
    Console.Error.WriteLine("       Mist.Bench ingest DIR");
    Console.Error.WriteLine("       Mist.Bench chain [POSTGRES_CONNECTION_STRING]");
    return 2;
}
