namespace Delivery.Core.Model;

/// <summary>The values of <c>release.incidents.tracker</c>.</summary>
public static class IncidentTrackers
{
    public const string GitHub = "github";
    public const string GitLab = "gitlab";

    public static readonly IReadOnlyList<string> All = [GitHub, GitLab];

    /// <summary>The labels every incident issue carries, for the next planning to find it.</summary>
    public static readonly IReadOnlyList<string> Labels = ["incident", "postmortem"];
}
