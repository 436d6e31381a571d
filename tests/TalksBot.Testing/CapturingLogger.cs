using Microsoft.Extensions.Logging;

namespace TalksBot.Testing;

/// <summary>A logger that keeps every event with its level, id and exception, for tests about what is logged and how often.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly List<LoggedEvent> _events = [];

    public IReadOnlyList<LoggedEvent> Events
    {
        get { lock (_events) return _events.ToList(); }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_events) _events.Add(new LoggedEvent(logLevel, eventId, formatter(state, exception), exception));
    }
}
