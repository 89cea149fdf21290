namespace Deliver;

/// <summary>A mistake in how deliver was called (exit code 2); its message is the one line shown.</summary>
internal sealed class UsageException(string message) : Exception(message);
