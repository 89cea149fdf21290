namespace Delivery.Core.Release.History;

/// <summary>One stack's deployment figures over a window (see docs/releasing.md, "Release history and DORA figures").</summary>
public sealed record StackDora(
    string Stack,
    int Deployments,
    double DeploymentsPerDay,
    int RolledBack,
    double? ChangeFailureRate,
    TimeSpan? MedianTimeToRestore,
    TimeSpan? WorstTimeToRestore,
    CommitLeadTime LeadTimeFromCommit);

/// <summary>
/// Lead time for changes as DORA defines it, per stack: for each deployment in the window whose app and
/// version a promotion carried an app commit for (<see cref="AppChange"/>), its time − that commit's time.
/// </summary>
public sealed record CommitLeadTime(int Deployments, int WithoutAppCommit, TimeSpan? Median, TimeSpan? Worst)
{
    public static CommitLeadTime Of(IEnumerable<ReleaseEvent> deployments, IReadOnlyList<AppChange> changes)
    {
        // The earliest record of a version wins: a later re-promotion of the same build is not a newer change.
        var committed = new Dictionary<(string, string), DateTimeOffset>();
        foreach (var change in changes.OrderBy(c => c.CommittedAt))
            committed.TryAdd((change.App, change.Version), change.CommittedAt);
        var leads = new List<TimeSpan>();
        var without = 0;
        foreach (var deployment in deployments)
        {
            if (committed.TryGetValue((deployment.App, deployment.To), out var at) && at <= deployment.Time)
                leads.Add(deployment.Time - at);
            else
                without++;
        }
        return new CommitLeadTime(leads.Count, without, DoraFigures.Median(leads), leads.Count == 0 ? null : leads.Max());
    }
}

/// <summary>Lead time for changes along the promotion ladder, from its first stack to its last.</summary>
public sealed record LeadTime(string First, string Last, int Releases, int WithoutFirstPromote, TimeSpan? Median, TimeSpan? Worst);

/// <summary>
/// The four DORA figures from release ledgers, over the window [<c>From</c>, <c>To</c>]. A deployment
/// is a switch or hotfix (a rollback is not one); it failed when the app's next live change is a
/// rollback from that same version within <c>FailureWindow</c>; its time to restore is the rollback's
/// time minus the switch's. Lead time: for each deployment in the last stack of the ladder, its
/// time minus the time of the same app and version's first promote in the ladder's first stack; and
/// per stack, from the app commit a promotion carried (<see cref="CommitLeadTime"/>).
/// </summary>
public sealed record DoraFigures(DateTimeOffset From, DateTimeOffset To, TimeSpan FailureWindow, IReadOnlyList<StackDora> Stacks, LeadTime? LeadTime)
{
    public static DoraFigures Compute(IReadOnlyList<ReleaseLedger> ledgers, IReadOnlyList<string> ladder, DateTimeOffset from, DateTimeOffset to, TimeSpan failureWindow,
        IReadOnlyList<AppChange> changes)
    {
        var days = (to - from).TotalDays;
        var stacks = ledgers.Select(ledger =>
        {
            var deployments = Deployments(ledger, from, to).ToList();
            var restores = deployments
                .Select(d => (Deployment: d, Rollback: RollbackOf(ledger, d)))
                .Where(p => p.Rollback is not null && p.Rollback.Time - p.Deployment.Time <= failureWindow)
                .Select(p => p.Rollback!.Time - p.Deployment.Time)
                .ToList();
            return new StackDora(
                ledger.Stack,
                deployments.Count,
                days > 0 ? deployments.Count / days : 0,
                restores.Count,
                deployments.Count == 0 ? null : (double)restores.Count / deployments.Count,
                Median(restores),
                restores.Count == 0 ? null : restores.Max(),
                CommitLeadTime.Of(deployments, changes));
        }).ToList();
        return new DoraFigures(from, to, failureWindow, stacks, Lead(ledgers, ladder, from, to));
    }

    private static IEnumerable<ReleaseEvent> Deployments(ReleaseLedger ledger, DateTimeOffset from, DateTimeOffset to) =>
        ledger.Events.Where(e => e.IsDeployment && e.Time >= from && e.Time <= to);

    /// <summary>The rollback that undid <paramref name="deployment"/>: the app's next live change, if it is a rollback from that version.</summary>
    private static ReleaseEvent? RollbackOf(ReleaseLedger ledger, ReleaseEvent deployment)
    {
        var index = IndexOf(ledger.Events, deployment);
        var next = ledger.Events.Skip(index + 1).FirstOrDefault(e => e.App == deployment.App && e.ChangesLive);
        return next is { Kind: ReleaseEventKind.Rollback } && next.From == deployment.To ? next : null;
    }

    private static int IndexOf(IReadOnlyList<ReleaseEvent> events, ReleaseEvent wanted)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (ReferenceEquals(events[i], wanted))
                return i;
        }
        return -1;
    }

    private static LeadTime? Lead(IReadOnlyList<ReleaseLedger> ledgers, IReadOnlyList<string> ladder, DateTimeOffset from, DateTimeOffset to)
    {
        if (ladder.Count < 2)
            return null;
        var first = ledgers.FirstOrDefault(l => l.Stack == ladder[0]);
        var last = ledgers.FirstOrDefault(l => l.Stack == ladder[^1]);
        if (first is null || last is null)
            return null;
        var firstPromotes = new Dictionary<(string, string), DateTimeOffset>();
        foreach (var promote in first.Events.Where(e => e.Kind == ReleaseEventKind.Promote && e.To.Length > 0))
            firstPromotes.TryAdd((promote.App, promote.To), promote.Time);
        var leads = new List<TimeSpan>();
        var without = 0;
        foreach (var deployment in Deployments(last, from, to))
        {
            if (firstPromotes.TryGetValue((deployment.App, deployment.To), out var promoted) && promoted <= deployment.Time)
                leads.Add(deployment.Time - promoted);
            else
                without++;
        }
        return new LeadTime(ladder[0], ladder[^1], leads.Count, without, Median(leads), leads.Count == 0 ? null : leads.Max());
    }

    /// <summary>The middle value; for an even count, the mean of the two middle ones.</summary>
    internal static TimeSpan? Median(IReadOnlyList<TimeSpan> values)
    {
        if (values.Count == 0)
            return null;
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
