namespace Delivery.Core.Io;

/// <summary>The release history cannot be read (no git, a shallow clone, no commits); its message is one line with the fix.</summary>
public sealed class HistoryUnavailableException(string message) : Exception(message);
