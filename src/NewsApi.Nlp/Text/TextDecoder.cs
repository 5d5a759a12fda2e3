using System.Text;

namespace NewsApi.Nlp.Text;

/// <summary>How a file's bytes were turned into text.</summary>
/// <param name="Text">The decoded text, line ends untouched.</param>
/// <param name="Encoding">The encoding used: <c>utf-8</c>, <c>utf-16le</c>, <c>utf-16be</c>, <c>utf-32le</c>, <c>utf-32be</c> or <c>windows-1252</c>.</param>
/// <param name="HadByteOrderMark">The encoding was read from a byte-order mark.</param>
/// <param name="UsedFallback">The bytes were not valid UTF-8 and were decoded as Windows-1252 instead.</param>
public sealed record DecodedText(string Text, string Encoding, bool HadByteOrderMark, bool UsedFallback);

/// <summary>The reason a file could not be taken as text.</summary>
public enum RejectionKind
{
    Empty,
    Binary,
    TooLarge,
    Unreadable,
}

/// <summary>A file that is not an article, with a reason a person can act on.</summary>
public sealed record Rejection(RejectionKind Kind, string Reason);

/// <summary>
/// Decodes article files. The encoding is chosen from a byte-order mark when there is one, otherwise strict
/// UTF-8, and when the bytes are not valid UTF-8, Windows-1252 (the usual encoding of Western web text that is
/// not UTF-8; every byte decodes, so nothing is lost). Magic numbers are deliberately not sniffed: plain text
/// can begin with bytes that look like an archive signature.
/// </summary>
public static class TextDecoder
{
    /// <summary>Share of characters that may be control characters before the text counts as binary.</summary>
    public const double MaxControlCharacterShare = 0.05;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding Windows1252 = CreateWindows1252();

    /// <summary>Decodes <paramref name="bytes"/>, or explains why they are not an article.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out DecodedText decoded, out Rejection? rejection)
    {
        decoded = null!;
        rejection = null;
        if (bytes.IsEmpty)
        {
            rejection = new Rejection(RejectionKind.Empty, "The file is empty (0 bytes).");
            return false;
        }

        var (text, encoding, hadBom, usedFallback) = DecodeBytes(bytes);

        // A NUL character is never text (and PostgreSQL cannot store one), whatever encoding it came in.
        if (text is null || text.Contains('\0'))
        {
            rejection = new Rejection(RejectionKind.Binary, "The file contains NUL bytes, so it is binary data, not text.");
            return false;
        }

        var controls = 0;
        var meaningful = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            meaningful++;
            if (c == '\0' || (char.IsControl(c) && c != '\u0085') || c == '\uFFFD')
            {
                controls++;
            }
        }

        if (meaningful == 0)
        {
            rejection = new Rejection(RejectionKind.Empty, $"The file holds only whitespace ({bytes.Length} bytes).");
            return false;
        }

        if (controls > 0 && controls >= meaningful * MaxControlCharacterShare)
        {
            rejection = new Rejection(
                RejectionKind.Binary,
                $"The file is mostly not text: {controls} of {meaningful} visible characters are control or undecodable characters.");
            return false;
        }

        decoded = new DecodedText(text, encoding, hadBom, usedFallback);
        return true;
    }

    private static (string? Text, string Encoding, bool HadBom, bool UsedFallback) DecodeBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (DecodeUtf8OrFallback(bytes[3..], out var fallback), fallback ? "windows-1252" : "utf-8", true, fallback);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return (new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetString(bytes[4..]), "utf-32le", true, false);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return (new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetString(bytes[4..]), "utf-32be", true, false);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(bytes[2..]), "utf-16le", true, false);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", true, false);
        }

        // Without a byte-order mark, a NUL byte never occurs in UTF-8 or Windows-1252 text.
        if (bytes.Contains((byte)0))
        {
            return (null, "binary", false, false);
        }

        var text = DecodeUtf8OrFallback(bytes, out var usedFallback);
        return (text, usedFallback ? "windows-1252" : "utf-8", false, usedFallback);
    }

    private static string DecodeUtf8OrFallback(ReadOnlySpan<byte> bytes, out bool usedFallback)
    {
        try
        {
            usedFallback = false;
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            usedFallback = true;
            return Windows1252.GetString(bytes);
        }
    }

    private static Encoding CreateWindows1252()
    {
        // The five bytes Windows-1252 leaves undefined decode to the C1 controls of the same value (as browsers
        // do), so that decoding never loses a byte.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, new Windows1252UndefinedByteFallback());
    }

    private sealed class Windows1252UndefinedByteFallback : DecoderFallback
    {
        public override int MaxCharCount => 1;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private sealed class Buffer : DecoderFallbackBuffer
        {
            private char _pending;
            private bool _hasPending;

            public override int Remaining => _hasPending ? 1 : 0;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                _pending = (char)bytesUnknown[0];
                _hasPending = true;
                return true;
            }

            public override char GetNextChar()
            {
                if (!_hasPending)
                {
                    return '\0';
                }

                _hasPending = false;
                return _pending;
            }

            public override bool MovePrevious() => false;
        }
    }
}
