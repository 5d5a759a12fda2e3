using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace NewsApi.Api.Infrastructure;

/// <summary>
/// Request body limits, checked before the body is read: a declared <c>Content-Length</c> over the endpoint's limit
/// is answered 413 at once; a body without a length (chunked) is cut off at the limit, and the read fails with 413.
/// The limit is the endpoint's <see cref="IRequestSizeLimitMetadata"/>, else <see cref="DefaultBytes"/>.
/// </summary>
public static class RequestBodyLimits
{
    /// <summary>Bodies of endpoints that declare no limit of their own (the correction endpoints take a few fields).</summary>
    public const long DefaultBytes = 64 * 1024;

    private const string LimitKey = "newsapi:body-limit";

    /// <summary>Declares an endpoint's body limit.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(bytes));

    private sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

    public static string TooLarge(HttpContext context) =>
        $"The body is larger than this endpoint's limit of {Limit(context):N0} bytes.";

    private static long Limit(HttpContext context) => context.Items[LimitKey] as long? ?? DefaultBytes;

    /// <summary>Applies the limits; runs after routing, so the endpoint's own limit is known.</summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultBytes;
        context.Items[LimitKey] = limit;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.Headers.Connection = "close";
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Detail = TooLarge(context) },
            });
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        context.Request.Body = new LimitedStream(context.Request.Body, limit);
        await next(context);
    });

    /// <summary>A request body that fails with 413 once more than the limit has been read.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            if (_read > limit)
            {
                throw new BadHttpRequestException(
                    string.Create(CultureInfo.InvariantCulture, $"Request body too large. The max request body size is {limit} bytes."),
                    StatusCodes.Status413PayloadTooLarge);
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
