using System.Text.RegularExpressions;
using Delivery.Core.Kubernetes;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Tests.Monitoring;

/// <summary>
/// One promtool unit test: synthetic input series, and at <see cref="EvalTime"/> either the alert
/// firing with <see cref="FiringLabels"/> (the labels its expression yields) or, when that is null,
/// no alert at all. The expected rule labels and annotations are the rule's own, with their
/// <c>$labels</c>/<c>$value</c> templates filled in the way Prometheus fills them.
/// </summary>
internal sealed partial record AlertScenario(
    string Alert,
    string Case,
    IReadOnlyList<(string Series, string Values)> Series,
    string EvalTime,
    IReadOnlyDictionary<string, string>? FiringLabels,
    string Value = "")
{
    public static string TestFile(KubernetesObject rule, IEnumerable<AlertScenario> scenarios) =>
        YamlWriter.Write(Map(
            ("rule_files", Manifest.List(PromTool.RulesFile)),
            ("evaluation_interval", "1m"),
            ("tests", Manifest.ListOf(scenarios.Select(scenario => scenario.Test(rule))))));

    private OrderedDictionary<string, object?> Test(KubernetesObject rule)
    {
        var definition = Rule(rule, Alert);
        var expected = FiringLabels is null ? List() : Manifest.List(Map(
            ("exp_labels", Strings(ExpectedLabels(definition))),
            ("exp_annotations", Strings(Expand((OrderedDictionary<string, object?>)definition["annotations"]!)))));
        return Map(
            ("name", $"{Alert}: {Case}"),
            ("interval", "1m"),
            ("input_series", Manifest.ListOf(Series.Select(series => Map(("series", series.Series), ("values", series.Values))))),
            ("alert_rule_test", Manifest.List(Map(("eval_time", EvalTime), ("alertname", Alert), ("exp_alerts", expected)))));
    }

    private Dictionary<string, string> ExpectedLabels(OrderedDictionary<string, object?> definition)
    {
        var labels = new Dictionary<string, string>(FiringLabels!);
        foreach (var (key, value) in Expand((OrderedDictionary<string, object?>)definition["labels"]!))
            labels[key] = value;
        return labels;
    }

    private Dictionary<string, string> Expand(OrderedDictionary<string, object?> templates) =>
        templates.ToDictionary(
            entry => entry.Key,
            entry => Template().Replace((string)entry.Value!, match =>
                match.Groups["label"].Success ? FiringLabels!.GetValueOrDefault(match.Groups["label"].Value, "") : Value));

    private static OrderedDictionary<string, object?> Rule(KubernetesObject rule, string alert) =>
        ((List<object?>)((OrderedDictionary<string, object?>)rule.Body["spec"]!)["groups"]!)
            .Cast<OrderedDictionary<string, object?>>()
            .SelectMany(group => ((List<object?>)group["rules"]!).Cast<OrderedDictionary<string, object?>>())
            .Single(definition => (string?)definition["alert"] == alert);

    [GeneratedRegex(@"\{\{ \$labels\.(?<label>[a-z_]+) \}\}|\{\{ \$value \}\}")]
    private static partial Regex Template();
}
