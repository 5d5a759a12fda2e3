using System.Text;
using NewsApi.Nlp.Text;

namespace NewsApi.Nlp.Tests.Text;

public class TextDecoderTests
{
    [Fact]
    public void Valid_utf8_is_decoded_as_utf8()
    {
        Assert.True(TextDecoder.TryDecode(Encoding.UTF8.GetBytes("Netanyahu’s “quiet” café"), out var decoded, out _));
        Assert.Equal(("Netanyahu’s “quiet” café", "utf-8", false, false), (decoded.Text, decoded.Encoding, decoded.HadByteOrderMark, decoded.UsedFallback));
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16le")]
    [InlineData("utf-32be")]
    public void A_nul_character_is_refused_in_every_encoding_even_with_a_byte_order_mark(string encoding)
    {
        var text = "A long enough article text with one NUL\0 character hidden in the middle of it, and more words after it.";
        var codec = encoding switch { "utf-8" => new UTF8Encoding(true), "utf-16le" => new UnicodeEncoding(false, true), _ => (Encoding)new UTF32Encoding(true, true) };

        Assert.False(TextDecoder.TryDecode([.. codec.GetPreamble(), .. codec.GetBytes(text)], out _, out var rejection));
        Assert.Equal(RejectionKind.Binary, rejection!.Kind);
        Assert.Contains("NUL", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_falls_back_to_windows_1252_and_says_so()
    {
        var bytes = Encoding.Latin1.GetBytes("Price: £600m – a “deal”");
        bytes = [.. bytes, 0x93, 0x94, 0x80]; // Windows-1252 curly quotes and the euro sign

        Assert.True(TextDecoder.TryDecode(bytes, out var decoded, out _));
        Assert.True(decoded.UsedFallback);
        Assert.Equal("windows-1252", decoded.Encoding);
        Assert.EndsWith("“”€", decoded.Text);
        Assert.Contains("£600m", decoded.Text);
    }

    [Fact]
    public void Undefined_windows_1252_bytes_are_kept_rather_than_lost()
    {
        Assert.True(TextDecoder.TryDecode([0x41, 0x81, 0x42, 0xFF, 0x43, 0x20, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F, 0x50, 0x51, 0x52, 0x53], out var decoded, out _));
        Assert.Equal('\u0081', decoded.Text[1]);
        Assert.Equal('ÿ', decoded.Text[3]);
    }

    [Theory]
    [InlineData("utf-8", new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData("utf-16le", new byte[] { 0xFF, 0xFE })]
    [InlineData("utf-16be", new byte[] { 0xFE, 0xFF })]
    [InlineData("utf-32le", new byte[] { 0xFF, 0xFE, 0x00, 0x00 })]
    public void A_byte_order_mark_decides_the_encoding(string expected, byte[] bom)
    {
        var encoding = expected switch
        {
            "utf-8" => new UTF8Encoding(false),
            "utf-16le" => new UnicodeEncoding(false, false),
            "utf-16be" => new UnicodeEncoding(true, false),
            _ => (Encoding)new UTF32Encoding(false, false),
        };

        Assert.True(TextDecoder.TryDecode([.. bom, .. encoding.GetBytes("Blinken met Lapid in Rome.")], out var decoded, out _));
        Assert.Equal(expected, decoded.Encoding);
        Assert.True(decoded.HadByteOrderMark);
        Assert.Equal("Blinken met Lapid in Rome.", decoded.Text);
    }

    [Fact]
    public void Text_that_starts_like_an_archive_signature_is_still_text()
    {
        // "Blink" is the magic number of Blink archives; `file` calls seed 001 an archive because of it.
        Assert.True(TextDecoder.TryDecode(File.ReadAllBytes(TestData.Seed("001")), out var decoded, out _));
        Assert.StartsWith("Blinken Lapid meet in Rome", decoded.Text);
    }

    [Fact]
    public void Empty_whitespace_binary_and_control_heavy_files_are_rejected_with_reasons()
    {
        Assert.False(TextDecoder.TryDecode([], out _, out var empty));
        Assert.Equal(RejectionKind.Empty, empty!.Kind);

        Assert.False(TextDecoder.TryDecode(" \r\n\t \n"u8, out _, out var blank));
        Assert.Equal(RejectionKind.Empty, blank!.Kind);
        Assert.Contains("whitespace", blank.Reason);

        Assert.False(TextDecoder.TryDecode([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], out _, out var png));
        Assert.Equal(RejectionKind.Binary, png!.Kind);

        var controls = Enumerable.Range(0, 100).Select(i => (byte)(i % 3 == 0 ? 0x02 : 0x61)).ToArray();
        Assert.False(TextDecoder.TryDecode(controls, out _, out var noisy));
        Assert.Equal(RejectionKind.Binary, noisy!.Kind);
    }

    [Fact]
    public void A_form_feed_or_two_does_not_make_text_binary()
    {
        var text = "Page one of a long report on the harbour.\fPage two continues the report on the harbour works.";
        Assert.True(TextDecoder.TryDecode(Encoding.UTF8.GetBytes(text), out _, out _));
    }

    [BbcFact]
    public void The_one_latin1_bbc_file_decodes_with_the_fallback()
    {
        Assert.True(TextDecoder.TryDecode(File.ReadAllBytes(Path.Combine(TestData.Bbc, "sport", "199.txt")), out var decoded, out _));
        Assert.True(decoded.UsedFallback);
        Assert.Contains("£", decoded.Text);
    }
}
