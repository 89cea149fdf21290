namespace Delivery.Core.Model;

/// <summary>The values of <c>release.gateScope</c>.</summary>
public static class GateScopes
{
    /// <summary>A release is refused for its own apps' alerts and budgets and the platform's.</summary>
    public const string App = "app";

    /// <summary>A release is refused for any app's alert or budget in the stack.</summary>
    public const string Stack = "stack";

    public static readonly IReadOnlyList<string> All = [App, Stack];
}
