/// Cuts a template's bytes into text and tags, following set-delimiter tags as it goes.
///
/// It never stops at the first mistake: a malformed tag is reported and skipped (or read as text)
/// so that the rest of the file is still checked. Names are validated here, once, so later phases
/// can trust them.
struct Lexer {
    private let source: SourceText
    private var bytes: [UInt8] { source.bytes }
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private(set) var tokens: [Token] = []
    private(set) var errors: [TemplateError] = []

    init(source: SourceText) {
        self.source = source
    }

    static func tokenize(_ source: SourceText) -> (tokens: [Token], errors: [TemplateError]) {
        var lexer = Lexer(source: source)
        lexer.run()
        return (lexer.tokens, lexer.errors)
    }

    private mutating func run() {
        var textStart = source.contentStart
        var position = textStart
        while let tagStart = find(open, from: position) {
            let contentStart = tagStart + open.count
            let sigil = contentStart < bytes.count ? bytes[contentStart] : 0
            // A triple mustache ends with `}` + the closing delimiter, a set-delimiters tag with
            // `=` + the closing delimiter; everything else with the closing delimiter.
            let closing: [UInt8] = switch sigil {
            case UInt8(ascii: "{"): [UInt8(ascii: "}")] + close
            case UInt8(ascii: "="): [UInt8(ascii: "=")] + close
            default: close
            }
            guard let (contentEnd, closedProperly) = contentEnd(sigil: sigil, closing: closing, contentStart: contentStart) else {
                report(.unterminatedTag(expected: String(decoding: closing, as: UTF8.self)), at: tagStart)
                break
            }
            // Another tag opening inside this one means this one was never closed: report it
            // and carry on from the inner tag, which is most likely well formed.
            if sigil != UInt8(ascii: "!"), let inner = find(open, from: contentStart, before: contentEnd) {
                report(.unterminatedTag(expected: String(decoding: closing, as: UTF8.self)), at: tagStart)
                position = inner
                continue
            }
            let tagEnd = contentEnd + (closedProperly ? closing.count : close.count)
            if !closedProperly, sigil == UInt8(ascii: "{") {
                report(.unterminatedTag(expected: String(decoding: closing, as: UTF8.self)), at: tagStart)
            }
            if tagStart > textStart {
                tokens.append(Token(kind: .text, start: textStart, end: tagStart))
            }
            lexTag(sigil: sigil, tagStart: tagStart, contentStart: contentStart, contentEnd: contentEnd, tagEnd: tagEnd, closedProperly: closedProperly)
            position = tagEnd
            textStart = tagEnd
        }
        if textStart < bytes.count {
            tokens.append(Token(kind: .text, start: textStart, end: bytes.count))
        }
    }

    /// Where the content of the tag starting at `contentStart` ends, and whether it ends with the
    /// expected `closing` sequence. A triple mustache without its third `}` or a set-delimiters
    /// tag without its closing `=` ends at the plain closing delimiter (`closedProperly` false)
    /// when no other tag opens before it, so the mistake is reported on that tag and the rest of
    /// the file is still read.
    private func contentEnd(sigil: UInt8, closing: [UInt8], contentStart: Int) -> (Int, closedProperly: Bool)? {
        let hasSecondSigil = sigil == UInt8(ascii: "{") || sigil == UInt8(ascii: "=")
        let searchFrom = hasSecondSigil ? contentStart + 1 : contentStart
        let proper = find(closing, from: searchFrom)
        if let proper, sigil == UInt8(ascii: "!") || find(open, from: contentStart, before: proper) == nil {
            return (proper, true)
        }
        if hasSecondSigil, let plain = find(close, from: searchFrom), find(open, from: contentStart, before: plain) == nil {
            return (plain, false)
        }
        return proper.map { ($0, true) }
    }

    private mutating func lexTag(sigil: UInt8, tagStart: Int, contentStart: Int, contentEnd: Int, tagEnd: Int, closedProperly: Bool) {
        var token = Token(kind: .comment, start: tagStart, end: tagEnd)
        let afterSigil = contentStart + 1
        switch sigil {
        case UInt8(ascii: "!"):
            tokens.append(token)
            return
        case UInt8(ascii: "="):
            token.kind = .setDelimiters
            setDelimiters(contentStart: contentStart, contentEnd: contentEnd, tagStart: tagStart, closedProperly: closedProperly)
            tokens.append(token)
            return
        case UInt8(ascii: "{"):
            token.kind = .variable(escaped: false)
            token.name = trimmedText(afterSigil, contentEnd)
        case UInt8(ascii: "&"):
            token.kind = .variable(escaped: false)
            token.name = trimmedText(afterSigil, contentEnd)
        case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: "$"):
            token.kind = switch sigil {
            case UInt8(ascii: "#"): .section
            case UInt8(ascii: "^"): .invertedSection
            case UInt8(ascii: "$"): .block
            default: .close
            }
            token.name = trimmedText(afterSigil, contentEnd)
        case UInt8(ascii: ">"), UInt8(ascii: "<"):
            token.kind = sigil == UInt8(ascii: ">") ? .partial : .parent
            var name = trimmedText(afterSigil, contentEnd)
            if name.hasPrefix("*") {
                token.isDynamic = true
                name = String(name.dropFirst()).trimmingWhitespace()
            }
            token.name = name
        default:
            token.kind = .variable(escaped: true)
            token.name = trimmedText(contentStart, contentEnd)
        }
        if token.kind == .close, token.name.hasPrefix("*") {
            token.name = "*" + String(token.name.dropFirst()).trimmingWhitespace()
        }
        validateName(of: token)
        tokens.append(token)
    }

    private mutating func validateName(of token: Token) {
        let name = token.name
        if name.isEmpty {
            report(.emptyTag, at: token.start)
        } else if name.utf8.contains(where: \.isWhitespace) {
            report(.invalidName(name), at: token.start)
        } else if token.kind.isLookedUpInData || token.isDynamic, name != ".",
                  name.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            report(.invalidName(name), at: token.start)
        }
    }

    private mutating func setDelimiters(contentStart: Int, contentEnd: Int, tagStart: Int, closedProperly: Bool) {
        let content = Array(bytes[contentStart + 1..<contentEnd])
        let parts = content.split(whereSeparator: \.isWhitespace)
        guard closedProperly, parts.count == 2 else {
            let written = String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self)
            report(.invalidDelimiters(closedProperly ? written + "=" : written), at: tagStart)
            return
        }
        open = Array(parts[0])
        close = Array(parts[1])
    }

    private func trimmedText(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<max(start, end)], as: UTF8.self).trimmingWhitespace()
    }

    /// The first occurrence of `pattern` at or after `start` (and starting before `limit`).
    private func find(_ pattern: [UInt8], from start: Int, before limit: Int? = nil) -> Int? {
        let last = min(limit ?? bytes.count, bytes.count - pattern.count + 1)
        guard let first = pattern.first, start < last else { return nil }
        var index = start
        while index < last {
            if bytes[index] == first, bytes[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }

    private mutating func report(_ kind: TemplateError.Kind, at offset: Int) {
        errors.append(source.error(kind, at: offset))
    }
}

extension Token.Kind {
    /// Tags whose name is a path into the data (as opposed to a template or block name).
    var isLookedUpInData: Bool {
        switch self {
        case .variable, .section, .invertedSection, .close: true
        case .text, .comment, .partial, .parent, .block, .setDelimiters: false
        }
    }
}

extension String {
    /// Without leading and trailing ASCII whitespace (tag padding such as `{{ name }}`).
    func trimmingWhitespace() -> String {
        let utf8 = Array(self.utf8)
        guard let first = utf8.firstIndex(where: { !$0.isWhitespace }),
              let last = utf8.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(decoding: utf8[first...last], as: UTF8.self)
    }
}
