namespace Delivery.Core.Io;

/// <summary>Monitoring could not answer (unreachable, a bad URL, a rejected query): no verdict either way. Its message is one line.</summary>
public sealed class CannotJudgeException(string message) : Exception(message);
