using Delivery.Core.Monitoring;
using Delivery.Core.Tests.Monitoring;

namespace Delivery.Core.Tests.Charts;

/// <summary>
/// kube-prometheus-stack hands alertmanager.config to the Prometheus Operator it runs, which decodes
/// it strictly into its own types and rejects the whole config on an unknown field, so no receiver is
/// updated any more. Every receiver kind's block uses only the fields that operator version knows
/// (its facts' <c>alertmanagerConfigKeys</c>, read from its source).
/// </summary>
public sealed class ReceiverDecodeTests
{
    public static TheoryData<string> Kinds() => [.. ReceiverKinds.Names];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_receiver_kind_decodes_under_the_operator_the_chart_runs(string kind)
    {
        var known = ChartFacts.Files.Values.Single(f => f.Chart == "kube-prometheus-stack").AlertmanagerConfigKeys;
        var sample = ReceiverKindsTests.All.Single(s => s.Kind == kind);
        var tree = AlertmanagerConfig.Build(ReceiverKindsTests.Load(sample).Config);
        var unknown = new List<string>();

        foreach (var receiver in ((List<object?>)tree["receivers"]!).Cast<OrderedDictionary<string, object?>>())
        {
            Collect(receiver, "receiver", known, unknown);
            foreach (var (integration, blocks) in receiver.Where(entry => entry.Key.EndsWith("_configs", StringComparison.Ordinal)))
            {
                foreach (var block in ((List<object?>)blocks!).Cast<OrderedDictionary<string, object?>>())
                {
                    Collect(block, integration, known, unknown);
                    if (block.GetValueOrDefault("http_config") is OrderedDictionary<string, object?> http)
                    {
                        Collect(http, "http_config", known, unknown);
                        if (http.GetValueOrDefault("basic_auth") is OrderedDictionary<string, object?> basic)
                            Collect(basic, "basic_auth", known, unknown);
                    }
                }
            }
        }

        Assert.True(unknown.Count == 0, $"{kind}: the operator rejects the whole Alertmanager config on: {string.Join(", ", unknown.Distinct())}");
    }

    private static void Collect(OrderedDictionary<string, object?> block, string type, IReadOnlyDictionary<string, List<string>> known, List<string> unknown)
    {
        Assert.True(known.ContainsKey(type), $"the kube-prometheus-stack facts list no keys for {type}");
        unknown.AddRange(block.Keys.Where(key => !known[type].Contains(key)).Select(key => $"{type}.{key}"));
    }
}
