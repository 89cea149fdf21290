namespace Delivery.Core.Model.Values;

public static class Tiers
{
    public static readonly IReadOnlyList<string> Names = ["local", "dev", "staging", "prod"];

    public static Tier? Parse(string? name) => name switch
    {
        "local" => Tier.Local,
        "dev" => Tier.Dev,
        "staging" => Tier.Staging,
        "prod" => Tier.Prod,
        _ => null,
    };

    public static string Name(Tier tier) => Names[(int)tier];
}
