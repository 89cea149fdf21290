namespace Delivery.Core.Release;

/// <summary>How far an upstream stack vouches for a version: not at all, for its tag only, or for exactly it.</summary>
public enum Vouch
{
    None,
    TagOnly,
    Exact,
}
