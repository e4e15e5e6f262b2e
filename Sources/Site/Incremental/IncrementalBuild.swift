import Content
import Diagnostics
import Dispatch
import Foundation
import LibC
import Synchronization
import TemplateEngine

/// One build that reuses what the previous build into the same output folder left, shared by
/// `rolegen build` and `rolegen serve` (see docs/outputs.md, "Incremental builds").
///
/// - Before anything is read: the sources are fingerprinted (only files whose size, time or
///   inode changed are read and hashed; without a record, none: their hashes come from the
///   bytes the build reads, see `Sources`). When they, the options and the published tree are all
///   as the record says, the build is done: the record's report is repeated and the output
///   folder is not touched.
/// - Otherwise everything is loaded and checked as in a clean build, and every page gets a
///   dependency key (`PageKeys`). The staging folder is the tree the last build replaced (the
///   spare tree), not a new one. A page whose key and published file are as recorded is not
///   rendered: the spare tree's file stays when it has the same bytes, else the published file
///   is hard-linked in its place. A rendered page (or asset, sitemap) whose bytes one of the
///   two trees has is staged the same way; only changed files are written, always as new
///   files (the trees share inodes, which are never written in place). The staged tree then
///   replaces the output folder by the same atomic swap as a clean build, so a failed build
///   still leaves it exactly as it was, and the replaced tree becomes the next spare tree.
///
/// Thread-safe: pages are rendered and written from many threads.
final class IncrementalBuild: Sendable {
    let optionsKey: UInt64
    /// The sources' fingerprints, complete (see `Sources`).
    var sources: SourceFingerprints { hashedSources() }
    /// Role slug → the hash of its folder's files, worked out once, when first asked for.
    var roleKeys: [String: UInt64] {
        let fingerprints = hashedSources()
        if let known = taken.withLock({ $0.roleKeys }) { return known }
        // Outside the lock: two threads asking at once would both work them out, the same.
        let keys = fingerprints.roleKeys()
        taken.withLock { $0.roleKeys = keys }
        return keys
    }
    /// The root, to read sources the load did not.
    private let root: String
    private let taken: Mutex<Sources>

    /// The sources' fingerprints as walked before loading. Without a record (a first or
    /// `--clean` build) nothing is compared before loading, so the walk only looks at the
    /// files, and their hashes come from the bytes the build reads anyway (`readObserver`):
    /// every source is then read once, not once more before the load. They are complete once
    /// anything asks for them after the load (`hashedSources`), which reads the files the
    /// build did not.
    private struct Sources {
        var fingerprints: SourceFingerprints
        /// The folders the walk listed, until the load takes them (`takeListings`).
        var listings: FolderListings?
        /// Nil until first asked for (`roleKeys`), after the fingerprints are complete.
        var roleKeys: [String: UInt64]?
    }
    /// `--clean`: nothing of the previous build is reused, but this one is recorded for the next.
    private let clean: Bool
    /// `--force`: the replaced tree may hold files rolegen did not write, so it is not kept.
    private let force: Bool
    /// The record as read before taking the lock, with its file's identity: under the lock it
    /// is read again only when the file was replaced in between.
    private let unlocked: (record: BuildRecord, identity: [Int])?
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
        var report: BuildRecord.Report?
        /// The staging folder, and what it held when taken over from the spare tree.
        var staging: String?
        var spare: [String: BuildRecord.Output] = [:]
        /// The files of the tree kept as the next spare tree, once the swap is done.
        var nextSpare: [String: BuildRecord.Output] = [:]
        /// `PageKeys.siteWideKey`, once the pages are keyed.
        var siteWideKey: UInt64 = 0
        /// `keys` and `siteWideKey` being worked out while the pages render (`settleKeys`).
        var pendingKeys: Background<(keys: [String: UInt64], siteWide: UInt64)>?
        /// The files were staged while `pendingKeys` was being worked out, without their key.
        var keysCameLate = false
        /// What the record saved after the swap holds: its outputs in path order and its spare
        /// tree (`savedRecord` makes the record of them, for a session, when asked).
        var saved: (outputs: [(path: String, output: BuildRecord.Output)], spare: [String: BuildRecord.Output])?
        /// The record folder, once the output folder is taken (its lock held).
        var recordFolder: String?
        /// The record being written while the pages render (`startRecord`).
        var draft: BuildRecord.Draft?
    }

    /// Nil when the build writes nothing.
    static func start(_ options: BuildOptions) -> IncrementalBuild? {
        guard options.writeOutput else { return nil }
        var previous: (BuildRecord, [Int])?
        if !options.clean, let folder = OutputFolder.recordFolder(for: options.output), let identity = BuildRecord.identity(in: folder),
           let record = BuildRecord.read(in: folder) {
            previous = (record, identity)
        }
        return IncrementalBuild(options: options, previous: previous)
    }

    private init(options: BuildOptions, previous: (record: BuildRecord, identity: [Int])?) {
        optionsKey = Self.optionsKey(options)
        clean = options.clean
        force = options.force
        unlocked = previous
        root = options.root.standardizedFileURL.path
        var listings: [String: FolderListings.Listing]? = [:]
        let sources = SourceFingerprints(root: root, previous: previous?.record.sources, readingFiles: previous != nil, listings: &listings)
        taken = Mutex(Sources(fingerprints: sources, listings: listings.map(FolderListings.init), roleKeys: nil))
    }

    /// The folders the walk listed, for the load to read instead of listing them again; given
    /// once (the load is their only use, and a large site's are megabytes).
    func takeListings() -> FolderListings? {
        taken.withLock { sources in
            defer { sources.listings = nil }
            return sources.listings
        }
    }

    /// The role keys for the load (`ContentLoader.load(roleKeys:)`), when they are known
    /// before it: none for a build whose hashes come from the load.
    var roleKeysBeforeLoading: [String: UInt64] {
        taken.withLock { $0.fingerprints.hashesPending } ? [:] : roleKeys
    }

    /// For `SiteFolder(observingReads:)`: while the hashes are pending, keeps the fingerprint
    /// of each file read, taken on the descriptor it was read from, of the bytes read.
    var readObserver: SiteFolder.ReadObserver {
        { [self] path, status, bytes in
            guard taken.withLock({ $0.fingerprints.hashesPending }) else { return }
            let modified = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
            let print = FileFingerprint(size: Int(status.st_size), modified: modified, inode: UInt64(status.st_ino), hash: StableHash.of(bytes))
            // A file read twice before the hashes are taken (a role read again) was read with
            // the same bytes, or the build fails (RG430) and records nothing: either read will do.
            taken.withLock { $0.fingerprints.took(print, for: path) }
        }
    }

    /// The sources, their hashes completed first if the walk left any to the build.
    private func hashedSources() -> SourceFingerprints {
        taken.withLock { sources in
            if sources.fingerprints.hashesPending { sources.fingerprints.takePending(root: root) }
            return sources.fingerprints
        }
    }

    /// The record in `folder`, read while holding the lock: the one read before when its file is
    /// the same (`isUnlocked`), so that what was worked out from that one stands.
    private func lockedRecord(in folder: String) -> (record: BuildRecord, isUnlocked: Bool)? {
        if let unlocked, BuildRecord.identity(in: folder) == unlocked.identity { return (unlocked.record, true) }
        return BuildRecord.read(in: folder).map { ($0, false) }
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
        // `--force` replaces whatever the folder holds: never nothing to do.
        guard !force, let unlocked = unlocked?.record, let folder = OutputFolder.recordFolder(for: options.output),
              unlocked.optionsKey == optionsKey, unlocked.sources.sameContents(as: sources) else { return nil }
        // The stored report (a large site's is hundreds of thousands of fallbacks) and the
        // sorted list of files are made ready on the other core while this one checks the
        // output folder (system calls, most of them): they stand when the record found under
        // the lock is this one.
        let prepared = Background { (report: unlocked.report, files: unlocked.outputs.keys.sorted()) }
        // Checks that the output may be replaced (and so is rolegen's), then waits for its turn.
        guard let output = try? OutputFolder(output: options.output, root: options.root, force: options.force, waiting: options.waiting) else {
            return nil
        }
        defer { output.discard() }
        guard let (record, isUnlocked) = lockedRecord(in: folder), isUnlocked || record.optionsKey == optionsKey && record.sources.sameContents(as: sources),
              Self.allIntact(record.outputs, in: output.output),
              let stored = isUnlocked ? prepared.value.report : record.report else { return nil }
        var report = BuildReport(
            diagnostics: stored.summary.diagnostics, fallbacks: stored.fallbacks,
            pagesPerLocale: stored.summary.pagesPerLocale.map { ($0.locale, $0.count) }, rootPages: stored.summary.rootPages,
            files: isUnlocked ? prepared.value.files : record.outputs.keys.sorted(), seconds: 0)
        report.outdated = stored.outdated
        report.changedFiles = []
        return report
    }

    /// Whether every recorded output is still the file recorded, looked at on every core (one
    /// `lstat` each: a large site's are tens of thousands).
    private static func allIntact(_ outputs: [String: BuildRecord.Output], in folder: String) -> Bool {
        Array(outputs).concurrentMap { isIntact(folder + "/" + $0.key, as: $0.value) }.allSatisfy { $0 }
    }

    /// Whether the file at `path` is still the one recorded (not replaced or edited by hand).
    private static func isIntact(_ path: String, as recorded: BuildRecord.Output) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return false }
        return Int(status.st_size) == recorded.size && UInt64(status.st_ino) == recorded.inode
            && Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec) == recorded.modified
    }

    // MARK: Something changed

    /// Called by `OutputFolder` once it holds the lock, before it prepares `staging`: reads
    /// the record of the tree in place and, when there is one, turns the spare tree (the tree
    /// the last build replaced) into the staging folder, so that only what differs is written
    /// and no folder is made again. True when `staging` now exists.
    func adopt(recordFolder: String, output: String, staging: String) -> Bool {
        let record = clean ? nil : lockedRecord(in: recordFolder)?.record
        let previous = record?.optionsKey == optionsKey ? record : nil
        let spare = recordFolder + "/" + BuildRecord.spareFolder
        let tookSpare = previous.map { !$0.spare.isEmpty } == true && rename(spare, staging) == 0
        if !tookSpare { try? FileManager.default.removeItem(atPath: spare) }
        state.withLock {
            $0.previous = previous
            $0.output = output
            $0.staging = staging
            $0.recordFolder = recordFolder
            $0.spare = tookSpare ? previous?.spare ?? [:] : [:]
        }
        return tookSpare
    }

    /// The pages to render: those whose key differs from the published page's, whose file
    /// was changed since, and those whose HTML ids the link checks need. Every other page is
    /// linked from the published tree into `output`'s staging folder.
    func pagesToRender(_ plan: PagePlan, model: SiteModel, output: OutputFolder, keepingIDsOf anchored: Set<String>) -> [PagePlan.Page] {
        let (previous, published) = state.withLock { ($0.previous, $0.output) }
        guard let previous, let published else {
            // Nothing to compare with: every page renders, and the keys, which only the record
            // needs, are worked out beside them instead of before the first page.
            let keying = Background { [self] in keyed(plan, model: model) }
            state.withLock { $0.pendingKeys = keying }
            return plan.pages
        }
        let (keys, siteWide) = keyed(plan, model: model)
        state.withLock { state in
            state.keys = keys
            state.siteWideKey = siteWide
        }
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
            if !reuse(file, hash: entry.hash, into: output), let page = plan.pages.first(where: { $0.file == file }) {
                failed.withLock { $0.append(page) }
            }
        }
        return render + failed.withLock { $0 }
    }

    /// Every page's dependency key, and the part of each key every page shares.
    private func keyed(_ plan: PagePlan, model: SiteModel) -> (keys: [String: UInt64], siteWide: UInt64) {
        let siteWide = PageKeys.siteWideKey(sources: sources, optionsKey: optionsKey)
        return (PageKeys(model: model, siteWide: siteWide, roleKeys: roleKeys).keys(of: plan), siteWide)
    }

    /// The keys `pagesToRender` left to a background thread, waited for and put in place.
    /// Files staged before then have no key yet: `saveRecord` gives them theirs
    /// (`keysCameLate`).
    private func settleKeys() {
        guard let pending = state.withLock({ $0.pendingKeys }) else { return }
        let (keys, siteWide) = pending.value
        state.withLock { state in
            guard state.pendingKeys != nil else { return }
            state.pendingKeys = nil
            state.keysCameLate = true
            state.keys = keys
            state.siteWideKey = siteWide
        }
    }

    /// Makes the staging folder hold the bytes with `hash` at `file` without writing them: the
    /// spare tree's file is kept when it has them, else the published one is linked. False
    /// when neither has them (intact: as recorded).
    private func reuse(_ file: String, hash: UInt64, into output: OutputFolder) -> Bool {
        let (kept, published, staging, key) = state.withLock { state in
            (state.spare[file], state.previous?.outputs[file].map { ($0, state.output ?? "") }, state.staging ?? "", state.keys[file] ?? 0)
        }
        var staged: BuildRecord.Output?
        if let kept, kept.hash == hash, Self.isIntact(staging + "/" + file, as: kept) {
            staged = kept
        } else if let (entry, folder) = published, entry.hash == hash, Self.isIntact(folder + "/" + file, as: entry), (try? output.link(file)) != nil {
            staged = entry
        }
        guard var staged else { return false }
        staged.key = key
        state.withLock { $0.staged[file] = staged }
        return true
    }

    /// Called by `OutputFolder.write` before writing: true when the spare or the published
    /// tree has these bytes at `relativePath` already, which are then staged instead.
    func linkIfUnchanged(_ relativePath: String, hash: UInt64, into output: OutputFolder) -> Bool {
        reuse(relativePath, hash: hash, into: output)
    }

    /// Called by `OutputFolder.write` after writing a file, with its status.
    func wrote(_ relativePath: String, hash: UInt64, status: stat) {
        let modified = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
        state.withLock { state in
            state.staged[relativePath] = BuildRecord.Output(
                key: state.keys[relativePath] ?? 0, hash: hash, size: Int(status.st_size), modified: modified, inode: UInt64(status.st_ino))
        }
    }

    /// Starts writing the record's sources and the report's `fallbacks` and `outdated` (most of
    /// it) on a background thread, once the output folder is taken: the swap then only adds the
    /// rest. Without it (or when it cannot start), `saveRecord` writes it all.
    func startRecord(fallbacks: [Fallback], outdated: [TranslationUnit]) {
        guard let folder = state.withLock({ $0.recordFolder }),
              let draft = try? BuildRecord.Draft(
                  in: folder, optionsKey: optionsKey, sources: sources, fallbacks: fallbacks, outdated: outdated, inBackground: true)
        else { return }
        state.withLock { $0.draft = draft }
    }

    /// Removes the record `startRecord` began and `saveRecord` did not put in place: called by
    /// `OutputFolder` before it releases the lock, whether the build failed or not.
    func abandonRecord() {
        state.withLock { state in
            defer { state.draft = nil }
            return state.draft
        }?.abandon()
    }

    /// The report to record, set by the builder before the swap.
    func finishing(_ report: BuildReport) {
        let summary = BuildRecord.Report.Summary(
            diagnostics: Array(Set(report.diagnostics)).sorted(),
            pagesPerLocale: report.pagesPerLocale.map { .init(locale: $0.locale, count: $0.count) }, rootPages: report.rootPages)
        let stored = BuildRecord.Report(summary: summary, fallbacks: report.fallbacks, outdated: report.outdated)
        state.withLock { $0.report = stored }
    }

    /// Files added, removed or changed compared with the published tree; nil when there was no
    /// record of it (everything may have changed).
    func changedFiles(files: [String]) -> Set<String>? {
        state.withLock { state in
            guard let previous = state.previous else { return nil }
            let current = Set(files)
            let removed = Set(previous.outputs.keys).subtracting(current)
            let changed = current.filter { previous.outputs[$0]?.hash != state.staged[$0]?.hash }
            return removed.union(changed)
        }
    }

    /// Called by `OutputFolder.commit` before the swap: removes from the staging folder what
    /// the spare tree held and this build does not (and the folders that leaves empty).
    func prune(keeping files: Set<String>) {
        let (spare, staging) = state.withLock { ($0.spare, $0.staging ?? "") }
        for file in spare.keys where !files.contains(file) {
            unlink(staging + "/" + file)
            var folder = OutputFolder.parentFolder(of: file)
            while !folder.isEmpty, rmdir(staging + "/" + folder) == 0 {
                folder = OutputFolder.parentFolder(of: folder)
            }
        }
    }

    /// Called by `OutputFolder.commit` after the swap, when `staging` holds the replaced tree:
    /// keeps it as the spare tree when the record says what it holds.
    func keepReplacedTree(recordFolder: String) {
        let (previous, staging) = state.withLock { ($0.previous, $0.staging ?? "") }
        guard !force, let previous, rename(staging, recordFolder + "/" + BuildRecord.spareFolder) == 0 else { return }
        state.withLock { $0.nextSpare = previous.outputs }
    }

    /// Called by `OutputFolder.commit` after the swap, holding the lock: records the new tree
    /// (`files`, in order).
    func saveRecord(in folder: String, files: [String]) {
        settleKeys()
        // The outputs in the order of `files` (sorted): the record lists them so, and is written
        // from this list, without a table of them on the way (a large site has tens of thousands,
        // and this runs after the last page, on one core).
        let (outputs, report, draft, spare): ([(path: String, output: BuildRecord.Output)]?, BuildRecord.Report?, BuildRecord.Draft?, [String: BuildRecord.Output]) =
            state.withLock { state in
                defer { state.draft = nil }
                let late = state.keysCameLate
                var outputs: [(path: String, output: BuildRecord.Output)] = []
                outputs.reserveCapacity(files.count)
                for file in files {
                    guard var output = state.staged[file] else { return (nil, state.report, state.draft, [:]) }
                    if late { output.key = state.keys[file] ?? 0 }
                    // A path listed twice is one output (the last).
                    if outputs.last?.path == file { outputs.removeLast() }
                    outputs.append((file, output))
                }
                return (outputs, state.report, state.draft, state.nextSpare)
            }
        // Without a complete record the next build is a full one.
        guard let outputs, let report else {
            draft?.abandon()
            return
        }
        let written: Void? =
            if let draft {
                try? draft.finish(summary: report.summary, outputs: outputs, spare: spare)
            } else {
                try? record(outputs: outputs, spare: spare).write(in: folder, report: report)
            }
        guard written != nil else { return }
        state.withLock { $0.saved = (outputs, spare) }
    }

    /// The record `saveRecord` wrote: what the published tree holds, for a `BuildSession`.
    var savedRecord: BuildRecord? {
        state.withLock { $0.saved }.map { record(outputs: $0.outputs, spare: $0.spare) }
    }

    private func record(outputs: [(path: String, output: BuildRecord.Output)], spare: [String: BuildRecord.Output]) -> BuildRecord {
        var record = BuildRecord(optionsKey: optionsKey, sources: sources, outputs: Dictionary(outputs, uniquingKeysWith: { $1 }))
        record.spare = spare
        return record
    }
    /// Page file → dependency key, and the part of each key every page shares.
    var pageKeys: [String: UInt64] {
        settleKeys()
        return state.withLock { $0.keys }
    }
    var siteWideKey: UInt64 {
        settleKeys()
        return state.withLock { $0.siteWideKey }
    }
}
