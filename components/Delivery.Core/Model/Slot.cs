namespace Delivery.Core.Model;

/// <summary>One of an app's two deployment slots.</summary>
public enum Slot
{
    Blue,
    Green,
}
