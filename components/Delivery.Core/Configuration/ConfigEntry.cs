using Delivery.Core.Model;

namespace Delivery.Core.Configuration;

/// <summary>
/// One flattened config value as a source gave it: its configuration key (<c>apps:api:green</c>),
/// its text, whether it was given as a secret, and where it came from (for messages).
/// </summary>
public sealed record ConfigEntry(string Key, string Value, SecretState Secrecy, string Origin)
{
    /// <summary>Text safe to show a user: never a secret's value.</summary>
    public string DisplayValue => Secrecy == SecretState.Plaintext ? Value : "[secret]";
}
