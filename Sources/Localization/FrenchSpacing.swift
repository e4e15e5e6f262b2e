/// French punctuation spacing, applied in one pass over UTF-8 bytes.
///
/// French puts a narrow no-break space (U+202F) before `;` `!` `?` `»` and after `«`, and a
/// no-break space (U+00A0) before `:` and between a number and the sign after it: `%` `‰` and
/// the currency signs `€` `$` `£` ("40 %", "12 €", as `LocaleRules.percent` writes them). Writers type an ordinary space there, or none; either
/// way a line can then break before the punctuation. This pass replaces the ordinary space, or
/// inserts the right one after a word, and leaves alone what must not change: URLs, e-mail
/// addresses, times ("10:30"), punctuation inside a word ("a:b"), and in HTML everything that
/// is not text (tags, attributes, comments, character references, code-like elements).
///
/// A run of high punctuation ("?!", "!!") is one group: the space goes before its first mark,
/// and only when the group ends the word (whitespace, the end, a closing bracket or `»` after
/// it). Existing no-break spaces are kept, so applying the pass twice changes nothing.
struct FrenchSpacing {
    static func apply(to text: String, format: TypographyStyle.Format) -> String {
        var text = text
        let spaced: String? = text.withUTF8 { input in
            guard mayNeedSpacing(input) else { return nil }
            var spacing = FrenchSpacing(input: input, format: format)
            spacing.run()
            // Most texts with punctuation are spaced already (the writer typed the right
            // spaces, or the pass has run on them before): returned as they are.
            guard spacing.changed else { return nil }
            spacing.flush(upTo: input.count)
            return String(decoding: spacing.output, as: UTF8.self)
        }
        return spaced ?? text
    }

    /// What was just before the current position in the text, which decides whether a space
    /// is replaced, inserted or left out.
    private enum Previous {
        /// The start of the text, a line break or a tab: nothing to keep the punctuation with.
        case boundary
        /// An ordinary space, at this index of `output`.
        case space(outputIndex: Int)
        /// A no-break, narrow no-break or thin space: already right.
        case fixedSpace
        /// `;` `:` `!` `?`: the group started there carries the space.
        case highPunctuation
        /// Anything else: a letter, digit, closing bracket, tag content.
        case other
    }

    /// The run of non-space text the current character belongs to, tracked so that
    /// punctuation inside a URL or an e-mail address is left alone.
    private struct Token {
        /// Input index of the first character (after any opening bracket or quote).
        var start = 0
        /// Characters so far.
        var length = 0
        /// Seen `://`, `@`, a `www.` or `mailto:` start: the rest of the token is not prose.
        var isURLOrAddress = false
    }

    private let input: UnsafeBufferPointer<UInt8>
    private let format: TypographyStyle.Format
    /// Whether the pass has changed the text. Until it does, `output` stays empty.
    private(set) var changed = false
    /// The text as changed, up to `copiedUpTo`: the input read since then is the same in the
    /// output, and is appended only when a change comes (`flush(upTo:)`), in one run, not a
    /// word or a character at a time. (`outputCount` and `outputByte(at:)` read the output as
    /// if it had been.)
    private(set) var output: [UInt8] = []
    /// Where the input not yet appended to `output` starts.
    private var copiedUpTo = 0
    private var index = 0
    private var previous = Previous.boundary
    private var token = Token()
    /// How many `<code>`, `<pre>`, `<kbd>` or `<samp>` elements are open.
    private var codeDepth = 0

    private static let noBreakSpace: [UInt8] = [0xC2, 0xA0]  // U+00A0
    private static let narrowNoBreakSpace: [UInt8] = [0xE2, 0x80, 0xAF]  // U+202F
    private static let thinSpace: [UInt8] = [0xE2, 0x80, 0x89]  // U+2009
    private static let openingGuillemet: [UInt8] = [0xC2, 0xAB]  // «
    private static let closingGuillemet: [UInt8] = [0xC2, 0xBB]  // »
    /// Signs written after a number, spaced from it: `‰` `€` `£` (`%` and `$` are ASCII).
    private static let signsAfterNumbers: [[UInt8]] = [[0xE2, 0x80, 0xB0], [0xE2, 0x82, 0xAC], [0xC2, 0xA3]]
    /// Elements whose content is code or machine text, never prose.
    private static let codeElements: [[UInt8]] = ["code", "pre", "kbd", "samp"].map { Array($0.utf8) }
    /// Elements whose content is raw text, not HTML: copied up to their closing tag.
    private static let rawTextElements: [[UInt8]] = ["script", "style"].map { Array($0.utf8) }
    /// Token starts that make it a URL.
    private static let www = Array("www.".utf8)
    private static let mailto = Array("mailto:".utf8)
    /// Character references that are themselves a no-break space.
    private static let noBreakSpaceReferences: [[UInt8]] =
        ["&nbsp;", "&#160;", "&#xa0;", "&#8239;", "&#x202f;"].map { Array($0.utf8) }

    private init(input: UnsafeBufferPointer<UInt8>, format: TypographyStyle.Format) {
        self.input = input
        self.format = format
    }

    /// Whether `input` holds any byte the pass could act on: high punctuation, `%`, `$`, or the
    /// last byte of a guillemet, `‰`, `€` or `£`. Most UI strings have none and are returned
    /// without copying.
    private static func mayNeedSpacing(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        input.contains { byte in
            switch byte {
            case UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"), 0xAB, 0xBB,
                 UInt8(ascii: "%"), UInt8(ascii: "$"), 0xB0, 0xAC, 0xA3: true
            default: false
            }
        }
    }

    private mutating func run() {
        while index < input.count {
            let byte = input[index]
            if format == .html {
                if byte == UInt8(ascii: "<"), let end = HTMLScanner.endOfTag(in: input, at: index) {
                    copyTag(to: end)
                    continue
                }
                if codeDepth > 0 {
                    copyCode(count: 1)
                    continue
                }
                if byte == UInt8(ascii: "&"), let end = HTMLScanner.endOfCharacterReference(in: input, at: index) {
                    copyCharacterReference(to: end)
                    continue
                }
            }
            switch byte {
            case UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"):
                spaceHighPunctuation(with: Self.narrowNoBreakSpace)
            case UInt8(ascii: ":"):
                spaceHighPunctuation(with: Self.noBreakSpace)
            case 0xC2 where matches(Self.openingGuillemet, at: index):
                spaceOpeningGuillemet()
            case 0xC2 where matches(Self.closingGuillemet, at: index):
                spaceClosingGuillemet()
            case UInt8(ascii: "%"), UInt8(ascii: "$"):
                spaceSignAfterNumber()
            case 0xC2, 0xE2:
                if Self.signsAfterNumbers.contains(where: { matches($0, at: index) }) {
                    spaceSignAfterNumber()
                } else {
                    copyCharacter()
                }
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                copyWord()
            default:
                copyCharacter()
            }
        }
    }

    // MARK: Punctuation

    /// `;` `:` `!` `?`: a space before the group it starts, when the group ends a word of prose.
    private mutating func spaceHighPunctuation(with space: [UInt8]) {
        if case .highPunctuation = previous {
            // Inside a group such as "?!": the space went before its first mark.
        } else if !token.isURLOrAddress, groupEndsWord(startingAt: index) {
            putSpaceBefore(space)
        }
        noteTokenCharacter(at: index)
        copy(count: 1)
        previous = .highPunctuation
    }

    /// `«`: a narrow no-break space after it, replacing an ordinary space.
    private mutating func spaceOpeningGuillemet() {
        copy(count: Self.openingGuillemet.count)
        token = Token()
        previous = .other
        guard index < input.count else { return }
        let next = input[index]
        if next == UInt8(ascii: " ") {
            // The space is dropped: the narrow one takes its place.
            flush(upTo: index)
            index += 1
            copiedUpTo = index
        } else if isWhitespace(at: index) {
            return
        } else {
            flush(upTo: index)
        }
        output.append(contentsOf: Self.narrowNoBreakSpace)
        previous = .fixedSpace
    }

    /// `»`: a narrow no-break space before it. Never part of a URL (which would percent-encode
    /// it), so it is spaced even right after one.
    private mutating func spaceClosingGuillemet() {
        putSpaceBefore(Self.narrowNoBreakSpace)
        copy(count: Self.closingGuillemet.count)
        token = Token()
        previous = .other
    }

    /// `%` `‰` `€` `$` `£` right after a number ("40%", "40 %"): a no-break space between them,
    /// so that the sign never starts a line. Elsewhere (in a URL's "%20", after a word) the
    /// sign is left as it is.
    private mutating func spaceSignAfterNumber() {
        if !token.isURLOrAddress, followsNumber() {
            putSpaceBefore(Self.noBreakSpace)
        }
        copyCharacter()
    }

    /// Whether the output ends with a digit, or with a digit and the ordinary space after it.
    private func followsNumber() -> Bool {
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        switch previous {
        case .space(let outputIndex):
            return outputIndex > 0 && isDigit(outputByte(at: outputIndex - 1))
        case .other:
            return outputCount > 0 && isDigit(outputByte(at: outputCount - 1))
        case .boundary, .fixedSpace, .highPunctuation:
            return false
        }
    }

    /// Makes `space` precede what comes next: replaces the ordinary space just written, or
    /// inserts one after a word or punctuation; nothing at a boundary or after a fixed space.
    private mutating func putSpaceBefore(_ space: [UInt8]) {
        switch previous {
        case .space(let outputIndex):
            if outputIndex < output.count {
                output.replaceSubrange(outputIndex...outputIndex, with: space)
            } else {
                // Still in the input not yet appended: up to the space, then `space` for it.
                let spaceIndex = copiedUpTo + outputIndex - output.count
                flush(upTo: spaceIndex)
                output.append(contentsOf: space)
                copiedUpTo = spaceIndex + 1
            }
        case .other, .highPunctuation:
            flush(upTo: index)
            output.append(contentsOf: space)
        case .boundary, .fixedSpace:
            break
        }
    }

    /// Appends the input from `copiedUpTo` to `end`, unchanged, before a change is written
    /// (and at the end, once the text has changed).
    mutating func flush(upTo end: Int) {
        if !changed {
            changed = true
            output.reserveCapacity(input.count + input.count / 32 + 16)
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[copiedUpTo..<end]))
        copiedUpTo = end
    }

    /// Whether the run of high punctuation starting at `start` is followed by whitespace, the
    /// end, or a closing `)` `]` `»` (tags in between do not count): "a:b", "10:30" and
    /// "https:" are not.
    private func groupEndsWord(startingAt start: Int) -> Bool {
        var position = start
        while position < input.count {
            switch input[position] {
            case UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"):
                position += 1
            case UInt8(ascii: "<") where format == .html:
                guard let end = HTMLScanner.endOfTag(in: input, at: position) else { return false }
                position = end
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                return true
            default:
                return isWhitespace(at: position) || matches(Self.closingGuillemet, at: position)
            }
        }
        return true
    }

    // MARK: Copying

    /// One character of prose, as it is, updating what the next punctuation sees before it.
    private mutating func copyCharacter() {
        let length = Self.scalarLength(leadingByte: input[index])
        if input[index] == UInt8(ascii: " ") {
            previous = .space(outputIndex: outputCount)
            token = Token()
        } else if isWhitespace(at: index) {
            previous = matches(Self.noBreakSpace, at: index) || matches(Self.narrowNoBreakSpace, at: index)
                || matches(Self.thinSpace, at: index) ? .fixedSpace : .boundary
            token = Token()
        } else {
            noteTokenCharacter(at: index)
            previous = .other
        }
        copy(count: min(length, input.count - index))
    }

    /// A run of ASCII letters and digits, copied at once: what `copyCharacter` does for each of
    /// them, which is most of the text. None of them can complete a `www.` or `mailto:` start
    /// (that takes the `.` or `:`) or end a URL token.
    private mutating func copyWord() {
        var end = index + 1
        while end < input.count, Self.isASCIILetterOrDigit(input[end]) { end += 1 }
        if token.length == 0 { token.start = index }
        token.length += end - index
        previous = .other
        copy(count: end - index)
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: false
        }
    }

    /// A tag or comment, unchanged; opening and closing code-like elements. A tag ends the
    /// current token: cmark-gfm puts an autolinked URL alone in `<a>…</a>`, so in
    /// "…</a>?" the `?` is prose, not part of the URL.
    private mutating func copyTag(to end: Int) {
        let start = index
        copy(count: end - start)
        token = Token()
        guard let (name, isClosing) = HTMLScanner.tagName(in: input, tagStart: start, tagEnd: end) else { return }
        func isNamed(_ candidate: [UInt8]) -> Bool {
            candidate.count == name.count && HTMLScanner.matchesIgnoringCase(candidate, in: input, at: name.lowerBound)
        }
        if Self.codeElements.contains(where: isNamed) {
            codeDepth = isClosing ? max(0, codeDepth - 1) : codeDepth + 1
        } else if !isClosing, let rawText = Self.rawTextElements.first(where: isNamed) {
            let contentEnd = HTMLScanner.startOfClosingTag(rawText, in: input, from: index)
            copyCode(count: contentEnd - index)
        }
    }

    /// Bytes inside code or raw-text elements, unchanged. The next punctuation sees them as a
    /// word, never as a space it could replace.
    private mutating func copyCode(count: Int) {
        copy(count: count)
        previous = .other
        token = Token()
    }

    /// `&amp;`, `&#39;`, …: unchanged (its `;` is not punctuation). A no-break space written as
    /// a reference counts as one.
    private mutating func copyCharacterReference(to end: Int) {
        let length = end - index
        if Self.noBreakSpaceReferences.contains(where: {
            $0.count == length && HTMLScanner.matchesIgnoringCase($0, in: input, at: index)
        }) {
            previous = .fixedSpace
            token = Token()
        } else {
            noteTokenCharacter(at: index)
            previous = .other
        }
        copy(count: length)
    }

    // MARK: Tokens

    /// Adds the character at `position` to the current token and notices when the token turns
    /// out to be a URL or an e-mail address.
    private mutating func noteTokenCharacter(at position: Int) {
        let byte = input[position]
        if token.length == 0 {
            // "(https://…" and "«www…" are still URLs.
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "'") {
                return
            }
            token.start = position
        }
        token.length += 1
        let isSchemeSlash = byte == UInt8(ascii: "/") && position >= 2
            && input[position - 1] == UInt8(ascii: "/") && input[position - 2] == UInt8(ascii: ":")
        if byte == UInt8(ascii: "@") || isSchemeSlash
            || (token.length == 4 && HTMLScanner.matchesIgnoringCase(Self.www, in: input, at: token.start))
            || (token.length == 7 && HTMLScanner.matchesIgnoringCase(Self.mailto, in: input, at: token.start)) {
            token.isURLOrAddress = true
        }
    }

    // MARK: Bytes

    private func matches(_ bytes: [UInt8], at position: Int) -> Bool {
        HTMLScanner.matches(bytes, in: input, at: position)
    }

    /// Passes over the next `count` input bytes, which the output keeps unchanged (appended
    /// with the rest of their run, `flush(upTo:)`).
    private mutating func copy(count: Int) {
        index += count
    }

    /// How many bytes the output has so far, counting the input not yet appended.
    private var outputCount: Int { output.count + index - copiedUpTo }

    /// The output's byte at `position` (below `outputCount`).
    private func outputByte(at position: Int) -> UInt8 {
        position < output.count ? output[position] : input[copiedUpTo + position - output.count]
    }

    /// ASCII whitespace, or one of the no-break and thin spaces.
    private func isWhitespace(at position: Int) -> Bool {
        switch input[position] {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0C: true
        case 0xC2: matches(Self.noBreakSpace, at: position)
        case 0xE2: matches(Self.narrowNoBreakSpace, at: position) || matches(Self.thinSpace, at: position)
        default: false
        }
    }

    /// How many bytes the UTF-8 sequence starting with `byte` has.
    private static func scalarLength(leadingByte byte: UInt8) -> Int {
        switch byte {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }
}
