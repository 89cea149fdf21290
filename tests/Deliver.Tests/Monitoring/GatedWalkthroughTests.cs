namespace Deliver.Tests.Monitoring;

/// <summary>
/// The walkthroughs marked <c>, monitoring</c> (docs/gated-releases.md) run as written against the
/// collection's real Prometheus and Alertmanager: the addresses the text uses, as a port-forward gives
/// them, lead to the servers' free loopback ports, and the stack <c>gates</c> holds the apps whose
/// slots the metrics server serves (healthy; erroring, whose 1.1.0 answers 20% 5xx).
/// </summary>
[Collection(MonitoringCollection.Name)]
public sealed class GatedWalkthroughTests(MonitoringFixture monitoring)
{
    /// <summary>Where a port-forward puts Prometheus and Alertmanager, as the docs write them.</summary>
    public const string DocumentedPrometheus = "http://127.0.0.1:9090";

    public const string DocumentedAlertmanager = "http://127.0.0.1:9093";

    private static IReadOnlyList<Walkthrough> WithMonitoring() => [.. Walkthrough.InDocs(TestRepository.Root()).Where(w => w.UsesMonitoring)];

    public static TheoryData<string> Names() => [.. WithMonitoring().Select(w => w.Name)];

    [Fact]
    public void The_gated_release_guide_has_a_walkthrough_on_monitoring() =>
        Assert.Contains(WithMonitoring(), w => w.File == Path.Combine("docs", "gated-releases.md"));

    [Theory]
    [MemberData(nameof(Names))]
    public void The_walkthrough_runs_exactly_as_written_against_Prometheus_and_Alertmanager(string name)
    {
        var urls = new Dictionary<string, string> { [DocumentedPrometheus] = monitoring.PrometheusUrl, [DocumentedAlertmanager] = monitoring.AlertmanagerUrl };
        using var project = WalkthroughRunner.Run(WithMonitoring().Single(w => w.Name == name), urls,
            copy => File.WriteAllText(copy.StackPath(GatesProject.Stack), GatesProject.Yaml([new TestApp("healthy", "1.0.0", "", "blue"), new TestApp("erroring", "1.0.0", "", "blue")])));
    }
}
