using Delivery.Core.Configuration;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Validation;

/// <summary>An app's secret environment variables: valid names, set with --secret, and not also plain ones.</summary>
internal static class AppSecretEnvRules
{
    public static IEnumerable<ConfigProblem> Check(ConfigPath app, AppConfig config, ValidationContext context)
    {
        foreach (var (variable, secret) in config.SecretEnv.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var path = app.Key("secretEnv").Key(variable);
            if (!Names.IsEnvVarName(variable))
            {
                yield return ConfigProblem.Error(path, null, "is not a valid environment variable name.",
                    "use letters, digits, '_', '-' and '.', not starting with a digit.");
            }
            if (config.Env.ContainsKey(variable))
            {
                yield return ConfigProblem.Error(path, null, $"is also set in {app.Key("env")}; the container would get it twice.",
                    $"keep one: pulumi config rm --path {app.Key("env").Key(variable)}.");
            }
            if (secret.State == SecretState.Missing)
            {
                yield return ConfigProblem.Error(path, null, "has no value.",
                    $"pulumi config set --secret --path {path} <value> --stack {context.StackName}, or remove it.");
            }
            foreach (var problem in SecretRules.Optional(path, secret, context))
                yield return problem;
        }
    }
}
