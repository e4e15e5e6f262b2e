import Content
import Diagnostics
import Dispatch
import Foundation
import Synchronization
import TemplateEngine
#if canImport(Glibc)
import Glibc
#endif

/// One build that reuses what the previous build into the same output folder left, shared by
/// `rolegen build` and `rolegen serve` (see docs/outputs.md, "Incremental builds").
///
/// - Before anything is read: the sources are fingerprinted (only files whose size, time or
///   inode changed are read and hashed). When they, the options and the published tree are all
///   as the record says, the build is done: the record's report is repeated and the output
///   folder is not touched.
/// - Otherwise everything is loaded and checked as in a clean build, and every page gets a
///   dependency key (`PageKeys`). A page whose key and published file are as recorded is not
///   rendered: its file is hard-linked from the published tree into the staging folder. A
///   rendered page (or asset, sitemap) whose bytes equal the published file's is linked too;
///   only changed files are written. The staged tree then replaces the output folder by the
///   same atomic swap as a clean build, so a failed build still leaves it exactly as it was.
///
/// Thread-safe: pages are rendered and written from many threads.
final class IncrementalBuild: Sendable {
    let optionsKey: UInt64
    let sources: SourceFingerprints
    private let state = Mutex(State())

    private struct State {
        /// The record read while holding the output folder's lock; nil for a first build.
        var previous: BuildRecord?
        /// The published tree (real path), once the output folder is taken.
        var output: String?
        /// Page file → its dependency key in this build.
        var keys: [String: UInt64] = [:]
        /// Every file staged so far.
        var staged: [String: BuildRecord.Output] = [:]
        /// Files staged by writing (their bytes are new or changed).
        var written: Set<String> = []
        var report: BuildRecord.Report?
    }

    /// Nil when the build writes nothing or `--clean` asks for a full build.
    static func start(_ options: BuildOptions) -> IncrementalBuild? {
        guard options.writeOutput, !options.clean else { return nil }
        let previous = OutputFolder.recordFolder(for: options.output).flatMap(BuildRecord.read)
        return IncrementalBuild(options: options, previous: previous?.sources)
    }

    private init(options: BuildOptions, previous: SourceFingerprints?) {
        optionsKey = Self.optionsKey(options)
        sources = SourceFingerprints(root: options.root.standardizedFileURL.path, previous: previous)
    }

    /// Everything besides the sources that decides what a build produces: this rolegen
    /// executable, the site root, the options that change pages or the report.
    private static func optionsKey(_ options: BuildOptions) -> UInt64 {
        var hash = StableHash()
        var executable = stat()
        if stat("/proc/self/exe", &executable) == 0 {
            hash.combine(Int(executable.st_size))
            hash.combine(Int(executable.st_mtim.tv_sec) * 1_000_000_000 + Int(executable.st_mtim.tv_nsec))
        }
        hash.combine(options.root.standardizedFileURL.path)
        hash.combine(options.baseURL ?? "")
        for override in options.overrides { hash.combine("\(override.setting)=\(override.value)") }
        hash.combine(String(describing: options.strict))
        hash.combine(options.warningsAsErrors ? 1 : 0)
        return hash.value
    }

    // MARK: Nothing changed

    /// The previous build's report when the sources, the options and every published file are
    /// as it recorded; nil when anything differs (the caller builds). Holds the output
    /// folder's lock while it looks, so it never reads a tree another build is replacing.
    func unchangedReport(_ options: BuildOptions) -> BuildReport? {
        guard let folder = OutputFolder.recordFolder(for: options.output), let unlocked = BuildRecord.read(in: folder),
              unlocked.optionsKey == optionsKey, unlocked.sources.sameContents(as: sources) else { return nil }
        // Checks that the output may be replaced (and so is rolegen's), then waits for its turn.
        guard let output = try? OutputFolder(output: options.output, root: options.root, force: options.force, waiting: options.waiting) else {
            return nil
        }
        defer { output.discard() }
        guard let record = BuildRecord.read(in: folder), record.optionsKey == optionsKey, record.sources.sameContents(as: sources),
              record.outputs.allSatisfy({ Self.isIntact(output.output + "/" + $0.key, as: $0.value) }) else { return nil }
        var report = BuildReport(
            diagnostics: record.report.diagnostics, fallbacks: record.report.fallbacks,
            pagesPerLocale: record.report.pagesPerLocale.map { ($0.locale, $0.count) }, rootPages: record.report.rootPages,
            files: record.outputs.keys.sorted(), seconds: 0)
        report.outdated = record.report.outdated
        report.changedFiles = []
        return report
    }

    /// Whether the file at `path` is still the one recorded (not replaced or edited by hand).
    private static func isIntact(_ path: String, as recorded: BuildRecord.Output) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return false }
        return Int(status.st_size) == recorded.size && UInt64(status.st_ino) == recorded.inode
            && Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec) == recorded.modified
    }

    // MARK: Something changed

    /// Called by `OutputFolder` once it holds the lock: the record of the tree in place.
    func adopt(recordFolder: String, output: String) {
        let record = BuildRecord.read(in: recordFolder)
        state.withLock {
            $0.previous = record?.optionsKey == optionsKey ? record : nil
            $0.output = output
        }
    }

    /// The pages to render: those whose key differs from the published page's, whose file
    /// was changed since, and those whose HTML ids the link checks need. Every other page is
    /// linked from the published tree into `output`'s staging folder.
    func pagesToRender(_ plan: PagePlan, model: SiteModel, output: OutputFolder, keepingIDsOf anchored: Set<String>) -> [PagePlan.Page] {
        let keys = PageKeys(model: model, sources: sources, optionsKey: optionsKey).keys(of: plan)
        let (previous, published) = state.withLock { state in
            state.keys = keys
            return (state.previous, state.output)
        }
        guard let previous, let published else { return plan.pages }
        var reusable: [(file: String, entry: BuildRecord.Output)] = []
        var render: [PagePlan.Page] = []
        for page in plan.pages {
            if !anchored.contains(page.file), let entry = previous.outputs[page.file], entry.key == keys[page.file],
               Self.isIntact(published + "/" + page.file, as: entry) {
                reusable.append((page.file, entry))
            } else {
                render.append(page)
            }
        }
        let failed = Mutex<[PagePlan.Page]>([])
        let linking = reusable
        DispatchQueue.concurrentPerform(iterations: linking.count) { index in
            let (file, entry) = linking[index]
            if (try? output.link(file)) != nil {
                state.withLock { $0.staged[file] = entry }
            } else if let page = plan.pages.first(where: { $0.file == file }) {
                failed.withLock { $0.append(page) }
            }
        }
        return render + failed.withLock { $0 }
    }

    /// Called by `OutputFolder.write` before writing: true when the published file at
    /// `relativePath` has these bytes already, in which case it was linked into staging instead.
    func linkIfUnchanged(_ relativePath: String, hash: UInt64, into output: OutputFolder) -> Bool {
        let (previous, published) = state.withLock { ($0.previous, $0.output) }
        guard let entry = previous?.outputs[relativePath], entry.hash == hash, let published,
              Self.isIntact(published + "/" + relativePath, as: entry), (try? output.link(relativePath)) != nil else { return false }
        state.withLock { state in
            state.staged[relativePath] = BuildRecord.Output(
                key: state.keys[relativePath] ?? 0, hash: hash, size: entry.size, modified: entry.modified, inode: entry.inode)
        }
        return true
    }

    /// Called by `OutputFolder.write` after writing a file, with its status.
    func wrote(_ relativePath: String, hash: UInt64, status: stat) {
        let modified = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
        state.withLock { state in
            state.staged[relativePath] = BuildRecord.Output(
                key: state.keys[relativePath] ?? 0, hash: hash, size: Int(status.st_size), modified: modified, inode: UInt64(status.st_ino))
            state.written.insert(relativePath)
        }
    }

    /// The report to record, set by the builder before the swap.
    func finishing(_ report: BuildReport) {
        let stored = BuildRecord.Report(
            diagnostics: Array(Set(report.diagnostics)).sorted(), fallbacks: report.fallbacks, outdated: report.outdated,
            pagesPerLocale: report.pagesPerLocale.map { .init(locale: $0.locale, count: $0.count) }, rootPages: report.rootPages)
        state.withLock { $0.report = stored }
    }

    /// Files added, removed or changed compared with the published tree; nil when there was no
    /// record of it (everything may have changed).
    func changedFiles(files: [String]) -> Set<String>? {
        state.withLock { state in
            guard let previous = state.previous else { return nil }
            let current = Set(files)
            let removed = Set(previous.outputs.keys).subtracting(current)
            let changed = state.written.filter { previous.outputs[$0]?.hash != state.staged[$0]?.hash }
            return removed.union(changed)
        }
    }

    /// Called by `OutputFolder.commit` after the swap, holding the lock: records the new tree.
    func saveRecord(in folder: String, files: Set<String>) {
        let record: BuildRecord? = state.withLock { state in
            guard let report = state.report, files.allSatisfy({ state.staged[$0] != nil }) else { return nil }
            return BuildRecord(optionsKey: optionsKey, sources: sources, outputs: state.staged.filter { files.contains($0.key) }, report: report)
        }
        // Without a complete record the next build is a full one.
        try? record?.write(in: folder)
    }
}
