import Diagnostics

/// A value found in a file, handed to the readers of its kind.
///
/// Its path from the top of the file (`impactYears.to`, `roadmap[1].steps`), the name messages
/// use so that a sentence makes sense on its own, is not carried along: `FileCheck.path(to:)`
/// finds it from where the value starts, only when a message asks for it. Carrying each
/// value's parent and key (and putting a list's path together for its elements) made every
/// field several words to copy and destroy, for the few values that have a problem.
struct JSONField {
    var value: JSONValue

    /// How many elements the value has if it is an array (0 otherwise): room for what a reader
    /// of its elements keeps, set aside before reading them.
    var elementCount: Int {
        if case .array(let elements) = value.content { elements.count } else { 0 }
    }
}

/// One member of an object read as a map (locale → text, task id → text): keys are data, not
/// field names, so the caller decides which are allowed. The parsed member itself: a map is its
/// object's members as they are, not a copy of each.
typealias MapEntry = JSONObject.Member

extension JSONObject.Member {
    /// The member's value, for the readers of its kind.
    var field: JSONField { JSONField(value: value) }
}

/// An object read strictly: creating it reports every key not in its field list (with a
/// did-you-mean); `required` reports an absent key at the object's opening brace.
struct ObjectReader {
    let check: FileCheck
    let object: JSONObject
    let field: JSONField
    /// The fields that an unknown key's did-you-mean names (`riskScroe` → `riskScore`): such a
    /// field is not reported missing as well, since that error would only repeat the typo.
    private let suggested: Set<String>

    init(check: FileCheck, object: JSONObject, field: JSONField, fields: [String]) {
        self.check = check
        self.object = object
        self.field = field
        var suggested: Set<String> = []
        // An unknown field is an error, which trusted bytes do not have.
        // Files usually write their keys in the order of `fields`: each is looked for first
        // where the one before it was found (comparing names that differ cost more than the
        // rest of the check).
        var next = fields.startIndex
        func isKnown(_ key: String) -> Bool {
            if next < fields.endIndex, fields[next] == key {
                next += 1
                return true
            }
            guard let index = fields.firstIndex(of: key) else { return false }
            next = index + 1
            return true
        }
        for member in object.members where !check.isTrusted && !isKnown(member.key) {
            let suggestion = closestMatch(to: member.key, among: fields.filter { $0 != "$schema" })
            check.report(.unknownField(name: member.key, suggestion: suggestion), at: member.keyOffset)
            if let suggestion { suggested.insert(suggestion) }
        }
        self.suggested = suggested
    }

    func optional(_ key: String) -> JSONField? {
        guard let index = object.index(of: key, likely: check.nextMember) else { return nil }
        check.nextMember = index + 1
        return JSONField(value: object.members[index].value)
    }

    func required(_ key: String) -> JSONField? {
        guard let found = optional(key) else {
            if !suggested.contains(key) {
                check.report(.missingField(path: check.path(to: field, then: key)), at: field.value.offset)
            }
            return nil
        }
        return found
    }
}

/// Typed reading of values. Each reader reports what is wrong at the value's position and
/// returns nil, so callers simply skip what could not be read and carry on: every problem of a
/// file is reported in one run.
extension FileCheck {
    /// The top-level object of the file, or nil when the file is not JSON or not an object.
    func root(fields: [String]) -> ObjectReader? {
        parseJSON().flatMap { object(JSONField(value: $0), fields: fields) }
    }

    func object(_ field: JSONField, fields: [String]) -> ObjectReader? {
        guard case .object(let object) = field.value.content else {
            return mismatch(field, expected: "an object")
        }
        return ObjectReader(check: self, object: object, field: field, fields: fields)
    }

    /// An object whose keys are data; each entry's path is `field.key`.
    func map(_ field: JSONField) -> [MapEntry]? {
        guard case .object(let object) = field.value.content else {
            return mismatch(field, expected: "an object")
        }
        return object.members
    }

    /// The elements of an array, with paths `field[0]`, `field[1]`, ….
    func array(_ field: JSONField) -> [JSONField]? {
        guard case .array(let elements) = field.value.content else {
            return mismatch(field, expected: "an array")
        }
        return elements.map(JSONField.init(value:))
    }

    /// The elements of an array read by `read`, leaving out those it could not read (it reports
    /// why); with `nonEmpty`, an empty array is reported. Read straight from the array into room
    /// for all of them: making the elements fields first, then `compactMap` growing the list by
    /// doubling, cost more than reading a role's short lists.
    func list<Value>(_ field: JSONField, nonEmpty: Bool = false, _ read: (JSONField) -> Value?) -> [Value]? {
        guard case .array(let elements) = field.value.content else {
            return mismatch(field, expected: "an array")
        }
        if nonEmpty, elements.isEmpty { report(.emptyList(path: path(to: field)), at: field.value.offset) }
        var values: [Value] = []
        values.reserveCapacity(elements.count)
        for element in elements {
            if let value = read(JSONField(value: element)) { values.append(value) }
        }
        return values
    }

    func string(_ field: JSONField) -> String? {
        guard case .string(let text) = field.value.content else {
            return mismatch(field, expected: "a string")
        }
        return text
    }

    func strings(_ field: JSONField) -> [String]? {
        list(field, string)
    }

    /// A text shown to readers. Empty or blank counts as absent: an error where a text is
    /// `required` (the default locale, list items), nil elsewhere (another locale then shows
    /// the default locale's text and counts a fallback, never an empty heading).
    func text(_ field: JSONField, required: Bool) -> String? {
        guard let text = string(field) else { return nil }
        if !isTrusted, isPlaceholder(text) { report(.placeholderText(path: path(to: field)), at: field.value.offset) }
        guard isBlank(text) else { return text }
        if required { report(.emptyText(path: path(to: field)), at: field.value.offset) }
        return nil
    }

    /// A list of texts, each required to have words.
    func texts(_ field: JSONField) -> [String]? {
        list(field) { text($0, required: true) }
    }

    func bool(_ field: JSONField) -> Bool? {
        guard case .bool(let flag) = field.value.content else {
            return mismatch(field, expected: "`true` or `false`")
        }
        return flag
    }

    /// An integer within `range` (an out-of-range value is reported and returned as nil).
    func integer(_ field: JSONField, in range: ClosedRange<Int>) -> Int? {
        guard case .integer(let number) = field.value.content else {
            return mismatch(field, expected: "an integer")
        }
        guard range.contains(number) else {
            report(.outOfRange(path: path(to: field), range: range, found: number), at: field.value.offset)
            return nil
        }
        return number
    }

    /// One of an enum's raw values, with a did-you-mean for a near miss.
    func choice<Choice: RawRepresentable & CaseIterable>(_ field: JSONField, as _: Choice.Type) -> Choice?
    where Choice.RawValue == String {
        guard let text = string(field) else { return nil }
        // Each case's raw value compared in turn: `init(rawValue:)` looked the text up through
        // the runtime's string switch, which cost more than the rest of reading a role's task.
        for choice in Choice.allCases where choice.rawValue == text { return choice }
        let choices = Choice.allCases.map(\.rawValue)
        let suggestion = closestMatch(to: text, among: choices)
        report(.invalidChoice(path: path(to: field), choices: choices, found: text, suggestion: suggestion), at: field.value.offset)
        return nil
    }

    /// An absolute http(s) URL.
    func url(_ field: JSONField) -> String? {
        guard let text = string(field) else { return nil }
        guard isAbsoluteHTTPURL(text) else {
            report(.invalidURL(path: path(to: field), found: text), at: field.value.offset)
            return nil
        }
        return text
    }

    /// A base URL (see `normalizedBaseURL`), returned ending with `/`.
    func baseURL(_ field: JSONField) -> String? {
        guard let text = string(field) else { return nil }
        switch normalizedBaseURL(text) {
        case .success(let url):
            return url
        case .failure(let problem):
            report(.invalidBaseURL(path: path(to: field), found: text, problem: problem), at: field.value.offset)
            return nil
        }
    }

    func day(_ field: JSONField) -> Day? {
        guard let text = string(field) else { return nil }
        guard let day = Day(text) else {
            report(.invalidDate(path: path(to: field), found: text), at: field.value.offset)
            return nil
        }
        return day
    }

    /// A string that must be a safe URL segment; `what` names it in the message ("task id").
    /// (`what` is put together only for a message: ids are read by the thousand.)
    func segment(_ field: JSONField, what: @autoclosure () -> String) -> String? {
        guard let text = string(field) else { return nil }
        guard isTrusted || isSafeURLSegment(text) else {
            report(.unsafeSegment(what: what(), value: text), at: field.value.offset)
            return nil
        }
        return text
    }

    /// An array of strings read by `read`, each value at most once: a repeat is reported
    /// (pointing at it, naming the first's line) and dropped.
    func uniqueList(_ field: JSONField, nonEmpty: Bool = false, read: (JSONField) -> String?) -> [String]? {
        var seen = FirstOccurrences(count: isTrusted ? 0 : field.elementCount)
        return list(field, nonEmpty: nonEmpty) { element in
            guard let value = read(element) else { return nil }
            let isNew = isTrusted || seen.insert(value, at: element.value.offset, check: self) { firstLine in
                .duplicateEntry(path: path(to: field), value: value, firstLine: firstLine)
            }
            return isNew ? value : nil
        }
    }

    /// A list of ids referring to `kind`s (`tool`, `role`): unique, safe, and each one of
    /// `known` (unless `known` is nil because the catalog itself could not be read; then
    /// reporting every reference as unknown would only bury the real problem). `unsuitable`
    /// is never suggested (a role is not suggested as related to itself).
    func references(_ field: JSONField, kind: String, known: Set<String>?, unsuitable: String? = nil) -> [String]? {
        uniqueList(field) { element in
            guard let id = segment(element, what: "\(kind) id") else { return nil }
            checkReference(id, kind: kind, known: known, unsuitable: unsuitable, at: element.value.offset)
            return id
        }
    }

    func checkReference(_ id: String, kind: String, known: Set<String>?, unsuitable: String? = nil, at offset: Int) {
        guard !isTrusted, let known, !known.contains(id) else { return }
        let suggestion = closestMatch(to: id, among: known.filter { $0 != unsuitable })
        report(.unknownName(kind: kind, name: id, suggestion: suggestion), at: offset)
    }

    private func mismatch<Nothing>(_ field: JSONField, expected: String) -> Nothing? {
        report(.wrongType(path: path(to: field), expected: expected, found: field.value.kindDescription), at: field.value.offset)
        return nil
    }
}

/// Where each id or value was first seen, so that a repeat is reported at the repeat with the
/// line of the first ("duplicate task id `x` (first defined on line 8)").
///
/// A short list (a role's tasks, its tools) is searched from end to end, which costs less than
/// hashing each value; a long one is hashed, so a list of 100,000 ids is checked in linear time.
struct FirstOccurrences {
    private static let hashingThreshold = 24
    private var values: [(value: String, offset: Int)] = []
    private var offsets: [String: Int]?

    /// Room for `count` values from the start (a list's length), so the storage never grows.
    init(count: Int = 0) {
        if count > Self.hashingThreshold {
            offsets = Dictionary(minimumCapacity: count)
        } else {
            values.reserveCapacity(count)
        }
    }

    /// True for a value not seen before; for a repeat, reports `error(firstLine)` at `offset`.
    mutating func insert(_ value: String, at offset: Int, check: FileCheck, error: (Int) -> ContentError) -> Bool {
        let first: Int?
        if offsets != nil {
            first = offsets![value]
            if first == nil { offsets![value] = offset }
        } else {
            first = values.first { $0.value == value }?.offset
            if first == nil {
                values.append((value, offset))
                if values.count > Self.hashingThreshold {
                    offsets = Dictionary(values, uniquingKeysWith: { first, _ in first })
                    values = []
                }
            }
        }
        guard let first else { return true }
        check.report(error(check.line(of: first)), at: offset)
        return false
    }
}
