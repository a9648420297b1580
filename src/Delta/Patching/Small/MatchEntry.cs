namespace Mist.Delta.Patching.Small;

/// <summary>
/// One step of a small patch: copy <see cref="CopyLength"/> bytes from the base window at
/// <see cref="CopyFrom"/> adding difference bytes, then take <see cref="LiteralLength"/> bytes
/// from the literal stream.
/// </summary>
internal readonly record struct MatchEntry(int CopyFrom, int CopyLength, int LiteralLength);
