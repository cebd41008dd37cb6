using System.Text;
using OpenGov.SharedKernel.Paging;

namespace OpenGov.UnitTests.Kernel;

public class KeysetCursorTests
{
    private static readonly Guid Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    [Fact]
    public void Round_trips_an_instant_a_number_and_a_text_key()
    {
        var at = new DateTime(2026, 3, 1, 8, 30, 0, DateTimeKind.Utc);
        Assert.True(KeysetCursor.TryDecode(KeysetCursor.Encode(at, Id), out var backAt, out var id1));
        Assert.Equal((at, Id, DateTimeKind.Utc), (backAt, id1, backAt.Kind));
        Assert.True(KeysetCursor.TryDecodeNumber(KeysetCursor.Encode(-42, Id), out var n, out var id2));
        Assert.Equal((-42L, Id), (n, id2));
        Assert.True(KeysetCursor.TryDecodeKey(KeysetCursor.Encode("Association | Tanger é", Id), out var key, out var id3));
        Assert.Equal(("Association | Tanger é", Id), (key, id3));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("%%%garbage")]
    [InlineData("not a cursor!")]
    [InlineData("AAAA")]
    public void A_tampered_cursor_reads_as_no_cursor(string? cursor)
    {
        Assert.False(KeysetCursor.TryDecode(cursor, out _, out var id));
        Assert.Equal(Guid.Empty, id);
        Assert.False(KeysetCursor.TryDecodeKey(cursor, out _, out _));
        Assert.False(KeysetCursor.TryDecodeNumber(cursor, out _, out _));
    }

    [Fact]
    public void Rejects_out_of_range_ticks_a_text_key_read_as_an_instant_and_oversized_cursors()
    {
        Assert.False(KeysetCursor.TryDecode(KeysetCursor.Encode(long.MaxValue, Id), out _, out _));
        Assert.False(KeysetCursor.TryDecode(KeysetCursor.Encode("abc", Id), out _, out _));
        Assert.False(KeysetCursor.TryDecodeKey(KeysetCursor.Encode(new string('x', 400), Id), out _, out _));
        byte[] invalidUtf8 = [0xff, 0xfe, .. Encoding.UTF8.GetBytes("|" + Id.ToString("N"))];
        Assert.False(KeysetCursor.TryDecodeKey(System.Buffers.Text.Base64Url.EncodeToString(invalidUtf8), out _, out _));
    }
}
