/// Maps a position in a decoded JSON string back to its file: a UI string's message syntax
/// error is found at a UTF-8 offset of the decoded text, but the user must be pointed at the
/// column in the file, where every escape before it (`\"`, `\n`, `\u00E9`, a surrogate pair)
/// is longer than what it stands for.
enum JSONStringPositions {
    /// The byte offset in `bytes` of the decoded byte at `decodedOffset` of the string literal
    /// whose opening quote is at `quote`: the escape's backslash when that byte comes from an
    /// escape, the closing quote for the offset just past the text. The literal must be one
    /// the parser accepted.
    static func sourceOffset(ofDecodedOffset decodedOffset: Int, inStringAt quote: Int, of bytes: [UInt8]) -> Int {
        var source = quote + 1
        var decoded = 0
        while source < bytes.count, bytes[source] != UInt8(ascii: "\"") {
            let (sourceLength, decodedLength) = lengths(at: source, of: bytes)
            if decoded + decodedLength > decodedOffset { return source }
            decoded += decodedLength
            source += sourceLength
        }
        return min(source, bytes.count)
    }

    /// The length in the file and in the decoded text of the character or escape at `offset`.
    private static func lengths(at offset: Int, of bytes: [UInt8]) -> (source: Int, decoded: Int) {
        guard bytes[offset] == UInt8(ascii: "\\") else { return (1, 1) }
        guard offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u") else { return (2, 1) }
        let unit = hexUnit(at: offset + 2, of: bytes)
        if (0xD800...0xDBFF).contains(unit) { return (12, 4) }  // a surrogate pair: one 4-byte scalar
        return (6, unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3)
    }

    private static func hexUnit(at offset: Int, of bytes: [UInt8]) -> UInt16 {
        var unit: UInt16 = 0
        for index in offset..<min(offset + 4, bytes.count) {
            let byte = bytes[index] | 0x20
            let digit = byte <= UInt8(ascii: "9") ? byte &- UInt8(ascii: "0") : byte &- UInt8(ascii: "a") &+ 10
            unit = unit << 4 | UInt16(digit & 0xF)
        }
        return unit
    }
}
