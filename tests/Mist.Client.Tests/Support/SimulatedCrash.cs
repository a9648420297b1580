using System.Runtime.CompilerServices;

namespace Mist.Client.Tests.Support;

/// <summary>Thrown from a test seam to stop the client at that exact point, as a kill
/// would; nothing in the client catches it.</summary>
public sealed class SimulatedCrash : Exception
{
    public SimulatedCrash()
        : base("simulated crash")
    {
    }

    /// <summary>A hook that throws on its <paramref name="at"/>-th call (from 0); the
    /// counter says how many calls were made.</summary>
    public static Action At(int at, StrongBox<int> calls) => () =>
    {
        if (calls.Value++ == at)
        {
            throw new SimulatedCrash();
        }
    };

    /// <summary>A hook that only counts its calls.</summary>
    public static Action Never(StrongBox<int> calls) => () => calls.Value++;
}
