using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi.Testing;

namespace Delivery.Components.Tests;

/// <summary>
/// Returns every resource's inputs as its state (so tests read back exactly what was handed over),
/// fills the few outputs the program reads, and records every registration.
/// </summary>
internal sealed class Mocks(IReadOnlyDictionary<string, string> releaseStates) : IMocks
{
    public const string MockPassword = "mock-password-value";
    public const string MockBcrypt = "$2y$10$mockmockmockmockmockmo";

    /// <summary>What a push of <paramref name="imageName"/> returns here: its repository, then a digest made from the name.</summary>
    public static string RepoDigest(string imageName)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(imageName)));
        return $"{imageName[..imageName.LastIndexOf(':')]}@sha256:{hash}";
    }

    /// <summary>Every resource registered, in order.</summary>
    public ConcurrentQueue<MockResourceArgs> Registered { get; } = new();

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        Registered.Enqueue(args);
        var state = ImmutableDictionary.CreateBuilder<string, object>();
        state.AddRange(args.Inputs);
        switch (args.Type)
        {
            case "pulumi:pulumi:StackReference":
                // Id is the referenced stack's full name, organization/project/stack.
                var stack = args.Id!.Split('/')[^1];
                var outputs = releaseStates.TryGetValue(stack, out var json)
                    ? ImmutableDictionary<string, object>.Empty.Add("releaseState", json)
                    : ImmutableDictionary<string, object>.Empty;
                state["outputs"] = outputs;
                state["secretOutputNames"] = ImmutableArray<object>.Empty;
                break;
            case "random:index/randomPassword:RandomPassword":
                state["result"] = MockPassword;
                state["bcryptHash"] = MockBcrypt;
                break;
            case "docker:index/remoteImage:RemoteImage":
                state["imageId"] = $"sha256:{args.Name}";
                break;
            case "docker:index/image:Image":
                state["repoDigest"] = RepoDigest((string)args.Inputs["imageName"]);
                break;
        }
        // The mock monitor passes the request's ImportId, which is "" (not null) for an ordinary
        // registration; an empty id would leave every custom resource's Id unknown.
        var id = string.IsNullOrEmpty(args.Id) ? $"{args.Name}-id" : args.Id;
        return Task.FromResult<(string? id, object state)>((id, state.ToImmutable()));
    }

    public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(ImmutableDictionary<string, object>.Empty);
}
