/// Where a file stops being valid UTF-8: the offset of the first byte of the first malformed
/// sequence, or nil when the whole file is valid.
///
/// Checked once per file before parsing, so that a file saved in Latin-1 is reported at the
/// exact character ("invalid UTF-8 byte 0xE9") instead of as a confusing syntax error, and so
/// that the parser and the Markdown reader can decode slices without checking again. Overlong
/// forms, UTF-16 surrogates and values above U+10FFFF are malformed, as the standard says.
func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { bytes in
        var index = 0
        let count = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        while index < count {
            // Content is mostly ASCII: skip it eight bytes at a time.
            while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // The allowed range of the second byte depends on the lead byte; later bytes are
            // plain continuation bytes (0x80...0xBF).
            let length: Int
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondRange = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; secondRange = 0x80...0x9F
            case 0xF0: length = 4; secondRange = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; secondRange = 0x80...0x8F
            default: return index
            }
            guard index + length <= count, secondRange.contains(bytes[index + 1]) else { return index }
            for next in index + 2..<index + length where bytes[next] & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }
}
