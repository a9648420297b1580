using System.Text.Json.Serialization;

namespace Mist.Client.Http;

/// <summary>How the server's plan takes an install to its target.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UpdatePlanKind>))]
public enum UpdatePlanKind
{
    /// <summary>The install already is the target.</summary>
    UpToDate,

    /// <summary>Apply the plan's patches in order.</summary>
    PatchChain,

    /// <summary>Download the target's chunks the install lacks.</summary>
    Chunks,

    /// <summary>Download every chunk of the target.</summary>
    Full,
}
