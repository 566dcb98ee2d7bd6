using System.IO.Compression;
using System.Net.Http.Headers;
using FakeService;
using Mash.Hosting.Telemetry;
using Microsoft.AspNetCore.Builder;

namespace AppHost.Tests.Telemetry;

public sealed class OtlpReceiverTests : IAsyncLifetime
{
    private readonly TelemetryCounters _counters = new();
    private WebApplication? _receiver;
    private int _port;

    public async Task InitializeAsync() => (_receiver, _port) = await OtlpReceiver.StartAsync(0, _counters, CancellationToken.None);

    public async Task DisposeAsync() => await _receiver!.DisposeAsync();

    [Theory]
    [InlineData("traces")]
    [InlineData("metrics")]
    [InlineData("logs")]
    public async Task Accepts_each_signal_and_counts_it_for_its_service(string signal)
    {
        var body = OtlpRequest.WithServiceName("intake");

        using var response = await PostAsync(signal, body, gzip: false);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new SignalCount(1, body.Length), _counters.For("intake")[signal]);
    }

    [Fact]
    public async Task Reads_gzip_bodies()
    {
        using var response = await PostAsync("traces", OtlpRequest.WithServiceName("triage"), gzip: true);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(1, _counters.For("triage")["traces"].Requests);
    }

    [Fact]
    public async Task Counts_what_it_cannot_attribute()
    {
        using var response = await PostAsync("logs", [1, 2, 3], gzip: false);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(1, _counters.For(OtlpReceiver.UnknownService)["logs"].Requests);
    }

    private async Task<HttpResponseMessage> PostAsync(string signal, byte[] body, bool gzip)
    {
        if (gzip)
        {
            using var packed = new MemoryStream();
            await using (var zip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            {
                await zip.WriteAsync(body);
            }

            body = packed.ToArray();
        }

        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        if (gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        return await Support.Http.Client.PostAsync($"http://127.0.0.1:{_port}/v1/{signal}", content);
    }
}
