using System.Net.Sockets;
using System.Text;
using NewsApi.Api.Tests.Infrastructure;

namespace NewsApi.Api.Tests;

/// <summary>The built API as a real process behind Kestrel, for what only a socket shows.</summary>
public sealed class LiveServerFixture : IAsyncLifetime
{
    private readonly DatabaseFixture _database = new();
    private readonly TempFolder _files = new();

    public ApiProcess Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        Api = await ApiProcess.StartAsync(_database.ConnectionString, _files.Path, new Dictionary<string, string?> { ["Import:Enabled"] = "false" });
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await _database.DisposeAsync();
        _files.Dispose();
    }
}

public sealed class LiveServerTests(LiveServerFixture live) : IClassFixture<LiveServerFixture>
{
    /// <summary>Sends raw bytes and returns the status line and headers of the answer (a bounded wait: a server still reading would never answer).</summary>
    private async Task<string> ExchangeAsync(string head, byte[]? body = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(live.Api.BaseAddress.Host, live.Api.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        if (body is not null)
        {
            await stream.WriteAsync(body);
        }

        // The body, if any, is left unfinished: only a server that refuses it without reading it all answers now.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[8192];
        var answer = new StringBuilder();
        try
        {
            while (!answer.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    break;
                }

                answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No answer: the server is waiting for the rest of the body. Got: {answer}");
        }

        return answer.ToString();
    }

    [Fact]
    public async Task A_declared_body_over_the_limit_is_refused_before_a_byte_of_it_is_sent()
    {
        var answer = await ExchangeAsync(
            $"POST /analyze HTTP/1.1\r\nHost: {live.Api.BaseAddress.Authority}\r\nContent-Type: text/plain\r\nContent-Length: 10485760\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_body_is_refused_once_it_passes_the_limit()
    {
        // Corrections take 16 KB; send 20 KB of an unending chunked body.
        var chunk = new string(' ', 4096);
        var body = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat($"1000\r\n{chunk}\r\n", 5)));
        var answer = await ExchangeAsync(
            $"POST /people/1/aliases HTTP/1.1\r\nHost: {live.Api.BaseAddress.Authority}\r\nX-Api-Key: {NewsApiFactory.AdminKey}\r\n" +
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", body);

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nul_character_in_the_path_is_refused_by_the_server_itself()
    {
        // Kestrel refuses a request line whose path decodes to a NUL before any application code runs (400, no body).
        var answer = await ExchangeAsync($"GET /people/1/aliases/a%00b HTTP/1.1\r\nHost: {live.Api.BaseAddress.Authority}\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        Assert.False(live.Api.HasExited);
    }
}
