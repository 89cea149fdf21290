namespace Delivery.Core.Kubernetes;

/// <summary>
/// One Helm release for the shell to hand to <c>Kubernetes.Helm.V4.Chart</c>: chart, repository,
/// pinned version, namespace and values. Values never hold secrets; they name Secrets the shell creates.
/// </summary>
public sealed record HelmChartSpec(
    string ReleaseName,
    string Chart,
    string Repository,
    string Version,
    string Namespace,
    OrderedDictionary<string, object?> Values);
