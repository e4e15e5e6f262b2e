import Diagnostics

/// Reads a role's `<locale>.json`: the role's words in one locale.
///
/// In the default locale every field a page needs is required; in the other locales every field
/// is optional (what is missing falls back to the default locale). In every locale a text for
/// a task, skill or tool the role does not have is an error.
enum RoleTextReader {
    /// The longest meta description search engines show whole.
    static let maximumDescriptionLength = 160

    static func read(_ check: FileCheck, into text: inout RoleLocaleText, facts: RoleFacts, slug: String, isDefaultLocale: Bool) {
        guard let root = check.root(fields: FieldNames.roleText) else { return }
        let field = isDefaultLocale ? root.required : root.optional

        text.title = field("title").flatMap(check.string)
        text.titlePlural = field("titlePlural").flatMap(check.string)
        if let descriptionField = field("description"), let description = check.string(descriptionField) {
            text.description = description
            if description.count > maximumDescriptionLength {
                check.report(.descriptionTooLong(length: description.count, limit: maximumDescriptionLength), at: descriptionField.value.offset)
            }
        }
        let items = ItemTexts(root: root, slug: slug, isDefaultLocale: isDefaultLocale)
        text.tasks = items.read("tasks", ids: facts.taskIDs, kind: "task", missing: "a text for task")
        text.skills = items.read("skills", ids: facts.skillIDs, kind: "skill", missing: "a name for skill")
        text.toolReasons = items.read("toolReasons", ids: facts.toolsToLearn, kind: "tool", missing: "a reason for tool")
        text.roadmap = field("roadmap").flatMap { readRoadmap($0, check: check) }
        text.quickWins = field("quickWins").flatMap(check.strings)
        text.faq = root.optional("faq").flatMap { readFAQ($0, check: check) }
    }

    private static func readRoadmap(_ field: JSONField, check: FileCheck) -> [RoadmapPhase]? {
        check.array(field)?.compactMap { element in
            guard let phase = check.object(element, fields: FieldNames.roadmapPhase) else { return nil }
            let title = phase.required("title").flatMap(check.string)
            let timeframe = phase.required("timeframe").flatMap(check.string)
            let summary = phase.optional("summary").flatMap(check.string)
            let steps = phase.required("steps").flatMap { check.nonEmptyArray($0)?.compactMap(check.string) }
            guard let title, let timeframe, let steps else { return nil }
            return RoadmapPhase(title: title, timeframe: timeframe, summary: summary, steps: steps)
        }
    }

    private static func readFAQ(_ field: JSONField, check: FileCheck) -> [FAQEntry]? {
        check.array(field)?.compactMap { element in
            guard let entry = check.object(element, fields: FieldNames.faqEntry) else { return nil }
            let question = entry.required("question").flatMap(check.string)
            let answer = entry.required("answer").flatMap(check.string)
            guard let question, let answer else { return nil }
            return FAQEntry(question: question, answer: answer)
        }
    }
}

/// The id-keyed maps of a role text (`tasks`, `skills`, `toolReasons`): each key must be an id
/// of the role; in the default locale every id of the role needs a text.
private struct ItemTexts {
    let root: ObjectReader
    let slug: String
    let isDefaultLocale: Bool

    /// `ids` is nil when `role.json` could not be read: then keys cannot be checked.
    func read(_ key: String, ids: [String]?, kind: String, missing: String) -> [String: String] {
        let check = root.check
        let needsTexts = isDefaultLocale && ids?.isEmpty == false
        guard let field = needsTexts ? root.required(key) : root.optional(key), let entries = check.map(field) else { return [:] }
        // Linear searches: a role has a few dozen ids at most, where hashing costs more.
        var texts: [String: String] = [:]
        for entry in entries {
            if let ids, !ids.contains(entry.key) {
                let suggestion = closestMatch(to: entry.key, among: ids)
                check.report(.textForUnknownItem(kind: kind, id: entry.key, role: slug, suggestion: suggestion), at: entry.keyOffset)
            }
            texts[entry.key] = check.string(entry.field)
        }
        if isDefaultLocale, let ids {
            for id in ids where !entries.contains(where: { $0.key == id }) {
                check.report(.missingItemText(kind: missing, id: id), at: field.value.offset)
            }
        }
        return texts
    }
}
