using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Release;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>
/// Alertmanager's <c>alertmanager.yaml</c>: alerts are routed by severity (critical to on-call,
/// warning to team chat, info to the product channel), grouped per namespace, app and alert, and a
/// critical alert silences the warning it outranks. Webhook URLs carry tokens, so the config names
/// only files (<c>url_file</c>) in a Secret the shell creates and Alertmanager mounts; a receiver
/// whose URL is not set routes to the null receiver, which drops its alerts.
/// </summary>
public static class AlertmanagerConfig
{
    public const string NullReceiver = "null";
    public const string OnCall = "on-call";
    public const string TeamChat = "team-chat";
    public const string Product = "product";

    /// <summary>The Secret with one key per configured receiver (the key is the receiver name, the value its URL).</summary>
    public const string WebhookSecretName = "alertmanager-webhooks";

    /// <summary>Where the Prometheus Operator mounts each of <c>alertmanagerSpec.secrets</c>: <c>/etc/alertmanager/secrets/&lt;secret&gt;</c>.</summary>
    public const string SecretsMountPath = "/etc/alertmanager/secrets";

    private sealed record SeverityRoute(string Level, string Receiver, string RepeatInterval, Func<AlertReceiversConfig, WebhookReceiverConfig> Webhook);

    private static readonly SeverityRoute[] Routes =
    [
        new(AlertSeverity.Critical, OnCall, "1h", receivers => receivers.Critical),
        new(AlertSeverity.Warning, TeamChat, "4h", receivers => receivers.Warning),
        new(AlertSeverity.Info, Product, "24h", receivers => receivers.Info),
    ];

    public static string Render(DeliveryConfig config) => YamlWriter.Write(Build(config));

    /// <summary>The config as a tree, for the chart's <c>alertmanager.config</c> value.</summary>
    public static OrderedDictionary<string, object?> Build(DeliveryConfig config)
    {
        var configured = Routes.Where(route => IsSet(config, route)).ToList();
        return Map(
            ("route", Map(
                // An alert without a known severity still reaches people: the team chat.
                ("receiver", ReceiverFor(config, Routes.Single(route => route.Level == AlertSeverity.Warning))),
                ("group_by", List("namespace", "app", "alertname")),
                ("group_wait", "30s"),
                ("group_interval", "5m"),
                ("repeat_interval", "4h"),
                ("routes", List([
                    // kube-prometheus-stack's always-firing heartbeat and its info helper are not for people.
                    Map(("receiver", NullReceiver), ("matchers", Manifest.List("alertname=~\"Watchdog|InfoInhibitor\""))),
                    .. Routes.Select(route => Map(
                        ("receiver", ReceiverFor(config, route)),
                        ("matchers", Manifest.List($"severity=\"{route.Level}\"")),
                        ("repeat_interval", route.RepeatInterval))),
                ])))),
            ("inhibit_rules", List(
                // The same alert at two severities (the platform's default rules): keep the critical one.
                Map(
                    ("source_matchers", Manifest.List($"severity=\"{AlertSeverity.Critical}\"")),
                    ("target_matchers", Manifest.List($"severity=\"{AlertSeverity.Warning}\"")),
                    ("equal", List("namespace", "alertname"))),
                // The fast burn of an app's error budget silences the slow burn of the same budget.
                Map(
                    ("source_matchers", List($"severity=\"{AlertSeverity.Critical}\"", $"{AppAlertRules.SloLabel}=~\".+\"")),
                    ("target_matchers", List($"severity=\"{AlertSeverity.Warning}\"", $"{AppAlertRules.SloLabel}=~\".+\"")),
                    ("equal", List("namespace", "app", AppAlertRules.SloLabel))))),
            ("receivers", List([
                Map(("name", NullReceiver)),
                .. configured.Select(route => Map(
                    ("name", route.Receiver),
                    ("webhook_configs", Manifest.List(Map(("url_file", UrlFile(route.Receiver)), ("send_resolved", true)))))),
            ])));
    }

    /// <summary>The Secret of the configured receivers' URLs, or null when none is set.</summary>
    public static SecretSpec? WebhookSecret(DeliveryConfig config)
    {
        var entries = Routes
            .Where(route => IsSet(config, route))
            .Select(route => new SecretEntry(route.Receiver, new ConfigSecretSource(route.Webhook(config.Monitoring.Receivers).WebhookUrl)))
            .ToList();
        return entries.Count == 0
            ? null
            : new SecretSpec(WebhookSecretName, PlatformNamespaces.Monitoring, "Opaque", StandardLabels.Shared("alertmanager", "monitoring"), entries);
    }

    public static string UrlFile(string receiver) => $"{SecretsMountPath}/{WebhookSecretName}/{receiver}";

    private static bool IsSet(DeliveryConfig config, SeverityRoute route) => route.Webhook(config.Monitoring.Receivers).WebhookUrl.IsSet;

    private static string ReceiverFor(DeliveryConfig config, SeverityRoute route) => IsSet(config, route) ? route.Receiver : NullReceiver;
}
