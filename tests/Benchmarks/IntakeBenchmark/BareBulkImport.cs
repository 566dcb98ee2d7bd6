using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using GrpcBenchmark;
using Mash.Contracts.Intake.V1;

namespace IntakeBenchmark;

/// <summary>
/// The bare ceiling's bulk import: SubmitContacts as raw HttpClient duplex requests (one HTTP/2
/// connection, N streams), each writing its framed contacts 64 to a write and a flush, while the
/// response is read frame by frame and checked in order as <see cref="BulkImport"/> checks it.
/// </summary>
internal sealed class BareBulkImport(Uri address) : IDisposable
{
    private readonly HttpMessageInvoker invoker = new(H2c.Handler(), disposeHandler: true);
    private readonly Uri uri = new(address, BareIntake.SubmitContactsPath);

    public async Task<BulkResult> RunAsync(ContactSource contacts, int total, int streams)
    {
        var accepted = new long[1];
        var rejected = new long[1];
        var jit = JitActivity.Start();
        var cpu = CpuUse.Start();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var start = Stopwatch.GetTimestamp();
        var calls = new Task[streams];
        for (var s = 0; s < streams; s++)
        {
            var count = (total / streams) + (s < total % streams ? 1 : 0);
            calls[s] = Task.Run(async () =>
            {
                var written = new ConcurrentQueue<string>();
                using var request = new HttpRequestMessage(HttpMethod.Post, uri)
                {
                    Version = HttpVersion.Version20,
                    VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                    Content = new ContactsContent(contacts, count, written),
                };
                request.Headers.TryAddWithoutValidation("te", "trailers");
                request.Headers.TryAddWithoutValidation("authorization", SubmitTarget.Authorization);
                // The handler answers once the response headers arrive; the request body goes on being written.
                using var response = await invoker.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "application/grpc")
                {
                    throw new InvalidDataException($"Bad response: HTTP {(int)response.StatusCode}.");
                }
                var reader = PipeReader.Create(await response.Content.ReadAsStreamAsync().ConfigureAwait(false));
                var read = 0;
                while (true)
                {
                    var chunk = await reader.ReadAsync().ConfigureAwait(false);
                    var buffer = chunk.Buffer;
                    read += Check(ref buffer, written, accepted, rejected);
                    reader.AdvanceTo(buffer.Start, buffer.End);
                    if (chunk.IsCompleted)
                    {
                        break;
                    }
                }
                await reader.CompleteAsync().ConfigureAwait(false);
                if (!response.TrailingHeaders.TryGetValues("grpc-status", out var status) || status.FirstOrDefault() != "0")
                {
                    throw new InvalidDataException("The response has no grpc-status: 0 trailer.");
                }
                if (read != count)
                {
                    throw new InvalidDataException($"The stream ended after {read} results for {count} contacts.");
                }
            });
        }
        await Task.WhenAll(calls).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new BulkResult(total, streams, seconds, accepted[0], rejected[0], FirstRejection: null) { Jit = jit.Stop(), Cpu = cpu.Stop(), Allocated = GC.GetTotalAllocatedBytes() - allocatedBefore };
    }

    public void Dispose() => invoker.Dispose();

    // The whole results in the buffer, each answering the item written in its place; how many.
    private static int Check(ref ReadOnlySequence<byte> buffer, ConcurrentQueue<string> written, long[] accepted, long[] rejected)
    {
        var read = 0;
        while (GrpcFrame.TryRead(ref buffer, SubmitContactResult.Parser, out var result))
        {
            if (!written.TryDequeue(out var expected) || result.RequestId != expected)
            {
                throw new InvalidDataException($"A result answers request '{result.RequestId}', not '{expected}'.");
            }
            Interlocked.Increment(ref result.ResultCase == SubmitContactResult.ResultOneofCase.Accepted ? ref accepted[0] : ref rejected[0]);
            read++;
        }
        return read;
    }

    /// <summary>The request body: <c>count</c> framed contacts, 64 to a write, each write flushed, as a buffered gRPC client sends them.</summary>
    private sealed class ContactsContent : HttpContent
    {
        private const int FramesPerFlush = 64;
        private readonly ContactSource contacts;
        private readonly int count;
        private readonly ConcurrentQueue<string> written;

        public ContactsContent(ContactSource contacts, int count, ConcurrentQueue<string> written)
        {
            (this.contacts, this.count, this.written) = (contacts, count, written);
            Headers.TryAddWithoutValidation("Content-Type", "application/grpc");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, default);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            var frames = new ArrayBufferWriter<byte>(64 * 1024);
            for (var i = 1; i <= count; i++)
            {
                var request = contacts.Next();
                written.Enqueue(request.RequestId);
                GrpcFrame.Write(frames, request);
                if (i % FramesPerFlush == 0 || i == count)
                {
                    await stream.WriteAsync(frames.WrittenMemory, cancellationToken).ConfigureAwait(false);
                    await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                    frames.ResetWrittenCount();
                }
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
