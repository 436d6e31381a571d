using System.Text.Json.Nodes;

namespace TalksBot.Testing;

/// <summary>One function call the fake model asks for (the name as the API carries it, e.g. "articles-search").</summary>
public sealed record FakeToolCall(string Id, string Name, JsonObject Arguments);
