import Content
import Diagnostics
import Dispatch
import Foundation
import Synchronization
import TemplateEngine

/// What a successful build leaves in memory for the next build of the same process: the site as
/// loaded, the templates, UI strings and assets, the site model and Markdown findings, every
/// page's dependency key, the HTML ids the link checks read, and the record of the published tree.
///
/// The lists of translation units and fallbacks (133,350 of each on the benchmark site) are held
/// once, by `loaded`: the model's site and `report` go without them, so that a session that
/// takes the memory out of its state while it builds splices them in place instead of copying.
struct BuildMemory: Sendable {
    /// The content as loaded, before `--base-url` and `--set`.
    var loaded: LoadResult
    /// `loaded` holds edited roles that the rest does not reflect yet (a build from memory
    /// failed after reading them; they are read again with the next edit).
    var isAhead = false
    /// Of the templates, assets, `--base-url`, UI strings and their use: what role text does not change.
    var fixedDiagnostics: [Diagnostic]
    var misspeltKeys: Set<String>
    var templates: TemplateSet
    var assets: Assets
    var strings: [String: LocaleStrings]
    var model: SiteModel
    var markdown: MarkdownChecks
    var keys: [String: UInt64]
    /// `PageKeys.roster`.
    var roster: [String: UInt64]
    var ids: [String: Set<String>]
    var files: Set<String>
    /// The published tree and the sources it was built from, as the record on disk would say.
    var record: BuildRecord
    var roleKeys: [String: UInt64]
    var siteWideKey: UInt64
    /// Without its fallbacks, which are `loaded`'s.
    var report: BuildReport
    /// `OutputFolder.filesIdentity` after this process last published or replaced files.
    var filesIdentity: [Int]
}

/// `rolegen serve`'s builds: one process that builds the same site again and again, told by the
/// file watcher which sources changed (see docs/serve.md, "Incremental rebuilds").
///
/// The first build, and any build after an edit of something other than existing roles' files
/// (templates, UI strings, site.json, catalogs, assets, a role added or removed, a folder, an
/// unknown list), is `rolegen build`'s incremental build, which reads everything; it leaves a
/// `BuildMemory`. After an edit of existing roles' files only, the session fingerprints and
/// reads just those files and rebuilds from memory: the edited role folders are spliced into
/// the loaded content (`ContentLoader.reload`, which also checks titles across roles), the
/// checks of the whole content run again (they are cheap), the site model and the Markdown
/// findings of the edited roles are updated, only the pages the edit can affect are keyed
/// (`PageKeys`, as a full build keys them), those whose key changed are rendered, every link is
/// checked, and the files whose bytes changed are replaced in place
/// (`OutputFolder.replaceInPlace`). A mistake on the way is reported by a full check, which
/// writes nothing; anything unusual — a page added or removed, another build into the folder —
/// and it builds in full instead, so that the report and the tree are always those of
/// `rolegen build` (the property test in `IncrementalBuildTests` compares them).
///
/// Writing in place removes the incremental record (a killed process leaves none, and the next
/// build is full); the session writes it again before its next full build and in `close()`.
public final class BuildSession: Sendable {
    private let options: BuildOptions
    private struct State {
        var memory: BuildMemory?
        /// Sources changed since `memory` was made: an edit that failed stays to be read again.
        var pending: Set<String> = []
        /// Files were replaced in place since the record was last written.
        var recordIsStale = false
        /// How many builds were made from memory (for tests: that the quick way was taken).
        var quickBuilds = 0
    }

    private let state = Mutex(State())

    /// `options` get a role cache if they have none: unchanged role folders are not read again.
    public init(options: BuildOptions) {
        self.options = options.keepingRoleReadings()
    }

    /// Builds after the sources `changedSources` (relative to the site root) changed; nil when
    /// they are not known (the first build, or lost events), which builds in full.
    public func build(changedSources: [String]?) -> BuildReport {
        state.withLock { state in
            if let changed = changedSources, !changed.isEmpty, var memory = state.memory {
                let paths = state.pending.union(changed)
                // Out of the state while it builds: the memory alone holds its lists.
                state.memory = nil
                let outcome = quickBuild(paths, memory: &memory)
                state.memory = memory
                switch outcome {
                case .built(let report):
                    state.pending = []
                    state.recordIsStale = true
                    state.quickBuilds += 1
                    return report
                case .failed(let report):
                    // The files were put back, but the record may be gone with them.
                    state.pending = paths
                    state.recordIsStale = true
                    return report
                case .hasErrors:
                    // `rolegen build` reports them (every mistake, as it would), and writes
                    // nothing; the memory still describes the published tree.
                    let report = SiteBuilder.build(options)
                    guard report.succeeded else {
                        state.pending = paths
                        return report
                    }
                    state = State(quickBuilds: state.quickBuilds)
                    return report
                case .needsFullBuild:
                    break
                }
            }
            if state.recordIsStale, let memory = state.memory { Self.saveRecord(memory, options: options) }
            let (report, memory) = SiteBuilder.run(options, remembering: true, unchangedIsEnough: state.memory != nil)
            // Nothing changed: the memory still describes the tree.
            if memory == nil, report.succeeded, report.changedFiles == [] { return report }
            state = State(memory: memory, quickBuilds: state.quickBuilds)
            return report
        }
    }

    /// How many builds were made from memory.
    var quickBuilds: Int { state.withLock { $0.quickBuilds } }

    /// Writes the record of the tree the session published, so that the next `rolegen build`
    /// reuses it; without it that build is a full one. For a server that stops.
    public func close() {
        state.withLock { state in
            if state.recordIsStale, let memory = state.memory { Self.saveRecord(memory, options: options) }
            state.recordIsStale = false
        }
    }

    private enum Outcome {
        case built(BuildReport)
        /// The output could not be written; it is as it was.
        case failed(BuildReport)
        /// A mistake was found, before anything was written.
        case hasErrors
        case needsFullBuild
    }

    // MARK: Rebuilding from memory

    /// Updates `memory` when it succeeds (and `memory.loaded` as soon as the edited roles are read).
    private func quickBuild(_ changed: Set<String>, memory: inout BuildMemory) -> Outcome {
        let started = DispatchTime.now()
        var clock = PhaseClock(progress: options.progress)
        let root = options.root.standardizedFileURL.path
        // Only files inside the folders of roles the last build had.
        var slugs: Set<String> = []
        for path in changed {
            guard let slug = SourceFingerprints.roleSlug(of: path), memory.model.rolesBySlug[slug] != nil else { return .needsFullBuild }
            slugs.insert(slug)
        }
        // Fingerprinted before they are read: a file that changes again in between is newer
        // than its record says, never older.
        var sources = memory.record.sources
        for path in changed {
            guard sources.update(path, root: root) else { return .needsFullBuild }
        }
        var roleKeys = memory.roleKeys
        for slug in slugs { roleKeys[slug] = sources.roleKey(slug) }
        guard ContentLoader.reload(slugs, in: &memory.loaded, root: options.root, roleCache: options.roleCache, roleKeys: roleKeys),
              var site = memory.loaded.site else { return .hasErrors }
        memory.isAhead = true
        var diagnostics = memory.fixedDiagnostics
        SiteBuilder.configure(&site, options, into: &diagnostics)

        clock.enter(.check)
        diagnostics += SiteBuilder.withoutRepeatedTypos(memory.loaded.diagnostics, misspeltKeys: memory.misspeltKeys)
        diagnostics += SiteBuilder.contentChecks(site, isWhole: true, options: options, assets: memory.assets)
        // Outdated translations: the edited roles' units are checked again, in place of theirs.
        var outdated = memory.report.outdated
        for slug in slugs.sorted() {
            var own = site
            own.translations = Array(site.translations.units(of: slug))
            outdated.replaceUnits(of: slug, with: TranslationStatus(site: own).outdated.map(\.unit))
        }

        clock.enter(.model)
        let model = memory.model.updating(site: site, changed: slugs)
        let markdown = MarkdownChecks(model: model, reusing: memory.markdown, changed: slugs)
        diagnostics += markdown.diagnostics
        if options.warningsAsErrors { SiteBuilder.makeWarningsErrors(&diagnostics) }
        guard !diagnostics.hasErrors else { return .hasErrors }

        // Which pages' keys may have changed: the edited roles' own; those of every role in a
        // sector whose figures changed; those of the roles that link to an edited role whose
        // roster entry (title, risk, sector) changed, and then the shared pages too.
        var roster = memory.roster
        var sitemapChanged = false
        for slug in slugs {
            guard let role = model.rolesBySlug[slug], let old = memory.model.rolesBySlug[slug] else { return .needsFullBuild }
            // A deep-dive article added or removed in a locale adds or removes a page.
            guard model.articleLocales(of: role) == memory.model.articleLocales(of: old) else { return .needsFullBuild }
            sitemapChanged = sitemapChanged || role.lastReviewed != old.lastReviewed
            roster[slug] = PageKeys.rosterEntry(role, model: model)
        }
        let rosterChanged = slugs.filter { roster[$0] != memory.roster[$0] }
        let sectorsChanged = Set(model.sectorStats.keys).union(memory.model.sectorStats.keys).filter {
            model.sectorStats[$0]?.average != memory.model.sectorStats[$0]?.average || model.sectorStats[$0]?.count != memory.model.sectorStats[$0]?.count
        }
        var affected = slugs
        if !rosterChanged.isEmpty || !sectorsChanged.isEmpty {
            for role in site.roles where sectorsChanged.contains(role.sector) || role.relatedRoles.contains(where: rosterChanged.contains) {
                affected.insert(role.slug)
            }
        }
        let keyer = PageKeys(model: model, siteWide: memory.siteWideKey, roleKeys: roleKeys, roster: roster)
        var keys = memory.keys
        var candidates: [PagePlan.Page] = []
        for slug in affected.sorted() {
            guard let role = model.rolesBySlug[slug] else { continue }
            for page in PagePlan.pages(of: role, model: model).pages {
                keys[page.file] = keyer.key(of: page, role: role)
                candidates.append(page)
            }
        }
        if !rosterChanged.isEmpty {
            for page in PagePlan.sharedPages(model: model).pages {
                keys[page.file] = keyer.key(of: page, role: nil)
                candidates.append(page)
            }
        }
        // Pages whose key changed, and pages whose ids a link now needs and the memory lacks
        // (found in the whole plan: a new link's target may be any page).
        let anchored = markdown.anchoredFiles
        var pages = candidates.filter { keys[$0.file] != memory.keys[$0.file] }
        let missingIDs = anchored.filter { memory.ids[$0] == nil && memory.files.contains($0) }
        let plan = sitemapChanged || !missingIDs.isEmpty ? PagePlan(model: model) : nil
        if let plan {
            let rendered = Set(pages.map(\.file))
            pages += plan.pages.filter { missingIDs.contains($0.file) && !rendered.contains($0.file) }
        }

        clock.enter(.render)
        let pagesStarted = DispatchTime.now().uptimeNanoseconds
        // Assets and robots.txt depend on nothing a role changes; the sitemap on each role's
        // pages (unchanged) and review date.
        let produced = Mutex<[String: [UInt8]]>([:])
        let otherFiles = plan.map {
            SiteBuilder.otherFiles(assets: memory.assets, plan: $0, urls: model.urls, sitemapLimits: options.sitemapLimits).filter { Sitemap.isSitemap($0.path) }
        } ?? []
        let rendering = SiteBuilder.render(
            pages, otherFiles: otherFiles, templates: memory.templates,
            writer: { bytes, path in produced.withLock { $0[path] = Array(bytes) } }, progress: options.progress, keepingIDsOf: anchored)
        // A rendered page's ids are kept only while links need them: kept for a page no link
        // needs, they would be stale if one did again after the page changed.
        var ids = memory.ids
        for page in pages { ids[page.file] = rendering.ids[page.file] }
        diagnostics += rendering.errors
        diagnostics += markdown.linkErrors(files: memory.files, ids: ids)
        guard !diagnostics.hasErrors else { return .hasErrors }
        let pageSeconds = Double(DispatchTime.now().uptimeNanoseconds - pagesStarted) / 1e9

        // Only files whose bytes changed are written.
        clock.enter(.write)
        var record = memory.record
        var changedFiles: [(path: String, bytes: [UInt8])] = []
        var hashes: [String: UInt64] = [:]
        for (path, bytes) in produced.withLock({ $0 }).sorted(by: { $0.key < $1.key }) {
            let hash = StableHash.of(bytes)
            if hash != record.outputs[path]?.hash {
                changedFiles.append((path, bytes))
                hashes[path] = hash
            }
        }
        clock.enter(.swap)
        var identity = memory.filesIdentity
        if !changedFiles.isEmpty {
            let statuses: [String: stat]?
            do {
                statuses = try OutputFolder.replaceInPlace(changedFiles, output: options.output, expecting: memory.filesIdentity, waiting: options.waiting)
            } catch {
                // As `rolegen build` reports a failed build: the error, no files.
                var report = memory.report
                report.fallbacks = site.fallbacks
                report.diagnostics = diagnostics + [SiteError.output(error).diagnostic()]
                report.changedFiles = nil
                report.files = []
                (report.pagesPerLocale, report.rootPages) = ([], 0)
                SiteBuilder.finish(&report, &clock, started: started)
                return .failed(report)
            }
            // Another build published a tree meanwhile: the memory no longer describes it.
            guard let statuses else { return .needsFullBuild }
            for (path, status) in statuses {
                record.outputs[path] = BuildRecord.Output(
                    key: 0, hash: hashes[path] ?? 0, size: Int(status.st_size),
                    modified: Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec), inode: UInt64(status.st_ino))
            }
            identity = OutputFolder.recordFolder(for: options.output).flatMap(OutputFolder.filesIdentity(in:)) ?? identity
        }
        for page in pages { record.outputs[page.file]?.key = keys[page.file] ?? 0 }
        record.sources = sources

        var report = memory.report
        report.diagnostics = diagnostics
        report.fallbacks = site.fallbacks
        report.outdated = outdated
        report.changedFiles = Set(changedFiles.map(\.path))
        report.pageSeconds = pageSeconds
        SiteBuilder.finish(&report, &clock, started: started)
        var kept = report
        kept.fallbacks = []
        memory.isAhead = false
        memory.model = model
        memory.markdown = markdown
        memory.keys = keys
        memory.roster = roster
        memory.ids = ids
        memory.record = record
        memory.roleKeys = roleKeys
        memory.report = kept
        memory.filesIdentity = identity
        return .built(report)
    }

    /// The record of the tree as the session left it, written under the output folder's lock
    /// when no other build has published a tree since.
    private static func saveRecord(_ memory: BuildMemory, options: BuildOptions) {
        // Loaded content ahead of the tree would record fallbacks of sources it does not
        // reflect: no record then (the next build is a full one).
        guard !memory.isAhead, let fallbacks = memory.loaded.site?.fallbacks else { return }
        let record = memory.record
        var report = memory.report
        report.fallbacks = fallbacks
        let summary = BuildRecord.Report.Summary(
            diagnostics: report.diagnostics, pagesPerLocale: report.pagesPerLocale.map { .init(locale: $0.locale, count: $0.count) },
            rootPages: report.rootPages)
        let recorded = BuildRecord.Report(summary: summary, fallbacks: report.fallbacks, outdated: report.outdated)
        _ = try? OutputFolder.withLock(output: options.output, expecting: memory.filesIdentity, waiting: options.waiting) { (folder, _) throws(OutputError) in
            try record.write(in: folder, report: recorded)
        }
    }
}
