using Delivery.Core.Model;

namespace Delivery.Core.Configuration;

/// <summary>The bound model of one stack and every problem found in it.</summary>
public sealed record LoadedConfig(string StackName, DeliveryConfig Config, Tier? Tier, IReadOnlyList<ConfigProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.IsError);

    public IEnumerable<ConfigProblem> Errors => Problems.Where(p => p.IsError);

    public IEnumerable<ConfigProblem> Warnings => Problems.Where(p => !p.IsError);
}
