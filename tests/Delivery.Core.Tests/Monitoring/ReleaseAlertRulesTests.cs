using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Monitoring;
using Delivery.Core.Platform;
using Delivery.Core.Tests.Tools;

namespace Delivery.Core.Tests.Monitoring;

public sealed class ReleaseAlertRulesTests
{
    private const string Labels = "label_app_kubernetes_io_name=\"api\",label_delivery_platform_slot=\"blue\",label_app_kubernetes_io_version=\"1.6.0\",label_delivery_platform_release=\"1.6.0-abcdef0123\"";

    private static (string, string) PodLabels(string pod, string labels = Labels) =>
        ($"kube_pod_labels{{namespace=\"apps\",pod=\"{pod}\",{labels}}}", "1+0x30");

    private static (string, string) Ready(string pod, string condition, string values) =>
        ($"kube_pod_status_ready{{namespace=\"apps\",pod=\"{pod}\",condition=\"{condition}\"}}", values);

    [Fact]
    public void The_rule_is_valid_and_passes_promtool_check_rules()
    {
        var rule = ReleaseAlertRules.Render();

        SchemaCheck.AssertValid([rule]);
        YamlLint.AssertClean(YamlWriter.Write(rule.Body));
        var result = PromTool.CheckRules(PromTool.RuleFile(rule));
        Assert.True(result.ExitCode == 0, result.All);
    }

    [Fact]
    public void A_release_with_no_ready_pod_for_10_minutes_warns_once_naming_it_and_a_partly_ready_one_does_not()
    {
        var rule = ReleaseAlertRules.Render();
        var firing = new Dictionary<string, string>
        {
            ["namespace"] = "apps",
            ["label_app_kubernetes_io_name"] = "api",
            ["label_delivery_platform_slot"] = "blue",
            ["label_app_kubernetes_io_version"] = "1.6.0",
            ["label_delivery_platform_release"] = "1.6.0-abcdef0123",
        };
        const string a = "api-blue-7c9d8f6b5-aaaaa";
        const string b = "api-blue-7c9d8f6b5-bbbbb";
        AlertScenario[] scenarios =
        [
            new(ReleaseAlertRules.NotReady, "two pods, neither ready for 15m",
                [PodLabels(a), PodLabels(b), Ready(a, "true", "0+0x30"), Ready(b, "true", "0+0x30")], "15m", firing, Value: "1"),
            new(ReleaseAlertRules.NotReady, "not ready for 5m only", [PodLabels(a), Ready(a, "true", "0+0x4 1+0x25")], "15m", null),
            new(ReleaseAlertRules.NotReady, "one pod of two ready", [PodLabels(a), PodLabels(b), Ready(a, "true", "1+0x30"), Ready(b, "true", "0+0x30")], "15m", null),
        ];

        var result = PromTool.TestRules(PromTool.RuleFile(rule), AlertScenario.TestFile(rule, scenarios));

        Assert.True(result.ExitCode == 0, result.All);
    }

    [Fact]
    public void The_monitoring_stack_ships_the_rule_and_exposes_the_release_labels_to_it()
    {
        var rendering = PlatformRenderer.Render(TestConfigs.Load(TestConfigs.ValidDev()).Config.Valid(Tier.Dev));

        Assert.Contains(rendering.Objects, o => o.Kind == "PrometheusRule" && o.Name == ReleaseAlertRules.Name);
        var stack = rendering.Components.SelectMany(c => c.Charts).Single(c => c.Chart == "kube-prometheus-stack");
        var ksm = (OrderedDictionary<string, object?>)stack.Values["kube-state-metrics"]!;
        Assert.Equal(["pods=[app.kubernetes.io/name,delivery-platform/slot,app.kubernetes.io/version,delivery-platform/release]"], (List<object?>)ksm["metricLabelsAllowlist"]!);
    }
}
