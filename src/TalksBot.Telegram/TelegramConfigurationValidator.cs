using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace TalksBot.Telegram;

/// <summary>
/// Checks what the configuration binder drops without a word: a moderator id that isn't a number is left out of
/// <see cref="TelegramOptions.ModeratorUserIds"/>, so the operator would believe someone a moderator who isn't.
/// </summary>
internal sealed class TelegramConfigurationValidator(IConfigurationSection section) : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        if (!options.Enabled) return ValidateOptionsResult.Skip;
        var failures = section.GetSection(nameof(TelegramOptions.ModeratorUserIds)).GetChildren()
            .Where(id => !long.TryParse(id.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            .Select(id => $"{id.Path}: '{id.Value}' is not a Telegram user id; use the number (e.g. 123456789; @userinfobot tells a user theirs).")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
