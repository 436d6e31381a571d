namespace TalksBot.Telegram.Tests;

public class WebhookSecretTests
{
    private const string Token = "123456:ABCdefGhIJKlmnOPQrstUVwxyz-0123456789";

    [Fact]
    public void Without_a_configured_secret_every_instance_derives_the_same_one_from_the_token()
    {
        var first = new TelegramWebhookSecret(new TelegramOptions { BotToken = Token, WebhookUrl = "https://bot.example/telegram" });
        var second = new TelegramWebhookSecret(new TelegramOptions { BotToken = Token, WebhookUrl = "https://bot.example/telegram" });
        Assert.Equal(first.Value, second.Value);
        Assert.True(second.Matches(first.Value));
        Assert.Matches("^[A-Za-z0-9_-]{1,256}$", first.Value); // what Telegram accepts as secret_token
        Assert.DoesNotContain(Token.Split(':')[1], first.Value);
        Assert.NotEqual(first.Value, new TelegramWebhookSecret(new TelegramOptions { BotToken = "123456:other" }).Value);
        Assert.False(first.Matches("wrong"));
        Assert.False(first.Matches(null));
    }

    [Fact]
    public void A_configured_secret_wins()
    {
        var secret = new TelegramWebhookSecret(new TelegramOptions { BotToken = Token, WebhookSecret = "shared-secret_1" });
        Assert.Equal("shared-secret_1", secret.Value);
    }
}
