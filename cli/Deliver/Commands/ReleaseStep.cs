namespace Delivery.Cli.Commands;

internal enum ReleaseStep
{
    Promote,
    Switch,
    Rollback,
    Abort,
}
