// The program reads its config from process environment variables and Pulumi's Deployment is
// process-wide, so these tests run one at a time (as Pulumi's own testing guide asks).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
