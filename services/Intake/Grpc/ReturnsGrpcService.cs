using Grpc.Core;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Returns;
using Mash.Intake.Returns.Files;
using Mash.Intake.Returns.Layouts;
using Mash.Intake.Returns.Rules;
using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Intake.Grpc;

/// <summary>
/// mash.intake.v1.ReturnsService: the statutory returns, for MASH managers and quality leads. Each
/// contact in a return is a read of personal data, audited (one row each) before the file leaves.
/// </summary>
public sealed class ReturnsGrpcService(ReturnExport export) : ReturnsService.ReturnsServiceBase
{
    [Authorize(Policy = MashPolicies.StatutoryReturns)]
    public override async Task ExportReturn(ExportReturnRequest request, IServerStreamWriter<ReturnChunk> responseStream, ServerCallContext context)
    {
        var violations = ExportReturnValidator.Validate(request, export.Options);
        if (violations.Count > 0)
        {
            throw InvalidArgument.Of("The return was not exported", violations);
        }
        var layout = ReturnLayouts.For(request.StatutoryReturn)!;
        var file = ReturnFiles.For(request.Format)!;
        var period = new ReturnPeriod(PeriodDate.Of(request.From)!.Value, PeriodDate.Of(request.To)!.Value);
        var document = await export.ExportAsync(layout, file, period, context.GetCaller(), context.Method, context.CancellationToken);
        foreach (var chunk in ReturnChunks.Of(document))
        {
            await responseStream.WriteAsync(chunk, context.CancellationToken);
        }
    }
}
