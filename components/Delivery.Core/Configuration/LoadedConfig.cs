using Delivery.Core.Model;

namespace Delivery.Core.Configuration;

/// <summary>The bound model of one stack and every problem found in it.</summary>
/// <param name="Profile">The profile of the tier the stack names; null when it names none.</param>
/// <param name="Stack">The validated stack, which renderers take; null while there is an error.</param>
public sealed record LoadedConfig(string StackName, DeliveryConfig Config, TierProfile? Profile, ValidStack? Stack, IReadOnlyList<ConfigProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.IsError);

    public IEnumerable<ConfigProblem> Errors => Problems.Where(p => p.IsError);

    public IEnumerable<ConfigProblem> Warnings => Problems.Where(p => !p.IsError);
}
