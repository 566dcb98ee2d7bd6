namespace Mash.ServiceDefaults;

/// <summary>The parts of an Aspire-style RabbitMQ connection string, <c>amqp://user:pass@host:port/vhost</c>.</summary>
internal sealed record RabbitMqAddress(string Host, ushort Port, string VirtualHost, string Username, string Password)
{
    public static RabbitMqAddress Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "rabbitmq"))
        {
            // Never echo the string: it holds the password.
            throw new InvalidOperationException("The RabbitMQ connection string must be amqp://user:pass@host:port[/vhost].");
        }
        var userInfo = uri.UserInfo.Split(':', 2);
        var username = userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest";
        var password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest";
        var port = uri.IsDefaultPort || uri.Port < 0 ? (ushort)5672 : (ushort)uri.Port;
        // "/" and "" are the default virtual host; "/mash" is "mash"; "%2F" is "/".
        var path = uri.AbsolutePath.TrimStart('/');
        var virtualHost = path.Length == 0 ? "/" : Uri.UnescapeDataString(path);
        return new RabbitMqAddress(uri.Host, port, virtualHost, username, password);
    }
}
