namespace Delivery.Core.Model;

/// <summary>
/// Where an automatic rollback files its incident (<c>deliver incident</c>): an issue in a GitHub
/// repository or a GitLab project, one per stack, app and release id, with a postmortem template.
/// </summary>
public sealed class IncidentsConfig
{
    /// <summary>github or gitlab; empty: no incident issues.</summary>
    public string Tracker { get; set; } = "";

    /// <summary>The repository (owner/name) or GitLab project (group/name or its id); empty: the one the CI run belongs to.</summary>
    public string Project { get; set; } = "";
}
