namespace Delivery.Core.Chat;

/// <summary>
/// The page of the CI run a command runs in, from the variables GitHub Actions and GitLab CI set in
/// every job: where a person approves the waiting deployment or reads the refusal.
/// </summary>
public static class CiRunLink
{
    /// <summary>GitHub: <c>$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID</c>; GitLab: <c>$CI_PIPELINE_URL</c>; else null.</summary>
    public static string? From(IReadOnlyDictionary<string, string> environment)
    {
        string Get(string name) => environment.GetValueOrDefault(name) ?? "";
        if (Get("GITHUB_SERVER_URL") is { Length: > 0 } server && Get("GITHUB_REPOSITORY") is { Length: > 0 } repository && Get("GITHUB_RUN_ID") is { Length: > 0 } run)
            return $"{server.TrimEnd('/')}/{repository}/actions/runs/{run}";
        return Get("CI_PIPELINE_URL") is { Length: > 0 } pipeline ? pipeline : null;
    }
}
