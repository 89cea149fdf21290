using Delivery.Bench;

return BenchCli.Run(args, Console.Out, Console.Error);
