import Content
import Diagnostics
import LibC
import Localization
import TemplateEngine

/// The UI strings of one locale, compiled once per build: every message is parsed once,
/// messages without arguments are formatted once, and a page only formats the few that embed
/// its data (the role's title, a count, …).
///
/// The messages come parsed and checked from the loader (`StringEntry.message`): a string
/// whose syntax is wrong was reported there and is shown as nothing, so that the pages can
/// still be rendered and checked without an error for every use of it.
///
/// Every text is marked and typeset by the language it is written in. A string that fell back
/// to the default locale's table is formatted and typeset with the default locale's rules (an
/// English sentence on a French page keeps English punctuation) and its markup is wrapped in
/// `<span lang="en">`. A value filled into a message (`{title}`, `{sector}`…) is typeset by its
/// own language's rules, and wrapped in a `<span lang>` of its own when that language is not
/// the message's: the French "d'un(e) {title}" with an English-fallback title marks the title.
///
/// A class: every page takes its locale's strings, and a struct holding two `LocaleRules` and
/// the locale's tables would be copied, reference by reference, each time.
final class LocaleStrings: Sendable {
    let locale: String
    let rules: LocaleRules
    let defaultRules: LocaleRules
    /// The default locale's code: rules are looked up by exact code (`LocaleRules.builtIn`),
    /// so a locale's rules are identified by its code.
    var defaultLocale: String { defaultRules.identifier }
    /// A class: pages read entries by the dozen, and a reference is copied with one retain.
    private final class Entry: Sendable {
        let key: String
        let path: [String]
        /// The last of `path`, the key a page sets.
        let leaf: TemplateKey
        let message: Message
        /// `message.argumentNames` as arguments (the string tables' reader reports any other
        /// name): a page's values are looked up by these, hashed by case, not by name.
        let arguments: [UIStringArgument]
        /// True when the text comes from the default locale's table (a fallback).
        let isFallback: Bool
        /// For a message whose arguments are all texts (`{title}`, `{sector}`…, no plural):
        /// the texts it needs (`MarkedTexts.bit`s) and the message formatted and typeset once
        /// per locale with each text's marker in its place (`EmbeddedText.marker(for:)`).
        /// Typography treats a marker as a letter, so this is what every page that has those
        /// texts would compute; a page only fills the markers in. Nil for other messages.
        let marked: (mask: UInt64, message: MarkedMessage)?
        /// For the other messages (numbers, plurals, lists): each combination of the values of
        /// `message.argumentNames` met so far (`ArgumentsKey`), formatted, typeset and cut at
        /// its markers. Texts stand in them as markers, the same on every page, so what is left
        /// to vary is a few numbers, and pages share a few hundred combinations: a page whose
        /// combination was met before only fills in the markers (formatting and typesetting a
        /// FAQ answer again was thousands of instructions, ten times a page).
        let formatted = SharedMemo<ArgumentsKey, MarkedMessage>()
        /// The forms templates use it in (`t.key`, `tText.key`): a page's objects hold it
        /// only in those.
        let forms: UIStringForms.Use

        init(key: String, path: [String], message: Message, isFallback: Bool, marked: (mask: UInt64, message: MarkedMessage)?, forms: UIStringForms.Use) {
            self.key = key
            self.path = path
            leaf = TemplateKey(path[path.count - 1])
            self.message = message
            arguments = message.argumentNames.compactMap(UIStringArgument.init(rawValue:))
            self.isFallback = isFallback
            self.marked = marked
            self.forms = forms
        }
    }
    /// The messages templates use that embed a page's data, in key order, in runs that share
    /// their parent object (`hero.title`, `hero.timeline`…): a page fills each run's object
    /// once (`UIStringTrees.set(markup:text:under:)`).
    private let dynamicRuns: [(parent: [TemplateKey], entries: [Entry])]
    /// The strings Swift code formats, by key: an enum's hash is its case's number, where a
    /// key's string was hashed byte by byte, a few dozen times a page.
    private let messages: [UIStringKey: Entry]
    private let constantTree: UIStringTrees
    private let usesDefaultArguments: Bool
    /// How this locale and the default locale write numbers, ranges, dates and lists.
    private let formats: LocaleFormats
    private let defaultFormats: LocaleFormats

    /// - Parameter templateKeys: the keys templates use, in each form (`{{{t.key}}}`,
    ///   `{{tText.key}}`). Only these go into a page's `t` and `tText` objects, each only in
    ///   the forms used; the others are formatted only when Swift code asks for them.
    init(
        locale: String, entries: [String: StringEntry], ownKeys: Set<String>, templateKeys: UIStringForms,
        rules: LocaleRules, defaultRules: LocaleRules
    ) {
        self.locale = locale
        self.rules = rules
        self.defaultRules = defaultRules
        formats = LocaleFormats(rules)
        defaultFormats = LocaleFormats(defaultRules)
        var dynamic: [Entry] = []
        var all: [String: Entry] = [:]
        var tree = UIStringTrees()
        for key in entries.keys.sorted() {
            let entry = entries[key]!
            // Noncharacters are the markers of embedded values (`EmbeddedText`): never the text's own.
            guard let message = entry.message.map({ EmbeddedText.hasMarkers(entry.value) ? Self.withoutMarkers($0, entry.value) : $0 }) else {
                tree.set(UIText(html: "", text: ""), at: key.split(separator: ".").map(String.init)[...], forms: templateKeys.use(of: key))
                continue
            }
            let isFallback = !ownKeys.contains(key)
            let item = Entry(
                key: key, path: key.split(separator: ".").map(String.init), message: message, isFallback: isFallback,
                marked: Self.marked(message, rules: isFallback ? defaultRules : rules), forms: templateKeys.use(of: key))
            all[key] = item
            guard item.forms.markup || item.forms.text else { continue }
            if message.argumentNames.isEmpty {
                let shown = Self.format(item, values: [:], embedded: [], locale: locale, rules: rules, defaultRules: defaultRules)
                tree.set(shown, at: item.path[...], forms: item.forms)
            } else {
                // A placeholder, replaced on every page: its object then has room for it, so a
                // page only overwrites a value instead of growing a copy of the object.
                tree.set(UIText(html: "", text: ""), at: item.path[...], forms: item.forms)
                dynamic.append(item)
            }
        }
        var runs: [(parent: [String], entries: [Entry])] = []
        for entry in dynamic {
            let parent = Array(entry.path.dropLast())
            if runs.last?.parent == parent { runs[runs.count - 1].entries.append(entry) } else { runs.append((parent, [entry])) }
        }
        dynamicRuns = runs.map { ($0.parent.map(TemplateKey.init), $0.entries) }
        var messages: [UIStringKey: Entry] = [:]
        for key in UIStringKey.allCases { messages[key] = all[key.rawValue] }
        self.messages = messages
        constantTree = tree
        usesDefaultArguments = dynamic.contains { $0.isFallback }
    }

    /// `Entry.marked` of `message`, typeset by `rules`.
    private static func marked(_ message: Message, rules: LocaleRules) -> (mask: UInt64, message: MarkedMessage)? {
        guard message.pluralArgumentNames.isEmpty else { return nil }
        var mask: UInt64 = 0
        var values: [String: MessageArgument] = [:]
        for name in message.argumentNames {
            guard let argument = UIStringArgument(rawValue: name), MarkedTexts.index(argument) < 64 else { return nil }
            mask |= MarkedTexts.bit(argument)
            values[name] = .text(EmbeddedText.marker(for: argument))
        }
        return (mask, MarkedMessage(rules.typography(text: message.format(values, rules: rules))).escapedOnce)
    }

    private static func withoutMarkers(_ message: Message, _ source: String) -> Message {
        (try? Message(parsing: EmbeddedText.removingMarkers(from: source))) ?? message
    }

    /// A page's arguments formatted once for this locale and, when some strings fell back, for
    /// the default locale too; every string of the page is then formatted from these. Texts
    /// (`{title}`, list items) are typeset once here by their own language's rules and stand in
    /// the formatted message as markers (`EmbeddedText`), replaced when a string is shown.
    func resolve(_ arguments: MessageArguments) -> ResolvedArguments {
        // Each text has its own marker, the same on every page (`EmbeddedText.marker(for:)`),
        // so that messages of texts alone are typeset once per locale (`Entry.marked`); list
        // items follow, sorted, so their numbering is the same on every build too.
        var embedded: [EmbeddedValue] = []
        embedded.reserveCapacity(UIStringArgument.allCases.count + 8)
        embedded.append(contentsOf: MarkedTexts.noTexts)
        var texts: [UIStringArgument: String] = [:]
        texts.reserveCapacity(arguments.text.count)
        var mask: UInt64 = 0
        for (name, value) in arguments.text {
            let index = MarkedTexts.index(name)
            embedded[index] = embeddedValue(value)
            texts[name] = EmbeddedText.marker(index)
            mask |= MarkedTexts.bit(name)
        }
        // Each list's items stand in it as the markers of a run of indexes.
        var lists: [UIStringArgument: Range<Int>] = [:]
        for name in arguments.lists.keys.sorted() {
            let first = embedded.count
            for item in arguments.lists[name]! { embedded.append(embeddedValue(item)) }
            lists[name] = first..<embedded.count
        }
        let own = arguments.values(in: formats, texts: texts, lists: lists)
        let fallback = usesDefaultArguments && defaultRules.identifier != rules.identifier
            ? arguments.values(in: defaultFormats, texts: texts, lists: lists) : own
        return ResolvedArguments(own: own, fallback: fallback, embedded: embedded, markedTexts: mask)
    }

    private func embeddedValue(_ value: LocalizedText) -> EmbeddedValue {
        let text = EmbeddedText.removingMarkers(from: value.text)
        // The rules are called where they are held, not copied into a variable first (a
        // `LocaleRules` is large, and a page embeds several texts).
        let typeset =
            if value.locale == locale { rules.typography(text: text) }
            else if value.locale == defaultLocale { defaultRules.typography(text: text) }
            else { LocaleRules.builtIn(value.locale)?.typography(text: text) ?? text }
        return EmbeddedValue(text: typeset, html: HTMLEscaping.escape(typeset), locale: value.locale)
    }

    /// The `t` and `tText` objects of one page: every UI string templates use, with the page's
    /// arguments filled in. `only`: the keys the page's template can show (`StringUsage.keys`),
    /// when known; the strings with arguments that it cannot show are left empty, not formatted.
    func tree(_ arguments: ResolvedArguments, only keys: Set<String>? = nil) -> UIStringTrees {
        var tree = constantTree
        var markup: [(TemplateKey, TemplateValue)] = []
        var text: [(TemplateKey, TemplateValue)] = []
        for run in dynamicRuns {
            markup.removeAll(keepingCapacity: true)
            text.removeAll(keepingCapacity: true)
            for entry in run.entries where keys?.contains(entry.key) ?? true {
                let shown = format(entry, arguments, forms: entry.forms)
                if entry.forms.markup { markup.append((entry.leaf, .string(shown.html))) }
                if entry.forms.text { text.append((entry.leaf, .string(shown.text))) }
            }
            tree.set(markup: markup, text: text, under: run.parent[...])
        }
        return tree
    }

    /// `n` formatted for this locale (`1,234`; `1 234`).
    func number(_ n: Int) -> String {
        formats.number(n)
    }

    /// `n` percent formatted for this locale (`42%`; `42 %`).
    func percent(_ n: Int) -> String {
        formats.percent(n)
    }

    /// A text from content as this locale's pages show it: typeset by the rules of the language
    /// it is written in, and with `lang` when that is not the page's.
    func shown(_ text: LocalizedText) -> ShownText {
        let isForeign = text.locale != locale
        return ShownText(
            text: (isForeign ? defaultRules : rules).typography(text: text.text),
            lang: isForeign ? .string(text.locale) : .null)
    }

    /// One UI string formatted for Swift-side use (page titles, FAQ entries, JSON-LD): `html`
    /// for element content, `text` where markup cannot go. Every key is in the table: the
    /// default table is checked to define each `UIStringKey`.
    func format(_ key: UIStringKey, _ arguments: ResolvedArguments) -> UIText {
        guard let entry = messages[key] else { return UIText(html: "", text: "") }
        return format(entry, arguments)
    }

    /// `forms`: the forms the caller uses; the other is left empty.
    private func format(_ entry: Entry, _ arguments: ResolvedArguments, forms: UIStringForms.Use = .both) -> UIText {
        if let marked = entry.marked, marked.mask & arguments.markedTexts == marked.mask {
            let language = entry.isFallback ? defaultRules.identifier : rules.identifier
            return marked.message.shown(language: language, pageLocale: locale, embedded: arguments.embedded, forms: forms)
        }
        let values = entry.isFallback ? arguments.fallback : arguments.own
        let itemRules = entry.isFallback ? defaultRules : rules
        let message = entry.formatted.value(for: ArgumentsKey(entry.arguments, in: values)) {
            // By name, as messages name their arguments: only for a combination not met before.
            var named = [String: MessageArgument](minimumCapacity: entry.arguments.count)
            for argument in entry.arguments { named[argument.rawValue] = values[argument] }
            return MarkedMessage(itemRules.typography(text: entry.message.format(named, rules: itemRules))).escapedOnce
        }
        return message.shown(language: itemRules.identifier, pageLocale: locale, embedded: arguments.embedded, forms: forms)
    }

    private static func format(
        _ entry: Entry, values: [String: MessageArgument], embedded: [EmbeddedValue],
        locale: String, rules: LocaleRules, defaultRules: LocaleRules
    ) -> UIText {
        let itemRules = entry.isFallback ? defaultRules : rules
        let typeset = itemRules.typography(text: entry.message.format(values, rules: itemRules))
        return EmbeddedText.shown(typeset, language: itemRules.identifier, pageLocale: locale, embedded: embedded)
    }
}

/// The values of some of a message's arguments, as bytes: each a tag (missing, number, text),
/// then the number's eight bytes or the text's length and UTF-8. Compared and hashed as bytes:
/// as `[MessageArgument?]`, the markers in the texts (noncharacters, not ASCII) sent every
/// comparison through `String`'s Unicode-aware path.
struct ArgumentsKey: Hashable, Sendable {
    private var bytes: [UInt8] = []

    init(_ names: [UIStringArgument], in values: [UIStringArgument: MessageArgument]) {
        for name in names {
            switch values[name] {
            case nil:
                bytes.append(0)
            case .number(let n):
                bytes.append(1)
                withUnsafeBytes(of: n.littleEndian) { bytes.append(contentsOf: $0) }
            case .text(let text):
                bytes.append(2)
                withUnsafeBytes(of: UInt32(truncatingIfNeeded: text.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
                bytes.append(contentsOf: text.utf8)
            }
        }
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (a: ArgumentsKey, b: ArgumentsKey) -> Bool {
        guard a.bytes.count == b.bytes.count else { return false }
        guard !a.bytes.isEmpty else { return true }
        return a.bytes.withUnsafeBytes { a in b.bytes.withUnsafeBytes { b in memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
    }
}

/// A UI string as a page shows it, in the two forms a template needs.
struct UIText: Sendable, Equatable {
    /// For element content (`{{{t.key}}}`): HTML-escaped, with `<span lang>` around the parts
    /// that are not in the page's language.
    var html: String
    /// For attributes, `<title>`, meta tags and JSON-LD (`{{tText.key}}`, escaped by the
    /// template): the typeset text, without markup. An attribute cannot hold a `<span>`, so a
    /// fallback there is read in the language of its element (the page's).
    var text: String
}

extension UIText {
    /// A text from content, already typeset, written in `language`, on a page in `pageLocale`.
    init(content: String, language: String, pageLocale: String) {
        self = EmbeddedText.shown(EmbeddedText.removingMarkers(from: content), language: language, pageLocale: pageLocale, embedded: [])
    }
}

/// A page's UI strings: `html` becomes the template's `t` object, `text` its `tText`.
struct UIStringTrees: Sendable {
    var html: TemplateObject = [:]
    var text: TemplateObject = [:]

    mutating func set(_ value: UIText, at path: ArraySlice<String>, forms: UIStringForms.Use = .both) {
        if forms.markup { Self.set(.string(value.html), at: path, in: &html) }
        if forms.text { Self.set(.string(value.text), at: path, in: &text) }
    }

    /// Sets `markup`'s leaves in `html`'s object at `path` and `text`'s in `text`'s; each
    /// object is looked up and copied once for all of them (it is shared with the locale's
    /// constant tree), and not at all when it gets none.
    mutating func set(markup: [(TemplateKey, TemplateValue)], text plain: [(TemplateKey, TemplateValue)], under path: ArraySlice<TemplateKey>) {
        if !markup.isEmpty { Self.set(markup, under: path, in: &html) }
        if !plain.isEmpty { Self.set(plain, under: path, in: &text) }
    }

    private static func set(_ leaves: [(TemplateKey, TemplateValue)], under path: ArraySlice<TemplateKey>, in object: inout TemplateObject) {
        guard let head = path.first else {
            for (key, value) in leaves { object[key] = value }
            return
        }
        object.updateObject(at: head) { set(leaves, under: path.dropFirst(), in: &$0) }
    }

    private static func set(_ value: TemplateValue, at path: ArraySlice<String>, in object: inout TemplateObject) {
        guard let head = path.first else { return }
        if path.count == 1 {
            object[head] = value
            return
        }
        object.updateObject(at: head) { set(value, at: path.dropFirst(), in: &$0) }
    }
}

/// A text filled into a message, typeset by its own language, in both forms.
struct EmbeddedValue: Sendable {
    var text: String
    var html: String
    var locale: String
}

/// Texts filled into a message stand in the formatted message as markers until it is shown:
/// the message is then typeset as a whole by its own rules (so French spacing before a `?`
/// that follows `{title}` is still right), and each marker is replaced by its value, typeset
/// by the value's language and marked with it when that is not the message's.
///
/// A marker is U+FDD0, the value's index as hexadecimal digits written U+FDE0…U+FDEF, and
/// U+FDD1: Unicode noncharacters, reserved for a program's internal use, which typography
/// leaves alone as it would a letter. They are removed from messages and values beforehand.
enum EmbeddedText {
    private static let start = Unicode.Scalar(0xFDD0 as UInt32)!
    private static let end = Unicode.Scalar(0xFDD1 as UInt32)!
    private static let zeroDigit: UInt32 = 0xFDE0

    /// The marker of a text argument, the same on every page (`MarkedTexts`).
    static func marker(for argument: UIStringArgument) -> String {
        marker(MarkedTexts.index(argument))
    }

    /// Every page has a few dozen markers, the same ones: the first 64 are made once.
    private static let firstMarkers = (0..<64).map(makeMarker)

    static func marker(_ index: Int) -> String {
        index < firstMarkers.count ? firstMarkers[index] : makeMarker(index)
    }

    private static func makeMarker(_ index: Int) -> String {
        var marker = String(start)
        for digit in String(index, radix: 16).unicodeScalars {
            let value = UInt32(Int(String(digit), radix: 16)!)
            marker.unicodeScalars.append(Unicode.Scalar(zeroDigit + value)!)
        }
        marker.unicodeScalars.append(end)
        return marker
    }

    static func hasMarkers(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var position = 0
            while let found = nextReserved(in: bytes, from: position) {
                if (0x90...0xAF).contains(found.scalar) { return true }  // U+FDD0…U+FDEF
                position = found.offset + 3
            }
            return false
        }
    }

    static func removingMarkers(from text: String) -> String {
        guard hasMarkers(text) else { return text }
        var cleaned = ""
        cleaned.unicodeScalars.append(contentsOf: text.unicodeScalars.filter { !isReserved($0) })
        return cleaned
    }

    private static func isReserved(_ scalar: Unicode.Scalar) -> Bool {
        (0xFDD0...0xFDEF).contains(scalar.value)
    }

    /// The next scalar U+FDC0…U+FDFF from `offset` on: in UTF-8 `EF B7 xx` (`EF` only ever
    /// leads a scalar, so a scan for it cannot start inside another). `scalar` is its last
    /// byte: `90` for U+FDD0, `91` for U+FDD1, `A0`…`AF` for the digits U+FDE0…U+FDEF.
    static func nextReserved(in bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> (offset: Int, scalar: UInt8)? {
        // Each 0xEF found with memchr, which passes over the text many bytes at a time: the
        // texts embedded in a page's messages (its verdict, its quick wins) are looked through
        // for markers on every page, and hardly any byte of them is one.
        guard let base = bytes.baseAddress else { return nil }
        var position = offset
        while position + 2 < bytes.count, let found = memchr(base + position, 0xEF, bytes.count - 2 - position) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if bytes[index + 1] == 0xB7 { return (index, bytes[index + 2]) }
            position = index + 1
        }
        return nil
    }

    /// `typeset`, written in `language`, as a page in `pageLocale` shows it.
    static func shown(_ typeset: String, language: String, pageLocale: String, embedded: [EmbeddedValue]) -> UIText {
        MarkedMessage(typeset).shown(language: language, pageLocale: pageLocale, embedded: embedded)
    }
}

/// A typeset message cut at its markers (`EmbeddedText`): the text between them in both forms,
/// and the index each marker stands for. Cut once per locale for the messages of texts alone
/// (`LocaleStrings.Entry.marked`); a page then only joins the pieces with its values.
struct MarkedMessage: Sendable {
    /// The text before, between and after the markers: one more than `indexes`.
    private var literals: [String] = []
    /// `literals`, HTML-escaped.
    private var escapedLiterals: [String] = []
    private var indexes: [Int] = []

    /// Cut in the message's UTF-8 bytes: a marker's scalars are `EF B7 xx` there
    /// (`EmbeddedText.nextReserved`). The text of a marker left open at the end is dropped.
    init(_ typeset: String) {
        var typeset = typeset
        typeset.withUTF8 { bytes in
            // Where the literal being read started; nil inside a marker.
            var literalStart: Int? = 0
            var index = 0
            var position = 0
            while let found = EmbeddedText.nextReserved(in: bytes, from: position) {
                position = found.offset + 3
                switch found.scalar {
                case 0x90:  // U+FDD0, a marker starts
                    if let from = literalStart { append(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<found.offset]), as: UTF8.self)) }
                    literalStart = nil
                    index = 0
                case 0x91 where literalStart == nil:  // U+FDD1, the marker ends
                    literalStart = position
                    indexes.append(index)
                case 0xA0...0xAF where literalStart == nil:  // U+FDE0…U+FDEF, a digit
                    index = index * 16 + Int(found.scalar - 0xA0)
                default:
                    break
                }
            }
            append(literalStart.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0...]), as: UTF8.self) } ?? "")
        }
    }

    /// Adds `literal` to the one being read (two markers may have only an unclosed one
    /// between them) or starts the next one after a marker.
    private mutating func append(_ literal: String) {
        if literals.count > indexes.count {
            literals[literals.count - 1] += literal
        } else {
            literals.append(literal)
        }
        escapedLiterals = []
    }

    /// As a page in `pageLocale` shows the message, written in `language`, with `embedded`'s
    /// values for its markers (an index beyond them shows nothing). Only `forms` are put
    /// together, the other left empty: a page's `t` object holds most strings as markup only.
    func shown(language: String, pageLocale: String, embedded: [EmbeddedValue], forms: UIStringForms.Use = .both) -> UIText {
        let escaped = !forms.markup || !escapedLiterals.isEmpty ? escapedLiterals : literals.map(HTMLEscaping.escape)
        guard !indexes.isEmpty else {
            return Self.marked(text: forms.text ? literals[0] : "", html: forms.markup ? escaped[0] : "", language: language, pageLocale: pageLocale)
        }
        // Each form made at once from its pieces' bytes, sized first (`copyUTF8`): appended
        // piece by piece, a string checked where each piece joins, and these are tens of
        // thousands of messages a build.
        var text = ""
        if forms.text {
            var count = 0
            for literal in literals { count += literal.utf8.count }
            for index in indexes where index < embedded.count { count += embedded[index].text.utf8.count }
            text = String(unsafeUninitializedCapacity: count) { buffer in
                let bytes = UnsafeMutableRawBufferPointer(buffer)
                var end = literals[0].copyUTF8(into: bytes, at: 0)
                for (position, index) in indexes.enumerated() {
                    if index < embedded.count { end = embedded[index].text.copyUTF8(into: bytes, at: end) }
                    end = literals[position + 1].copyUTF8(into: bytes, at: end)
                }
                return end
            }
        }
        var html = ""
        if forms.markup {
            // A value in another language than the message's is marked with it: `<span lang="…">…</span>`.
            let (open, openEnd, close) = (#"<span lang=""#, #"">"#, "</span>")
            let marking = open.utf8.count + openEnd.utf8.count + close.utf8.count
            var count = 0
            for literal in escaped { count += literal.utf8.count }
            for index in indexes where index < embedded.count {
                count += embedded[index].html.utf8.count + (embedded[index].locale == language ? 0 : marking + embedded[index].locale.utf8.count)
            }
            html = String(unsafeUninitializedCapacity: count) { buffer in
                let bytes = UnsafeMutableRawBufferPointer(buffer)
                var end = escaped[0].copyUTF8(into: bytes, at: 0)
                for (position, index) in indexes.enumerated() {
                    if index < embedded.count {
                        if embedded[index].locale == language {
                            end = embedded[index].html.copyUTF8(into: bytes, at: end)
                        } else {
                            end = open.copyUTF8(into: bytes, at: end)
                            end = embedded[index].locale.copyUTF8(into: bytes, at: end)
                            end = openEnd.copyUTF8(into: bytes, at: end)
                            end = embedded[index].html.copyUTF8(into: bytes, at: end)
                            end = close.copyUTF8(into: bytes, at: end)
                        }
                    }
                    end = escaped[position + 1].copyUTF8(into: bytes, at: end)
                }
                return end
            }
        }
        return Self.marked(text: text, html: html, language: language, pageLocale: pageLocale)
    }

    /// The message's two forms, its markup marked with its language when that is not the page's.
    private static func marked(text: String, html: String, language: String, pageLocale: String) -> UIText {
        UIText(html: language != pageLocale && !html.isEmpty ? #"<span lang="\#(language)">\#(html)</span>"# : html, text: text)
    }

    /// This message with its literals escaped once, for a message shown on many pages.
    var escapedOnce: MarkedMessage {
        var message = self
        message.escapedLiterals = literals.map(HTMLEscaping.escape)
        return message
    }
}

/// A page's message arguments, formatted for the page's locale (`own`) and for the default
/// locale (`fallback`, used by strings that fell back).
struct ResolvedArguments: Sendable {
    /// By argument, hashed by case: every message with numbers, plurals or lists looks its
    /// arguments up here on every page.
    var own: [UIStringArgument: MessageArgument]
    var fallback: [UIStringArgument: MessageArgument]
    /// The texts the markers in `own` and `fallback` stand for (`EmbeddedText`).
    var embedded: [EmbeddedValue]
    /// Which texts (`MessageArguments.text`) the page has, as `MarkedTexts.bit`s.
    var markedTexts: UInt64 = 0
}

/// The texts a message embeds, numbered by their place in `UIStringArgument.allCases`: a text's
/// marker is the same on every page, and a set of texts fits in a bit mask.
enum MarkedTexts {
    /// A page's `ResolvedArguments.embedded` before its texts are put in their places.
    static let noTexts = [EmbeddedValue](repeating: EmbeddedValue(text: "", html: "", locale: ""), count: UIStringArgument.allCases.count)

    static func index(_ argument: UIStringArgument) -> Int {
        UIStringArgument.allCases.firstIndex(of: argument)!
    }

    /// Zero for a text past the 64th (`<<` shifts it out), whose messages are not typeset once.
    static func bit(_ argument: UIStringArgument) -> UInt64 {
        1 << UInt64(index(argument))
    }
}

/// The values a UI string may embed, by name. Computed per page; formatted per locale, so an
/// English fallback sentence gets English numbers.
struct MessageArguments: Sendable {
    /// Texts, each with the language it is written in (a fallback title is in the default
    /// locale's), which decides its typography and whether it is marked with `lang`.
    var text: [UIStringArgument: LocalizedText] = [:]
    /// Items joined in the locale's list format ("a, b, and c"; "a, b et c"), each in its own
    /// language.
    var lists: [UIStringArgument: [LocalizedText]] = [:]
    var numbers: [UIStringArgument: Int] = [:]
    var percents: [UIStringArgument: Int] = [:]
    /// `{years}`.
    var yearRange: (from: Int, to: Int)?
    /// `{date}`.
    var date: (year: Int, month: Int, day: Int)?

    /// The values as `formats`' locale writes them, with texts given as their markers, and
    /// lists as the markers of their items' indexes (`EmbeddedText`).
    func values(in formats: LocaleFormats, texts: [UIStringArgument: String], lists: [UIStringArgument: Range<Int>]) -> [UIStringArgument: MessageArgument] {
        var values: [UIStringArgument: MessageArgument] = [:]
        values.reserveCapacity(texts.count + lists.count + numbers.count + percents.count + 2)
        for (name, value) in texts { values[name] = .text(value) }
        for (name, markers) in lists { values[name] = .text(formats.list(markers: markers)) }
        for (name, value) in numbers { values[name] = .number(value) }
        for (name, value) in percents { values[name] = .text(formats.percent(value)) }
        if let yearRange { values[.years] = .text(formats.yearRange(from: yearRange.from, to: yearRange.to)) }
        if let date { values[.date] = .text(formats.date(year: date.year, month: date.month, day: date.day)) }
        return values
    }
}

/// A text ready for a template: typeset, with the `lang` attribute value it needs (null when it
/// is in the page's language).
struct ShownText: Sendable {
    var text: String
    var lang: TemplateValue
}

/// One locale's numbers, percentages, year ranges, dates and lists as its pages show them.
/// The numbers and percentages from 0 to 100 (scores, shares, list positions: dozens a page)
/// are formatted once; the others when asked for, and year ranges, dates and lists of markers
/// (`EmbeddedText`) once each as met: every role page has one of each, from a few dozen
/// values, and formatting one by its pattern built a table of arguments every time.
struct LocaleFormats: Sendable {
    private let rules: LocaleRules
    private let numbers: [String]
    private let percents: [String]
    private let yearRanges = SharedMemo<Int, String>()
    private let dates = SharedMemo<Int, String>()
    private let lists = SharedMemo<Range<Int>, String>()

    init(_ rules: LocaleRules) {
        self.rules = rules
        numbers = (0...100).map(rules.number)
        percents = (0...100).map(rules.percent)
    }

    func number(_ n: Int) -> String {
        numbers.indices.contains(n) ? numbers[n] : rules.number(n)
    }

    func percent(_ n: Int) -> String {
        percents.indices.contains(n) ? percents[n] : rules.percent(n)
    }

    /// `LocaleRules.yearRange`; years beyond 0…9,999 are formatted each time.
    func yearRange(from: Int, to: Int) -> String {
        guard (0..<10_000).contains(from), (0..<10_000).contains(to) else { return rules.yearRange(from: from, to: to) }
        return yearRanges.value(for: from * 10_000 + to) { rules.yearRange(from: from, to: to) }
    }

    /// `LocaleRules.date`; a year beyond 0…9,999 (or a day or month beyond 0…99) is formatted each time.
    func date(year: Int, month: Int, day: Int) -> String {
        guard (0..<10_000).contains(year), (0..<100).contains(month), (0..<100).contains(day) else {
            return rules.date(year: year, month: month, day: day)
        }
        return dates.value(for: (year * 100 + month) * 100 + day) { rules.date(year: year, month: month, day: day) }
    }

    /// `LocaleRules.list` of the markers of `markers` (`EmbeddedText.marker`): a page's list
    /// is one of a few.
    func list(markers: Range<Int>) -> String {
        lists.value(for: markers) { rules.list(markers.map(EmbeddedText.marker)) }
    }
}
