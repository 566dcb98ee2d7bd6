using Grpc.Core;

namespace Mash.Board.Components.Live;

/// <summary>
/// Follows a server stream until cancelled: when it ends or fails (a replica stopping, a network
/// blip), opens it again after a pause that doubles up to half a minute, from where it left off (the
/// caller's <c>open</c> passes the last position seen). A refusal (expired sign-in, another role)
/// ends it: asking again would not change the answer.
/// </summary>
public static class LiveStream
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

    public static async Task FollowAsync<T>(
        Func<CancellationToken, AsyncServerStreamingCall<T>> open, Func<T, Task> received, Func<LiveState, Task> changed, CancellationToken cancellationToken)
    {
        var pause = FirstPause;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var call = open(cancellationToken);
                await changed(LiveState.Connected);
                await foreach (var item in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    pause = FirstPause;
                    await received(item);
                }
            }
            catch (RpcException e) when (IsRefusal(e.StatusCode))
            {
                await changed(e.StatusCode == StatusCode.Unauthenticated ? LiveState.SignInExpired : LiveState.Refused);
                return;
            }
            catch (RpcException) when (!cancellationToken.IsCancellationRequested)
            {
                // Reconnected below.
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            await changed(LiveState.Reconnecting);
            await Task.Delay(pause, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            pause = pause * 2 > LongestPause ? LongestPause : pause * 2;
        }
    }

    public static bool IsRefusal(StatusCode status) => status is StatusCode.Unauthenticated or StatusCode.PermissionDenied or StatusCode.InvalidArgument;
}
