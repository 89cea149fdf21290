using System.Text.RegularExpressions;

namespace Delivery.Core.Tests.Apps;

/// <summary>
/// Which rule of an app's HTTPRoute a request path takes, as Envoy Gateway v1.6.3 orders them
/// (internal/gatewayapi/sort.go: Exact before RegularExpression before PathPrefix, then the longer
/// path first) and as Envoy matches them (a regex must match the whole path; RE2's <c>(?i)</c>
/// reads the same in .NET).
/// </summary>
public sealed class AppRouteTests
{
    private static List<OrderedDictionary<string, object?>> Rules() =>
        [.. ((List<object?>)AppFixtures.At(AppFixtures.Find(AppFixtures.Objects(TestConfigs.ValidDev()), "HTTPRoute/apps/api"), "spec", "rules")!)
            .Cast<OrderedDictionary<string, object?>>()];

    private static (string Type, string Value) PathMatch(OrderedDictionary<string, object?> rule)
    {
        var path = (OrderedDictionary<string, object?>)((OrderedDictionary<string, object?>)((List<object?>)rule["matches"]!).Single()!)["path"]!;
        return ((string)path["type"]!, (string)path["value"]!);
    }

    private static bool Matches((string Type, string Value) match, string path) => match.Type switch
    {
        "Exact" => path == match.Value,
        "PathPrefix" => match.Value == "/" || path == match.Value || path.StartsWith(match.Value.TrimEnd('/') + "/", StringComparison.Ordinal),
        "RegularExpression" => Regex.IsMatch(path, $"^(?:{match.Value})$", RegexOptions.None, TimeSpan.FromSeconds(1)),
        _ => throw new InvalidOperationException(match.Type),
    };

    private static int Rank(string type) => type switch { "Exact" => 0, "RegularExpression" => 1, _ => 2 };

    /// <summary>The rule Envoy Gateway gives a path: whether it forwards to the app.</summary>
    private static bool Forwarded(string path)
    {
        var rule = Rules()
            .Select(rule => (Rule: rule, Match: PathMatch(rule)))
            .OrderBy(r => Rank(r.Match.Type)).ThenByDescending(r => r.Match.Value.Length)
            .First(r => Matches(r.Match, path)).Rule;
        return rule.ContainsKey("backendRefs");
    }

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/METRICS")] // issue #22, finding 9: ASP.NET Core matches paths case-insensitively
    [InlineData("/Metrics/")]
    [InlineData("/metrics/anything")]
    public void Metrics_in_any_case_never_reach_the_app_from_the_public_host(string path) =>
        Assert.False(Forwarded(path), path);

    [Theory]
    [InlineData("/")]
    [InlineData("/orders")]
    [InlineData("/orders/metrics")]
    [InlineData("/metricsboard")]
    public void Every_other_path_reaches_the_app(string path) =>
        Assert.True(Forwarded(path), path);
}
