using Mash.Timeliness.Reporting;
using Microsoft.Extensions.Configuration;

namespace Mash.Timeliness.Tests.Reporting;

/// <summary>The backlog's, response times' and incident-to-completion settings: the shipped ones, and those refused at start.</summary>
public class ReportOptionsTests
{
    private static readonly IConfiguration Shipped = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
        .Build();

    private static readonly ReportOptionsValidator Validator = new();

    private static T Load<T>(string section) => Shipped.GetSection(section).Get<T>()!;

    [Fact]
    public void The_shipped_backlog_is_snapshotted_hourly_in_bands_of_1_5_and_20_days()
    {
        var backlog = Load<BacklogOptions>(BacklogOptions.SectionName);

        Assert.True(Validator.Validate(null, backlog).Succeeded);
        Assert.Equal(TimeSpan.FromHours(1), backlog.SnapshotEvery);
        Assert.Equal([TimeSpan.FromDays(1), TimeSpan.FromDays(5), TimeSpan.FromDays(20)], backlog.AgeBands);
    }

    [Fact]
    public void The_shipped_response_bands_are_walsall_s()
    {
        var responses = Load<ResponseTimeOptions>(ResponseTimeOptions.SectionName);

        Assert.True(Validator.Validate(null, responses).Succeeded);
        Assert.Equal([TimeSpan.FromHours(4), TimeSpan.FromHours(7), TimeSpan.FromHours(15)], responses.Bands);
    }

    [Fact]
    public void The_shipped_incident_to_completion_target_is_24_hours()
    {
        var incidents = Load<IncidentToCompletionOptions>(IncidentToCompletionOptions.SectionName);

        Assert.True(Validator.Validate(null, incidents).Succeeded);
        Assert.Equal(TimeSpan.FromHours(24), incidents.Target);
    }

    [Fact]
    public void Bands_out_of_order_are_refused_naming_the_setting()
    {
        var result = Validator.Validate(null, new ResponseTimeOptions { Bands = [TimeSpan.FromHours(7), TimeSpan.FromHours(4)] });

        Assert.Contains("Timeliness:ResponseTimes:Bands:1", Assert.Single(result.Failures!));
    }

    [Fact]
    public void No_age_bands_are_refused_naming_the_setting() =>
        Assert.Contains("Timeliness:Backlog:AgeBands", Assert.Single(Validator.Validate(null, new BacklogOptions()).Failures!));

    [Fact]
    public void Snapshots_more_often_than_a_minute_are_refused_naming_the_setting() =>
        Assert.Contains("Timeliness:Backlog:SnapshotEvery", Assert.Single(Validator.Validate(null,
            new BacklogOptions { SnapshotEvery = TimeSpan.FromSeconds(10), AgeBands = [TimeSpan.FromDays(1)] }).Failures!));

    [Fact]
    public void A_target_of_nothing_is_refused_naming_the_setting() =>
        Assert.Contains("Timeliness:IncidentToCompletion:Target", Assert.Single(Validator.Validate(null, new IncidentToCompletionOptions { Target = TimeSpan.Zero }).Failures!));
}
