using System.Text.Json.Serialization;

namespace Mist.Bench.Chain;

[JsonSerializable(typeof(ChainFigures))]
internal sealed partial class ChainFiguresContext : JsonSerializerContext;
