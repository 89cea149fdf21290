using System.Reflection;
using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Delivery.Core.Tests.Configuration;

/// <summary>The typed app keys are the keys the binder reads: a property rename cannot leave a rule on the old name.</summary>
public sealed class AppKeysTests
{
    public static TheoryData<string> Keys() =>
        [.. typeof(AppKeys).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(string)).Select(f => (string)f.GetValue(null)!)];

    [Theory]
    [MemberData(nameof(Keys))]
    public void Each_key_is_a_settable_app_property_in_camel_case(string key)
    {
        var property = typeof(AppConfig).GetProperty(key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);

        Assert.NotNull(property);
        Assert.True(property.CanWrite, $"{key} is computed, not config");
        Assert.Equal(char.ToLowerInvariant(property.Name[0]) + property.Name[1..], key);
    }

    [Fact]
    public void A_stack_file_value_under_each_release_key_binds_to_the_model()
    {
        var loaded = TestConfigs.Load(TestConfigs.ValidDev().With(("apps:api:hotfixReason", "CVE-1"), ("apps:api:canaryWeight", "0")));

        Assert.Equal("CVE-1", loaded.Config.Apps["api"].HotfixReason);
        Assert.Equal(AppKeys.Release.Count, AppKeys.Release.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Slot.Blue, new AppConfig { Live = "blue" }.LiveSlot);
        Assert.Null(new AppConfig { Live = "purple" }.LiveSlot);
        Assert.Equal(Slot.Rolling, new AppConfig { Strategy = Strategies.Rolling }.LiveSlot);
        Assert.Equal(3, new AppConfig { Replicas = 3 }.IdleSlotReplicas);
        Assert.Equal(0, new AppConfig { Replicas = 3, IdleReplicas = 0 }.IdleSlotReplicas);
    }
}
