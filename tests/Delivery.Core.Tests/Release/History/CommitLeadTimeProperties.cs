using CsCheck;
using Delivery.Core.Release.History;

namespace Delivery.Core.Tests.Release.History;

/// <summary>Lead time for changes over random deployments and app commits.</summary>
public sealed class CommitLeadTimeProperties
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A deployment of version i of "api", some minutes after its commit (or with no commit on record).</summary>
    private static readonly Gen<(int DeployedAt, int? CommitMinutesBefore)[]> Deployments =
        Gen.Select(Gen.Int[0, 100_000], Gen.Int[0, 50_000].Nullable()).Array[0, 30];

    [Fact]
    public void Each_deployment_with_an_app_commit_counts_once_and_the_figures_lie_within_its_leads()
    {
        Deployments.Sample(cases =>
        {
            var events = cases.Select((c, i) => new ReleaseEvent("prod", "api", ReleaseEventKind.Switch, Start.AddMinutes(c.DeployedAt), "c", "Ana", "blue", "", $"1.{i}.0", "")).ToList();
            var changes = cases.Select((c, i) => (c, i)).Where(p => p.c.CommitMinutesBefore is not null)
                .Select(p => new AppChange("api", $"1.{p.i}.0", "sha", Start.AddMinutes(p.c.DeployedAt - p.c.CommitMinutesBefore!.Value), "SHOP-1")).ToList();
            var leads = cases.Where(c => c.CommitMinutesBefore is not null).Select(c => TimeSpan.FromMinutes(c.CommitMinutesBefore!.Value)).ToList();

            var figure = CommitLeadTime.Of(events, changes);

            Assert.Equal(leads.Count, figure.Deployments);
            Assert.Equal(cases.Length - leads.Count, figure.WithoutAppCommit);
            if (leads.Count == 0)
            {
                Assert.Null(figure.Median);
                return;
            }
            Assert.Equal(leads.Max(), figure.Worst);
            Assert.InRange(figure.Median!.Value, leads.Min(), leads.Max());
            // Half of the leads at most lie below the median, half at most above it.
            Assert.True(leads.Count(l => l < figure.Median) <= leads.Count / 2 && leads.Count(l => l > figure.Median) <= leads.Count / 2);
        });
    }
}
