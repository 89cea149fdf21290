using System.Globalization;
using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Validation;

internal static class SloRules
{
    public static IEnumerable<ConfigProblem> Check(ConfigPath root, SloConfig slo)
    {
        if (slo.ErrorRateTarget is { } target && target is <= 0 or >= 1)
        {
            yield return ConfigProblem.Error(root.Key("errorRateTarget"), target.ToString(CultureInfo.InvariantCulture),
                "is the allowed ratio of failed requests and must be between 0 and 1 (0.001 means 99.9% succeed).",
                $"pulumi config set --path {root.Key("errorRateTarget")} 0.001.");
        }
        if (slo.LatencyP95Ms is { } latency && latency < 1)
        {
            yield return ConfigProblem.Error(root.Key("latencyP95Ms"), latency.ToString(CultureInfo.InvariantCulture),
                "must be a positive number of milliseconds.", $"pulumi config set --path {root.Key("latencyP95Ms")} 300.");
        }
    }
}
