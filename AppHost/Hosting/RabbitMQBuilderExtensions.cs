namespace Mash.Hosting;

public static class RabbitMQBuilderExtensions
{
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this IDistributedApplicationBuilder builder, string name)
    {
        var rabbit = new RabbitMQServerResource(name);
        rabbit.Annotations.Add(new EndpointAnnotation("tcp", "amqp"));
        rabbit.Annotations.Add(new EndpointAnnotation("dist"));
        rabbit.Annotations.Add(new EndpointAnnotation("epmd"));
        return builder.AddResource(rabbit);
    }
}
