/// How one language writes numbers, percentages, ranges, dates and lists, which plural form a
/// number takes, and how its punctuation is spaced.
///
/// Formatting lives here rather than in templates so that every page formats the same value the
/// same way and a translator never has to spell out a thousands separator. Each locale is one
/// small table (see `BuiltInLocales.swift`); the functions below only read it.
///
/// A class: pages pass a locale's rules around by the dozen, and a struct of these tables was
/// copied, reference by reference, each time it was read out of whatever held it.
public final class LocaleRules: Sendable {
    /// The BCP 47 language tag the rules are for, e.g. "fr".
    public let identifier: String

    /// The CLDR cardinal rule, given the number's absolute value (CLDR's operand `n`).
    let pluralRule: @Sendable (UInt) -> PluralCategory
    /// Put between groups of three digits, as UTF-8 bytes.
    let groupSeparator: [UInt8]
    /// `{value}` is the formatted number.
    let percentPattern: Message
    /// `{from}` and `{to}` are the formatted numbers.
    let yearRangePattern: Message
    /// `{day}`, `{month}` (a name from `monthNames`) and `{year}` (digits, never grouped).
    let longDatePattern: Message
    /// January first.
    let monthNames: [String]
    /// Day numbers written other than as plain digits, such as French "1er".
    let dayNumberOverrides: [Int: String]
    let listPatterns: ListPatterns
    let typographyStyle: TypographyStyle

    /// The table as it is (`BuiltInLocales.swift` builds it from literals).
    init(
        identifier: String, pluralRule: @escaping @Sendable (UInt) -> PluralCategory, groupSeparator: [UInt8], percentPattern: Message,
        yearRangePattern: Message, longDatePattern: Message, monthNames: [String], dayNumberOverrides: [Int: String],
        listPatterns: ListPatterns, typographyStyle: TypographyStyle
    ) {
        self.identifier = identifier
        self.pluralRule = pluralRule
        self.groupSeparator = groupSeparator
        self.percentPattern = percentPattern
        self.yearRangePattern = yearRangePattern
        self.longDatePattern = longDatePattern
        self.monthNames = monthNames
        self.dayNumberOverrides = dayNumberOverrides
        self.listPatterns = listPatterns
        self.typographyStyle = typographyStyle
    }

    /// The separators a list of items is joined with: `pair` for exactly two items, otherwise
    /// `middle` between all but the last two and `end` before the last.
    struct ListPatterns: Sendable {
        var pair: String
        var middle: String
        var end: String
    }

    /// The built-in rules for `identifier` ("en", "fr"), or nil when rolegen has none.
    /// Identifiers match exactly: "fr-CA" is not "fr".
    public static func builtIn(_ identifier: String) -> LocaleRules? {
        builtInLocales.first { $0.identifier == identifier }
    }

    /// The identifiers `builtIn` knows, sorted.
    public static var supportedIdentifiers: [String] {
        builtInLocales.map(\.identifier).sorted()
    }

    /// The CLDR cardinal plural category of `n` (English: `one` for 1 only; French: `one` for
    /// 0 and 1, `many` for non-zero multiples of a million). Negative numbers take the
    /// category of their absolute value, as in CLDR.
    public func pluralCategory(_ n: Int) -> PluralCategory {
        pluralRule(n.magnitude)
    }

    /// `n` with its digits grouped by three: "10,000" in English, "10 000" in French (with the
    /// narrow no-break space U+202F CLDR prescribes). Negative numbers start with "-".
    public func number(_ n: Int) -> String {
        // Below a thousand there is nothing to group: most numbers on a page (scores, counts,
        // percentages), written without building and reversing an array of digits.
        if n.magnitude < 1000 { return String(n) }
        var magnitude = n.magnitude
        var reversed: [UInt8] = []
        reversed.reserveCapacity(28)
        var digitCount = 0
        repeat {
            if digitCount > 0, digitCount % 3 == 0 {
                reversed.append(contentsOf: groupSeparator.reversed())
            }
            reversed.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
            digitCount += 1
        } while magnitude > 0
        if n < 0 { reversed.append(UInt8(ascii: "-")) }
        return String(decoding: reversed.reversed(), as: UTF8.self)
    }

    /// A whole percentage: "40%" in English, "40 %" in French (no-break space U+00A0).
    public func percent(_ n: Int) -> String {
        percentPattern.format(["value": .number(n)], rules: self)
    }

    /// A span of years: "5–7" (en dash) in English, "5 à 7" in French, where both spaces are
    /// no-break spaces (U+00A0) so that the range, like the English one, never breaks across
    /// lines. A range of one year is just that number.
    public func yearRange(from: Int, to: Int) -> String {
        guard from != to else { return number(from) }
        return yearRangePattern.format(["from": .number(from), "to": .number(to)], rules: self)
    }

    /// A calendar date written out: "October 1, 2026" in English, "1er octobre 2026" and
    /// "21 novembre 2026" in French. The caller passes a valid date (content loading checks
    /// dates); a month outside 1…12 is a programming error.
    public func date(year: Int, month: Int, day: Int) -> String {
        precondition((1...12).contains(month), "month \(month) is not between 1 and 12")
        return longDatePattern.format([
            "day": .text(dayNumberOverrides[day] ?? String(day)),
            "month": .text(monthNames[month - 1]),
            "year": .text(String(year)),
        ], rules: self)
    }

    /// Items joined as the language lists them: "a, b, and c" and "a and b" in English,
    /// "a, b et c" in French. One item is itself; no items give "".
    public func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return items[0] + listPatterns.pair + items[1]
        default:
            return items.dropLast().joined(separator: listPatterns.middle) + listPatterns.end + items[items.count - 1]
        }
    }

    /// Items that are each a sentence (quick wins, steps), written one after the other: each
    /// gets a full stop unless it already ends with `.` `!` `?` or `…`, so that two of them
    /// never run together ("…your next endpoint. Use ChatGPT…").
    public func sentences(_ items: [String]) -> String {
        items.map { item in
            let trimmed = item.trimmingTrailingSpaces()
            guard let last = trimmed.unicodeScalars.last, !Self.endsSentence(last) else { return trimmed }
            return trimmed + "."
        }.joined(separator: " ")
    }

    /// Whether `scalar` ends a sentence already. Looked at as the text's last scalar, not its
    /// last `Character`: finding where the last grapheme starts took Unicode property lookups on
    /// every role page (FAQ answers quote its quick wins), and a mark combined onto the
    /// punctuation makes it no longer the plain mark either way.
    private static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", "…": true
        default: false
        }
    }

    /// `text` spaced by the language's typography, for plain text before it is HTML-escaped.
    /// English text comes back unchanged. French gets a narrow no-break space (U+202F) before
    /// `;` `!` `?` and `»` and after `«`, and a no-break space (U+00A0) before `:` and between a
    /// number and `%` `‰` `€` `$` `£` — replacing an ordinary space that is already there,
    /// inserting one after a word or number. URLs, e-mail
    /// addresses, times like 10:30 and punctuation inside a word ("a:b") are left alone, and
    /// "?!" is one group: the space goes before the `?` only.
    public func typography(text: String) -> String {
        typographyStyle.apply(to: text, format: .plainText)
    }

    /// The same spacing for an HTML fragment such as cmark-gfm's output: only text between tags
    /// changes — never tag names, attributes, comments, character references like `&amp;`, or
    /// anything inside `<code>`, `<pre>`, `<kbd>`, `<samp>`, `<script>` or `<style>`.
    public func typography(html: String) -> String {
        typographyStyle.apply(to: html, format: .html)
    }
}

extension String {
    /// Scalar by scalar from the end (no grapheme breaking), and the string itself when nothing
    /// trails it.
    fileprivate func trimmingTrailingSpaces() -> String {
        // Most texts end with a letter or a mark: no space to trim, without a Unicode
        // property lookup (every role page quotes two quick wins).
        if let last = utf8.last, last > 0x20, last < 0x80 { return self }
        let scalars = unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return end == scalars.endIndex ? self : String(scalars[..<end])
    }
}
