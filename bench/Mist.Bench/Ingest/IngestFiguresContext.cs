using System.Text.Json.Serialization;

namespace Mist.Bench.Ingest;

[JsonSerializable(typeof(IngestFigures))]
internal sealed partial class IngestFiguresContext : JsonSerializerContext;
