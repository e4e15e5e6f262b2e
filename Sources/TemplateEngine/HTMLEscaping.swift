/// The escape `{{name}}` applies, for callers that build HTML themselves and hand it to a
/// template as markup (`{{{name}}}`): the bytes are then the same as if the template had
/// escaped the text, so a value can move between the two forms without changing the page.
public enum HTMLEscaping {
    /// `text` with `& < > " '` replaced by `&amp; &lt; &gt; &quot; &#39;`.
    public static func escape(_ text: String) -> String {
        // Most UI strings and titles have nothing to escape: they are returned as they are,
        // without a copy.
        let needsEscaping = text.utf8.withContiguousStorageIfAvailable { firstEscaped(in: $0, from: 0) < $0.count }
            ?? text.utf8.contains(where: { isEscaped($0) })
        guard needsEscaping else { return text }
        var output = OutputBytes(capacity: text.utf8.count + 16)
        output.appendEscaped(text)
        return output.string()
    }

    @inline(__always)
    static func isEscaped(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }

    /// The offset of the first byte from `start` on that `escape` replaces, or `bytes.count`.
    ///
    /// Eight bytes at a time: every value a page shows passes through here, and a byte-by-byte
    /// test branched on every space, digit and comma (all below `>`, where the escaped bytes
    /// are). A word is tested for `"` (0x22), for `&` or `'` (0x26, 0x27: equal with their
    /// lowest bit set) and for `<` or `>` (0x3C, 0x3E: equal with their second bit set), each by
    /// the "has a zero byte" test on the word XORed with the byte repeated. That test may also
    /// flag a byte after a true match (a borrow), never a word without one, so a flagged word is
    /// then looked at byte by byte.
    @inline(__always)
    static func firstEscaped(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            if mayHoldEscaped(word) {
                for offset in index..<index + 8 where isEscaped(bytes[offset]) { return offset }
            }
            index += 8
        }
        while index < bytes.count, !isEscaped(bytes[index]) { index += 1 }
        return index
    }

    @inline(__always)
    private static func mayHoldEscaped(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        return hasZeroByte(word ^ (ones &* 0x22))
            || hasZeroByte((word | ones) ^ (ones &* 0x27))
            || hasZeroByte((word | (ones << 1)) ^ (ones &* 0x3E))
    }
}
