using Microsoft.Extensions.Logging;

namespace TalksBot.Testing;

/// <summary>Sends every log line ("Level: message") of a host to a <see cref="LogRecorder"/>, from <paramref name="minimum"/> up.</summary>
public sealed class RecordingLoggerProvider(LogRecorder recorder, LogLevel minimum = LogLevel.Information) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new RecordingLogger(recorder, minimum);

    public void Dispose() { }

    private sealed class RecordingLogger(LogRecorder recorder, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            recorder.Add($"{logLevel}: {formatter(state, exception)} {exception}".TrimEnd());
    }
}
