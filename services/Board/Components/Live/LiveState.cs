namespace Mash.Board.Components.Live;

/// <summary>Where a live feed stands, said on the page as it changes.</summary>
public enum LiveState
{
    Connecting,
    Connected,
    Reconnecting,
    SignInExpired,
    Refused,
}
