using System.Text.Json.Serialization;

namespace Mist.Bench.Apply;

[JsonSerializable(typeof(ApplyFigures))]
internal sealed partial class ApplyFiguresContext : JsonSerializerContext;
