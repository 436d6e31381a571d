using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TalksBot.Core.Answering;
using TalksBot.Core.Conversations;
using TalksBot.Core.Diagnostics;
using TalksBot.Core.Feedback;
using TalksBot.Core.Moderation;

namespace TalksBot.Core.Chat;

/// <summary>
/// The one chat front end of Telegram, Discord and whatever comes next: routes a command, checks the moderator rule
/// on every invocation, streams an answer (draft → edits → final, throttled, with "typing…"), runs the moderator
/// actions and records 👍/👎. Platforms parse their wire format into a <see cref="ChatInvocation"/> and render
/// through an <see cref="IChatReply"/>; every text a user reads comes from <see cref="ChatTexts"/>.
/// </summary>
/// <remarks>
/// Failures of the work (the index, the feedback store) end in a reply a user can read; failures to deliver a reply
/// are the platform's (blocked chat, bad token) and are thrown to it.
/// </remarks>
public sealed class ChatFrontEnd(
    IConversationPipeline pipeline,
    IndexMaintenance maintenance,
    SourceCatalog catalog,
    ChatModeration moderation,
    IFeedbackStore feedback,
    TimeProvider time,
    ILogger<ChatFrontEnd>? logger = null,
    AnsweredMessages? answered = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<ChatFrontEnd>.Instance;
    private readonly AnsweredMessages _answered = answered ?? new AnsweredMessages();

    public async Task HandleAsync(ChatInvocation invocation, IChatReply reply, CancellationToken cancellationToken)
    {
        var command = invocation.Command;
        if (command.ModeratorsOnly && !await invocation.IsModerator(cancellationToken))
        {
            await reply.ShowTextAsync(ChatTexts.ModeratorsOnly, cancellationToken);
            return;
        }
        switch (command.Kind)
        {
            case ChatCommandKind.Ask:
                await AnswerAsync(invocation, reply, cancellationToken);
                break;
            case ChatCommandKind.Refresh:
                await RefreshAsync(reply, cancellationToken);
                break;
            default:
                await reply.ShowTextAsync(await TextForAsync(invocation, cancellationToken), cancellationToken);
                break;
        }
    }

    private async Task<string> TextForAsync(ChatInvocation invocation, CancellationToken ct)
    {
        var command = invocation.Command;
        try
        {
            return command.Kind switch
            {
                ChatCommandKind.Help => ChatTexts.Help,
                ChatCommandKind.Sources => ChatTexts.Sources(await catalog.ListAsync(ct), forChat: true),
                ChatCommandKind.Status => ChatTexts.Status(await maintenance.StatusAsync(ct)) + "\n" + await FeedbackTextAsync(ct),
                ChatCommandKind.SourceAdd => await moderation.AddSourceAsync(command.Argument, ct),
                ChatCommandKind.SourceRemove => await moderation.RemoveSourceAsync(command.Argument, ct),
                ChatCommandKind.SourceUsage => ChatModeration.SourceUsage,
                ChatCommandKind.Feedback => ChatTexts.VoteReply(await feedback.VoteAsync(command.Argument, invocation.UserKey, command.Vote, time.GetUtcNow(), ct), command.Vote),
                _ => ChatTexts.Help,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _logger.LogChatCommandFailed(ex, command.Kind, invocation.ConversationKey);
            return ChatTexts.SomethingWentWrong;
        }
    }

    private async Task<string> FeedbackTextAsync(CancellationToken ct)
    {
        try
        {
            return ChatTexts.Feedback(await feedback.SummarizeAsync(3, ct));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The index status is still worth showing.
            _logger.LogFeedbackUnreadable(ex.Message);
            return "Feedback: can't be read right now.";
        }
    }

    private async Task RefreshAsync(IChatReply reply, CancellationToken ct)
    {
        if (moderation.IsRefreshing)
        {
            await reply.ShowTextAsync(ChatTexts.RefreshAlreadyRunning, ct);
            return;
        }
        await reply.ShowTextAsync(ChatTexts.RefreshStarting, ct);
        await moderation.RefreshAsync(text => reply.ShowTextAsync(text, ct), reply.Pacing.EditEvery, ct);
    }

    private async Task AnswerAsync(ChatInvocation invocation, IChatReply reply, CancellationToken ct)
    {
        var pacing = reply.Pacing;
        // A reply to one of the bot's answers follows up on that answer's question, not on the conversation's last one.
        var question = new ChatQuestion(invocation.ConversationKey, invocation.UserKey, invocation.Command.Argument,
            await _answered.FindAsync(invocation.ConversationKey, invocation.RepliedToMessageId, ct));
        using var span = QuestionTelemetry.StartSpan(question);
        await using var typing = TypingIndicator.Start(reply.SendTypingAsync, pacing.TypingEvery, time, ct);
        string? shown = null;
        await foreach (var update in UpdateThrottle.ThrottleAsync(pipeline.AskAsync(question, ct), pacing.EditEvery, time, ct))
        {
            if (update.Final is { } answer)
            {
                // "typing…" must not outlive the answer under it.
                await typing.DisposeAsync();
                // A refusal without text is silent: the user was already told (rate limit, once per window).
                if (answer.IsRefusal && answer.Text.Length == 0) return;
                var buttons = answer.IsRefusal ? [] : await ButtonsForAsync(question, answer, ct);
                using var send = TalksBotTelemetry.ActivitySource.StartActivity("send");
                send?.SetTag("talksbot.reply", answer.IsRefusal ? "refusal" : "answer");
                if (answer.IsRefusal) await reply.ShowTextAsync(answer.Text, ct);
                else
                {
                    await reply.ShowAnswerAsync(new ChatAnswer(question.Text.Trim(), answer, buttons), ct);
                    await _answered.RememberAsync(question.ConversationKey, reply.ShownMessageIds,
                        new ConversationTurn(answer.StandaloneQuestion ?? question.Text.Trim(), answer.Text, time.GetUtcNow()), ct);
                }
                return;
            }
            // The answer grows in place while a model writes; the final edit carries the checked citations.
            var draft = ChatTexts.Draft(update.Text, pacing.MaxDraftLength);
            if (draft.Length == 0 || draft == shown) continue;
            await reply.ShowDraftAsync(draft, ct);
            shown = draft;
        }
    }

    /// <summary>👍/👎 under the answer, once it is stored to be voted on; without buttons when it can't be stored.</summary>
    private async Task<IReadOnlyList<ChatButton>> ButtonsForAsync(ChatQuestion question, Answer answer, CancellationToken ct)
    {
        var id = FeedbackButtons.NewAnswerId();
        try
        {
            await feedback.RememberAnswerAsync(new AnswerRecord(id, question.ConversationKey, question.Text.Trim(), answer.Mode, answer.Grounded, answer.Citations, time.GetUtcNow()), ct);
            return FeedbackButtons.For(id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogFeedbackNotStored(ex.Message);
            return [];
        }
    }
}
