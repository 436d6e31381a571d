using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace TalksBot.Testing;

/// <summary>
/// Counts the request-body bytes the application reads (not what the server drains or refuses on its own), so a test
/// can assert that a request was refused before its body was read, or read no further than a cap.
/// </summary>
public sealed class RequestBodyMeter : IStartupFilter
{
    private long _bytes;

    public long BytesRead => Interlocked.Read(ref _bytes);

    public static RequestBodyMeter AddTo(IServiceCollection services)
    {
        var meter = new RequestBodyMeter();
        services.AddSingleton<IStartupFilter>(meter);
        return meter;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (ctx, inner) =>
        {
            ctx.Request.Body = new CountingStream(ctx.Request.Body, this);
            await inner();
        });
        next(app);
    };

    private void Add(int n) => Interlocked.Add(ref _bytes, n);

    private sealed class CountingStream(Stream inner, RequestBodyMeter meter) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) { int n = inner.Read(buffer, offset, count); meter.Add(n); return n; }
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) { int n = await inner.ReadAsync(buffer, cancellationToken); meter.Add(n); return n; }
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
