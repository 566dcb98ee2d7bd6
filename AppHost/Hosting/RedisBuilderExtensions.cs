namespace Mash.Hosting;

public static class RedisBuilderExtensions
{
    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name)
    {
        var redis = new RedisResource(name);
        redis.Annotations.Add(new EndpointAnnotation("tcp"));
        return builder.AddResource(redis);
    }
}
