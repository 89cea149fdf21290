using Delivery.Core.Model;

namespace Delivery.Core.Validation;

/// <summary>What the rules need to know besides the model.</summary>
/// <param name="IsOffline">Read from a stack file: secrets may be unknown, and a missing one is only a warning.</param>
public sealed record ValidationContext(string StackName, Tier? Tier, bool IsOffline);
