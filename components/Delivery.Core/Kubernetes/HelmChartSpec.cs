namespace Delivery.Core.Kubernetes;

/// <summary>
/// One Helm release for the shell to hand to <c>Kubernetes.Helm.V4.Chart</c>: chart, repository,
/// pinned version, namespace and values. Values never hold secrets; they name Secrets the shell creates.
/// An OCI chart is its full reference in <see cref="Chart"/> (<c>oci://host/path/chart</c>) with an
/// empty <see cref="Repository"/>, since Helm takes no <c>--repo</c> for OCI; a classic chart is its
/// name plus the repository URL.
/// </summary>
public sealed record HelmChartSpec(
    string ReleaseName,
    string Chart,
    string Repository,
    string Version,
    string Namespace,
    OrderedDictionary<string, object?> Values)
{
    /// <summary>Leave out the chart's <c>crds/</c>: another release of the same chart installs them, and two installs of one CRD would conflict.</summary>
    public bool SkipCrds { get; init; }
}
