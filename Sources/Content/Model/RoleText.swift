/// A role's text in one locale as the files say it, before fallback: what `<locale>.json`,
/// `analysis.<locale>.md`, `verdict.<locale>.md` and `article.<locale>.md` contain.
///
/// Every field is optional because a translation may cover only part of the role; in the
/// default locale the loader guarantees that every field `RoleText` requires is present.
public struct RoleLocaleText: Sendable, Equatable {
    public var title: String?
    public var titlePlural: String?
    /// The page's meta description.
    public var description: String?
    /// The text of each of the role's tasks, in the order of `Role.tasks`: nil where none is
    /// written, empty when the file has none at all. (A text for an id the role does not have is
    /// an error, and kept nowhere.)
    public var taskTexts: [String?] = []
    /// The name of each of the role's skills, in the order of `Role.skills`, as `taskTexts`.
    public var skillTexts: [String?] = []
    /// Why to learn each tool of `Role.toolsToLearn`, in its order, as `taskTexts`.
    public var toolReasonTexts: [String?] = []
    public var roadmap: [RoadmapPhase]?
    public var quickWins: [String]?
    /// Extra FAQ entries for the role page.
    public var faq: [FAQEntry]?
    /// Markdown source, BOM removed, line endings normalised to `\n`.
    public var analysisMarkdown: String?
    public var verdictMarkdown: String?
    public var articleMarkdown: String?

    public init() {}
}

/// A role's text in one locale with fallback to the default locale applied: what a page shows.
public struct RoleText: Sendable, Equatable {
    public var title: String
    public var titlePlural: String
    public var description: String
    /// The text of each of the role's tasks, in the order of `Role.tasks`.
    public internal(set) var taskTexts: [ItemText]
    /// The name of each of the role's skills, in the order of `Role.skills`.
    public internal(set) var skillTexts: [ItemText]
    /// Why to learn each tool of `Role.toolsToLearn`, in its order.
    public internal(set) var toolReasonTexts: [ItemText]
    public var roadmap: [RoadmapPhase]
    public var quickWins: [String]
    /// Empty when no locale gives extra FAQ entries.
    public var faq: [FAQEntry]
    public var analysisMarkdown: String
    public var verdictMarkdown: String
    /// Nil when the role has no deep-dive article (none in the default locale).
    public var articleMarkdown: String?

    /// The fields shown in the default locale because this locale lacks them (`title`,
    /// `tasks.crud-endpoints`, `analysis`, …): decided by the loader, so pages mark and typeset
    /// fallback text by its own language without comparing strings. Setting them sets the
    /// items' `isFallback` to match.
    public var fallbackFields: Set<String> {
        get { recordedFallbackFields }
        set {
            recordedFallbackFields = newValue
            for (group, items) in [("tasks", \RoleText.taskTexts), ("skills", \.skillTexts), ("toolReasons", \.toolReasonTexts)] {
                for index in self[keyPath: items].indices {
                    self[keyPath: items][index].isFallback = newValue.contains(group + "." + self[keyPath: items][index].id)
                }
            }
        }
    }

    /// `fallbackFields` as the loader recorded them, with the items' `isFallback` already set.
    var recordedFallbackFields: Set<String> = []

    /// Task id → text, for every task of the role that has one.
    public var tasks: [String: String] { Self.byID(taskTexts) }
    /// Skill id → name, for every skill of the role that has one.
    public var skills: [String: String] { Self.byID(skillTexts) }
    /// Tool id → reason, for every tool in `toolsToLearn` that has one.
    public var toolReasons: [String: String] { Self.byID(toolReasonTexts) }

    private static func byID(_ items: [ItemText]) -> [String: String] {
        var texts = [String: String](minimumCapacity: items.count)
        for item in items { texts[item.id] = item.text }
        return texts
    }

    /// Whether `field` (as `Fallback.field` names it) is shown in the default locale.
    public func isFallback(_ field: String) -> Bool {
        fallbackFields.contains(field)
    }
}

/// One item of a role's facts with its text in one locale (a task's text, a skill's name, a
/// tool's reason): a page shows its items in the facts' order, each with whether it fell back,
/// without looking the text up by id nor asking about its field (`tasks.<id>`) by name.
public struct ItemText: Sendable, Equatable {
    public var id: String
    /// Nil when the default locale has none either.
    public var text: String?
    /// Shown in the default locale: `tasks.<id>` (`skills.`, `toolReasons.`) is in the text's
    /// `fallbackFields`.
    public var isFallback: Bool
}

/// One phase of a role's career roadmap.
public struct RoadmapPhase: Sendable, Equatable {
    public var title: String
    /// Free text such as "0–12 months".
    public var timeframe: String
    public var summary: String?
    /// At least one step.
    public var steps: [String]

    public init(title: String, timeframe: String, summary: String?, steps: [String]) {
        self.title = title
        self.timeframe = timeframe
        self.summary = summary
        self.steps = steps
    }
}

/// A question and its answer.
public struct FAQEntry: Sendable, Equatable {
    public var question: String
    public var answer: String

    public init(question: String, answer: String) {
        self.question = question
        self.answer = answer
    }
}
