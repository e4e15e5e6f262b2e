/// The keys each kind of JSON object accepts, in one place: the readers reject every other key,
/// and a test checks these lists against the JSON Schemas in docs/schemas so the two cannot drift.
///
/// `$schema` (which editors use for completion) is accepted at the top of every file and ignored.
enum FieldNames {
    static let site = [
        "$schema", "title", "baseURL", "defaultLocale", "locales", "urlSegments", "allowRawHTML", "reportEndpoint", "sections",
        "image",
    ]
    static let image = ["asset", "width", "height", "alt"]

    static let sectorsFile = ["$schema", "sectors"]
    static let sector = ["id", "name"]

    static let toolsFile = ["$schema", "tools"]
    static let tool = ["id", "name", "url", "description"]

    static let role = [
        "$schema", "sector", "riskScore", "automationPotential", "saferPeersPercent", "impactYears", "salaryPremium",
        "demandTrend", "tasks", "skills", "replacingTools", "toolsToLearn", "relatedRoles", "lastReviewed", "illustrative",
        "image", "todo",
    ]
    static let impactYears = ["from", "to"]
    static let task = ["id", "exposure"]
    static let skill = ["id", "resilience"]

    static let roleText = [
        "$schema", "title", "titlePlural", "description", "tasks", "skills", "toolReasons", "roadmap", "quickWins", "faq",
    ]
    static let translationsFile = ["$schema", "translatedFrom"]

    static let roadmapPhase = ["title", "timeframe", "summary", "steps"]
    static let faqEntry = ["question", "answer"]
}
