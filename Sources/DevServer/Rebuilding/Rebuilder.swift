import Site

/// What the server asks for after an edit: "rebuild", given the source files that changed.
/// `SiteRebuilder` builds as `rolegen build` does (incrementally); another builder can take its place
/// without the server changing, as long as it reports which output files it changed.
public protocol Rebuilder: Sendable {
    /// Builds the site into the output folder (atomically: a failed build leaves it as it was).
    /// `changedSources` are relative to the site root, sorted; empty for the first build.
    func rebuild(changedSources: [String]) -> RebuildResult
    /// Called once when the server stops, after its last rebuild: leaves the output folder
    /// as a later `rolegen build` expects it.
    func close()
}

extension Rebuilder {
    public func close() {}
}

/// One build as the server sees it: the report the CLI prints, and which output files differ
/// from the previous good build, which decides what each open page does.
public struct RebuildResult: Sendable {
    public var report: BuildReport
    /// Empty when the build failed (nothing was written).
    public var changedOutputs: OutputChanges

    public init(report: BuildReport, changedOutputs: OutputChanges) {
        self.report = report
        self.changedOutputs = changedOutputs
    }
}

/// Which files of the output tree a build changed.
public enum OutputChanges: Sendable, Equatable {
    /// Unknown, or too many to list: every open page reloads.
    case everything
    /// Paths relative to the output folder (`en/index.html`) that were added, removed or whose
    /// bytes changed. A page whose only difference is the content-hashed name of a stylesheet
    /// is not listed: the stylesheet is, and pages swap it in without reloading.
    case paths(Set<String>)

    /// Nothing changed.
    public static let none = OutputChanges.paths([])

    func contains(_ path: String) -> Bool {
        switch self {
        case .everything: true
        case let .paths(paths): paths.contains(path)
        }
    }

    /// Whether a stylesheet was added, removed or changed.
    var touchesStylesheets: Bool {
        switch self {
        case .everything: true
        case let .paths(paths): paths.contains { $0.hasSuffix(".css") }
        }
    }

    var isEmpty: Bool { self == .none }
}
