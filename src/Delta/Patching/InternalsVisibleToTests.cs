using System.Runtime.CompilerServices;

// The patch tests build malformed headers with the same writer the encoder uses.
[assembly: InternalsVisibleTo("Mist.Delta.Tests")]
