namespace Delivery.Core.Configuration;

/// <summary>
/// What <c>DELIVERY_</c> overrides may do where a release is decided (<c>pulumi up</c>, <c>deliver gate</c>,
/// <c>deliver staged</c>): only resize an app (its replicas, idle replicas, resources, autoscaling), and
/// nothing at all when <c>CI</c> is set. Versions, live slots, canary weights, the freeze, the upstream,
/// the tier, registry, CI, access and every other key must come from the reviewed stack file: a
/// pipeline variable or a job's environment is not reviewed (GitLab passes pipeline variables through).
/// </summary>
public static class ReleaseOverrides
{
    /// <summary>Set to a non-empty value in every job by GitHub Actions and GitLab CI.</summary>
    public const string CiVariable = "CI";

    /// <summary>The keys under <c>apps.&lt;app&gt;</c> an override may set outside CI: capacity, which no gate judges.</summary>
    public static readonly IReadOnlyList<string> CapacityKeys = ["replicas", "idleReplicas", "resources", "autoscaling"];

    private const string Where = "pulumi up, deliver gate and deliver staged";

    /// <summary>One error per override the release refuses, naming the variable, the key and the fix.</summary>
    public static IReadOnlyList<ConfigProblem> Refused(IReadOnlyDictionary<string, string> environment)
    {
        var inCi = !string.IsNullOrEmpty(environment.GetValueOrDefault(CiVariable));
        var refused = new List<ConfigProblem>();
        foreach (var entry in EnvironmentOverrides.Read(environment))
        {
            // An unknown key is the loader's error already ("did you mean"), refused with the rest of the config.
            if (ConfigSchema.Check(entry, new List<ConfigProblem>()) is not { } path || (!inCi && IsCapacity(path)))
                continue;
            var variable = EnvironmentOverrides.VariableOf(entry);
            var why = inCi
                ? $"{variable} is set while CI is set: under {Where} in CI no DELIVERY_ variable may change any key, as pipeline variables are not reviewed."
                : $"{variable} may not change it under {Where}: only an app's {string.Join(", ", CapacityKeys)} may be overridden there; every other key is a release or security key and comes from the reviewed stack file.";
            refused.Add(ConfigProblem.Error(path, null, why,
                $"unset {variable} (.ci/release-stack unsets every DELIVERY_ variable) and commit the change to the stack file: " +
                $"deliver promote, switch, canary or rollback for an app's versions, live slot and canary weight; pulumi config set --path {path} <value> for any other key."));
        }
        return refused;
    }

    private static bool IsCapacity(ConfigPath path) =>
        path.ConfigurationKey.Split(':') is [var apps, _, var key, ..]
        && apps.Equals("apps", StringComparison.OrdinalIgnoreCase) && CapacityKeys.Contains(key, StringComparer.OrdinalIgnoreCase);
}
