using System.Runtime.CompilerServices;

// The patch tests build malformed headers with the same writer the encoder uses.
[assembly: InternalsVisibleTo("Mist.Delta.Tests")]

// The benchmark prints where the small encoder's time goes.
[assembly: InternalsVisibleTo("Mist.Bench")]
