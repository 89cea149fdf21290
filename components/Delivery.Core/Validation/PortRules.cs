using System.Globalization;
using Delivery.Core.Configuration;

namespace Delivery.Core.Validation;

internal static class PortRules
{
    /// <summary>Ports below 1024 need root or a capability, which restricted pods and rootless containers lack.</summary>
    public static IEnumerable<ConfigProblem> Check(ConfigPath path, int port, string purpose)
    {
        if (port is < 1024 or > 65535)
        {
            yield return ConfigProblem.Error(path, port.ToString(CultureInfo.InvariantCulture),
                $"is not a usable port for {purpose}: it must be 1024–65535 (lower ports need root).",
                $"pulumi config set --path {path} <1024–65535>.");
        }
    }
}
