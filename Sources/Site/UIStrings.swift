import Content
import Diagnostics
import Localization
import TemplateEngine

/// The UI strings of one locale, compiled once per build: every message is parsed once,
/// messages without arguments are formatted once, and a page only formats the few that embed
/// its data (the role's title, a count, …).
///
/// A string that fell back to the default locale's table is formatted and typeset with the
/// default locale's rules: an English sentence on a French page keeps English punctuation.
struct LocaleStrings: Sendable {
    let locale: String
    let rules: LocaleRules
    let defaultRules: LocaleRules
    private struct Entry: Sendable {
        var path: [String]
        var message: Message
        /// True when the text comes from the default locale's table (a fallback).
        var isFallback: Bool
    }
    private let dynamicEntries: [Entry]
    private let messages: [String: Entry]
    private let constantTree: [String: TemplateValue]
    private let usesDefaultArguments: Bool
    /// Message syntax and argument errors. A string with a syntax error is shown as nothing,
    /// so that the pages can still be rendered and checked without an error for every use of
    /// it that would only repeat this one.
    let problems: [Diagnostic]

    /// - Parameter templateKeys: the keys templates use (`{{t.key}}`). Only these go into a
    ///   page's `t` object; the others are formatted only when Swift code asks for them.
    init(
        locale: String, entries: [String: StringEntry], ownKeys: Set<String>, templateKeys: Set<String>,
        rules: LocaleRules, defaultRules: LocaleRules
    ) {
        self.locale = locale
        self.rules = rules
        self.defaultRules = defaultRules
        var problems: [Diagnostic] = []
        var dynamic: [Entry] = []
        var all: [String: Entry] = [:]
        var tree: [String: TemplateValue] = [:]
        for key in entries.keys.sorted() {
            let entry = entries[key]!
            let message: Message
            do {
                message = try Message(parsing: entry.value)
            } catch {
                problems.append(Self.diagnostic(for: error, in: entry))
                if templateKeys.contains(key) {
                    Self.set(.string(""), at: key.split(separator: ".").map(String.init)[...], in: &tree)
                }
                continue
            }
            for name in message.argumentNames where !MessageArguments.known.contains(name) {
                let suggestion = closestMatch(to: name, among: MessageArguments.known)
                let (location, quote) = entry.position()
                problems.append(SiteError.unknownMessageArgument(key: key, name: name, suggestion: suggestion).diagnostic(at: location, quote: quote))
            }
            let item = Entry(path: key.split(separator: ".").map(String.init), message: message, isFallback: !ownKeys.contains(key))
            all[key] = item
            guard templateKeys.contains(key) else { continue }
            if message.argumentNames.isEmpty {
                let itemRules = item.isFallback ? defaultRules : rules
                let text = itemRules.typography(text: message.format([:], rules: itemRules))
                Self.set(.string(text), at: item.path[...], in: &tree)
            } else {
                dynamic.append(item)
            }
        }
        self.problems = problems
        dynamicEntries = dynamic
        messages = all
        constantTree = tree
        usesDefaultArguments = dynamic.contains { $0.isFallback }
    }

    /// A page's arguments formatted once for this locale and, when some strings fell back, for
    /// the default locale too; every string of the page is then formatted from these.
    func resolve(_ arguments: MessageArguments) -> ResolvedArguments {
        let own = arguments.values(for: rules)
        let fallback = usesDefaultArguments && defaultRules.identifier != rules.identifier ? arguments.values(for: defaultRules) : own
        return ResolvedArguments(own: own, fallback: fallback)
    }

    /// The `t` object of one page: every UI string, with the page's arguments filled in.
    func tree(_ arguments: ResolvedArguments) -> TemplateValue {
        var tree = constantTree
        for entry in dynamicEntries {
            Self.set(.string(format(entry, arguments)), at: entry.path[...], in: &tree)
        }
        return .object(tree)
    }

    /// A text from content as this locale's pages show it: typeset by the rules of the language
    /// it is written in, and with `lang` when that is not the page's.
    func shown(_ text: LocalizedText) -> ShownText {
        let isForeign = text.locale != locale
        return ShownText(
            text: (isForeign ? defaultRules : rules).typography(text: text.text),
            lang: isForeign ? .string(text.locale) : .null)
    }

    /// One UI string formatted for Swift-side use (page titles, FAQ entries, JSON-LD).
    func format(_ key: String, _ arguments: ResolvedArguments) -> String {
        guard let entry = messages[key] else { return "" }
        return format(entry, arguments)
    }

    private func format(_ entry: Entry, _ arguments: ResolvedArguments) -> String {
        let itemRules = entry.isFallback ? defaultRules : rules
        return itemRules.typography(text: entry.message.format(entry.isFallback ? arguments.fallback : arguments.own, rules: itemRules))
    }

    private static func set(_ value: TemplateValue, at path: ArraySlice<String>, in object: inout [String: TemplateValue]) {
        guard let head = path.first else { return }
        if path.count == 1 {
            object[head] = value
            return
        }
        var child: [String: TemplateValue]
        if case .object(let existing)? = object[head] { child = existing } else { child = [:] }
        object[head] = nil  // keep `child` uniquely referenced while it is mutated
        set(value, at: path.dropFirst(), in: &child)
        object[head] = .object(child)
    }

    /// A message syntax error points into the JSON string, at the character where it is.
    private static func diagnostic(for error: MessageSyntaxError, in entry: StringEntry) -> Diagnostic {
        let (location, quote) = entry.position(atUTF8Offset: error.utf8Offset)
        return SiteError.invalidUIString(error.kind).diagnostic(at: location, quote: quote)
    }
}

/// A page's message arguments, formatted for the page's locale (`own`) and for the default
/// locale (`fallback`, used by strings that fell back).
struct ResolvedArguments: Sendable {
    var own: [String: MessageArgument]
    var fallback: [String: MessageArgument]
}

/// The values a UI string may embed, by name. Computed per page; formatted per locale, so an
/// English fallback sentence gets English numbers.
struct MessageArguments: Sendable {
    /// Every argument name a UI string may use (documented in docs/localization.md).
    static let known: [String] = [
        "automatedCount", "automationPotential", "date", "languages", "moreAutomatedCount", "oversightCount",
        "riskScore", "roleCount", "safeCount", "saferPeersPercent", "salaryPremium", "sector", "sectorAverage",
        "sectorRoleCount", "siteTitle", "title", "titlePlural", "topAutomatedTasks", "topQuickWins", "verdict", "years",
    ]

    var text: [String: String] = [:]
    /// Items joined in the locale's list format ("a, b, and c"; "a, b et c").
    var lists: [String: [String]] = [:]
    var numbers: [String: Int] = [:]
    var percents: [String: Int] = [:]
    var yearRange: (from: Int, to: Int)?
    var date: (year: Int, month: Int, day: Int)?

    func values(for rules: LocaleRules) -> [String: MessageArgument] {
        var values: [String: MessageArgument] = [:]
        for (name, value) in text { values[name] = .text(value) }
        for (name, items) in lists { values[name] = .text(rules.list(items)) }
        for (name, value) in numbers { values[name] = .number(value) }
        for (name, value) in percents { values[name] = .text(rules.percent(value)) }
        if let yearRange { values["years"] = .text(rules.yearRange(from: yearRange.from, to: yearRange.to)) }
        if let date { values["date"] = .text(rules.date(year: date.year, month: date.month, day: date.day)) }
        return values
    }
}

/// A text ready for a template: typeset, with the `lang` attribute value it needs (null when it
/// is in the page's language).
struct ShownText: Sendable {
    var text: String
    var lang: TemplateValue
}
