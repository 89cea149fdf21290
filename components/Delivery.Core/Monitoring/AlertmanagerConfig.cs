using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>
/// Alertmanager's <c>alertmanager.yaml</c>: alerts are routed by severity (critical to on-call,
/// warning to team chat, info to the product channel), alerts labelled <c>ticket="true"</c> (log
/// alerts) to the tracker, else to team chat; grouped per namespace, app and alert, and a critical
/// alert silences the warning it outranks. Each receiver is one integration of its configured kind
/// (<see cref="ReceiverKinds"/>). Webhook URLs, keys and tokens are secrets, so the config names only
/// files (<c>url_file</c>, <c>routing_key_file</c>, …) in a Secret the shell creates and Alertmanager
/// mounts; a receiver that is not set routes to the null receiver, which drops its alerts.
/// </summary>
public static class AlertmanagerConfig
{
    public const string NullReceiver = "null";
    public const string OnCall = "on-call";
    public const string TeamChat = "team-chat";
    public const string Product = "product";
    public const string Tracker = "tracker";

    /// <summary>The label that sends an alert to the tracker (a ticket) instead of by severity.</summary>
    public const string TicketLabel = "ticket";

    /// <summary>The Secret with one key per configured receiver (the key is the receiver name, the value its kind's secret).</summary>
    public const string ReceiverSecretName = "alertmanager-receivers";

    /// <summary>Where the Prometheus Operator mounts each of <c>alertmanagerSpec.secrets</c>: <c>/etc/alertmanager/secrets/&lt;secret&gt;</c>.</summary>
    public const string SecretsMountPath = "/etc/alertmanager/secrets";

    /// <summary>A receiver: its name in Alertmanager, its config under <c>monitoring.receivers</c>, the severity it takes.</summary>
    private sealed record Destination(string Receiver, Func<AlertReceiversConfig, AlertReceiverConfig> Config, string Severity);

    private static readonly Destination OnCallDestination = new(OnCall, receivers => receivers.Critical, AlertSeverity.Critical);
    private static readonly Destination TeamChatDestination = new(TeamChat, receivers => receivers.Warning, AlertSeverity.Warning);
    private static readonly Destination ProductDestination = new(Product, receivers => receivers.Info, AlertSeverity.Info);

    // Ticket alerts are warnings (log alerts): a ticket, not a page.
    private static readonly Destination TrackerDestination = new(Tracker, receivers => receivers.Tracker, AlertSeverity.Warning);

    private static readonly Destination[] Destinations = [OnCallDestination, TeamChatDestination, ProductDestination, TrackerDestination];

    private sealed record SeverityRoute(string Level, Destination Destination, string RepeatInterval);

    private static readonly SeverityRoute[] Routes =
    [
        new(AlertSeverity.Critical, OnCallDestination, "1h"),
        new(AlertSeverity.Warning, TeamChatDestination, "4h"),
        new(AlertSeverity.Info, ProductDestination, "24h"),
    ];

    /// <summary>A ticket stays open on its own; remind once a day while the alert still fires.</summary>
    private const string TicketRepeatInterval = "24h";

    public static string Render(DeliveryConfig config) => YamlWriter.Write(Build(config));

    /// <summary>The config as a tree, for the chart's <c>alertmanager.config</c> value.</summary>
    public static OrderedDictionary<string, object?> Build(DeliveryConfig config)
    {
        var receivers = config.Monitoring.Receivers;
        return Map(
            ("route", Map(
                // An alert without a known severity still reaches people: the team chat.
                ("receiver", ReceiverFor(receivers, TeamChatDestination)),
                ("group_by", List("namespace", "app", "alertname")),
                ("group_wait", "30s"),
                ("group_interval", "5m"),
                ("repeat_interval", "4h"),
                ("routes", List([
                    // kube-prometheus-stack's always-firing heartbeat and its info helper are not for people.
                    Map(("receiver", NullReceiver), ("matchers", Manifest.List("alertname=~\"Watchdog|InfoInhibitor\""))),
                    // Log alerts file a ticket; without a tracker they are posted to team chat.
                    Map(
                        ("receiver", IsSet(receivers, TrackerDestination) ? Tracker : ReceiverFor(receivers, TeamChatDestination)),
                        ("matchers", Manifest.List($"{TicketLabel}=\"true\"")),
                        ("repeat_interval", IsSet(receivers, TrackerDestination) ? TicketRepeatInterval : "4h")),
                    .. Routes.Select(route => Map(
                        ("receiver", ReceiverFor(receivers, route.Destination)),
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
                .. Destinations.Where(destination => IsSet(receivers, destination)).Select(destination =>
                {
                    var receiver = destination.Config(receivers);
                    var (key, integration) = ReceiverKinds.Of(receiver)!.Integration(receiver, new ReceiverTarget(SecretFile(destination.Receiver), destination.Severity));
                    return Map(("name", destination.Receiver), (key, integration));
                }),
            ])));
    }

    /// <summary>The Secret of the configured receivers' secrets, or null when none is set.</summary>
    public static SecretSpec? ReceiverSecret(DeliveryConfig config)
    {
        var receivers = config.Monitoring.Receivers;
        var entries = Destinations
            .Where(destination => IsSet(receivers, destination))
            .Select(destination =>
            {
                var receiver = destination.Config(receivers);
                return new SecretEntry(destination.Receiver, new ConfigSecretSource(ReceiverKinds.Of(receiver)!.Secret.Secret!(receiver)));
            })
            .ToList();
        return entries.Count == 0
            ? null
            : new SecretSpec(ReceiverSecretName, PlatformNamespaces.Monitoring, "Opaque", StandardLabels.Shared("alertmanager", "monitoring"), entries);
    }

    /// <summary>The file a receiver's secret is mounted at.</summary>
    public static string SecretFile(string receiver) => $"{SecretsMountPath}/{ReceiverSecretName}/{receiver}";

    private static bool IsSet(AlertReceiversConfig receivers, Destination destination) => ReceiverKinds.IsSet(destination.Config(receivers));

    private static string ReceiverFor(AlertReceiversConfig receivers, Destination destination) =>
        IsSet(receivers, destination) ? destination.Receiver : NullReceiver;
}
