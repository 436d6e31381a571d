using System.Text;

namespace TalksBot.Testing.Hostile;

/// <summary>The hostile-input corpus for feeds, generated here (never copied from anywhere).</summary>
public static class HostileFeeds
{
    /// <summary>An RSS channel whose xml:base is not a URI (a space in the host, a port past 65535), with a relative item link.</summary>
    public static byte[] BadXmlBase() => Encoding.UTF8.GetBytes("""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel xml:base="http://bad host:99999999/"><title>Bad base</title>
        <item><title>Relative story</title><link>stories/1</link></item>
        </channel></rss>
        """);
}
