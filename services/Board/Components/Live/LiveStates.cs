namespace Mash.Board.Components.Live;

public static class LiveStates
{
    public static string Words(LiveState state) => state switch
    {
        LiveState.Connecting => "Connecting…",
        LiveState.Connected => "Live: new entries appear as they happen.",
        LiveState.Reconnecting => "Connection lost: reconnecting…",
        LiveState.SignInExpired => "Your sign-in has expired. Sign out and sign in again.",
        _ => "Your role does not let you see this feed.",
    };
}
