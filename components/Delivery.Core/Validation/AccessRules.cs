using System.Text.RegularExpressions;
using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Validation;

/// <summary>The access groups: well-formed, not Kubernetes' own, each in one role; prod administrable and read-only for developers.</summary>
internal static partial class AccessRules
{
    /// <summary>Kubernetes reserves <c>system:</c> groups; <c>system:authenticated</c> is everyone with any credential.</summary>
    private const string ReservedPrefix = "system:";

    public static IEnumerable<ConfigProblem> Check(AccessConfig access, ValidationContext context)
    {
        var problems = new List<ConfigProblem>();
        var root = ConfigPath.Root("access");
        var firstRole = new Dictionary<string, ConfigPath>(StringComparer.Ordinal);
        foreach (var (role, groups) in new[] { ("admins", access.Admins), ("developers", access.Developers), ("viewers", access.Viewers) })
        {
            for (var index = 0; index < groups.Count; index++)
            {
                var group = groups[index];
                var path = root.Key(role).Index(index);
                if (!GroupName().IsMatch(group))
                {
                    problems.Add(ConfigProblem.Error(path, group, "is not a group name: 1–256 characters with no spaces.",
                        "give the group exactly as the cluster's identity provider sends it (the groups claim), e.g. shop-developers."));
                }
                else if (group.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(ConfigProblem.Error(path, group,
                        "is a group Kubernetes itself assigns (system:authenticated is everyone with any credential), not one of your people's.",
                        "name a group of your identity provider instead."));
                }
                else if (firstRole.TryGetValue(group, out var earlier))
                {
                    problems.Add(ConfigProblem.Error(path, group, $"is already given at {earlier}: a group has one role, or its rights are the union of both.",
                        $"keep the group in one role: pulumi config rm --path {path}."));
                }
                else
                {
                    firstRole[group] = path;
                }
            }
        }
        if (context.Profile?.ExpectsAdminGroup == true && access.Admins.Count == 0)
        {
            problems.Add(ConfigProblem.Warning(root.Key("admins"), null,
                "no group may administer prod through this stack; only the cluster's own admin credentials can.",
                $"name the on-call administrators' group: pulumi config set --path '{root.Key("admins").Index(0)}' <group>."));
        }
        if (context.Profile?.DevelopersDeploy == false && access.DevelopersDeploy && access.Developers.Count > 0)
        {
            problems.Add(ConfigProblem.Warning(root.Key("developersDeploy"), "true",
                "developers may change prod workloads, read its Secrets and exec into its pods, outside the release workflow.",
                $"leave prod to the release workflow: pulumi config rm --path {root.Key("developersDeploy")}."));
        }
        return problems;
    }

    [GeneratedRegex(@"^\S{1,256}$")]
    private static partial Regex GroupName();
}
