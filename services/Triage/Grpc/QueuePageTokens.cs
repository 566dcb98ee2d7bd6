using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Mash.Contracts.Triage.V1;
using Mash.Triage.Queue;

namespace Mash.Triage.Grpc;

/// <summary>
/// ListQueue's opaque page token: where the page before ended in the queue's order, the instant the
/// first page was measured from (so ages and "due soon" stay put while paging), and a digest of the
/// filters (AIP-158: a token is only good with the request that made it).
/// </summary>
internal static class QueuePageTokens
{
    public static string Encode(QueuePosition after, DateTimeOffset asOf, ListQueueRequest request) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"1|{after.DueAt.UtcTicks}|{asOf.UtcTicks}|{FiltersDigest(request)}|{after.ContactId}"));

    /// <summary>The position and instant a token holds; null when it is not a token of this request.</summary>
    public static (QueuePosition After, DateTimeOffset AsOf)? Decode(string token, ListQueueRequest request)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|', 5);
            if (parts is not ["1", var due, var asOf, var digest, var contactId] || digest != FiltersDigest(request))
            {
                return null;
            }
            return (new QueuePosition(new DateTimeOffset(long.Parse(due), TimeSpan.Zero), contactId), new DateTimeOffset(long.Parse(asOf), TimeSpan.Zero));
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    private static string FiltersDigest(ListQueueRequest request)
    {
        var filters = request.Clone();
        filters.PageToken = "";
        filters.PageSize = 0;
        return Convert.ToHexString(SHA256.HashData(filters.ToByteArray()), 0, 8);
    }
}
