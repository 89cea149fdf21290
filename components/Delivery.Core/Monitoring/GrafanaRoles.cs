using System.Text;
using System.Text.Json;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;

namespace Delivery.Core.Monitoring;

/// <summary>
/// The access groups as Grafana roles, the same split as the cluster's RBAC (<c>Cluster/AccessRbac</c>):
/// admins are Grafana server admins; developers are editors where they may deploy and viewers
/// elsewhere (prod); viewers are viewers. Grafana computes the role at each sign-in from the
/// user's groups claim with the JMESPath expression <see cref="RoleAttributePath"/> (first match
/// wins, highest role first); a user in none of the groups gets the empty role, which Grafana's
/// strict mode refuses.
/// </summary>
public static class GrafanaRoles
{
    /// <summary>Grafana's server administrator (also Admin of the organization); needs allow_assign_grafana_admin.</summary>
    public const string ServerAdmin = "GrafanaAdmin";
    public const string Editor = "Editor";
    public const string Viewer = "Viewer";

    public static bool Any(AccessConfig access) =>
        access.Admins.Count > 0 || access.Developers.Count > 0 || access.Viewers.Count > 0;

    /// <summary>The expression over the sign-in claims that yields the user's role, or "" for none.</summary>
    public static string RoleAttributePath(AccessConfig access, string groupsClaim)
    {
        // to_array: a provider may send a single group as a string, and contains() on a string
        // would match any substring ("shop-platform-admins-old" contains "shop-platform-admins").
        var groups = GroupsAttributePath(groupsClaim);
        var roles = new List<(IReadOnlyList<string> Groups, string Role)>
        {
            (access.Admins, ServerAdmin),
            (access.Developers, access.DevelopersDeploy ? Editor : Viewer),
            (access.Viewers, Viewer),
        };
        var clauses = roles
            .Where(r => r.Groups.Count > 0)
            .Select(r => $"({string.Join(" || ", r.Groups.Select(g => $"contains({groups}, {JsonLiteral(g)})"))}) && {JsonLiteral(r.Role)}");
        return string.Join(" || ", [.. clauses, JsonLiteral("")]);
    }

    /// <summary>The groups claim as a list: <c>to_array("claim")</c>, any claim name (cognito:groups) being one field.</summary>
    public static string GroupsAttributePath(string groupsClaim) => $"to_array({JsonString(groupsClaim)})";

    /// <summary>A JMESPath JSON literal: JSON escaping, which every JMESPath implementation reads alike (raw strings '…' differ on backslashes between go-jmespath versions).</summary>
    private static string JsonLiteral(string text) => "`" + JsonString(text) + "`";

    /// <summary>
    /// A JSON string (also a JMESPath quoted identifier) that passes unchanged through grafana.ini:
    /// the encoder escapes quotes and backticks, and <c>#</c> <c>;</c> (where Grafana's ini parser
    /// cuts an inline comment) and braces (which the chart's <c>tpl</c> would read as a template)
    /// are escaped too.
    /// </summary>
    private static string JsonString(string text)
    {
        var json = new StringBuilder(JsonSerializer.Serialize(text, ManifestJsonContext.Default.String));
        foreach (var c in "#;{}")
            json.Replace(c.ToString(), $"\\u{(int)c:x4}");
        return json.ToString();
    }
}
