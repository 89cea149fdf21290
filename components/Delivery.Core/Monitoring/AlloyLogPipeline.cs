namespace Delivery.Core.Monitoring;

/// <summary>
/// Grafana Alloy's configuration (its own syntax) for pod logs: each node's Alloy finds the pods on
/// its node (the chart sets <c>HOSTNAME</c> to the node name), reads their files under
/// <c>/var/log/pods</c>, and pushes them to Loki labelled with namespace, pod, container, app and the
/// app's slot, version and release, so a log line names the release that wrote it.
/// </summary>
public static class AlloyLogPipeline
{
    public static string Render(string lokiUrl) => $$"""
        discovery.kubernetes "pods" {
          role = "pod"
          selectors {
            role  = "pod"
            field = "spec.nodeName=" + sys.env("HOSTNAME")
          }
        }

        discovery.relabel "pods" {
          targets = discovery.kubernetes.pods.targets
        {{Relabel("__meta_kubernetes_namespace", "namespace")}}
        {{Relabel("__meta_kubernetes_pod_name", "pod")}}
        {{Relabel("__meta_kubernetes_pod_container_name", "container")}}
        {{Relabel("__meta_kubernetes_pod_label_app_kubernetes_io_name", "app")}}
        {{Relabel("__meta_kubernetes_pod_label_delivery_platform_slot", "slot")}}
        {{Relabel("__meta_kubernetes_pod_label_app_kubernetes_io_version", "version")}}
        {{Relabel("__meta_kubernetes_pod_label_delivery_platform_release", "release")}}
          rule {
            source_labels = ["__meta_kubernetes_pod_uid", "__meta_kubernetes_pod_container_name"]
            separator     = "/"
            target_label  = "__path__"
            replacement   = "/var/log/pods/*$1/*.log"
          }
        }

        local.file_match "pods" {
          path_targets = discovery.relabel.pods.output
        }

        loki.source.file "pods" {
          targets    = local.file_match.pods.targets
          forward_to = [loki.process.pods.receiver]
        }

        loki.process "pods" {
          stage.cri {}
          forward_to = [loki.write.loki.receiver]
        }

        loki.write "loki" {
          endpoint {
            url = "{{lokiUrl}}/loki/api/v1/push"
          }
        }

        """;

    private static string Relabel(string source, string target) => $$"""
          rule {
            source_labels = ["{{source}}"]
            target_label  = "{{target}}"
          }
        """;
}
