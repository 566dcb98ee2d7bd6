namespace Mash.Intake.Listing;

public static class ListingExtensions
{
    /// <summary>ListContacts' page sizes (checked at start) and the listing.</summary>
    public static IServiceCollection AddContactListing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ListingOptions>()
            .Bind(configuration.GetSection(ListingOptions.SectionName))
            .Validate(options => options.IsUsable, ListingOptions.Requirement)
            .ValidateOnStart();
        services.AddSingleton<ContactListing>();
        return services;
    }
}
