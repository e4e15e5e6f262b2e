import Content
import Diagnostics

/// What a build did: enough for the CLI's summary line and for tests.
public struct BuildReport: Sendable {
    /// Every error and warning, sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    /// Every localized value that fell back to the default locale.
    public var fallbacks: [Fallback]
    /// Every translation made from a default text that changed since (or never marked as
    /// reviewed), in the locales that keep translation records.
    public var outdated: [TranslationUnit] = []
    /// HTML pages written per locale, in the site's locale order. The root page and the 404
    /// page are counted under `rootPages`.
    public var pagesPerLocale: [(locale: String, count: Int)]
    public var rootPages: Int
    /// Every file of the output tree, relative to it, sorted (empty when the build failed).
    public var files: [String]
    /// Wall time of the whole build in seconds.
    public var seconds: Double
    /// Wall time of each phase the build went through, in order (a failed build stops early).
    /// Pages are rendered and written by the same threads; that time is split between `render`
    /// and `write` in proportion to the time the threads spent on each.
    public var timings: [(phase: BuildPhase, seconds: Double)] = []
    /// Wall time of rendering (and writing) the pages, the part of the build that runs on
    /// every core: the rest of `seconds` after `load` is the serial tail the benchmark reports.
    public var pageSeconds: Double = 0
    /// False for `rolegen check`, which renders every page and writes none.
    public var wroteOutput = true
    /// The path every page is linked under: `/`, or `/docs/` for a base URL of
    /// `https://example.org/docs/` (`--base-url` applied), still percent-encoded as in links.
    /// Decided once, here, by the build that wrote the links; the preview server maps requests
    /// with it. Nil when the build stopped before it read the configuration.
    public var basePath: String?
    /// Files of the output tree added, removed or whose bytes changed since the tree it
    /// replaced; nil when unknown (a clean or first build: anything may have changed).
    public var changedFiles: Set<String>?

    public var succeeded: Bool { !diagnostics.hasErrors }
    public var pageCount: Int { pagesPerLocale.reduce(rootPages) { $0 + $1.count } }

    /// How many values fell back, per locale, sorted by locale code.
    public var fallbacksPerLocale: [(locale: String, count: Int)] {
        var perLocale: [String: Int] = [:]
        for fallback in fallbacks { perLocale[fallback.locale, default: 0] += 1 }
        return perLocale.keys.sorted().map { ($0, perLocale[$0]!) }
    }

    /// `14 fallbacks (fr 14)`: what translators have left, per locale.
    public var fallbackSummary: String {
        guard !fallbacks.isEmpty else { return "0 fallbacks" }
        let counts = fallbacksPerLocale.map { "\($0.locale) \($0.count)" }.joined(separator: ", ")
        return "\(fallbacks.count) fallback\(fallbacks.count == 1 ? "" : "s") (\(counts); --verbose lists them)"
    }

    /// How many translations are outdated, per locale, sorted by locale code.
    public var outdatedPerLocale: [(locale: String, count: Int)] {
        var perLocale: [String: Int] = [:]
        for unit in outdated { perLocale[unit.locale, default: 0] += 1 }
        return perLocale.keys.sorted().map { ($0, perLocale[$0]!) }
    }

    /// ` · 2 outdated (fr 2)`, or nothing when no translation is outdated.
    public var outdatedSummary: String {
        guard !outdated.isEmpty else { return "" }
        let counts = outdatedPerLocale.map { "\($0.locale) \($0.count)" }.joined(separator: ", ")
        return " · \(outdated.count) outdated (\(counts); `rolegen translations` lists them)"
    }

    /// One line for the terminal, e.g.
    /// `built 9 pages (en 4, fr 4, 1 other) · 14 fallbacks (fr 14; --verbose lists them) · 0 warnings · 0.18 s`;
    /// `checked 9 pages …` and `check failed: …` for `rolegen check`, which writes nothing.
    public var summary: String {
        let seconds = String(format: "%.2f", self.seconds)
        let warnings = diagnostics.warnings.count
        let errors = diagnostics.errors.count
        let plural = { (n: Int, word: String) in "\(n) \(word)\(n == 1 ? "" : "s")" }
        if errors > 0 {
            let failed = "\(wroteOutput ? "build" : "check") failed: \(plural(errors, "error")) · \(plural(warnings, "warning")) · \(plural(fallbacks.count, "fallback")) · \(seconds) s"
            return wroteOutput ? failed + " (output left untouched)" : failed
        }
        let perLocale = pagesPerLocale.map { "\($0.locale) \($0.count)" } + (rootPages > 0 ? ["\(rootPages) other"] : [])
        return "\(wroteOutput ? "built" : "checked") \(plural(pageCount, "page")) (\(perLocale.joined(separator: ", "))) · \(fallbackSummary)\(outdatedSummary) · \(plural(warnings, "warning")) · \(seconds) s"
    }
}
