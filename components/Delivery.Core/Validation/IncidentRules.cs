using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Validation;

/// <summary><c>release.incidents</c>: a known tracker; a project only with one, as owner/name for GitHub.</summary>
public static class IncidentRules
{
    public static IEnumerable<ConfigProblem> Check(IncidentsConfig incidents)
    {
        var root = ConfigPath.Root("release").Key("incidents");
        var tracker = root.Key("tracker");
        var project = root.Key("project");
        if (incidents.Tracker.Length == 0)
        {
            if (incidents.Project.Length > 0)
            {
                yield return ConfigProblem.Error(project, incidents.Project, $"is set but {tracker} is not, so no incident is filed there.",
                    $"pulumi config set --path {tracker} <{string.Join("|", IncidentTrackers.All)}>; or remove it: pulumi config rm --path {project}.");
            }
            yield break;
        }
        if (!IncidentTrackers.All.Contains(incidents.Tracker, StringComparer.Ordinal))
        {
            var suggestion = Suggestions.Closest(incidents.Tracker, IncidentTrackers.All);
            yield return ConfigProblem.Error(tracker, incidents.Tracker, $"is not an issue tracker deliver files incidents in; they are {string.Join(", ", IncidentTrackers.All)}.",
                suggestion is null ? $"pulumi config set --path {tracker} <tracker>." : $"did you mean \"{suggestion}\"? pulumi config set --path {tracker} {suggestion}.");
            yield break;
        }
        if (incidents.Tracker == IncidentTrackers.GitHub && incidents.Project.Length > 0 && incidents.Project.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
        {
            yield return ConfigProblem.Error(project, incidents.Project, "must be a GitHub repository as owner/name.",
                $"pulumi config set --path {project} <owner>/<name>; or remove it to file in the repository the CI run belongs to.");
        }
    }
}
