/// A request target's path, percent-decoded and split into segments that are safe to join
/// onto the output folder: none is empty, `.` or `..`, and none holds `/`, `\` or a control
/// character once decoded. Anything that would need normalizing to be safe is refused instead,
/// so what is served never depends on clever decoding.
struct RequestPath: Equatable, Sendable {
    /// The path as received, still percent-encoded, without query, with runs of `/` made one:
    /// `/en/roles` (also for `//en//roles`). Redirects append to it, so a redirect never
    /// re-encodes anything, and never leads to `//en/` — which a browser reads as the host `en`.
    var canonical: String
    /// What followed `?`, as received; nil without one.
    var query: String?
    /// Decoded segments; `//` collapses (an empty segment names nothing).
    var segments: [String]
    /// Whether the path ends with `/` (a folder URL: `/en/` → `en/index.html`).
    var endsWithSlash: Bool

    init(target: String) throws(PathError) {
        // Only origin-form (`/path`) is accepted: absolute-form (`http://host/…`), authority
        // form and `*` have no business at a static preview.
        guard target.hasPrefix("/") else { throw .notAPath(target) }
        let withoutFragment = target.prefix { $0 != "#" }
        let path = withoutFragment.prefix { $0 != "?" }
        canonical = "/" + path.split(separator: "/").joined(separator: "/")
        query = path.endIndex < withoutFragment.endIndex ? String(withoutFragment[withoutFragment.index(after: path.endIndex)...]) : nil
        endsWithSlash = path.hasSuffix("/")
        segments = []
        for encoded in path.split(separator: "/") {
            segments.append(try Self.decode(encoded))
        }
    }

    /// One segment, percent-decoded and checked.
    private static func decode(_ encoded: Substring) throws(PathError) -> String {
        var bytes: [UInt8] = []
        var input = encoded.utf8[...]
        while let byte = input.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            let digits = input.prefix(2)
            guard digits.count == 2, let high = hexValue(digits.first!), let low = hexValue(digits.last!) else {
                throw .badPercentEncoding(String(decoding: [byte] + digits, as: UTF8.self))
            }
            bytes.append(high << 4 | low)
            input = input.dropFirst(2)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { throw .notUTF8(String(encoded)) }
        if decoded == "." || decoded == ".." { throw .dotSegment(String(encoded)) }
        if decoded.contains("/") || decoded.contains("\\") { throw .encodedSeparator(String(encoded)) }
        if decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw .controlCharacter(String(encoded))
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// Why a request path is refused with 400. Each case is a way a URL can try to reach outside
/// the site folder, or is simply not a path; the text goes into the response body.
enum PathError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The target does not start with `/` (`http://host/x`, `*`, `../x`).
    case notAPath(String)
    /// `%` not followed by two hex digits.
    case badPercentEncoding(String)
    /// A segment decodes to bytes that are not UTF-8.
    case notUTF8(String)
    /// A segment is `.` or `..`, written plainly or percent-encoded (`%2e%2e`).
    case dotSegment(String)
    /// A segment holds an encoded `/` or `\` (`..%2f..%2fsite.json`).
    case encodedSeparator(String)
    /// A segment holds NUL or another control character (`%00`).
    case controlCharacter(String)

    var description: String {
        switch self {
        case let .notAPath(target): "the request target `\(target)` is not a path starting with `/`"
        case let .badPercentEncoding(text): "`\(text)` is not a valid percent-encoding"
        case let .notUTF8(segment): "the path segment `\(segment)` does not decode to UTF-8"
        case let .dotSegment(segment): "the path segment `\(segment)` is a dot segment, which could leave the site folder"
        case let .encodedSeparator(segment): "the path segment `\(segment)` holds an encoded `/` or `\\`"
        case let .controlCharacter(segment): "the path segment `\(segment)` holds a control character"
        }
    }
}
