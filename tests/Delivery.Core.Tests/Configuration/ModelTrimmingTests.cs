using System.Xml.Linq;
using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Tests.Configuration;

/// <summary>
/// ConfigSchema and SecretMarking reflect over the model's properties; in deliver's Native AOT binary
/// that works only for types ILLink.Descriptors.xml keeps whole (without it, every stack fails with
/// "is required" for each key). So: the descriptor is embedded, keeps the model's namespace, and
/// every type the walk reaches is in that namespace.
/// </summary>
public sealed class ModelTrimmingTests
{
    private static readonly string ModelNamespace = typeof(DeliveryConfig).Namespace!;

    [Fact]
    public void The_embedded_descriptor_keeps_the_model_namespace()
    {
        using var stream = typeof(DeliveryConfig).Assembly.GetManifestResourceStream("ILLink.Descriptors.xml");
        Assert.NotNull(stream);
        var kept = XDocument.Load(stream).Descendants("namespace").Select(n => (string?)n.Attribute("fullname"));

        Assert.Contains(ModelNamespace, kept);
    }

    [Fact]
    public void Every_type_the_schema_walks_is_a_model_type()
    {
        var walked = new HashSet<Type>();
        Walk(typeof(DeliveryConfig), walked);

        Assert.True(walked.Count > 10, $"only {walked.Count} model types reached: has the walk changed?");
        Assert.All(walked, type => Assert.Equal(ModelNamespace, type.Namespace));
    }

    private static void Walk(Type type, HashSet<Type> walked)
    {
        if (!walked.Add(type))
            return;
        foreach (var property in ConfigSchema.Properties(type))
        {
            var element = Element(property.PropertyType);
            if (!(element.IsPrimitive || element.IsEnum || element == typeof(string) || element == typeof(SecretValue)))
                Walk(element, walked);
        }
    }

    /// <summary>A map's value type, a list's item type, a nullable's underlying type, or the type itself.</summary>
    private static Type Element(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            return Element(type.GetGenericArguments()[1]);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            return Element(type.GetGenericArguments()[0]);
        return Nullable.GetUnderlyingType(type) ?? type;
    }
}
