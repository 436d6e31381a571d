using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace TalksBot.Core.Tests;

/// <summary>
/// A chat client driven by a delegate: each call gets its number (1, 2, …) and the messages, and returns the reply
/// (streamed in a few pieces) or throws what the adapter would throw. Records every call's messages.
/// </summary>
public sealed class FakeChatClient(Func<int, IReadOnlyList<ChatMessage>, Task<string>> reply) : IChatClient
{
    private int _calls;

    public List<IReadOnlyList<ChatMessage>> Calls { get; } = [];

    public int CallCount => Volatile.Read(ref _calls);

    private Task<string> NextAsync(IEnumerable<ChatMessage> messages)
    {
        var list = messages.ToList();
        lock (Calls) Calls.Add(list);
        return reply(Interlocked.Increment(ref _calls), list);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        new(new ChatMessage(ChatRole.Assistant, await NextAsync(messages)));

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var text = await NextAsync(messages);
        // In three pieces, as a model streams: drafts grow before the final answer.
        int third = Math.Max(1, text.Length / 3);
        for (int i = 0; i < text.Length; i += third)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, text.Substring(i, Math.Min(third, text.Length - i)));
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
