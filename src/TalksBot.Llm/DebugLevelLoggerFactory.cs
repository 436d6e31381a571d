using Microsoft.Extensions.Logging;

namespace TalksBot.Llm;

/// <summary>
/// Hands the model path's libraries (Semantic Kernel, Microsoft.Extensions.AI, Polly) loggers that write everything
/// at Debug at most. A failed model call is one warning line from the answer writer, saying what happened and that
/// the answer fell back; the libraries' own error events, stack traces included, stay available for troubleshooting
/// (Logging:LogLevel for their categories at Debug) instead of filling the log and stderr at every 500.
/// </summary>
internal sealed class DebugLevelLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new DebugLevelLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The inner factory belongs to the host; it is not ours to dispose.
    public void Dispose() { }

    private sealed class DebugLevelLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(Demote(logLevel));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(Demote(logLevel), eventId, state, exception, formatter);

        private static LogLevel Demote(LogLevel level) => level is LogLevel.None or LogLevel.Trace ? level : LogLevel.Debug;
    }
}
