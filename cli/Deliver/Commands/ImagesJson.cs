using Delivery.Core.Release;

namespace Deliver.Commands;

/// <summary>What <c>deliver images --json</c> prints: the stack, the severities its scan fails on, its images.</summary>
internal sealed record ImagesJson(string Stack, string Severity, IReadOnlyList<SlotImage> Images);
