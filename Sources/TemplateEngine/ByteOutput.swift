/// The bytes a render writes. Rendering appends to one buffer and never builds intermediate
/// strings: strings are copied from their UTF-8 storage, escaping scans bytes (all five escaped
/// characters are ASCII, so no multi-byte sequence can contain them).
///
/// Its own buffer rather than a `[UInt8]`: a page is a few hundred appends of short runs (the
/// template's text between tags, then a value), and `Array.append(contentsOf:)` spent several
/// times the copy itself on each (uniqueness and capacity checks through the generic sequence
/// path). Here an append is a capacity check and a `memcpy`. Noncopyable, so the buffer has
/// one owner and is freed once.
struct OutputBytes: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit {
        start.deallocate()
    }

    /// Appends `bytes` as they are.
    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if bytes.count > capacity - count { grow(toHold: bytes.count) }
        (start + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends `string` as it is (triple mustache, `{{&name}}`).
    ///
    /// The string's bytes are read where they are: `withUTF8` is mutating, and calling it on a
    /// copy retained and released the string's storage for every value a page shows.
    @inline(__always)
    mutating func appendRaw(_ string: String) {
        if string.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            var string = string
            string.withUTF8 { append($0) }
        }
    }

    /// Appends `string` with `& < > " '` replaced by `&amp; &lt; &gt; &quot; &#39;`.
    @inline(__always)
    mutating func appendEscaped(_ string: String) {
        if string.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
            var string = string
            string.withUTF8 { appendEscaped($0) }
        }
    }

    /// Copies runs of bytes that need no escaping in one go, found eight bytes at a time
    /// (`HTMLEscaping.firstEscaped`).
    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        while true {
            let index = HTMLEscaping.firstEscaped(in: bytes, from: runStart)
            append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            guard index < bytes.count else { return }
            let replacement: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            default: replacement = "&#39;"
            }
            append(UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            runStart = index + 1
        }
    }

    /// Room for `extra` more bytes: at least double, so appends stay amortized constant.
    private mutating func grow(toHold extra: Int) {
        let newCapacity = max(capacity * 2, count + extra)
        let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStart.initialize(from: start, count: count)
        start.deallocate()
        start = newStart
        capacity = newCapacity
    }

    /// The bytes written, as the array the writers take.
    consuming func bytes() -> [UInt8] {
        let count = self.count
        let start = self.start
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress { base.initialize(from: start, count: count) }
            initialized = count
        }
    }

    /// The bytes written, in place.
    func withUnsafeBytes<Result, Failure: Error>(_ body: (UnsafeRawBufferPointer) throws(Failure) -> Result) throws(Failure) -> Result {
        try body(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// The bytes written, as a string (they are UTF-8: every append is a string's bytes or a
    /// template's text, whole).
    consuming func string() -> String {
        String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }
}

/// A page's bytes as the renderer wrote them, and the mistakes it met
/// (`TemplateSet.renderInPlace`). Read in place, not copied into an array: a build writes each
/// page to its file and is done with it, and the copy was as long as the page (about 1 % of a
/// build's instructions). The buffer is freed with this value.
public struct RenderedBytes: ~Copyable {
    private let output: OutputBytes
    /// The data errors met (strict mode), every one; the bytes mean something only without them.
    public let errors: [TemplateError]

    init(output: consuming OutputBytes, errors: [TemplateError]) {
        self.output = output
        self.errors = errors
    }

    /// The number of bytes.
    public var count: Int { output.count }

    /// Calls `body` with the bytes, valid only during the call.
    public func withUnsafeBytes<Result, Failure: Error>(_ body: (UnsafeRawBufferPointer) throws(Failure) -> Result) throws(Failure) -> Result {
        try output.withUnsafeBytes(body)
    }
}
