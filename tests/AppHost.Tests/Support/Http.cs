using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AppHost.Tests.Support;

internal static class Http
{
    public static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task<Dictionary<string, string?>> GetEnvAsync(string baseUrl) =>
        (await Client.GetFromJsonAsync<Dictionary<string, string?>>($"{baseUrl}/env"))!;

    /// <summary>HTTP/2 without TLS ("prior knowledge"), which is what a gRPC endpoint speaks.</summary>
    public static async Task<string> GetHttp2Async(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<JsonElement[]> GetResourcesAsync(Uri dashboard) =>
        (await Client.GetFromJsonAsync<JsonElement[]>(new Uri(dashboard, "/api/resources")))!;

    public static JsonElement Resource(this JsonElement[] resources, string name) =>
        resources.Single(r => r.GetProperty("name").GetString() == name);
}
