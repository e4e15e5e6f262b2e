/// Writing values into the output bytes. Rendering appends to one `[UInt8]` and never builds
/// intermediate strings: strings are copied from their UTF-8 storage, escaping scans bytes
/// (all five escaped characters are ASCII, so no multi-byte sequence can contain them).
extension Array where Element == UInt8 {
    /// Appends `string` as it is (triple mustache, `{{&name}}`).
    @inline(__always)
    mutating func appendRaw(_ string: String) {
        if string.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil {
            append(contentsOf: Array(string.utf8))
        }
    }

    /// Appends `string` with `& < > " '` replaced by `&amp; &lt; &gt; &quot; &#39;`.
    @inline(__always)
    mutating func appendEscaped(_ string: String) {
        if string.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
            Array(string.utf8).withUnsafeBufferPointer { appendEscaped($0) }
        }
    }

    /// Copies runs of bytes that need no escaping in one go; the test `byte <= '>'` rules out
    /// letters and most text before the exact check.
    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte <= UInt8(ascii: ">") else { continue }
            let replacement: StaticString
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default: continue
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            runStart = index + 1
        }
        append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
}
