using System.Text.Json;
using Delivery.Core.Model;

namespace Delivery.Core.Tests.Configuration;

public sealed class SecretValueTests
{
    private const string Value = "s3cr3t-token-value";

    [Fact]
    public void Never_prints_its_value()
    {
        var secret = SecretValue.Secret(Value);
        var plain = SecretValue.Plaintext(Value);

        Assert.Equal("[secret: set]", secret.ToString());
        Assert.Equal("[secret: set in plain text]", plain.ToString());
        Assert.DoesNotContain(Value, $"{secret} {plain}", StringComparison.Ordinal);
        Assert.DoesNotContain(Value, JsonSerializer.Serialize(new { secret, plain }), StringComparison.Ordinal);
    }

    [Fact]
    public void Reveal_gives_the_value_to_the_shell_only_when_known()
    {
        Assert.Equal(Value, SecretValue.Secret(Value).Reveal());
        var error = Assert.Throws<InvalidOperationException>(() => SecretValue.SetButUnknown.Reveal());
        Assert.Equal("The secret is set, encrypted; its value cannot be revealed.", error.Message);
        Assert.Throws<InvalidOperationException>(() => SecretValue.Missing.Reveal());
    }

    [Fact]
    public void States_tell_set_from_known()
    {
        Assert.False(SecretValue.Missing.IsSet);
        Assert.True(SecretValue.SetButUnknown.IsSet);
        Assert.False(SecretValue.SetButUnknown.HasKnownValue);
        Assert.True(SecretValue.Secret("x").HasKnownValue);
        Assert.Equal(SecretValue.Secret("x"), SecretValue.Secret("x"));
        Assert.NotEqual(SecretValue.Secret("x"), SecretValue.Plaintext("x"));
    }
}
