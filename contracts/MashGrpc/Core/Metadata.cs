using System.Collections;
using System.Text;

namespace MashGrpc.Core;

/// <summary>
/// Call headers or trailers: ordered ASCII keys, lower-cased; keys ending in <c>-bin</c> carry bytes
/// (base64 on the wire), all others printable ASCII text.
/// </summary>
public sealed class Metadata : IList<Metadata.Entry>
{
    public const string BinaryHeaderSuffix = "-bin";

    /// <summary>An empty, read-only instance.</summary>
    public static readonly Metadata Empty = new() { readOnly = true };

    private readonly List<Entry> entries = [];
    private bool readOnly;

    public void Add(string key, string value) => Add(new Entry(key, value));
    public void Add(string key, byte[] valueBytes) => Add(new Entry(key, valueBytes));

    public Entry? Get(string key) => entries.FindLast(e => e.Key == Normalize(key));
    public string? GetValue(string key) => Get(key)?.Value;
    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;
    public IEnumerable<Entry> GetAll(string key) => entries.Where(e => e.Key == Normalize(key));

    public Entry this[int index] { get => entries[index]; set { CheckWritable(); entries[index] = value; } }
    public int Count => entries.Count;
    public bool IsReadOnly => readOnly;
    public void Add(Entry item) { CheckWritable(); entries.Add(item); }
    public void Clear() { CheckWritable(); entries.Clear(); }
    public bool Contains(Entry item) => entries.Contains(item);
    public void CopyTo(Entry[] array, int arrayIndex) => entries.CopyTo(array, arrayIndex);
    public int IndexOf(Entry item) => entries.IndexOf(item);
    public void Insert(int index, Entry item) { CheckWritable(); entries.Insert(index, item); }
    public bool Remove(Entry item) { CheckWritable(); return entries.Remove(item); }
    public void RemoveAt(int index) { CheckWritable(); entries.RemoveAt(index); }
    public IEnumerator<Entry> GetEnumerator() => entries.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void CheckWritable()
    {
        if (readOnly)
        {
            throw new InvalidOperationException("Metadata is read-only.");
        }
    }

    private static string Normalize(string key) => key.ToLowerInvariant();

    /// <summary>One header or trailer.</summary>
    public sealed class Entry
    {
        private readonly string? value;
        private readonly byte[]? valueBytes;

        public Entry(string key, string value)
        {
            Key = ValidateKey(key);
            if (IsBinary)
            {
                throw new ArgumentException($"Key '{Key}' ends in '{BinaryHeaderSuffix}' and needs a byte[] value.", nameof(value));
            }
            this.value = ValidateText(value);
        }

        public Entry(string key, byte[] valueBytes)
        {
            Key = ValidateKey(key);
            if (!IsBinary)
            {
                throw new ArgumentException($"Key '{Key}' carries bytes and must end in '{BinaryHeaderSuffix}'.", nameof(key));
            }
            this.valueBytes = valueBytes;
        }

        public string Key { get; }
        public bool IsBinary => Key.EndsWith(BinaryHeaderSuffix, StringComparison.Ordinal);

        public string Value => value ?? throw new InvalidOperationException($"Key '{Key}' is binary: read ValueBytes.");

        public byte[] ValueBytes => valueBytes ?? Encoding.ASCII.GetBytes(value!);

        public override string ToString() => IsBinary ? $"[Entry: key={Key}, valueBytes={valueBytes!.Length}]" : $"[Entry: key={Key}, value={value}]";

        private static string ValidateKey(string key)
        {
            var normalized = Normalize(key);
            foreach (var c in normalized)
            {
                if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.'))
                {
                    throw new ArgumentException($"Metadata key '{key}' has a character outside 0-9 a-z _ - .", nameof(key));
                }
            }
            return normalized.Length > 0 ? normalized : throw new ArgumentException("Metadata key is empty.", nameof(key));
        }

        private static string ValidateText(string text)
        {
            foreach (var c in text)
            {
                if (c is < ' ' or > '~')
                {
                    throw new ArgumentException("Metadata text values are printable ASCII; use a '-bin' key for anything else.", nameof(text));
                }
            }
            return text;
        }
    }
}
