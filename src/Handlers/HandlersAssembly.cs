namespace Mist.Handlers;

/// <summary>Marks this assembly for Wolverine's handler discovery.</summary>
public sealed class HandlersAssembly;
