using Delivery.Core.Model;

namespace Delivery.Core.Apps;

/// <summary>
/// Which apps each app calls: the inverse of every app's <c>callers</c>, built once per rendering
/// so that an app's egress does not scan every other app (N apps would cost O(N²)).
/// </summary>
public sealed class AppCallGraph
{
    private readonly Dictionary<string, SortedSet<string>> _callees = new(StringComparer.Ordinal);

    public AppCallGraph(DeliveryConfig config)
    {
        foreach (var (callee, app) in config.Apps)
        {
            foreach (var caller in app.Callers)
            {
                if (!_callees.TryGetValue(caller, out var callees))
                    _callees[caller] = callees = new SortedSet<string>(StringComparer.Ordinal);
                callees.Add(callee);
            }
        }
    }

    /// <summary>The apps that list <paramref name="app"/> as a caller, by name.</summary>
    public IReadOnlyCollection<string> CalleesOf(string app) =>
        _callees.TryGetValue(app, out var callees) ? callees : [];
}
