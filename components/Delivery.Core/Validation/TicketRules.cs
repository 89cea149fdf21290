using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Validation;

/// <summary><c>release.ticketPattern</c>: a regular expression that compiles and does not match an empty text.</summary>
public static class TicketRules
{
    public static IEnumerable<ConfigProblem> Check(ReleaseConfig release)
    {
        var (_, problem) = TicketPatterns.Compile(release.TicketPattern);
        if (problem is null)
            yield break;
        var key = ConfigPath.Root("release").Key("ticketPattern");
        yield return ConfigProblem.Error(key, release.TicketPattern, problem,
            $"pulumi config set --path {key} '{TicketPatterns.Default}' (Jira-style keys such as SHOP-123), or your tracker's id pattern.");
    }
}
