using Delivery.Core.Kubernetes;
using Pulumi;
using Pulumi.Random;

namespace Delivery.Components;

/// <summary>
/// The core's generated passwords as RandomPassword resources: created once and kept in state, so a
/// normal update never regenerates them. No special characters: they go into URLs, htpasswd and CSV.
/// </summary>
internal static class GeneratedPasswords
{
    public static IReadOnlyDictionary<string, RandomPassword> Declare(string prefix, IEnumerable<GeneratedPassword> passwords, Resource parent) =>
        passwords.ToDictionary(
            password => password.Name,
            password => new RandomPassword($"{prefix}-{password.Name}",
                new RandomPasswordArgs { Length = password.Length, Special = false },
                new CustomResourceOptions { Parent = parent, AdditionalSecretOutputs = { "result", "bcryptHash" } }));
}
