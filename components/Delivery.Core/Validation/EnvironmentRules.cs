using System.Text.RegularExpressions;
using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Validation;

/// <summary>The tier, the promotion upstream and the freeze.</summary>
internal static partial class EnvironmentRules
{
    public static IEnumerable<ConfigProblem> Check(DeliveryConfig config, ValidationContext context)
    {
        var environment = ConfigPath.Root("environment");
        if (config.Environment.Length == 0)
        {
            yield return ConfigProblem.Error(environment, null, "is required: it picks the tier's defaults and rules.",
                $"pulumi config set {environment} <{string.Join('|', Tiers.Names)}>.");
        }
        else if (context.Profile is null)
        {
            var suggestion = Suggestions.Closest(config.Environment, Tiers.Names);
            yield return ConfigProblem.Error(environment, config.Environment,
                $"is not a known tier; the tiers are {string.Join(", ", Tiers.Names)}.",
                suggestion is null ? $"pulumi config set {environment} <{string.Join('|', Tiers.Names)}>." : $"did you mean \"{suggestion}\"? pulumi config set {environment} {suggestion}.");
        }

        var upstream = ConfigPath.Root("upstream");
        if (config.Upstream.Length > 0 && !StackName().IsMatch(config.Upstream))
        {
            yield return ConfigProblem.Error(upstream, config.Upstream, "is not a stack name.",
                "give the name of the stack this one promotes from, e.g. pulumi config set delivery-platform:upstream staging.");
        }
        else if (config.Upstream.Length == 0 && context.Profile is { RequiresUpstream: true } profile)
        {
            yield return ConfigProblem.Error(upstream, null,
                $"is required in {profile.Name}: without it, a version could take traffic here that never ran live before (the promotion ladder).",
                $"name the stack this one promotes from: pulumi config set {upstream} {(profile.Tier == Tier.Prod ? "staging" : "dev")}.");
        }
        else if (config.Upstream == context.StackName)
        {
            yield return ConfigProblem.Error(upstream, config.Upstream, "names this stack itself, so nothing could ever be promoted.",
                "name the stack releases come from (prod ← staging ← dev), or remove the key.");
        }

        if (config.Freeze.Enabled && string.IsNullOrWhiteSpace(config.Freeze.Reason))
        {
            var reason = ConfigPath.Root("freeze").Key("reason");
            yield return ConfigProblem.Error(reason, null, "a freeze needs a reason, shown to everyone whose change it refuses.",
                $"pulumi config set --path {reason} \"<why and until when>\".");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+){0,2}$")]
    private static partial Regex StackName();
}
