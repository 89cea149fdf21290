using Delivery.Cli;

return DeliverCli.Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory(), Terminal.SupportsColour());
