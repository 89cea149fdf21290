namespace Delivery.Core.Kubernetes;

/// <summary>
/// A Kubernetes Secret the shell creates as its own typed resource, marked secret, so that no
/// secret value enters a ConfigGroup or chart values (which would hide every diff in a preview).
/// Objects and charts refer to it by <see cref="Name"/>.
/// </summary>
public sealed record SecretSpec(
    string Name,
    string Namespace,
    string Type,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<SecretEntry> Entries);

/// <summary>One key of a Secret and where its value comes from.</summary>
public sealed record SecretEntry(string Key, SecretSource Source);

/// <summary>Where a secret value comes from; the shell turns each into a secret Output.</summary>
public abstract record SecretSource
{
    private protected SecretSource() { }
}

/// <summary>A secret from stack config (its state says whether it is set).</summary>
public sealed record ConfigSecretSource(Model.SecretValue Value) : SecretSource;

/// <summary>A value that is not itself secret but belongs in the Secret beside secret ones (a user name, an app id).</summary>
public sealed record LiteralSource(string Value) : SecretSource;

/// <summary>A generated password's plain value.</summary>
public sealed record GeneratedPasswordSource(string PasswordName) : SecretSource;

/// <summary>An htpasswd file: one line <c>user:&lt;bcrypt&gt;</c> per user, from each generated password's bcrypt hash.</summary>
public sealed record HtpasswdSource(IReadOnlyList<HtpasswdUser> Users) : SecretSource
{
    public bool Equals(HtpasswdSource? other) => other is not null && Users.SequenceEqual(other.Users);

    public override int GetHashCode() => Users.Aggregate(0, HashCode.Combine);
}

/// <summary>One htpasswd user and the generated password it logs in with.</summary>
public sealed record HtpasswdUser(string User, string PasswordName);

/// <summary>A <c>.dockerconfigjson</c> for one registry, user and password (see <see cref="DockerConfigJson"/>).</summary>
public sealed record DockerConfigSource(string Registry, string User, SecretSource Password) : SecretSource;
