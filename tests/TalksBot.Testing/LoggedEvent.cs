using Microsoft.Extensions.Logging;

namespace TalksBot.Testing;

/// <summary>One event a <see cref="CapturingLogger{T}"/> kept.</summary>
public sealed record LoggedEvent(LogLevel Level, EventId Id, string Message, Exception? Exception);
