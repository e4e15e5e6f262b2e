import Synchronization

/// The steps of a build, in order; each is timed (`BuildReport.timings`).
public enum BuildPhase: Int, Sendable, CaseIterable {
    /// Reading and validating content, string tables, templates and assets.
    case load
    /// Checking how they fit together: UI strings, their use in templates, `--strict`.
    case check
    /// Computing what pages share (URLs, titles, sector figures), planning the pages and
    /// inspecting the Markdown's links: serial, so kept small.
    case model
    /// Rendering every page (in parallel).
    case render
    /// Writing pages, assets, the sitemap and robots.txt into the staging folder.
    case write
    /// Swapping the staged tree in place of the output folder.
    case swap

    public var name: String {
        switch self {
        case .load: "load"
        case .check: "check"
        case .model: "model"
        case .render: "render"
        case .write: "write"
        case .swap: "swap"
        }
    }
}

/// How far a running build is, for a progress line: the builder only stores numbers (atomic
/// stores cost nothing next to rendering a page); whoever shows them polls at their own pace.
public final class BuildProgress: Sendable {
    private let phaseValue = Atomic<Int>(BuildPhase.load.rawValue)
    private let done = Atomic<Int>(0)
    private let total = Atomic<Int>(0)

    public init() {}

    public var phase: BuildPhase { BuildPhase(rawValue: phaseValue.load(ordering: .relaxed)) ?? .load }
    /// Pages rendered so far, out of `pagesTotal` (0 until rendering starts).
    public var pagesDone: Int { done.load(ordering: .relaxed) }
    public var pagesTotal: Int { total.load(ordering: .relaxed) }

    func enter(_ phase: BuildPhase) {
        phaseValue.store(phase.rawValue, ordering: .relaxed)
    }

    func startPages(_ count: Int) {
        done.store(0, ordering: .relaxed)
        total.store(count, ordering: .relaxed)
    }

    func pageDone() {
        done.add(1, ordering: .relaxed)
    }
}
