using Deliver;

return DeliverCli.Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory(), Terminal.SupportsColour());
