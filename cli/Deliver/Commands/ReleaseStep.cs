namespace Delivery.Cli.Commands;

internal enum ReleaseStep
{
    Promote,
    Canary,
    Switch,
    Rollback,
    Abort,
}
