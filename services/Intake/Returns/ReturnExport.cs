using Mash.Contracts.Common.V1;
using Mash.Intake.Returns.Files;
using Mash.Intake.Returns.Layouts;
using Mash.Intake.Validation;
using Mash.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Mash.Intake.Returns;

/// <summary>A statutory return for a period, read (and audited) for a caller and written as a file.</summary>
public sealed class ReturnExport(ReturnRecords records, Vocabulary vocabulary, ReturnsOptions options, TimeZoneInfo zone)
{
    public ReturnExport(ReturnRecords records, Vocabulary vocabulary, IOptions<ReturnsOptions> options, IOptions<PartnershipTimeOptions> time)
        : this(records, vocabulary, options.Value, TimeZoneInfo.FindSystemTimeZoneById(time.Value.TimeZone))
    {
    }

    public ReturnsOptions Options => options;

    /// <param name="action">The gRPC method, as each audit row names it.</param>
    public async Task<ReturnDocument> ExportAsync(IReturnLayout layout, IReturnFile file, ReturnPeriod period, Caller caller, string action, CancellationToken cancellationToken)
    {
        var children = await records.ReadAsync(layout.Basis, period.StartIn(zone), period.EndIn(zone), zone, caller, action, cancellationToken);
        var codes = new ReturnCodeBook(vocabulary);
        var content = file.Write(layout.Headers, children.Select(child => layout.RowOf(child, codes)));
        return new($"{layout.Name}_{period.From:yyyy-MM-dd}_{period.LastDay:yyyy-MM-dd}.{file.Extension}", file.ContentType, content, children.Count);
    }
}
