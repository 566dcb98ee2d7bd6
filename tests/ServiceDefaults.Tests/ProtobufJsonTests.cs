using System.Text.Json;
using Mash.ServiceDefaults.Tests.Events;

namespace Mash.ServiceDefaults.Tests;

/// <summary>The converter alone, through System.Text.Json as MassTransit uses it.</summary>
public sealed class ProtobufJsonTests
{
    private static readonly JsonSerializerOptions Options = ProtobufJsonConverterFactory.AddTo(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    [Fact]
    public void Every_field_kind_round_trips()
    {
        var sent = BusTests.SampleEvent();

        var json = JsonSerializer.Serialize(sent, Options);
        var received = JsonSerializer.Deserialize<ContactRated>(json, Options);

        Assert.Equal(sent, received);
    }

    [Fact]
    public void The_other_oneof_case_and_defaults_round_trip()
    {
        var sent = new ContactRated { ContactId = "c-1", ReferralId = "r-9" };

        var received = JsonSerializer.Deserialize<ContactRated>(JsonSerializer.Serialize(sent, Options), Options)!;

        Assert.Equal(ContactRated.DecisionOneofCase.ReferralId, received.DecisionCase);
        Assert.Equal(sent, received);
        Assert.Null(received.OccurredAt);
    }

    [Fact]
    public void The_json_is_canonical_protobuf_json()
    {
        var json = JsonSerializer.Serialize(BusTests.SampleEvent(), Options);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal("2024-03-05T09:30:15.123Z", root.GetProperty("occurredAt").GetString());
        Assert.Equal("2520s", root.GetProperty("timeToRate").GetString());
        Assert.Equal("p-17", root.GetProperty("practitioner").GetString());
        Assert.Equal("AQID/v8=", root.GetProperty("fingerprint").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("issues").ValueKind);
        Assert.False(root.TryGetProperty("referralId", out _));
    }

    [Fact]
    public void Unknown_fields_from_a_newer_producer_are_ignored()
    {
        var received = JsonSerializer.Deserialize<ContactRated>("""{"contactId":"c-2","addedLater":{"x":1}}""", Options)!;

        Assert.Equal("c-2", received.ContactId);
    }

    [Fact]
    public void A_message_inside_another_object_uses_the_converter_too()
    {
        var envelope = new Envelope(BusTests.SampleEvent());

        var received = JsonSerializer.Deserialize<Envelope>(JsonSerializer.Serialize(envelope, Options), Options)!;

        Assert.Equal(envelope.Message, received.Message);
    }

    public sealed record Envelope(ContactRated Message);
}
