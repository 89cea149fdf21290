using Delivery.Core.Release.History;
using static Delivery.Core.Release.History.ReleaseEventKind;

namespace Delivery.Core.Tests.Release.History;

/// <summary>Each DORA figure against numbers worked out by hand (see the comments).</summary>
public sealed class DoraFiguresTests
{
    private static ReleaseEvent Event(string stack, string app, ReleaseEventKind kind, string time, string from, string to) =>
        new(stack, app, kind, GitRepository.At(time), "c", "Ana", "blue", from, to, "");

    private static readonly ReleaseLedger Dev = new("dev",
    [
        Event("dev", "api", Promote, "2025-12-31T08:00:00Z", "1.5.0", "1.6.0"),
        Event("dev", "api", Promote, "2026-01-01T08:00:00Z", "1.5.0", "1.6.0"), // again: the first promote counts
        Event("dev", "api", Promote, "2026-01-03T09:00:00Z", "1.6.0", "1.6.1"),
        Event("dev", "web", Promote, "2026-01-07T00:00:00Z", "2.3.1", "2.4.0"),
    ], [], null);

    private static readonly ReleaseLedger Prod = new("prod",
    [
        Event("prod", "web", Switch, "2025-12-30T00:00:00Z", "2.3.0", "2.3.1"), // before the window
        Event("prod", "api", Promote, "2026-01-01T10:00:00Z", "1.4.2", "1.6.0"),
        Event("prod", "api", Switch, "2026-01-02T12:00:00Z", "1.5.0", "1.6.0"),
        Event("prod", "api", Rollback, "2026-01-02T13:00:00Z", "1.6.0", "1.5.0"), // 1 h later: failed
        Event("prod", "api", Switch, "2026-01-04T09:00:00Z", "1.5.0", "1.6.1"),
        Event("prod", "api", Rollback, "2026-01-06T09:00:00Z", "1.6.1", "1.5.0"), // 2 days later: outside the 1-day failure window
        Event("prod", "api", Hotfix, "2026-01-07T10:00:00Z", "1.5.0", "1.6.2"),
        Event("prod", "api", Rollback, "2026-01-07T10:30:00Z", "1.6.2", "1.5.0"), // 30 min later: failed
        Event("prod", "web", Switch, "2026-01-08T00:00:00Z", "2.3.1", "2.4.0"),
    ], [], null);

    /// <summary>The app commits the promotions in dev carried (the 1.6.2 hotfix came with none).</summary>
    private static readonly AppChange[] Changes =
    [
        new("api", "1.6.0", "a1", GitRepository.At("2025-12-31T06:00:00Z"), "SHOP-1"),
        new("api", "1.6.0", "a1", GitRepository.At("2026-01-01T07:00:00Z"), "SHOP-1"), // a later record of the same build: the earliest counts
        new("api", "1.6.1", "a2", GitRepository.At("2026-01-03T08:00:00Z"), "SHOP-2"),
        new("web", "2.4.0", "w1", GitRepository.At("2026-01-06T12:00:00Z"), "SHOP-3"),
    ];

    private static DoraFigures Figures() => DoraFigures.Compute([Dev, Prod], ["dev", "prod"],
        GitRepository.At("2026-01-01T00:00:00Z"), GitRepository.At("2026-01-11T00:00:00Z"), TimeSpan.FromDays(1), Changes);

    [Fact]
    public void Deployment_frequency_counts_switches_and_hotfixes_in_the_window_per_day()
    {
        var prod = Figures().Stacks.Single(s => s.Stack == "prod");

        // 4 deployments (switches 01-02, 01-04, 01-08 and the 01-07 hotfix; rollbacks are not deployments) over 10 days.
        Assert.Equal(4, prod.Deployments);
        Assert.Equal(0.4, prod.DeploymentsPerDay, 6);
        Assert.Equal(0, Figures().Stacks.Single(s => s.Stack == "dev").Deployments);
    }

    [Fact]
    public void Change_failure_rate_counts_deployments_rolled_back_within_the_window()
    {
        var prod = Figures().Stacks.Single(s => s.Stack == "prod");

        Assert.Equal(2, prod.RolledBack);
        Assert.Equal(0.5, prod.ChangeFailureRate);
        Assert.Null(Figures().Stacks.Single(s => s.Stack == "dev").ChangeFailureRate);
    }

    [Fact]
    public void Time_to_restore_is_the_median_and_worst_of_switch_to_rollback()
    {
        var prod = Figures().Stacks.Single(s => s.Stack == "prod");

        // 1 h and 30 min: the median of two is their mean, 45 min.
        Assert.Equal(TimeSpan.FromMinutes(45), prod.MedianTimeToRestore);
        Assert.Equal(TimeSpan.FromHours(1), prod.WorstTimeToRestore);
    }

    [Fact]
    public void Lead_time_runs_from_the_first_promote_in_the_first_stack_to_live_in_the_last()
    {
        var lead = Figures().LeadTime!;

        // api 1.6.0: 12-31 08:00 → 01-02 12:00 = 52 h; api 1.6.1: 01-03 09:00 → 01-04 09:00 = 24 h;
        // web 2.4.0: 01-07 00:00 → 01-08 00:00 = 24 h; the 1.6.2 hotfix was never promoted in dev.
        Assert.Equal(("dev", "prod", 3, 1), (lead.First, lead.Last, lead.Releases, lead.WithoutFirstPromote));
        Assert.Equal(TimeSpan.FromHours(24), lead.Median);
        Assert.Equal(TimeSpan.FromHours(52), lead.Worst);
    }

    [Fact]
    public void Lead_time_for_changes_runs_from_the_app_commit_to_each_deployment()
    {
        var prod = Figures().Stacks.Single(s => s.Stack == "prod").LeadTimeFromCommit;

        // api 1.6.0: 12-31 06:00 → 01-02 12:00 = 54 h; api 1.6.1: 01-03 08:00 → 01-04 09:00 = 25 h;
        // web 2.4.0: 01-06 12:00 → 01-08 00:00 = 36 h; the 1.6.2 hotfix carried no app commit.
        Assert.Equal((3, 1), (prod.Deployments, prod.WithoutAppCommit));
        Assert.Equal(TimeSpan.FromHours(36), prod.Median);
        Assert.Equal(TimeSpan.FromHours(54), prod.Worst);
        Assert.Equal(new CommitLeadTime(0, 0, null, null), Figures().Stacks.Single(s => s.Stack == "dev").LeadTimeFromCommit);
    }

    [Fact]
    public void An_app_commit_recorded_after_the_deployment_is_not_its_change()
    {
        var deployment = Event("prod", "api", Switch, "2026-01-02T12:00:00Z", "1.5.0", "1.6.0");
        var later = new AppChange("api", "1.6.0", "a1", GitRepository.At("2026-01-02T13:00:00Z"), "SHOP-1");

        Assert.Equal(new CommitLeadTime(0, 1, null, null), CommitLeadTime.Of([deployment], [later]));
    }

    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value() =>
        Assert.Equal(TimeSpan.FromMinutes(2), DoraFigures.Median([TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)]));
}
