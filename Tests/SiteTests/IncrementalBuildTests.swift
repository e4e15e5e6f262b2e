import Content
import Foundation
import TestSupport
import XCTest

@testable import Site

/// Incremental builds (docs/outputs.md, "Incremental builds"): after any edit, the tree an
/// incremental build leaves is byte for byte the tree a clean build gives, and it renders and
/// writes only what the edit affects.
final class IncrementalBuildTests: XCTestCase {
    fileprivate func makeSite() throws -> FixtureSite {
        try FixtureSite(Fixture.files(roles: [
            Fixture.role("backend-developer", title: "Backend Developer", plural: "Backend Developers", related: ["data-analyst", "tester"]),
            Fixture.role("data-analyst", title: "Data Analyst", plural: "Data Analysts", related: ["backend-developer"], risk: 70),
            Fixture.role("tester", title: "Tester", plural: "Testers", risk: 20, extra: [
                "article.en.md": "# Testing\n\nA long read on testing.\n",
                "fr.json": #"{ "title": "Testeur", "titlePlural": "Testeurs", "description": "À propos des testeurs." }"#,
            ]),
            Fixture.role("writer", title: "Writer", plural: "Writers", related: ["tester"], risk: 55),
        ]))
    }

    fileprivate func build(_ site: FixtureSite, clean: Bool = false, output: URL? = nil, roleCache: RoleReadingCache? = nil) -> BuildReport {
        var options = BuildOptions(root: site.root, output: output ?? site.output, clean: clean)
        options.roleCache = roleCache
        return SiteBuilder.build(options)
    }

    fileprivate func inode(_ path: String) -> UInt64 {
        var status = stat()
        return lstat(path, &status) == 0 ? UInt64(status.st_ino) : 0
    }

    // MARK: The property

    /// Random edits of every kind a site has, each followed by an incremental build into
    /// `public/` and a clean build into a fresh folder: the trees and the reports must be equal.
    /// Set ROLEGEN_INCREMENTAL_SEED to replay a failing sequence.
    func testIncrementalTreeEqualsCleanTreeAfterRandomEdits() throws {
        try checkRandomEdits(roleCache: nil)
    }

    /// The same as `serve` builds: one process, role folders kept between builds.
    func testIncrementalTreeEqualsCleanTreeAfterRandomEditsKeepingRoleReadings() throws {
        try checkRandomEdits(roleCache: RoleReadingCache())
    }

    /// The same as `serve` builds: one `BuildSession`, told which files changed as the watcher
    /// tells it (a folder added or removed with its files; nothing for an output page edited by
    /// hand, which the watcher does not see: the session then builds in full, as for an unknown
    /// list). Most edits of roles' files are built from memory and written in place.
    func testSessionTreeEqualsCleanTreeAfterRandomEdits() throws {
        var session: BuildSession?
        let seed = try checkRandomEdits(steps: 60) { site, editor in
            if session == nil { session = BuildSession(options: BuildOptions(root: site.root)) }
            let paths = editor?.changedPaths ?? []
            return session!.build(changedSources: paths.isEmpty ? nil : paths)
        }
        XCTAssertGreaterThan(session?.quickBuilds ?? 0, 10, "too few edits were built from memory to test that way: \(seed)")
    }

    private func checkRandomEdits(roleCache: RoleReadingCache?) throws {
        _ = try checkRandomEdits(steps: 30) { site, _ in self.build(site, roleCache: roleCache) }
    }

    /// `build` is given the editor after each edit (nil for the first build).
    @discardableResult
    private func checkRandomEdits(steps: Int, rebuild: (FixtureSite, SiteEditor?) -> BuildReport) throws -> String {
        let seed = ProcessInfo.processInfo.environment["ROLEGEN_INCREMENTAL_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 0...UInt64.max)
        var random = SplitMix64(seed: seed)
        let site = try makeSite()
        XCTAssertTrue(rebuild(site, nil).succeeded, "seed \(seed)")
        var editor = SiteEditor(site: site)
        let cleanOutput = site.root.appendingPathComponent("clean")
        for step in 0..<steps {
            let edit = try editor.applyRandomEdit(&random)
            let context = "seed \(seed), step \(step), after \(edit) (replay with ROLEGEN_INCREMENTAL_SEED=\(seed))"
            let before = try site.snapshot()
            let publishedFolder = inode(site.output.path)
            let incremental = rebuild(site, editor)
            if edit.breaksTheBuild {
                XCTAssertFalse(incremental.succeeded, context)
                XCTAssertEqual(try site.snapshot(), before, "a failed build changed the output; " + context)
                XCTAssertEqual(inode(site.output.path), publishedFolder, "a failed build replaced the output; " + context)
                continue
            }
            XCTAssertTrue(incremental.succeeded, context + ": " + incremental.diagnostics.map(\.rendered).joined(separator: "\n"))
            try? FileManager.default.removeItem(at: cleanOutput)
            let clean = build(site, clean: true, output: cleanOutput)
            XCTAssertTrue(clean.succeeded, context)
            let cleanTree = try snapshot(of: cleanOutput)
            let incrementalTree = try site.snapshot()
            XCTAssertEqual(incrementalTree.keys.sorted(), cleanTree.keys.sorted(), context)
            for (path, bytes) in cleanTree where incrementalTree[path] != bytes {
                XCTFail("\(path) differs from the clean build's; " + context)
            }
            XCTAssertEqual(incremental.diagnostics, clean.diagnostics, context)
            XCTAssertEqual(incremental.fallbacks, clean.fallbacks, context)
            XCTAssertEqual(incremental.files, clean.files, context)
            XCTAssertEqual(incremental.pageCount, clean.pageCount, context)
            // A page edited by hand is rendered again, but its bytes are the recorded ones.
            if let changed = incremental.changedFiles, edit != .outputTamperedWith {
                let reallyChanged = Set(cleanTree.keys).union(before.keys).filter { before[$0] != cleanTree[$0] }
                XCTAssertEqual(changed, reallyChanged, "changed files; " + context)
            }
            if edit == .nothing {
                XCTAssertEqual(inode(site.output.path), publishedFolder, "an unchanged build replaced the output; " + context)
            }
        }
        return "seed \(seed)"
    }

    fileprivate func snapshot(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return files }
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            files[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    // MARK: What is rendered and written

    func testEditingOneRolesTextRewritesOnlyItsPages() throws {
        let site = try makeSite()
        XCTAssertTrue(build(site).succeeded)
        let untouched = site.output.appendingPathComponent("en/roles/data-analyst/index.html").path
        let untouchedInode = inode(untouched)
        try site.write(
            Fixture.roleText(title: "Writer", plural: "Writers").replacingOccurrences(of: "About Writers.", with: "All about writers."),
            to: "content/roles/writer/en.json")
        let report = build(site)
        XCTAssertTrue(report.succeeded)
        // The French page falls back on the English description, so it changes too; nothing else does.
        XCTAssertEqual(report.changedFiles, ["en/roles/writer/index.html", "fr/metiers/writer/index.html"])
        XCTAssertContains(try site.read("en/roles/writer/index.html"), "All about writers.")
        XCTAssertEqual(inode(untouched), untouchedInode, "an unaffected page was written again")
    }

    /// A first build keys its pages beside rendering them (nothing to compare with yet); its
    /// record must still hold every page's key, or the next build renders every page again.
    func testAFirstBuildRecordsThePageKeysTheNextBuildComparesWith() throws {
        let site = try makeSite()
        XCTAssertTrue(build(site).succeeded)
        let folder = try XCTUnwrap(OutputFolder.recordFolder(for: site.output))
        let first = try XCTUnwrap(BuildRecord.read(in: folder))
        try site.write(Fixture.roleText(title: "Writer", plural: "Writers").replacingOccurrences(of: "About Writers.", with: "All about writers."), to: "content/roles/writer/en.json")
        XCTAssertTrue(build(site).succeeded)
        let second = try XCTUnwrap(BuildRecord.read(in: folder))
        let untouched = "en/roles/data-analyst/index.html"
        XCTAssertNotEqual(first.outputs[untouched]?.key ?? 0, 0)
        XCTAssertEqual(first.outputs[untouched]?.key, second.outputs[untouched]?.key)
        XCTAssertNotEqual(first.outputs["en/roles/writer/index.html"]?.key, second.outputs["en/roles/writer/index.html"]?.key)
    }

    func testATitleReachesTheIndexesAndTheRolesThatLinkToIt() throws {
        let site = try makeSite()
        XCTAssertTrue(build(site).succeeded)
        try site.write(Fixture.roleText(title: "Quality Engineer", plural: "Testers"), to: "content/roles/tester/en.json")
        let report = build(site)
        XCTAssertTrue(report.succeeded)
        let changed = report.changedFiles ?? []
        for page in ["en/index.html", "en/roles/tester/index.html", "en/roles/backend-developer/index.html", "en/roles/writer/index.html"] {
            XCTAssertTrue(changed.contains(page), "\(page) not rewritten")
        }
        XCTAssertFalse(changed.contains("en/roles/data-analyst/index.html"), "a page that does not link to the tester was rewritten")
        XCTAssertContains(try site.read("en/roles/backend-developer/index.html"), "Quality Engineer")
    }

    func testAnUnchangedBuildLeavesTheOutputFolderAlone() throws {
        let site = try makeSite()
        let first = build(site)
        XCTAssertTrue(first.succeeded)
        let folder = inode(site.output.path)
        let again = build(site)
        XCTAssertTrue(again.succeeded)
        XCTAssertEqual(again.changedFiles, [])
        XCTAssertEqual(again.files, first.files)
        XCTAssertEqual(again.pagesPerLocale.map(\.count), first.pagesPerLocale.map(\.count))
        XCTAssertFalse(first.fallbacks.isEmpty, "the fixture's French text falls back: the repeated report has something to repeat")
        XCTAssertEqual(again.fallbacks, first.fallbacks)
        XCTAssertEqual(again.diagnostics, first.diagnostics)
        XCTAssertEqual(again.outdated, first.outdated)
        XCTAssertEqual(inode(site.output.path), folder, "the output folder was swapped")
        // --clean renders and swaps all the same.
        let clean = build(site, clean: true)
        XCTAssertTrue(clean.succeeded)
        XCTAssertNil(clean.changedFiles)
        XCTAssertNotEqual(inode(site.output.path), folder)
    }

    func testAPageEditedByHandIsRenderedAgain() throws {
        let site = try makeSite()
        XCTAssertTrue(build(site).succeeded)
        let page = site.output.appendingPathComponent("en/index.html")
        let original = try Data(contentsOf: page)
        try Data("edited by hand".utf8).write(to: page)
        XCTAssertTrue(build(site).succeeded)
        XCTAssertEqual(try Data(contentsOf: page), original)
    }

    /// A build with `--force` replaces a folder holding files rolegen did not write; that tree
    /// must not be kept for the next build to update, or the foreign file would come back.
    func testFilesReplacedWithForceDoNotComeBack() throws {
        let site = try makeSite()
        XCTAssertTrue(build(site).succeeded)
        try Data("www.example.org".utf8).write(to: site.output.appendingPathComponent("CNAME"))
        XCTAssertFalse(build(site).succeeded, "a folder with a foreign file is replaced only with --force")
        XCTAssertTrue(SiteBuilder.build(BuildOptions(root: site.root, force: true)).succeeded)
        XCTAssertFalse(site.exists("CNAME"))
        try site.write(Fixture.roleText(title: "Writer", plural: "Scribes"), to: "content/roles/writer/en.json")
        XCTAssertTrue(build(site).succeeded)
        XCTAssertFalse(site.exists("CNAME"))
        try site.write(Fixture.roleText(title: "Writer", plural: "Authors"), to: "content/roles/writer/en.json")
        XCTAssertTrue(build(site).succeeded)
        XCTAssertFalse(site.exists("CNAME"))
    }

    func testAFailedIncrementalBuildLeavesTheSharedFilesAsTheyWere() throws {
        let site = try makeSite()
        XCTAssertTrue(build(site).succeeded)
        let before = try site.snapshot()
        let folder = inode(site.output.path)
        // Role text changed (its pages are rendered, the others linked into staging), and a
        // template mistake that only the render finds.
        try site.write(Fixture.roleText(title: "Writer", plural: "Scribes"), to: "content/roles/writer/en.json")
        let template = try String(contentsOf: site.root.appendingPathComponent("templates/sections/verdict.html"), encoding: .utf8)
        try site.write(template + "{{#role}}{{nosuch.name}}{{/role}}", to: "templates/sections/verdict.html")
        let failed = build(site)
        XCTAssertFalse(failed.succeeded)
        XCTAssertEqual(try site.snapshot(), before)
        XCTAssertEqual(inode(site.output.path), folder)
    }

    /// A source that is a symbolic link (here to a file elsewhere in the site) counts as the file
    /// it links to: editing that file is an edit of the role, whose pages are rendered again.
    func testAnEditBehindALinkedSourceIsSeen() throws {
        let site = try makeSite()
        let text = Fixture.roleText(title: "Writer", plural: "Writers")
        try site.write(text, to: "shared/writer-en.json")
        try site.remove("content/roles/writer/en.json")
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("content/roles/writer/en.json").path,
            withDestinationPath: site.root.appendingPathComponent("shared/writer-en.json").path)
        XCTAssertTrue(build(site).succeeded)
        try site.write(text.replacingOccurrences(of: "About Writers.", with: "All about writers."), to: "shared/writer-en.json")
        let report = build(site)
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(report.changedFiles, ["en/roles/writer/index.html", "fr/metiers/writer/index.html"])
        XCTAssertContains(try site.read("en/roles/writer/index.html"), "All about writers.")
    }

    // MARK: The record, written while the pages render

    private func recordFolder(_ site: FixtureSite) -> URL {
        site.root.appendingPathComponent(".public.rolegen")
    }

    /// The record's first part is written while the pages render: a build that fails then
    /// (a mistake only rendering finds) leaves the previous record as it was and no part of its own.
    func testABuildThatFailsWhileRenderingLeavesThePreviousRecord() throws {
        let site = try makeSite()
        XCTAssertTrue(build(site).succeeded)
        OutputFolder.waitForRemovals()
        let record = recordFolder(site).appendingPathComponent("incremental")
        let recorded = try Data(contentsOf: record)
        let entries = try FileManager.default.contentsOfDirectory(atPath: recordFolder(site).path).sorted()
        try site.write(Fixture.roleText(title: "Writer", plural: "Scribes"), to: "content/roles/writer/en.json")
        let template = try String(contentsOf: site.root.appendingPathComponent("templates/sections/verdict.html"), encoding: .utf8)
        try site.write(template + "{{#role}}{{nosuch.name}}{{/role}}", to: "templates/sections/verdict.html")
        XCTAssertFalse(build(site).succeeded)
        XCTAssertEqual(try Data(contentsOf: record), recorded)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: recordFolder(site).path).sorted(), entries)
        // Repaired: the next build records the new tree, and the one after has nothing to do.
        try site.write(template, to: "templates/sections/verdict.html")
        XCTAssertTrue(build(site).succeeded)
        XCTAssertNotEqual(try Data(contentsOf: record), recorded)
        XCTAssertEqual(build(site).changedFiles, [])
    }

    /// A build killed while it wrote its record leaves `incremental.PID`, never read as a
    /// record; the next build removes it, unless its process still runs (here pid 1).
    func testAnUnfinishedRecordOfAKilledBuildIsRemoved() throws {
        let site = try makeSite()
        XCTAssertTrue(build(site).succeeded)
        let folder = recordFolder(site)
        for pid in [Int32.max, 1] {
            try Data("rolegen incremental record 2\noptions 0\n".utf8).write(to: folder.appendingPathComponent("incremental.\(pid)"))
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("incremental"))
        let again = build(site)
        XCTAssertTrue(again.succeeded)
        XCTAssertNotEqual(again.changedFiles, [], "without its record, the build is a full one")
        OutputFolder.waitForRemovals()
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(entries.filter { $0.hasPrefix("incremental") }, ["incremental", "incremental.1"])
        XCTAssertEqual(build(site).changedFiles, [], "the record written is complete")
    }
}

// MARK: serve's session

extension IncrementalBuildTests {
    private var writerText: String { Fixture.roleText(title: "Writer", plural: "Writers") }

    private func cleanTree(_ site: FixtureSite) throws -> [String: Data] {
        let output = site.root.appendingPathComponent("clean-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        XCTAssertTrue(build(site, clean: true, output: output).succeeded)
        return try snapshot(of: output)
    }

    private func recordExists(_ site: FixtureSite) -> Bool {
        FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".public.rolegen/incremental").path)
    }

    /// An edit of one role's text is built from memory: its two pages are replaced in place (a
    /// new inode under the same name), the others and the folder stay, and the tree is a clean
    /// build's.
    func testASessionReplacesOnlyTheEditedPagesInPlace() throws {
        let site = try makeSite()
        let session = BuildSession(options: BuildOptions(root: site.root))
        XCTAssertTrue(session.build(changedSources: nil).succeeded)
        let folder = inode(site.output.path)
        let untouched = inode(site.output.appendingPathComponent("en/roles/data-analyst/index.html").path)
        let edited = inode(site.output.appendingPathComponent("en/roles/writer/index.html").path)
        try site.write(writerText.replacingOccurrences(of: "About Writers.", with: "All about writers."), to: "content/roles/writer/en.json")
        let report = session.build(changedSources: ["content/roles/writer/en.json"])
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.rendered).joined(separator: "\n"))
        XCTAssertEqual(session.quickBuilds, 1)
        XCTAssertEqual(report.changedFiles, ["en/roles/writer/index.html", "fr/metiers/writer/index.html"])
        XCTAssertEqual(inode(site.output.path), folder, "the output folder was swapped")
        XCTAssertEqual(inode(site.output.appendingPathComponent("en/roles/data-analyst/index.html").path), untouched)
        XCTAssertNotEqual(inode(site.output.appendingPathComponent("en/roles/writer/index.html").path), edited)
        XCTAssertEqual(try site.snapshot(), try cleanTree(site))
    }

    /// Replacing files in place removes the incremental record first: a server killed between
    /// two renames (here: one page left as it was) leaves no record, and the next `rolegen
    /// build` renders everything and gives the clean tree.
    func testAServerKilledBetweenTwoReplacedPagesIsRepairedByTheNextBuild() throws {
        let site = try makeSite()
        let session = BuildSession(options: BuildOptions(root: site.root))
        XCTAssertTrue(session.build(changedSources: nil).succeeded)
        XCTAssertTrue(recordExists(site))
        let oldFrench = try Data(contentsOf: site.output.appendingPathComponent("fr/metiers/writer/index.html"))
        try site.write(writerText.replacingOccurrences(of: "About Writers.", with: "All about writers."), to: "content/roles/writer/en.json")
        XCTAssertTrue(session.build(changedSources: ["content/roles/writer/en.json"]).succeeded)
        XCTAssertEqual(session.quickBuilds, 1)
        XCTAssertFalse(recordExists(site), "the record still describes a tree that changed in place")
        // The second rename never happened; the process is gone (no close()).
        try oldFrench.write(to: site.output.appendingPathComponent("fr/metiers/writer/index.html"))
        let next = build(site)
        XCTAssertTrue(next.succeeded)
        XCTAssertNil(next.changedFiles, "the next build trusted a record")
        XCTAssertEqual(try site.snapshot(), try cleanTree(site))
    }

    /// `close()` (the server stopping) writes the record of the tree as the session left it:
    /// the next `rolegen build` finds nothing to do, and a later edit is built incrementally.
    func testAClosedSessionLeavesARecordTheNextBuildTrusts() throws {
        let site = try makeSite()
        let session = BuildSession(options: BuildOptions(root: site.root))
        XCTAssertTrue(session.build(changedSources: nil).succeeded)
        for take in 1...2 {
            try site.write(writerText.replacingOccurrences(of: "About Writers.", with: "Take \(take)."), to: "content/roles/writer/en.json")
            XCTAssertTrue(session.build(changedSources: ["content/roles/writer/en.json"]).succeeded)
        }
        XCTAssertEqual(session.quickBuilds, 2)
        session.close()
        let folder = inode(site.output.path)
        let next = build(site)
        XCTAssertTrue(next.succeeded)
        XCTAssertEqual(next.changedFiles, [])
        XCTAssertEqual(inode(site.output.path), folder)
        try site.write(Fixture.roleText(title: "Tester", plural: "Checkers"), to: "content/roles/tester/en.json")
        let edited = build(site)
        XCTAssertEqual(edited.changedFiles?.contains("en/roles/writer/index.html"), false)
        XCTAssertEqual(try site.snapshot(), try cleanTree(site))
    }

    /// Another build into the same folder between two edits (`make site` while serving): the
    /// session no longer knows the tree and builds in full instead of writing into it.
    func testASessionDoesNotWriteIntoATreeAnotherBuildPublished() throws {
        let site = try makeSite()
        let session = BuildSession(options: BuildOptions(root: site.root))
        XCTAssertTrue(session.build(changedSources: nil).succeeded)
        try site.write(Fixture.roleText(title: "Writer", plural: "Scribes"), to: "content/roles/writer/en.json")
        XCTAssertTrue(SiteBuilder.build(BuildOptions(root: site.root, baseURL: "https://other.example/")).succeeded)
        try site.write(Fixture.roleText(title: "Writer", plural: "Authors"), to: "content/roles/writer/en.json")
        let report = session.build(changedSources: ["content/roles/writer/en.json"])
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(session.quickBuilds, 0)
        XCTAssertEqual(try site.snapshot(), try cleanTree(site))
    }

    /// The edited role's Markdown is inspected again: raw HTML is a warning at its line, a link
    /// to an anchor the linked page lacks an error, as `rolegen build` reports them.
    func testASessionChecksTheEditedMarkdownAgain() throws {
        let site = try makeSite()
        let session = BuildSession(options: BuildOptions(root: site.root))
        XCTAssertTrue(session.build(changedSources: nil).succeeded)
        let path = "content/roles/writer/analysis.en.md"
        try site.write("Some <b>raw</b> HTML.\n", to: path)
        let warned = session.build(changedSources: [path])
        XCTAssertTrue(warned.succeeded)
        XCTAssertEqual(session.quickBuilds, 1)
        XCTAssertEqual(warned.diagnostics.map(\.code), [SiteError.Code.rawHTMLDropped.rawValue])
        XCTAssertEqual(warned.diagnostics, build(site, clean: true, output: site.root.appendingPathComponent("clean")).diagnostics)
        try site.write("See [the tester](role:tester#skills).\n", to: path)
        XCTAssertEqual(session.build(changedSources: [path]).diagnostics, [])
        XCTAssertEqual(session.quickBuilds, 2)
        let before = try site.snapshot()
        try site.write("See [the tester](role:tester#no-such-anchor).\n", to: path)
        let broken = session.build(changedSources: [path])
        XCTAssertEqual(broken.diagnostics.map(\.code), [SiteError.Code.brokenAnchor.rawValue])
        XCTAssertEqual(try site.snapshot(), before)
    }

    /// Checks across roles run again after an edit of one: a title that another role has is a
    /// warning at the later role's title, naming the earlier one's file, and goes with the edit
    /// that undoes it.
    func testASessionFindsATitleThatAnotherRoleHas() throws {
        let site = try makeSite()
        let session = BuildSession(options: BuildOptions(root: site.root))
        XCTAssertTrue(session.build(changedSources: nil).succeeded)
        try site.write(Fixture.roleText(title: "Tester", plural: "Writers"), to: "content/roles/writer/en.json")
        let duplicate = session.build(changedSources: ["content/roles/writer/en.json"])
        XCTAssertEqual(session.quickBuilds, 1)
        XCTAssertEqual(duplicate.diagnostics.map(\.code), [ContentError.Code.duplicateTitle.rawValue])
        XCTAssertEqual(duplicate.diagnostics.first?.location?.file, "content/roles/writer/en.json")
        XCTAssertContains(duplicate.diagnostics.first?.message ?? "", "content/roles/tester/en.json")
        XCTAssertEqual(duplicate.diagnostics, build(site, clean: true, output: site.root.appendingPathComponent("clean")).diagnostics)
        try site.write(writerText, to: "content/roles/writer/en.json")
        XCTAssertEqual(session.build(changedSources: ["content/roles/writer/en.json"]).diagnostics, [])
        XCTAssertEqual(session.quickBuilds, 2)
        XCTAssertEqual(try site.snapshot(), try cleanTree(site))
    }

    /// A server stopped while an edit it read is still broken (here: a link to an anchor that
    /// does not exist) records nothing: its memory holds text the tree does not show, and a
    /// record of it would let the next build trust the wrong report. That build is a full one.
    func testASessionClosedAfterAFailedEditRecordsNothing() throws {
        let site = try makeSite()
        let session = BuildSession(options: BuildOptions(root: site.root))
        XCTAssertTrue(session.build(changedSources: nil).succeeded)
        try site.write(writerText.replacingOccurrences(of: "About Writers.", with: "Edited."), to: "content/roles/writer/en.json")
        XCTAssertTrue(session.build(changedSources: ["content/roles/writer/en.json"]).succeeded)
        try site.write("See [the tester](role:tester#no-such-anchor).\n", to: "content/roles/writer/analysis.en.md")
        XCTAssertFalse(session.build(changedSources: ["content/roles/writer/analysis.en.md"]).succeeded)
        session.close()
        XCTAssertFalse(recordExists(site))
        try site.write("The analysis, again.\n", to: "content/roles/writer/analysis.en.md")
        let next = build(site)
        XCTAssertTrue(next.succeeded)
        XCTAssertNil(next.changedFiles, "the next build trusted a record")
        XCTAssertEqual(try site.snapshot(), try cleanTree(site))
    }

    /// A broken role file is reported as `rolegen build` reports it and changes nothing; the
    /// repair is built from memory again.
    func testABrokenRoleFileThenItsRepairInASession() throws {
        let site = try makeSite()
        let session = BuildSession(options: BuildOptions(root: site.root))
        XCTAssertTrue(session.build(changedSources: nil).succeeded)
        let before = try site.snapshot()
        try site.write("{ \"title\": ", to: "content/roles/writer/en.json")
        let broken = session.build(changedSources: ["content/roles/writer/en.json"])
        XCTAssertEqual(broken.diagnostics, build(site, output: site.root.appendingPathComponent("elsewhere")).diagnostics)
        XCTAssertFalse(broken.succeeded)
        XCTAssertEqual(try site.snapshot(), before)
        // The repair names another file: the broken one is read again all the same.
        try site.write(writerText.replacingOccurrences(of: "About Writers.", with: "Repaired."), to: "content/roles/writer/en.json")
        try site.write("Analysis again.\n", to: "content/roles/tester/analysis.en.md")
        XCTAssertTrue(session.build(changedSources: ["content/roles/tester/analysis.en.md"]).succeeded)
        XCTAssertEqual(session.quickBuilds, 1)
        XCTAssertEqual(try site.snapshot(), try cleanTree(site))
    }
}

/// Makes one random, valid edit at a time (or, now and then, one that breaks the build, undone
/// by the next edit), keeping track of what it changed.
private struct SiteEditor {
    enum Edit: Equatable, CustomStringConvertible {
        case roleText(String)
case markdown(String)
case roleFacts(String)
case frenchText(String)
case uiString
case template(String)
case asset
        case siteJSON
case roleAdded(String)
case roleRemoved(String)
case outputTamperedWith
case broken(String)
case restored(String)
case nothing

        var breaksTheBuild: Bool {
            if case .broken = self { return true }
            return false
        }

        var description: String {
            switch self {
            case .roleText(let slug): "an edit of \(slug)/en.json"
            case .markdown(let slug): "an edit of \(slug)/analysis.en.md"
            case .roleFacts(let slug): "an edit of \(slug)/role.json"
            case .frenchText(let slug): "a change of \(slug)/fr.json"
            case .uiString: "an edit of locales/en.json"
            case .template(let name): "an edit of templates/\(name)"
            case .asset: "an edit of templates/assets/style.css"
            case .siteJSON: "an edit of site.json"
            case .roleAdded(let slug): "role \(slug) added"
            case .roleRemoved(let slug): "role \(slug) removed"
            case .outputTamperedWith: "an output page edited by hand"
            case .broken(let path): "a broken \(path)"
            case .restored(let path): "\(path) repaired"
            case .nothing: "no edit"
            }
        }
    }

    let site: FixtureSite
    let originals = ["backend-developer", "data-analyst", "tester", "writer"]
    var added: [String] = []
    var counter = 0
    /// The file a broken edit replaced and its text, restored by the next edit.
    var toRestore: (path: String, text: String)?
    /// The sources the last edit changed, relative to the site root, sorted, as the watcher
    /// reports them: a folder added or removed, and the files in it.
    private(set) var changedPaths: [String] = []

    init(site: FixtureSite) {
        self.site = site
    }

    private func text(_ path: String) throws -> String {
        try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
    }

    mutating func applyRandomEdit(_ random: inout SplitMix64) throws -> Edit {
        var changed: Set<String> = []
        defer { changedPaths = changed.sorted() }
        func write(_ text: String, to path: String) throws {
            try site.write(text, to: path)
            changed.insert(path)
        }
        func remove(_ path: String) throws {
            let url = site.root.appendingPathComponent(path)
            if let files = FileManager.default.enumerator(atPath: url.path) {
                for case let file as String in files { changed.insert(path + "/" + file) }
            }
            try site.remove(path)
            changed.insert(path)
        }
        if let restore = toRestore {
            try write(restore.text, to: restore.path)
            toRestore = nil
            return .restored(restore.path)
        }
        counter += 1
        let roles = originals + added
        let slug = roles.randomElement(using: &random)!
        let n = counter
        switch Int.random(in: 0..<14, using: &random) {
        case 0, 1:
            // Sometimes the title (shown by indexes and related roles), sometimes only the description.
            let title = Bool.random(using: &random) ? "Title \(n)" : (slug == "tester" ? "Tester" : "Role \(slug)")
            try write(
                Fixture.roleText(title: title, plural: "Plural \(slug)").replacingOccurrences(of: "About Plural", with: "About \(n)"),
                to: "content/roles/\(slug)/en.json")
            return .roleText(slug)
        case 2:
            let path = "content/roles/\(slug)/analysis.en.md"
            let other = originals.filter { $0 != slug }.randomElement(using: &random)!
            switch Int.random(in: 0..<4, using: &random) {
            case 0:
                try write("The analysis, take \(n).\n\n- one\n- two\n", to: path)
            case 1:
                // Links to another role's page and anchor, the index, and this page's own anchor.
                try write("Take \(n): see [\(other)](role:\(other)#skills), [home](../../) and [the verdict](#verdict).\n", to: path)
            case 2:
                // Raw HTML the page drops: a warning at its line.
                try write("Take \(n).\n\nSome <b>raw</b> HTML.\n", to: path)
            default:
                // A link to an anchor no page has: an error, repaired by the next edit.
                toRestore = (path, try text(path))
                try write("Take \(n): [nowhere](role:\(other)#no-such-anchor).\n", to: path)
                return .broken(path)
            }
            return .markdown(slug)
        case 3:
            let related = originals.filter { $0 != slug }.filter { _ in Bool.random(using: &random) }
            try write(Fixture.roleFacts(related: related, risk: Int.random(in: 5...95, using: &random)), to: "content/roles/\(slug)/role.json")
            return .roleFacts(slug)
        case 4:
            let path = "content/roles/\(slug)/fr.json"
            if FileManager.default.fileExists(atPath: site.root.appendingPathComponent(path).path) {
                try remove(path)
            } else {
                try write(#"{ "title": "Titre \#(n)", "titlePlural": "Pluriel \#(n)", "description": "Description \#(n)." }"#, to: path)
            }
            return .frenchText(slug)
        case 5:
            let table = try text("locales/en.json")
            let edited = table.replacingOccurrences(of: #""home": "[^"]*""#, with: "\"home\": \"Home \(n)\"", options: .regularExpression)
            try write(edited, to: "locales/en.json")
            return .uiString
        case 6:
            let name = ["partials/footer.html", "sections/verdict.html", "pages/index.html"].randomElement(using: &random)!
            try write(try text("templates/\(name)") + "<!-- edit \(n) -->\n", to: "templates/\(name)")
            return .template(name)
        case 7:
            try write(try text("templates/assets/style.css") + "\n/* edit \(n) */\n", to: "templates/assets/style.css")
            return .asset
        case 8:
            let config = try text("site.json")
            try write(
                config.replacingOccurrences(of: #""title": "[^"]*""#, with: "\"title\": \"Fixture Site \(n)\"", options: .regularExpression),
                to: "site.json")
            return .siteJSON
        case 9:
            let new = "added-\(n)"
            for (path, text) in Fixture.role(new, title: "Added \(n)", plural: "Added \(n)s", related: [originals.randomElement(using: &random)!]) {
                try write(text, to: path)
            }
            changed.insert("content/roles/\(new)")
            added.append(new)
            return .roleAdded(new)
        case 10:
            guard let removed = added.popLast() else { return .nothing }
            try remove("content/roles/\(removed)")
            return .roleRemoved(removed)
        case 11:
            let page = site.output.appendingPathComponent(["en/index.html", "fr/index.html", "sitemap.xml"].randomElement(using: &random)!)
            try Data("tampered \(n)".utf8).write(to: page)
            return .outputTamperedWith
        case 12:
            let path = "content/roles/\(slug)/en.json"
            toRestore = (path, try text(path))
            try write("{ \"title\": ", to: path)
            return .broken(path)
        default:
            return .nothing
        }
    }
}
