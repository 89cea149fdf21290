using Delivery.Core.Model;

namespace Delivery.Core.Validation;

/// <summary>Slot arithmetic shared by the rules and the renderers.</summary>
public static class Slots
{
    public static Slot? Parse(string text) => text switch
    {
        "blue" => Slot.Blue,
        "green" => Slot.Green,
        _ => null,
    };

    public static Slot Other(Slot slot) => slot == Slot.Blue ? Slot.Green : Slot.Blue;

    public static string Version(AppConfig app, Slot slot) => slot == Slot.Blue ? app.Blue : app.Green;

    public static string Name(Slot slot) => slot == Slot.Blue ? "blue" : "green";
}
