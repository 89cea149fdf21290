namespace Delivery.Core.Model;

/// <summary>The environment tier a stack is: it picks defaults and how strict the rules are.</summary>
public enum Tier
{
    Local,
    Dev,
    Staging,
    Prod,
}
