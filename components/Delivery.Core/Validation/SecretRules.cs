using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Validation;

/// <summary>
/// Secrets must be set with <c>--secret</c> (plain text would be committed to the stack file).
/// A required one that is missing is an error under Pulumi and, offline, a warning that prints the
/// exact command to set it, since committed stack files carry no ciphertext.
/// </summary>
internal static class SecretRules
{
    public static IEnumerable<ConfigProblem> Required(ConfigPath path, SecretValue secret, ValidationContext context, string what, string why)
    {
        if (secret.State == SecretState.Missing)
        {
            var command = $"pulumi config set --secret --path {path} <{what}> --stack {context.StackName}";
            var message = $"{what} is required {why}, and is not set.";
            yield return context.IsOffline
                ? ConfigProblem.Warning(path, null, message, $"before deploying, run: {command}")
                : ConfigProblem.Error(path, null, message, $"run: {command}");
        }
        foreach (var problem in Optional(path, secret, context))
            yield return problem;
    }

    public static IEnumerable<ConfigProblem> Optional(ConfigPath path, SecretValue secret, ValidationContext context)
    {
        if (secret.State == SecretState.Plaintext)
        {
            yield return ConfigProblem.Error(path, null,
                "is a secret but is given in plain text, so it would be stored unencrypted in the stack file.",
                $"pulumi config rm --path {path} --stack {context.StackName}; then pulumi config set --secret --path {path} <value> --stack {context.StackName}.");
        }
    }

    public static IEnumerable<ConfigProblem> Unused(ConfigPath path, SecretValue secret, string why)
    {
        if (secret.IsSet)
            yield return ConfigProblem.Error(path, null, $"is set but not used {why}.", $"remove it: pulumi config rm --path {path}.");
    }
}
