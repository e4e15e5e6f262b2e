/// Turns message source into `MessagePart`s, one byte at a time, recording the UTF-8 offset of
/// every mistake.
///
/// The syntax is the part of ICU MessageFormat that rolegen's strings need, so that anything
/// accepted here is also understood by translators' tools:
///
///     message  := (text | '{' name '}' | '{' name ',' 'plural' ',' branch+ '}')*
///     branch   := ('=' integer | zero | one | two | few | many | other) '{' message '}'
///
/// with whitespace allowed around names, commas and selectors, `#` in a branch standing for the
/// number, and apostrophes as in ICU's DOUBLE_OPTIONAL mode: `''` is an apostrophe; an
/// apostrophe right before `{` or `}` (or `#` in a branch) starts quoted literal text that the
/// next single apostrophe ends; any other apostrophe is literal, so French "d'un(e)" needs no
/// escaping. Stricter than ICU in one way: quoted text left open is an error, not text running
/// to the end of the message, because in a UI string it is always a typo.
struct MessageParser {
    /// Deeper plurals are certainly a mistake, and the limit keeps the recursion bounded.
    static let maximumNesting = 8

    private let bytes: [UInt8]
    private var position = 0
    private var pluralDepth = 0
    private(set) var argumentNames: Set<String> = []
    private(set) var pluralArgumentNames: Set<String> = []

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// The whole message; a `}` at the top level closes nothing.
    mutating func parseMessage() throws(MessageSyntaxError) -> [MessagePart] {
        let parts = try parseParts(inBranch: false)
        if position < bytes.count {
            throw MessageSyntaxError(.unexpectedClosingBrace, utf8Offset: position)
        }
        return parts
    }

    /// Text and arguments up to the end of the source or an unquoted `}` (not consumed).
    private mutating func parseParts(inBranch: Bool) throws(MessageSyntaxError) -> [MessagePart] {
        var parts: [MessagePart] = []
        var text: [UInt8] = []
        func flushText() {
            if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
            text.removeAll(keepingCapacity: true)
        }
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "'"):
                try readApostrophe(into: &text, inBranch: inBranch)
            case UInt8(ascii: "{"):
                flushText()
                parts.append(try parseArgument())
            case UInt8(ascii: "}"):
                flushText()
                return parts
            case UInt8(ascii: "#") where inBranch:
                flushText()
                parts.append(.pluralNumber)
                position += 1
            default:
                text.append(byte)
                position += 1
            }
        }
        flushText()
        return parts
    }

    /// `''`, quoted text, or a literal apostrophe.
    private mutating func readApostrophe(into text: inout [UInt8], inBranch: Bool) throws(MessageSyntaxError) {
        let start = position
        position += 1
        switch peek() {
        case UInt8(ascii: "'"):
            text.append(UInt8(ascii: "'"))
            position += 1
        case UInt8(ascii: "{"), UInt8(ascii: "}"):
            try readQuoted(into: &text, openedAt: start)
        case UInt8(ascii: "#") where inBranch:
            try readQuoted(into: &text, openedAt: start)
        default:
            text.append(UInt8(ascii: "'"))
        }
    }

    /// Literal text up to the apostrophe that ends it (`''` inside is an apostrophe).
    private mutating func readQuoted(into text: inout [UInt8], openedAt start: Int) throws(MessageSyntaxError) {
        while let byte = peek() {
            position += 1
            guard byte == UInt8(ascii: "'") else {
                text.append(byte)
                continue
            }
            guard peek() == UInt8(ascii: "'") else { return }
            text.append(byte)
            position += 1
        }
        throw MessageSyntaxError(.unclosedQuote, utf8Offset: start)
    }

    /// `{name}` or `{name, plural, …}`, starting at the `{`.
    private mutating func parseArgument() throws(MessageSyntaxError) -> MessagePart {
        let open = position
        position += 1
        skipWhitespace()
        let nameStart = position
        let name = readWord()
        if name.isEmpty {
            _ = try byteBeforeEnd(ofArgumentOpenedAt: open)
            throw MessageSyntaxError(.emptyArgumentName, utf8Offset: open)
        }
        guard Self.isValidName(name) else {
            throw MessageSyntaxError(.invalidArgumentName(name), utf8Offset: nameStart)
        }
        argumentNames.insert(name)
        skipWhitespace()
        switch try byteBeforeEnd(ofArgumentOpenedAt: open) {
        case UInt8(ascii: "}"):
            position += 1
            return .argument(name)
        case UInt8(ascii: ","):
            position += 1
        default:
            throw MessageSyntaxError(.expectedCommaOrClosingBrace(argument: name), utf8Offset: position)
        }
        skipWhitespace()
        let formatStart = position
        let format = readWord()
        if format.isEmpty {
            _ = try byteBeforeEnd(ofArgumentOpenedAt: open)
            throw MessageSyntaxError(.missingFormat(argument: name), utf8Offset: position)
        }
        guard format == "plural" else {
            throw MessageSyntaxError(.unknownFormat(format), utf8Offset: formatStart)
        }
        skipWhitespace()
        guard try byteBeforeEnd(ofArgumentOpenedAt: open) == UInt8(ascii: ",") else {
            throw MessageSyntaxError(.expectedCommaAfterPlural(argument: name), utf8Offset: position)
        }
        position += 1
        pluralArgumentNames.insert(name)
        return .plural(try parsePluralBranches(argument: name, openedAt: open))
    }

    /// The `selector {message}` pairs of a plural up to and including its closing `}`.
    private mutating func parsePluralBranches(argument: String, openedAt open: Int) throws(MessageSyntaxError) -> PluralChoice {
        guard pluralDepth < Self.maximumNesting else {
            throw MessageSyntaxError(.nestingTooDeep, utf8Offset: open)
        }
        pluralDepth += 1
        defer { pluralDepth -= 1 }
        var choice = PluralChoice(argument: argument, exact: [:], categories: [:], other: [])
        var hasOther = false
        while true {
            skipWhitespace()
            if try byteBeforeEnd(ofArgumentOpenedAt: open) == UInt8(ascii: "}") {
                position += 1
                break
            }
            let selectorStart = position
            let selector = readWord()
            if selector.isEmpty {
                throw MessageSyntaxError(.missingSelector(argument: argument), utf8Offset: position)
            }
            let key = try Self.selectorKey(selector, at: selectorStart)
            skipWhitespace()
            guard peek() == UInt8(ascii: "{") else {
                throw MessageSyntaxError(.expectedBranch(selector: selector), utf8Offset: position)
            }
            let branchOpen = position
            position += 1
            let parts = try parseParts(inBranch: true)
            guard peek() == UInt8(ascii: "}") else {
                throw MessageSyntaxError(.unclosedBranch(selector: selector), utf8Offset: branchOpen)
            }
            position += 1
            let isNew: Bool
            switch key {
            case .exact(let value):
                isNew = choice.exact.updateValue(parts, forKey: value) == nil
            case .category(.other):
                isNew = !hasOther
                hasOther = true
                choice.other = parts
            case .category(let category):
                isNew = choice.categories.updateValue(parts, forKey: category) == nil
            }
            if !isNew {
                throw MessageSyntaxError(.duplicateSelector(selector, argument: argument), utf8Offset: selectorStart)
            }
        }
        guard hasOther else {
            throw MessageSyntaxError(.missingOtherBranch(argument: argument), utf8Offset: open)
        }
        return choice
    }

    private enum SelectorKey {
        case exact(Int)
        case category(PluralCategory)
    }

    private static func selectorKey(_ selector: String, at offset: Int) throws(MessageSyntaxError) -> SelectorKey {
        if selector.hasPrefix("="), let value = Int(selector.dropFirst()) {
            return .exact(value)
        }
        if let category = PluralCategory(rawValue: selector) {
            return .category(category)
        }
        throw MessageSyntaxError(.invalidSelector(selector), utf8Offset: offset)
    }

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    /// The current byte, or the error that the argument opened at `open` is never closed.
    private func byteBeforeEnd(ofArgumentOpenedAt open: Int) throws(MessageSyntaxError) -> UInt8 {
        guard let byte = peek() else { throw MessageSyntaxError(.unclosedArgument, utf8Offset: open) }
        return byte
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), Self.isWhitespace(byte) { position += 1 }
    }

    /// The bytes up to whitespace, `,`, `{`, `}` or the end: a name, type or selector, checked
    /// by the caller so that a wrong one is reported whole.
    private mutating func readWord() -> String {
        let start = position
        while let byte = peek(), !Self.isWhitespace(byte),
              byte != UInt8(ascii: ","), byte != UInt8(ascii: "{"), byte != UInt8(ascii: "}") {
            position += 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// ASCII letters, digits and `_`, not starting with a digit.
    private static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): true
            default: false
            }
        }
    }
}
