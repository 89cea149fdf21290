using System.Globalization;
using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Validation;

/// <summary>Retention, storage, alert receivers and SLO defaults.</summary>
internal static class MonitoringRules
{
    public static IEnumerable<ConfigProblem> Check(MonitoringConfig monitoring, ValidationContext context)
    {
        var root = ConfigPath.Root("monitoring");
        if (!monitoring.Enabled)
            yield break;
        if (monitoring.RetentionDays < 1)
        {
            yield return ConfigProblem.Error(root.Key("retentionDays"), monitoring.RetentionDays.ToString(CultureInfo.InvariantCulture),
                "must be at least 1 day.", $"pulumi config set --path {root.Key("retentionDays")} 15.");
        }
        if (Bounds.Above(root.Key("retentionDays"), monitoring.RetentionDays, Bounds.RetentionDays, 1, Bounds.RetentionWhy) is { } tooLong)
            yield return tooLong;
        if (!Quantities.IsValid(monitoring.StorageSize))
        {
            yield return ConfigProblem.Error(root.Key("storageSize"), monitoring.StorageSize, "is not a storage size.",
                $"pulumi config set --path {root.Key("storageSize")} 20Gi.");
        }
        if (monitoring.GrafanaHost.Length > 0 && !Names.IsDns1123Subdomain(monitoring.GrafanaHost))
        {
            yield return ConfigProblem.Error(root.Key("grafanaHost"), monitoring.GrafanaHost, "is not a DNS host name.",
                $"pulumi config set --path {root.Key("grafanaHost")} grafana.<your domain>.");
        }
        var receivers = root.Key("receivers");
        foreach (var (tier, receiver) in new[]
        {
            ("critical", monitoring.Receivers.Critical), ("warning", monitoring.Receivers.Warning),
            ("info", monitoring.Receivers.Info), ("tracker", monitoring.Receivers.Tracker),
        })
        {
            var requiredWhy = tier == "critical" && context.Tier == Tier.Prod ? "in prod, so that critical alerts page someone" : null;
            foreach (var problem in ReceiverRules.Check(receivers.Key(tier), receiver, context, requiredWhy))
                yield return problem;
        }
        foreach (var problem in SloRules.Check(root.Key("slo"), monitoring.Slo))
            yield return problem;
    }
}
