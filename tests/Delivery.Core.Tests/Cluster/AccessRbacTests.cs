using Delivery.Core.Cluster;
using Delivery.Core.Kubernetes;
using Delivery.Core.Tests.Tools;

namespace Delivery.Core.Tests.Cluster;

/// <summary>Who may do what, asked of the rendered RBAC of the committed stacks.</summary>
public sealed class AccessRbacTests
{
    private const string Admins = "shop-platform-admins";
    private const string Developers = "shop-developers";
    private const string Viewers = "shop-support";

    private static List<KubernetesObject> Rbac(string stack)
    {
        var valid = ClusterFixtures.Stack(stack);
        return [.. ClusterBaselineRenderer.Render(valid).Objects];
    }

    public static TheoryData<string, string, string, string, string, bool> Answers() => new()
    {
        // prod: a developer reads, but never Secrets, exec or a change; an admin may; a viewer only reads.
        { "prod", Developers, "get", "secrets", "apps", false },
        { "prod", Developers, "create", "pods/exec", "apps", false },
        { "prod", Developers, "patch", "deployments", "apps", false },
        { "prod", Developers, "get", "pods/log", "apps", true },
        { "prod", Developers, "list", "pods", "monitoring", true },
        { "prod", Developers, "list", "namespaces", "", true },
        { "prod", Admins, "get", "secrets", "apps", true },
        { "prod", Admins, "create", "pods/exec", "apps", true },
        { "prod", Admins, "patch", "deployments", "gateway", true },
        { "prod", Viewers, "list", "pods", "apps", true },
        { "prod", Viewers, "get", "pods/log", "apps", true },
        { "prod", Viewers, "get", "secrets", "apps", false },
        { "prod", Viewers, "patch", "deployments", "apps", false },
        { "prod", "someone-else", "list", "pods", "apps", false },
        // dev: a developer deploys (and so reads Secrets and execs) in apps, and only reads elsewhere.
        { "dev", Developers, "patch", "deployments", "apps", true },
        { "dev", Developers, "create", "pods/exec", "apps", true },
        { "dev", Developers, "get", "pods/log", "apps", true },
        { "dev", Developers, "patch", "deployments", "monitoring", false },
        { "dev", Developers, "get", "secrets", "ci", false },
        { "dev", Viewers, "patch", "deployments", "apps", false },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void Each_group_can_do_exactly_what_its_role_allows(string stack, string group, string verb, string resource, string @namespace, bool expected) =>
        Assert.Equal(expected, GroupAccessEvaluator.Can(Rbac(stack), group, verb, resource, @namespace));

    [Fact]
    public void Roles_are_the_built_in_ones_bound_to_groups_and_nothing_is_hand_listed_but_reading_namespaces()
    {
        var objects = Rbac("prod").Where(o => o.Kind is "ClusterRole" or "Role" or "RoleBinding" or "ClusterRoleBinding").ToList();

        Assert.Equal([AccessRbac.NamespaceReader], objects.Where(o => o.Kind is "ClusterRole" or "Role").Select(o => o.Name));
        Assert.All(objects.Where(o => o.Kind.EndsWith("Binding", StringComparison.Ordinal)), binding =>
            Assert.Contains((string)((OrderedDictionary<string, object?>)binding.Body["roleRef"]!)["name"]!, new[] { "cluster-admin", "edit", "view", AccessRbac.NamespaceReader }));
        SchemaCheck.AssertValid(objects);
    }

    [Fact]
    public void No_groups_no_bindings()
    {
        Assert.DoesNotContain(Rbac("local"), o => o.Kind.EndsWith("Binding", StringComparison.Ordinal));
    }
}
