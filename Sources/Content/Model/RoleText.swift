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
    /// Task id → text. Only ids of the role's tasks.
    public var tasks: [String: String] = [:]
    /// Skill id → name. Only ids of the role's skills.
    public var skills: [String: String] = [:]
    /// Tool id (from `toolsToLearn`) → why to learn it.
    public var toolReasons: [String: String] = [:]
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
    /// Task id → text, for every task of the role.
    public var tasks: [String: String]
    /// Skill id → name, for every skill of the role.
    public var skills: [String: String]
    /// Tool id → reason, for every tool in `toolsToLearn`.
    public var toolReasons: [String: String]
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
    /// fallback text by its own language without comparing strings.
    public var fallbackFields: Set<String> = []

    /// Whether `field` (as `Fallback.field` names it) is shown in the default locale.
    public func isFallback(_ field: String) -> Bool {
        fallbackFields.contains(field)
    }
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
