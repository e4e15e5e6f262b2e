/// A mistake that makes a file not JSON at all, with the byte offset where it was noticed.
/// Parsing stops at the first one (what follows cannot be read reliably).
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The file ends where `expected` should come: "unexpected end of file, expected `}`".
        case unexpectedEnd(expected: String)
        /// Something else stands where `expected` should: a bare word, a single quote, a stray `;`.
        case unexpected(found: String, expected: String)
        /// `[1, 2,]` or `{"a": 1,}`: JSON allows no comma before the closing bracket.
        case trailingComma(before: String)
        /// A string whose closing quote never comes.
        case unterminatedString
        /// A raw line break or other control character inside a string (JSON requires `\n`).
        case controlCharacterInString(UInt8)
        /// A backslash followed by something other than `"` `\` `/` `b` `f` `n` `r` `t` `u`.
        case invalidEscape(String)
        /// `\u` not followed by four hexadecimal digits.
        case invalidUnicodeEscape
        /// Half of a UTF-16 surrogate pair (`\uD83D` without its `\uDE00`).
        case unpairedSurrogate(String)
        /// `007`: JSON numbers cannot start with a zero followed by digits.
        case leadingZero
        /// `-`, `1.` or `1e` with no digits where digits must follow.
        case missingDigits(after: String)
        /// An integer too large for this machine's `Int`: no figure in the content needs one.
        case integerTooLarge(String)
        /// Arrays and objects nested deeper than the parser's limit (which guards the stack).
        case tooDeep(limit: Int)
        /// More text after the document's single top-level value.
        case trailingContent(found: String)
    }

    public var kind: Kind
    public var offset: Int

    /// One plain sentence, as shown after `error:`.
    public var message: String {
        switch kind {
        case .unexpectedEnd(let expected):
            "unexpected end of file, expected \(expected)"
        case .unexpected(let found, let expected):
            "unexpected `\(found)`, expected \(expected)"
        case .trailingComma(let closing):
            "trailing comma before `\(closing)` (JSON allows none)"
        case .unterminatedString:
            "unterminated string: the closing `\"` is missing"
        case .controlCharacterInString(let byte):
            byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                ? "line break inside a string (write `\\n` instead)"
                : "control character U+\(hex4(UInt16(byte))) inside a string must be escaped"
        case .invalidEscape(let escape):
            "invalid escape `\(escape)`"
        case .invalidUnicodeEscape:
            "`\\u` must be followed by four hexadecimal digits"
        case .unpairedSurrogate(let escape):
            "unpaired UTF-16 surrogate `\(escape)`"
        case .leadingZero:
            "numbers cannot start with `0` followed by more digits"
        case .missingDigits(let after):
            "expected a digit after `\(after)`"
        case .integerTooLarge(let literal):
            "integer `\(literal)` is too large"
        case .tooDeep(let limit):
            "arrays and objects are nested deeper than \(limit) levels"
        case .trailingContent(let found):
            "unexpected `\(found)` after the end of the JSON value"
        }
    }
}

/// `00E9` for 0xE9: the form used in `U+00E9` and `\u00E9`.
func hex4(_ value: UInt16) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
