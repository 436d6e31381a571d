using TalksBot.Core.Sources;

namespace TalksBot.Core.Tests;

/// <summary>Issue 14 item 6: what of a source URL may be shown.</summary>
public class UrlSecretsTests
{
    [Theory]
    [InlineData("http://user:pass@host.example/rss?apikey=abc", "http://***@host.example/rss?apikey=***")]
    [InlineData("https://token@host.example:8443/feed", "https://***@host.example:8443/feed")]
    [InlineData("https://host.example/rss?lang=en&api_key=k1&Token=t2&sig=s3#top", "https://host.example/rss?lang=en&api_key=***&Token=***&sig=***#top")]
    [InlineData("https://host.example/rss?x-api-key=1&access_token=2&client_secret=3&password=4&auth=5&signature=6", "https://host.example/rss?x-api-key=***&access_token=***&client_secret=***&password=***&auth=***&signature=***")]
    [InlineData("https://host.example/a@b?q=peace+talks", "https://host.example/a@b?q=peace+talks")] // an @ in the path is not user info
    [InlineData("https://host.example/rss?flag&apikey", "https://host.example/rss?flag&apikey")]
    [InlineData("/srv/news/folder", "/srv/news/folder")]
    public void Hide_masks_user_info_and_secret_looking_query_values_only(string location, string shown) =>
        Assert.Equal(shown, UrlSecrets.Hide(location));

    [Fact]
    public void HideIn_masks_every_url_in_a_reason()
    {
        var reason = "http://u:p@a.example/feed?key=K: HTTP 500 after a redirect to https://b.example/x?token=T";
        Assert.Equal("http://***@a.example/feed?key=***: HTTP 500 after a redirect to https://b.example/x?token=***", UrlSecrets.HideIn(reason));
    }
}
