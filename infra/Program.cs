using Delivery.Components;

// The whole program is DeliveryProgram: validate the config, check freeze and ladder, declare the
// environment, export its outputs. It lives in the components library so the mock tests run it too.
return await Pulumi.Deployment.RunAsync(() => DeliveryProgram.RunAsync());
