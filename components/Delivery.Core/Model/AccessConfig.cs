namespace Delivery.Core.Model;

/// <summary>
/// Who may do what in the stack's cluster: groups of the cluster's identity provider (as the API
/// server sees them after authentication) bound to the platform's three roles.
/// </summary>
public sealed class AccessConfig
{
    /// <summary>Everything, everywhere (the built-in cluster-admin role).</summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>Deploy in the apps namespace where <see cref="DevelopersDeploy"/>; otherwise read (no Secrets, no exec).</summary>
    public List<string> Developers { get; set; } = [];

    /// <summary>Read only (the built-in view role: no Secrets, no exec) in every platform namespace.</summary>
    public List<string> Viewers { get; set; } = [];

    /// <summary>Developers may change workloads in apps (the built-in edit role); tier default: everywhere but prod.</summary>
    public bool DevelopersDeploy { get; set; }
}
