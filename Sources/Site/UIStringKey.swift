import Content
import Localization

/// A UI string that rolegen's Swift code formats itself (page titles, FAQ entries, labels built
/// from the role's data), as opposed to the ones templates show by name (`{{{t.key}}}`).
///
/// The enum is the list: a misspelt key does not compile, and `StringUsage` checks when the
/// tables are loaded that the default table defines every case (RG402, at the place in the
/// table where the key belongs). Keys chosen by data (a task's exposure, the demand trend)
/// come from exhaustive switches, so a new exposure or trend does not compile until it has one.
public enum UIStringKey: String, CaseIterable, Sendable, HashedByCase {
    case languageName = "language.name"
    case navHome = "nav.home"
    case heroTitle = "hero.title"
    case tasksAutomated = "tasks.automated"
    case tasksAutomatedCount = "tasks.automatedCount"
    case tasksOversight = "tasks.oversight"
    case tasksOversightCount = "tasks.oversightCount"
    case tasksSafe = "tasks.safe"
    case tasksSafeCount = "tasks.safeCount"
    case salaryGrowing = "salary.growing"
    case salaryStable = "salary.stable"
    case salaryDeclining = "salary.declining"
    case deepDiveLink = "deepDive.link"
    case deepDiveDescription = "deepDive.description"
    case deepDiveTable = "deepDive.table"
    case faqReplaceQuestion = "faq.replace.question"
    case faqReplaceAnswer = "faq.replace.answer"
    case faqAtRiskQuestion = "faq.atRisk.question"
    case faqAtRiskAnswer = "faq.atRisk.answer"
    case faqSkillsQuestion = "faq.skills.question"
    case faqSkillsAnswer = "faq.skills.answer"
    case faqTimelineQuestion = "faq.timeline.question"
    case faqTimelineAnswer = "faq.timeline.answer"
    case indexTitle = "index.title"
    case indexIntro = "index.intro"
    case rootDescription = "root.description"
    case notFoundTitle = "notFound.title"
    case notFoundBody = "notFound.body"

    /// The heading of a group of tasks.
    public static func label(of exposure: Exposure) -> UIStringKey {
        switch exposure {
        case .automated: .tasksAutomated
        case .oversight: .tasksOversight
        case .safe: .tasksSafe
        }
    }

    /// "5 tasks": how many tasks a group has.
    public static func count(of exposure: Exposure) -> UIStringKey {
        switch exposure {
        case .automated: .tasksAutomatedCount
        case .oversight: .tasksOversightCount
        case .safe: .tasksSafeCount
        }
    }

    public static func label(of trend: DemandTrend) -> UIStringKey {
        switch trend {
        case .growing: .salaryGrowing
        case .stable: .salaryStable
        case .declining: .salaryDeclining
        }
    }
}
