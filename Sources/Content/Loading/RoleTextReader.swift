import Diagnostics
import LibC
import Localization

/// Reads a role's `<locale>.json`: the role's words in one locale.
///
/// In the default locale every field a page needs is required; in the other locales every field
/// is optional (what is missing falls back to the default locale). In every locale a text for
/// a task, skill or tool the role does not have is an error.
enum RoleTextReader {
    /// The longest meta description search engines show whole.
    static let maximumDescriptionLength = 160

    static func read(_ check: FileCheck, into text: inout RoleLocaleText, facts: RoleFacts, slug: String, locale: String, isDefaultLocale: Bool) {
        guard let root = check.root(fields: FieldNames.roleText) else { return }
        let field = isDefaultLocale ? root.required : root.optional
        let prose = Prose(check: check, rules: LocaleRules.builtIn(locale), isDefaultLocale: isDefaultLocale)

        text.title = field("title").flatMap(prose.text)
        text.titlePlural = field("titlePlural").flatMap(prose.text)
        if let descriptionField = field("description"), let description = prose.text(descriptionField) {
            text.description = description
            // A text has no more characters than UTF-8 bytes: most are counted only that cheaply.
            if !check.isTrusted, description.utf8.count > maximumDescriptionLength, description.count > maximumDescriptionLength {
                check.report(.descriptionTooLong(length: description.count, limit: maximumDescriptionLength), at: descriptionField.value.offset)
            }
        }
        let items = ItemTexts(root: root, prose: prose, slug: slug, isDefaultLocale: isDefaultLocale)
        text.taskTexts = items.read("tasks", ids: facts.taskIDs, kind: "task", missing: "a text for task")
        text.skillTexts = items.read("skills", ids: facts.skillIDs, kind: "skill", missing: "a name for skill")
        text.toolReasonTexts = items.read("toolReasons", ids: facts.toolsToLearn, kind: "tool", missing: "a reason for tool")
        text.roadmap = field("roadmap").flatMap { readRoadmap($0, prose: prose) }
        text.quickWins = field("quickWins").flatMap { check.list($0, prose.listText) }
        text.faq = root.optional("faq").flatMap { readFAQ($0, prose: prose) }
    }

    private static func readRoadmap(_ field: JSONField, prose: Prose) -> [RoadmapPhase]? {
        let check = prose.check
        return check.list(field) { element in
            guard let phase = check.object(element, fields: FieldNames.roadmapPhase) else { return nil }
            let title = phase.required("title").flatMap(prose.listText)
            let timeframe = phase.required("timeframe").flatMap(prose.listText)
            let summary = phase.optional("summary").flatMap(prose.listText)
            let steps = phase.required("steps").flatMap { check.list($0, nonEmpty: true, prose.listText) }
            guard let title, let timeframe, let steps else { return nil }
            return RoadmapPhase(title: title, timeframe: timeframe, summary: summary, steps: steps)
        }
    }

    private static func readFAQ(_ field: JSONField, prose: Prose) -> [FAQEntry]? {
        let check = prose.check
        return check.list(field) { element in
            guard let entry = check.object(element, fields: FieldNames.faqEntry) else { return nil }
            let question = entry.required("question").flatMap(prose.listText)
            let answer = entry.required("answer").flatMap(prose.listText)
            guard let question, let answer else { return nil }
            return FAQEntry(question: question, answer: answer)
        }
    }
}

/// The id-keyed maps of a role text (`tasks`, `skills`, `toolReasons`): each key must be an id
/// of the role; in the default locale every id of the role needs a text.
private struct ItemTexts {
    let root: ObjectReader
    let prose: Prose
    let slug: String
    let isDefaultLocale: Bool

    /// The texts in the order of `ids` (see `RoleLocaleText.taskTexts`); `ids` is nil when
    /// `role.json` could not be read: then keys cannot be checked, and no text is kept (the
    /// role has no page).
    func read(_ key: String, ids: [String]?, kind: String, missing: String) -> [String?] {
        let check = root.check
        let needsTexts = isDefaultLocale && ids?.isEmpty == false
        guard let field = needsTexts ? root.required(key) : root.optional(key), let entries = check.map(field) else { return [] }
        // Texts are usually written in the order of the role's ids: then each one's place is
        // found walking both lists, every key is known (and with as many keys as ids, none is
        // missing), without a table of them.
        let inOrder = ids.map { Self.keys(of: entries, inOrderOf: $0) } ?? false
        var texts = [String?](repeating: nil, count: ids?.count ?? 0)
        if let ids, inOrder {
            var next = ids.startIndex
            for entry in entries {
                while ids[next] != entry.key { next += 1 }
                texts[next] = prose.text(entry.field)
                next += 1
            }
        } else {
            // A table: a role usually has a few dozen ids, but one with 100,000 tasks must
            // still load in linear time. (The first place of an id written twice, an error.)
            let places = ids.map { ids in Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }) }
            for entry in entries {
                let text = prose.text(entry.field)
                guard let places, let ids else { continue }
                if let place = places[entry.key] {
                    texts[place] = text
                } else if !check.isTrusted {
                    // Trusted bytes have no unknown key: nothing to look for.
                    let suggestion = closestMatch(to: entry.key, among: ids)
                    check.report(.textForUnknownItem(kind: kind, id: entry.key, role: slug, suggestion: suggestion), at: entry.keyOffset)
                }
            }
        }
        if isDefaultLocale, !check.isTrusted, let ids, !(inOrder && entries.count == ids.count) {
            let written = Set(entries.map(\.key))
            for id in ids where !written.contains(id) {
                check.report(.missingItemText(kind: missing, id: id), at: field.value.offset)
            }
        }
        return texts
    }

    /// Whether the entries' keys are some of `ids`, in the same order (keys are unique).
    private static func keys(of entries: [MapEntry], inOrderOf ids: [String]) -> Bool {
        var next = ids.startIndex
        for entry in entries {
            while next < ids.endIndex, ids[next] != entry.key { next += 1 }
            guard next < ids.endIndex else { return false }
            next += 1
        }
        return true
    }
}

/// Reads the strings of a role text that pages show as prose, warning about a range of numbers
/// typed with a hyphen ("5-7 years"): pages write ranges in the locale's range format.
///
/// A class: it is handed to every field's reader, and copying its locale rules each time cost
/// more than reading the field.
private final class Prose {
    let check: FileCheck
    /// Nil for a locale rolegen has no rules for (reported elsewhere): then nothing is checked.
    let rules: LocaleRules?
    /// `rules != nil`, asked for every text: unwrapping the rules copies them.
    private let checksRanges: Bool

    /// Blank counts as absent (see `FileCheck.text`): an error in the default locale, a
    /// fallback in the others.
    let isDefaultLocale: Bool

    init(check: FileCheck, rules: LocaleRules?, isDefaultLocale: Bool) {
        self.check = check
        self.rules = rules
        checksRanges = rules != nil
        self.isDefaultLocale = isDefaultLocale
    }

    /// A field's or an item's text.
    func text(_ field: JSONField) -> String? {
        checked(field, required: isDefaultLocale)
    }

    /// A text inside a list (a quick win, a roadmap step, an FAQ entry): never blank.
    func listText(_ field: JSONField) -> String? {
        checked(field, required: true)
    }

    private func checked(_ field: JSONField, required: Bool) -> String? {
        guard let text = check.text(field, required: required) else { return nil }
        if checksRanges, !check.isTrusted, let range = Self.firstHyphenatedRange(in: text), let rules {
            check.report(.rangeWithHyphen(written: range.written, localeFormat: rules.yearRange(from: range.from, to: range.to)),
                         at: field.value.offset)
        }
        return text
    }

    /// The first "5-7" in `text`: one to three digits, a hyphen, one to three digits, with no
    /// digit, letter or hyphen on either side (so dates like 2026-10-01, "COVID-19" and
    /// "555-1234" are not ranges).
    static func firstHyphenatedRange(in text: String) -> (written: String, from: Int, to: Int)? {
        // Every text of every role passes here and almost none holds "digit-digit": that is
        // looked for in the bytes first, and only a text that has it is split into characters.
        guard mayHoldRange(text) else { return nil }
        let characters = Array(text)
        func isDigit(_ index: Int) -> Bool { index >= 0 && index < characters.count && characters[index].isASCII && characters[index].isNumber }
        func isWordOrHyphen(_ index: Int) -> Bool {
            index >= 0 && index < characters.count && (characters[index].isLetter || characters[index].isNumber || characters[index] == "-")
        }
        var index = 0
        while index < characters.count {
            guard isDigit(index), !isWordOrHyphen(index - 1) else { index += 1; continue }
            var end = index
            while isDigit(end) { end += 1 }
            let fromDigits = end - index
            if fromDigits <= 3, end < characters.count, characters[end] == "-", isDigit(end + 1) {
                var toEnd = end + 1
                while isDigit(toEnd) { toEnd += 1 }
                if toEnd - end - 1 <= 3, !isWordOrHyphen(toEnd),
                   let from = Int(String(characters[index..<end])), let to = Int(String(characters[(end + 1)..<toEnd])) {
                    return (String(characters[index..<toEnd]), from, to)
                }
            }
            index = end
        }
        return nil
    }

    /// Whether an ASCII digit, a hyphen and an ASCII digit follow each other in `text`.
    /// Only hyphens are looked at: memchr finds each (a byte loop over every text of every role
    /// cost more than the rest of reading the text).
    private static func mayHoldRange(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let start = bytes.baseAddress, bytes.count >= 3 else { return false }
            func isDigit(_ index: Int) -> Bool { bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9") }
            var index = 1
            while index + 1 < bytes.count {
                guard let found = memchr(start + index, Int32(UInt8(ascii: "-")), bytes.count - 1 - index) else { return false }
                let hyphen = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - start
                if isDigit(hyphen - 1), isDigit(hyphen + 1) { return true }
                index = hyphen + 1
            }
            return false
        }
    }
}
