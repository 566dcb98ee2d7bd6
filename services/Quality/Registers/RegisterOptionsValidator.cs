using Microsoft.Extensions.Options;

namespace Mash.Quality.Registers;

/// <summary>The registers' vocabulary agrees with itself: checked at start, so a satisfied code off the scale stops the service rather than miscounting Q3.</summary>
internal sealed class RegisterOptionsValidator : IValidateOptions<RegisterOptions>
{
    public ValidateOptionsResult Validate(string? name, RegisterOptions options)
    {
        try
        {
            RegisterVocabulary.From(options);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidDataException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
