using Delivery.Core.Kubernetes;
using Pulumi;
using Pulumi.Random;

namespace Delivery.Components;

/// <summary>Turns the core's secret sources into secret Outputs.</summary>
internal sealed class SecretOutputs(IReadOnlyDictionary<string, RandomPassword> passwords)
{
    public Output<string> Resolve(SecretSource source) => Output.CreateSecret(source switch
    {
        ConfigSecretSource config => Output.Create(config.Value.Reveal()),
        LiteralSource literal => Output.Create(literal.Value),
        GeneratedPasswordSource generated => passwords[generated.PasswordName].Result,
        HtpasswdSource htpasswd => Output.All(htpasswd.Users.Select(user => (Input<string>)passwords[user.PasswordName].BcryptHash))
            .Apply(hashes => string.Concat(htpasswd.Users.Zip(hashes, (user, hash) => Htpasswd.Line(user.User, hash)))),
        DockerConfigSource docker => Resolve(docker.Password).Apply(password => DockerConfigJson.Build(docker.Registry, docker.User, password)),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source.GetType().Name, "no Output for this secret source"),
    });
}
