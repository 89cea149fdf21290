using System.Globalization;
using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Monitoring;

/// <summary>
/// The one door the release jobs have into Alertmanager: an nginx sidecar in the Alertmanager pod
/// that passes <c>GET /api/v2/alerts</c> (all the gate reads, <c>Io/AlertmanagerAlerts</c>) and
/// its readiness, and answers 403 to everything else, so a release job can neither post a silence
/// or an alert nor delete one. Alertmanager itself has no per-route rights (its web config's basic
/// auth is all or nothing), and its own port stays for Prometheus, Loki's ruler and Grafana, inside
/// monitoring; the release jobs' NetworkPolicy names this port alone (CiReleaseGateAccess).
/// </summary>
public static class AlertmanagerReadApi
{
    /// <summary>The sidecar's port in the pod and on the Alertmanager Service.</summary>
    public const int Port = 9095;

    public const string PortName = "read-api";

    /// <summary>
    /// nginx's unprivileged image (uid 101), stable 1.30.4 as docker-nginx-unprivileged's
    /// stable/alpine-slim Dockerfile names it (commit e26803b, 2026-07-15); its release workflow tags
    /// each build <c>&lt;version&gt;-alpine-slim</c> on ghcr.io/nginx/nginx-unprivileged and keeps the last build of every release.
    /// </summary>
    public const string Image = "ghcr.io/nginx/nginx-unprivileged:1.30.4-alpine-slim";

    public const string ConfigMapName = "alertmanager-read-api";

    private const string ConfigFile = "nginx.conf";
    private const string ConfigDirectory = "/etc/alertmanager-read-api";
    private const string ContainerName = "read-api";

    /// <summary>The one path the gate reads (<c>Io/AlertmanagerAlerts</c>), and so the one this door passes.</summary>
    public const string AlertsPath = "/api/v2/alerts";

    /// <summary>The paths the sidecar passes, GET (and so HEAD) only: the gate's one query and the readiness probe.</summary>
    public static readonly IReadOnlyList<string> PassedPaths = [AlertsPath, "/-/ready"];

    /// <summary>
    /// A whole nginx.conf that needs nothing of the image but the binary: every file it writes is
    /// under <c>/tmp</c> (the root filesystem is read-only), errors go to stderr, nothing is logged per request.
    /// </summary>
    public static string NginxConfig(int listenPort, int alertmanagerPort)
    {
        var port = listenPort.ToString(CultureInfo.InvariantCulture);
        var upstream = $"http://127.0.0.1:{alertmanagerPort.ToString(CultureInfo.InvariantCulture)}";
        var locations = string.Concat(PassedPaths.Select(path => $$"""
                    location = {{path}} {
                        limit_except GET {
                            deny all;
                        }
                        proxy_pass {{upstream}};
                    }

            """));
        return $$"""
            worker_processes 1;
            pid /tmp/nginx.pid;
            error_log stderr warn;

            events {
                worker_connections 64;
            }

            http {
                client_body_temp_path /tmp/client_temp;
                proxy_temp_path /tmp/proxy_temp;
                fastcgi_temp_path /tmp/fastcgi_temp;
                uwsgi_temp_path /tmp/uwsgi_temp;
                scgi_temp_path /tmp/scgi_temp;
                access_log off;
                server_tokens off;

                server {
                    listen {{port}};

            {{locations}}        location / {
                        return 403;
                    }
                }
            }

            """;
    }

    public static KubernetesObject ConfigMap() =>
        Manifest.Object("v1", "ConfigMap", ConfigMapName, PlatformNamespaces.Monitoring, StandardLabels.Shared("alertmanager", MonitoringRenderer.Component),
            ("data", Map((ConfigFile, NginxConfig(Port, Network.PlatformPorts.Alertmanager)))));

    /// <summary>The sidecar, as <c>alertmanagerSpec.containers</c> (the operator appends a container of a new name).</summary>
    public static OrderedDictionary<string, object?> Container(TierProfile profile) => Map(
        ("name", ContainerName),
        ("image", Image),
        // nginx itself, not the image's entrypoint, whose scripts rewrite files under /etc/nginx.
        ("command", List("nginx", "-c", $"{ConfigDirectory}/{ConfigFile}", "-e", "stderr", "-g", "daemon off;")),
        ("ports", List(Map(("name", PortName), ("containerPort", Port), ("protocol", "TCP")))),
        ("readinessProbe", Map(("httpGet", Map(("path", "/-/ready"), ("port", PortName))), ("periodSeconds", 10))),
        ("resources", MonitoringResources.For(profile, 10, 16)),
        ("securityContext", PodDefaults.RestrictedContainer(readOnlyRootFilesystem: true)),
        ("volumeMounts", List(
            Map(("name", "read-api-config"), ("mountPath", ConfigDirectory), ("readOnly", true)),
            Map(("name", "read-api-tmp"), ("mountPath", "/tmp")))));

    /// <summary>The sidecar's volumes, as <c>alertmanagerSpec.volumes</c>.</summary>
    public static List<object?> Volumes() => List(
        Map(("name", "read-api-config"), ("configMap", Map(("name", ConfigMapName)))),
        Map(("name", "read-api-tmp"), ("emptyDir", Map(("sizeLimit", "16Mi")))));

    /// <summary>The sidecar's port on the Alertmanager Service, as <c>alertmanager.service.additionalPorts</c>.</summary>
    public static List<object?> ServicePorts() => List(Map(("name", PortName), ("port", Port), ("targetPort", PortName), ("protocol", "TCP")));
}
