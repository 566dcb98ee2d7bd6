using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Mash.ServiceDefaults;

/// <summary>
/// Lets System.Text.Json, and so MassTransit's serializer, carry protoc-generated messages as
/// canonical protobuf JSON (<see cref="JsonFormatter"/>/<see cref="JsonParser"/>): the reflection
/// serializer would write RepeatedField and MapField as read-only collections it cannot read back,
/// every oneof case property at once, and Timestamp as an object. Integration events are such
/// messages, so a consumer in any language with a protobuf library can read the bus.
/// Unknown fields are ignored when reading, so a consumer survives a producer that has moved on.
/// </summary>
public sealed class ProtobufJsonConverterFactory(TypeRegistry? typeRegistry = null) : JsonConverterFactory
{
    private readonly JsonFormatter formatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(typeRegistry ?? TypeRegistry.Empty));
    private readonly JsonParser parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true).WithTypeRegistry(typeRegistry ?? TypeRegistry.Empty));

    public override bool CanConvert(Type typeToConvert) =>
        typeof(IMessage).IsAssignableFrom(typeToConvert) && typeToConvert is { IsInterface: false, IsAbstract: false };

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(MessageConverter<>).MakeGenericType(typeToConvert), formatter, parser)!;

    /// <summary>
    /// For MassTransit's <c>ConfigureJsonSerializerOptions</c>: puts a converter first, once. Those
    /// options are process-wide and frozen after first use, so a second bus in the same process
    /// (tests) must find it there and leave them be.
    /// </summary>
    public static JsonSerializerOptions AddTo(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Converters.Any(c => c is ProtobufJsonConverterFactory))
        {
            options.Converters.Insert(0, new ProtobufJsonConverterFactory());
        }
        return options;
    }

    private sealed class MessageConverter<T>(JsonFormatter formatter, JsonParser parser) : JsonConverter<T>
        where T : class, IMessage
    {
        private static readonly MessageDescriptor Descriptor =
            (MessageDescriptor)(typeof(T).GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
                ?? throw new NotSupportedException($"{typeof(T)} is not a protoc-generated message (no static Descriptor)."));

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return (T)parser.Parse(document.RootElement.GetRawText(), Descriptor);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteRawValue(formatter.Format(value), skipInputValidation: true);
    }
}
