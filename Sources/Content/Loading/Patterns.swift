/// The textual rules shared by several files, written as plain functions over UTF-8 (no regex
/// engine needed, and fast on the hot path of reading thousands of ids).

/// `^[a-z0-9]+(-[a-z0-9]+)*$`: ids, slugs and URL segments are safe in any URL and file system
/// without escaping, and read the same on every platform.
///
/// Over the contiguous bytes (`withUTF8`): iterating `utf8` of a small string decodes it again
/// for each byte, which made this check cost more than parsing the id it checks.
public func isSafeURLSegment(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
        var previousWasHyphen = true  // so a leading hyphen fails
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-") where !previousWasHyphen:
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !previousWasHyphen
    }
}

/// `^[a-z]{2,3}(-[A-Z]{2})?$`: a language, optionally with a region (`en`, `fr`, `pt-BR`).
func isLocaleCode(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), (2...3).contains(parts[0].utf8.count),
          parts[0].utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
    else { return false }
    return parts.count == 1
        || (parts[1].utf8.count == 2 && parts[1].utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
}

/// `^[A-Za-z][A-Za-z0-9_]*$`: one segment of a UI string key, so that keys are plain
/// identifiers in templates (`hero.title`).
func isStringKeySegment(_ text: String) -> Bool {
    guard let first = text.utf8.first, isASCIILetter(first) else { return false }
    return text.utf8.allSatisfy { isASCIILetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_") }
}

/// `http://` or `https://`, a host, and no spaces or control characters: what a browser can
/// follow from any page of the site.
func isAbsoluteHTTPURL(_ text: String) -> Bool {
    let rest: Substring
    if text.hasPrefix("https://") {
        rest = text.dropFirst(8)
    } else if text.hasPrefix("http://") {
        rest = text.dropFirst(7)
    } else {
        return false
    }
    let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    return !host.isEmpty && !host.hasPrefix(":") && !host.hasPrefix("@")
        && text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F }
}

private func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
}

/// Whether `text` has nothing but white space (or nothing at all): an empty translation.
func isBlank(_ text: String) -> Bool {
    if let first = firstByte(of: text), startsVisibly(first) { return false }
    return text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
}

/// The first UTF-8 byte of `text`, read from its storage (`utf8.first` went through the
/// generic collection code, and every text of every role is asked twice).
private func firstByte(of text: String) -> UInt8? {
    text.utf8.withContiguousStorageIfAvailable { $0.first } ?? text.utf8.first
}

/// Whether a text whose first UTF-8 byte is `byte` starts with a character that is not white
/// space: an ASCII byte other than tab, line breaks and space. Every text of every role is asked
/// whether it is blank or a placeholder, and almost all start like this, so the answer comes
/// from one byte instead of a walk over characters.
private func startsVisibly(_ byte: UInt8) -> Bool {
    byte < 0x80 && byte != UInt8(ascii: " ") && !(0x09...0x0D).contains(byte)
}

/// How scaffolded text starts (`TODO: write the title`): such a text is refused until an editor
/// writes it.
public let placeholderMarker = "TODO:"
/// The marker's first byte, worked out once.
private let placeholderMarkerStart = placeholderMarker.utf8.first

/// Whether `text` is still a scaffold's placeholder: it starts with `TODO:` (after white space).
func isPlaceholder(_ text: String) -> Bool {
    if let first = firstByte(of: text), startsVisibly(first), first != placeholderMarkerStart { return false }
    // Nothing but these very bytes is canonically equivalent to the ASCII marker.
    return text.containsBytes(placeholderMarker) && text.drop { $0.isWhitespace }.hasPrefix(placeholderMarker)
}

/// A base URL that page paths can be appended to: http(s), a host, no query, fragment or
/// spaces. Returns it ending with `/` (`https://example.org/careers` → `…/careers/`).
func normalizedBaseURL(_ text: String) -> Result<String, BaseURLProblem> {
    guard text.hasPrefix("https://") || text.hasPrefix("http://") else { return .failure(.notHTTP) }
    guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else { return .failure(.whitespace) }
    guard isAbsoluteHTTPURL(text) else { return .failure(.noHost) }
    if text.contains("?") { return .failure(.query) }
    if text.contains("#") { return .failure(.fragment) }
    return .success(text.hasSuffix("/") ? text : text + "/")
}
