using Mash.Contracts.Intake.V1;
using Grpc.Net.Client;
using Grpc.Core;

namespace Mash.Intake.Tests.Returns;

// services/Intake/README.md ("Downloading a return") shows this class word for word;
// ReturnDownloadExampleTests runs it against a real server and checks the README still matches it.
public static class ReturnDownload
{
    /// <summary>Saves Annex A List 3 for [from, to) as XLSX in the directory, under the name Intake gives it, and returns its path.</summary>
    public static async Task<string> SaveAnnexAList3Async(GrpcChannel channel, string token, DateOnly from, DateOnly to, string directory, CancellationToken cancellationToken = default)
    {
        var returns = new ReturnsService.ReturnsServiceClient(channel);
        var credentials = new Metadata { { "authorization", $"Bearer {token}" } };   // a manager's or quality lead's staff token
        var request = new ExportReturnRequest
        {
            StatutoryReturn = StatutoryReturn.AnnexAList3,
            From = new Date { Year = from.Year, Month = from.Month, Day = from.Day },   // the period's first day
            To = new Date { Year = to.Year, Month = to.Month, Day = to.Day },           // the day after its last
            Format = ReturnFormat.Xlsx,
        };
        using var call = returns.ExportReturn(request, credentials, cancellationToken: cancellationToken);
        string? path = null;
        using var content = new MemoryStream();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            path ??= Path.Combine(directory, chunk.FileName);   // only the first chunk names the file
            chunk.Data.WriteTo(content);
        }
        await File.WriteAllBytesAsync(path!, content.ToArray(), cancellationToken);
        return path!;
    }
}
