using Delivery.Core.Model;

namespace Delivery.Core.Kubernetes;

/// <summary>
/// What <c>deliver render</c> shows of a Secret the shell creates: its name, namespace, type and keys,
/// and where each value comes from. Never a value: the document says so, and is not a Kubernetes
/// object, so applying a render by hand cannot create an empty Secret.
/// </summary>
public static class SecretDescription
{
    public static OrderedDictionary<string, object?> Of(SecretSpec secret, string component) => Manifest.Map(
        ("secret", $"{secret.Namespace}/{secret.Name}"),
        ("type", secret.Type),
        ("component", component),
        ("createdBy", "the Pulumi shell, as a secret resource; values are never rendered"),
        ("keys", Manifest.Map([.. secret.Entries.Select(entry => (entry.Key, (object?)Source(entry.Source)))])));

    public static string Source(SecretSource source) => source switch
    {
        ConfigSecretSource config => $"secret stack config ({State(config.Value)})",
        LiteralSource => "a non-secret config value kept beside the secret ones",
        GeneratedPasswordSource generated => $"the generated password {generated.PasswordName} (created once, kept in Pulumi state)",
        HtpasswdSource htpasswd => "htpasswd lines, each the bcrypt hash of a generated password: "
            + string.Join(", ", htpasswd.Users.Select(user => $"user {user.User} from {user.PasswordName}")),
        DockerConfigSource docker => $"a docker config for {docker.Registry}, user {docker.User}, password from {Source(docker.Password)}",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source.GetType().Name, "unknown secret source"),
    };

    private static string State(SecretValue value) => value.State switch
    {
        SecretState.Missing => "not set yet",
        SecretState.Plaintext => "set in plain text",
        _ => "set",
    };
}
