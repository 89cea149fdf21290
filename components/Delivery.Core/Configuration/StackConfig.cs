namespace Delivery.Core.Configuration;

/// <summary>
/// A stack's <c>delivery-platform:*</c> config as flat entries, read either from the engine
/// (<see cref="EngineConfigReader"/>) or offline from its stack file (<see cref="StackFileReader"/>),
/// plus the problems met while reading it (bad YAML, duplicate keys).
/// </summary>
public sealed record StackConfig(
    string StackName,
    IReadOnlyList<ConfigEntry> Entries,
    IReadOnlyList<ConfigProblem> Problems,
    bool IsOffline);
