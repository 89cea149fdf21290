using System.Globalization;
using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Bench;

/// <summary>
/// A large, valid stack config made up for the rendering benchmark and the large-scale tests:
/// <c>appCount</c> apps in a prod tier, with hosts, callers, canaries and autoscaling mixed in.
/// </summary>
public static class SyntheticStack
{
    public static StackConfig Generate(int appCount)
    {
        var entries = new List<ConfigEntry>
        {
            Plain("environment", "prod"),
            Plain("upstream", "staging"),
            Plain("cluster:mode", "existing"),
            new("cluster:kubeconfig", "kubeconfig", SecretState.Secret, Origin),
            new("monitoring:receivers:critical:webhookUrl", "https://pager.example.com/hook", SecretState.Secret, Origin),
            Plain("registry:mode", "external"),
            Plain("registry:url", "ghcr.io/synthetic"),
            Plain("registry:pullUsername", "reader"),
            new("registry:pullPassword", "token", SecretState.Secret, Origin),
        };
        for (var i = 0; i < appCount; i++)
        {
            var name = $"service-{i.ToString("D4", CultureInfo.InvariantCulture)}";
            entries.Add(Plain($"apps:{name}:image", $"synthetic/{name}"));
            entries.Add(Plain($"apps:{name}:blue", Pinned($"1.{i % 7}.{i % 13}")));
            entries.Add(Plain($"apps:{name}:green", Pinned($"1.{i % 7}.{i % 13 + 1}-g{i:x7}")));
            entries.Add(Plain($"apps:{name}:live", i % 2 == 0 ? "blue" : "green"));
            entries.Add(Plain($"apps:{name}:env:APP_INDEX", i.ToString(CultureInfo.InvariantCulture)));
            if (i % 3 == 0)
            {
                entries.Add(Plain($"apps:{name}:host", $"{name}.synthetic.example.com"));
                entries.Add(Plain($"apps:{name}:canaryWeight", (i % 50).ToString(CultureInfo.InvariantCulture)));
            }
            if (i > 0)
                entries.Add(Plain($"apps:{name}:callers:0", $"service-{(i - 1).ToString("D4", CultureInfo.InvariantCulture)}"));
            if (i % 4 == 0)
                entries.Add(Plain($"apps:{name}:autoscaling:maxReplicas", "12"));
        }
        return new StackConfig("synthetic", entries, [], IsOffline: false);
    }

    private const string Origin = "synthetic stack";

    private static ConfigEntry Plain(string key, string value) => new(key, value, SecretState.Plaintext, Origin);

    /// <summary>A prod version carries its digest; a made-up but well-formed one, from the version itself.</summary>
    private static string Pinned(string version) =>
        $"{version}@sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(version)))}";
}
