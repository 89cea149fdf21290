using System.Text.Json.Nodes;
using Delivery.Core.Model;
using Delivery.Core.Monitoring;
using DevLab.JmesPath;
using static Delivery.Core.Tests.Cluster.ClusterFixtures;

namespace Delivery.Core.Tests.Monitoring;

/// <summary>
/// "Which Grafana role does a user with these groups get": the rendered role_attribute_path
/// evaluated by a JMESPath implementation (JmesPath.Net, compliant with the spec Grafana's
/// go-jmespath follows) over sign-in claims, for the tiers' two developer rules.
/// </summary>
public sealed class GrafanaRolesTests
{
    public sealed record Row(string Stack, string[]? Groups, string Role)
    {
        public override string ToString() => $"{Stack}: [{string.Join(", ", Groups ?? ["no claim"])}] -> {(Role.Length == 0 ? "refused" : Role)}";
    }

    private static readonly (string, string?)[] SignIn =
    [
        .. GrafanaSignInTests.Gateway,
        .. GrafanaSignInTests.Endpoints,
        ("access:admins:0", "shop-platform-admins"),
        ("access:developers:0", "shop-developers"),
        ("access:viewers:0", "shop-support"),
    ];

    private static DeliveryConfig Stack(string tier, params (string, string?)[] changes) =>
        Dev([.. SignIn, ("environment", tier), .. changes]);

    public static TheoryData<Row> Rows() =>
    [
        new("dev", ["shop-platform-admins"], GrafanaRoles.ServerAdmin),
        new("prod", ["shop-platform-admins"], GrafanaRoles.ServerAdmin),
        new("dev", ["shop-developers"], GrafanaRoles.Editor),
        new("prod", ["shop-developers"], GrafanaRoles.Viewer),
        new("prod", ["shop-support"], GrafanaRoles.Viewer),
        new("dev", ["shop-support", "shop-developers"], GrafanaRoles.Editor),
        new("prod", ["shop-support", "shop-platform-admins"], GrafanaRoles.ServerAdmin),
        new("prod", ["everyone"], ""),
        new("prod", [], ""),
        new("prod", null, ""),
        // Exact names only: a group that merely contains an admin group's name is nobody's.
        new("prod", ["shop-platform-admins-old"], ""),
        new("prod", ["SHOP-PLATFORM-ADMINS"], ""),
    ];

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_group_gets_the_role_the_table_says(Row row)
    {
        var config = Stack(row.Stack);

        Assert.Equal(row.Role, RoleFor(config, Claims(row.Groups)));
    }

    [Fact]
    public void A_provider_that_sends_one_group_as_a_string_is_matched_exactly()
    {
        var prod = Stack("prod");

        Assert.Equal(GrafanaRoles.ServerAdmin, RoleFor(prod, new JsonObject { ["groups"] = "shop-platform-admins" }));
        Assert.Equal("", RoleFor(prod, new JsonObject { ["groups"] = "not-shop-platform-admins" }));
    }

    [Theory]
    [InlineData("o'brien-team")]
    [InlineData(@"CORP\platform")]
    [InlineData(@"trailing\")]
    [InlineData("back`tick")]
    [InlineData("quote\"d")]
    [InlineData("ünïcode-gruppe")]
    [InlineData("team#1;ops")]
    [InlineData("{{.Values}}")]
    public void Group_names_with_quotes_backslashes_and_backticks_match_themselves_only(string group)
    {
        var dev = Stack("dev", ("access:admins:0", group));

        Assert.Equal(GrafanaRoles.ServerAdmin, RoleFor(dev, Claims([group])));
        Assert.Equal("", RoleFor(dev, Claims([group + "x"])));
    }

    [Fact]
    public void The_groups_claim_may_have_any_name()
    {
        var dev = Stack("dev", ("monitoring:grafanaOidc:groupsClaim", "cognito:groups"));

        Assert.Equal(GrafanaRoles.Editor, RoleFor(dev, new JsonObject { ["cognito:groups"] = new JsonArray("shop-developers") }));
        Assert.Equal("", RoleFor(dev, Claims(["shop-developers"])));
        Assert.Equal(["shop-developers"], Groups(dev, new JsonObject { ["cognito:groups"] = new JsonArray("shop-developers") }));
    }

    /// <summary>
    /// Grafana reads grafana.ini with go-ini, which cuts a value at an inline comment (# or ;) and
    /// unquotes a value that starts with a quote or backtick; the chart passes each string through
    /// Helm's tpl. The expressions must come through all three unchanged.
    /// </summary>
    [Fact]
    public void The_expressions_pass_unchanged_through_grafana_ini_and_the_charts_templating()
    {
        var dev = Stack("dev", ("access:admins:0", "team#1;ops"), ("access:viewers:0", "{{.Values}}\"`'"), ("monitoring:grafanaOidc:groupsClaim", "\"groups;#"));

        foreach (var key in new[] { "role_attribute_path", "groups_attribute_path" })
        {
            var value = Assert.IsType<string>(GenericOAuth(dev)[key]);
            Assert.DoesNotMatch("[#;{}]", value);
            Assert.DoesNotMatch("^[\"`]", value);
        }
    }

    [Fact]
    public void The_groups_attribute_path_lists_the_claims_groups()
    {
        var dev = Stack("dev");

        Assert.Equal(["a", "b"], Groups(dev, Claims(["a", "b"])));
        Assert.Equal(["a"], Groups(dev, new JsonObject { ["groups"] = "a" }));
    }

    [Fact]
    public void Roles_left_empty_are_left_out()
    {
        var dev = Stack("dev", ("access:admins:0", null), ("access:developers:0", null));

        Assert.Equal(GrafanaRoles.Viewer, RoleFor(dev, Claims(["shop-support"])));
        Assert.Equal("", RoleFor(dev, Claims(["shop-developers"])));
    }

    private static JsonObject Claims(string[]? groups)
    {
        var claims = new JsonObject { ["sub"] = "u-1", ["email"] = "someone@example.com" };
        if (groups is not null)
            claims["groups"] = new JsonArray([.. groups.Select(g => (JsonNode?)JsonValue.Create(g))]);
        return claims;
    }

    /// <summary>The role Grafana computes: the expression's string result ("" when it yields no role).</summary>
    private static string RoleFor(DeliveryConfig config, JsonObject claims)
    {
        var expression = Assert.IsType<string>(GenericOAuth(config)["role_attribute_path"]);
        var result = JsonNode.Parse(new JmesPath().Transform(claims.ToJsonString(), expression));
        return Assert.IsAssignableFrom<JsonValue>(result).GetValue<string>();
    }

    private static string[] Groups(DeliveryConfig config, JsonObject claims)
    {
        var expression = Assert.IsType<string>(GenericOAuth(config)["groups_attribute_path"]);
        var result = Assert.IsType<JsonArray>(JsonNode.Parse(new JmesPath().Transform(claims.ToJsonString(), expression)));
        return [.. result.Select(g => g!.GetValue<string>())];
    }

    internal static OrderedDictionary<string, object?> GenericOAuth(DeliveryConfig config)
    {
        var chart = Assert.Single(MonitoringCharts.Render(config.Valid()), c => c.ReleaseName == "kube-prometheus-stack");
        return Map(Map(Map(chart.Values["grafana"])["grafana.ini"])["auth.generic_oauth"]);
    }

    internal static Tier TierOf(DeliveryConfig config) => Delivery.Core.Model.Values.Tiers.Parse(config.Environment)!.Value;
}
