import Content
import Foundation
import LibC
import TestSupport
import XCTest

@testable import Site

/// The sources' fingerprints decide what an incremental build reuses: every file a build reads
/// is in them with the hash of its bytes, and a hash is reused from the previous record only
/// when the file's status proves it unchanged.
final class SourceFingerprintsTests: XCTestCase {
    private var site: TemporarySite!

    override func setUpWithError() throws {
        site = try TemporarySite(
            [
                "site.json": "{}", "content/tools.json": "[1]", "content/roles/a/en.json": "{\"title\": \"A\"}",
                "content/roles/a/.swap": "hidden", "templates/pages/index.html": "<p>", "shared/x.md": "linked", "elsewhere.txt": "not a source",
            ], testCase: self)
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("locales"), withIntermediateDirectories: true)
        try link("content/roles/a/analysis.en.md", to: "../../../shared/x.md")
        try link("templates/shared", to: "../shared")
        try link("templates/pages/loop", to: "..")
        try link("templates/pages/dangling", to: "nowhere")
    }

    private func link(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(path).path, withDestinationPath: target)
    }

    private func take(previous: SourceFingerprints? = nil) -> SourceFingerprints {
        SourceFingerprints(root: site.root.path, previous: previous)
    }

    private func status(_ path: String) -> stat {
        var status = stat()
        XCTAssertEqual(stat(site.root.appendingPathComponent(path).path, &status), 0, path)
        return status
    }

    /// The walk keeps each folder's listing for the load (`FolderListings`), which reads it
    /// instead of listing the folder again: for every folder it is what the load would list.
    /// Every role's key, worked out for all roles at once (a build) or for one (a session after
    /// an edit), is the same: slugs that are prefixes of others, files whose names sort around
    /// the folders' `/`, a file at the roles folder's top.
    func testAllRolesKeysAreEachRolesOwnKey() {
        var files: [String: FileFingerprint] = [:]
        let paths = [
            "content/roles/a/en.json", "content/roles/a/role.json", "content/roles/a-b/en.json", "content/roles/a-b/fr.json",
            "content/roles/a.b/en.json", "content/roles/ab/en.json", "content/roles/a/-x.md", "content/roles/a/0.md",
            "content/roles/b/en.json", "content/roles/README.md", "content/tools.json", "site.json",
        ]
        for (index, path) in paths.enumerated() { files[path] = FileFingerprint(size: index, modified: 1, inode: UInt64(index), hash: UInt64(index * 7919)) }
        let fingerprints = SourceFingerprints(files: files, takenAt: 0)
        let keys = fingerprints.roleKeys()
        XCTAssertEqual(keys.keys.sorted(), ["a", "a-b", "a.b", "ab", "b"])
        for (slug, key) in keys { XCTAssertEqual(key, fingerprints.roleKey(slug), slug) }
        XCTAssertEqual(Set(keys.values).count, 5)
    }

    /// The record lists the sources in path order, sorted role folder by role folder: the same
    /// order as one sort of all paths, whatever sorts around a folder's `/` (`-`, `.`, names that
    /// are prefixes of others, files beside folders of the same name, non-ASCII names); and still
    /// when two folders' slugs hash alike (here all of them), which is found and sorted whole.
    func testFilesInPathOrderAreTheFilesSortedByPath() {
        let names = ["a", "a-b", "a.b", "ab", "b", "é", "e\u{301}x", "a/b", "-", "0", "z.md"]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<400 {
            var files: [String: FileFingerprint] = [:]
            for index in 0..<Int.random(in: 0..<60, using: &generator) {
                let slug = names.randomElement(using: &generator)!
                let path: String =
                    switch Int.random(in: 0..<6, using: &generator) {
                    case 0: "content/roles/" + slug + "/"
                    case 1: "content/roles/" + slug
                    case 2: "content/" + slug + ".json"
                    case 3: "templates/" + slug + "/"
                    default: "content/roles/" + slug + "/" + names.randomElement(using: &generator)!
                    }
                files[path] = FileFingerprint(size: index, modified: 1, inode: UInt64(index), hash: UInt64(index))
            }
            let fingerprints = SourceFingerprints(files: files, takenAt: 0)
            let expected = files.sorted { $0.key < $1.key }
            for ordered in [fingerprints.inPathOrder(), fingerprints.inPathOrder(slugHash: { _ in 1 })] {
                XCTAssertEqual(ordered.map(\.path), expected.map(\.key), "round \(round)")
                XCTAssertEqual(ordered.map(\.print), expected.map(\.value), "round \(round)")
            }
        }
    }

    func testTheWalksListingsAreWhatTheLoadWouldList() throws {
        var listings: [String: FolderListings.Listing]? = [:]
        _ = SourceFingerprints(root: site.root.path, previous: nil, readingFiles: false, listings: &listings)
        let walked = try XCTUnwrap(listings)
        XCTAssertEqual(walked.keys.sorted(), ["content", "content/roles", "content/roles/a", "locales", "templates", "templates/pages", "templates/shared"])
        let folder = SiteFolder(root: site.root.path)
        for (path, listing) in walked {
            XCTAssertEqual(listing.entries.sorted { $0.name < $1.name }, folder.entries(path), path)
        }
        XCTAssertEqual(walked["content/roles/a"]?.regularFiles, ["en.json"], "the linked file is looked at before it is opened")
    }

    func testEverySourceFileAndFolderIsFoundWithTheHashOfItsBytes() throws {
        let taken = take()
        XCTAssertEqual(
            taken.files.keys.sorted(),
            [
                "content/", "content/roles/", "content/roles/a/", "content/roles/a/analysis.en.md", "content/roles/a/en.json", "content/tools.json",
                "locales/", "site.json", "templates/", "templates/pages/", "templates/pages/index.html",
                // A link back up the tree is listed as a folder, and not entered.
                "templates/pages/loop/", "templates/shared/", "templates/shared/x.md",
            ])
        XCTAssertEqual(taken.files["content/roles/a/en.json"]?.hash, StableHash.of(Array("{\"title\": \"A\"}".utf8)))
        // A linked file counts as what it links to.
        XCTAssertEqual(taken.files["content/roles/a/analysis.en.md"]?.hash, StableHash.of(Array("linked".utf8)))
        let status = status("content/roles/a/analysis.en.md")
        XCTAssertEqual(taken.files["content/roles/a/analysis.en.md"]?.size, 6)
        XCTAssertEqual(taken.files["content/roles/a/analysis.en.md"]?.inode, UInt64(status.st_ino))
        XCTAssertEqual(taken.files["content/roles/a/analysis.en.md"]?.modified, Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec))
        XCTAssertEqual(taken.files["content/roles/a/"]?.hash, 0)
        XCTAssertEqual(taken.files["content/roles/a/"]?.inode, UInt64(self.status("content/roles/a").st_ino))
    }

    /// A hash is reused only for a file whose size, time and inode are as recorded, and which
    /// was not modified within `racyWindow` of the record (a write in the same clock tick keeps the time).
    func testAHashIsReusedOnlyWhenTheStatusProvesTheFileUnchanged() throws {
        let first = take()
        var previous = first
        for path in ["site.json", "content/tools.json", "content/roles/a/en.json"] { previous.files[path]?.hash = 42 }
        XCTAssertEqual(take(previous: previous).files["site.json"]?.hash, StableHash.of(Array("{}".utf8)), "modified within the window of the record")

        previous.takenAt = first.takenAt + 2 * SourceFingerprints.racyWindow + 1_000_000_000
        previous.files["content/tools.json"]?.size = 99
        let again = take(previous: previous)
        XCTAssertEqual(again.files["site.json"]?.hash, 42, "unchanged status: the recorded hash")
        XCTAssertEqual(again.files["content/roles/a/en.json"]?.hash, 42)
        XCTAssertEqual(again.files["content/tools.json"]?.hash, StableHash.of(Array("[1]".utf8)), "another size: read again")
        XCTAssertEqual(again.files["templates/pages/index.html"]?.hash, first.files["templates/pages/index.html"]?.hash, "not in the record: read")
    }

    /// A FIFO among the sources is fingerprinted without blocking (the build then refuses it).
    func testAFIFOIsTakenWithoutBlocking() throws {
        XCTAssertEqual(mkfifo(site.root.appendingPathComponent("content/roles/a/verdict.en.md").path, 0o644), 0)
        XCTAssertEqual(take().files["content/roles/a/verdict.en.md"]?.size, 0)
    }

    /// A walk for a build without a record only lists the files; their fingerprints come from
    /// the build's own reads where it read them, else from reading them then.
    func testNewFilesLeftUnhashedTakeTheHashesOfTheBuildsReads() throws {
        let full = take()
        var walked = SourceFingerprints(root: site.root.path, previous: nil, readingFiles: false)
        XCTAssertEqual(walked.files.keys.sorted(), full.files.keys.sorted())
        XCTAssertTrue(walked.hashesPending)
        XCTAssertEqual(walked.files.values.map(\.hash), Array(repeating: 0, count: full.files.count))
        XCTAssertEqual(walked.files["content/roles/a/"], full.files["content/roles/a/"], "a folder's own fingerprint is taken")

        let read = FileFingerprint(size: 2, modified: 7, inode: 8, hash: 9)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/tools.json"))
        walked.took(read, for: "site.json")
        walked.took(read, for: "not/walked.json")
        walked.takePending(root: site.root.path)
        walked.took(FileFingerprint(size: 1, modified: 1, inode: 1, hash: 1), for: "content/roles/a/en.json")
        XCTAssertFalse(walked.hashesPending)
        var expected = full.files
        expected["site.json"] = read
        // Gone before the build read it: not read by the build either.
        expected["content/tools.json"] = nil
        XCTAssertEqual(walked.files, expected)
    }

    /// A first build's record holds the hash of every source, as a walk that reads them all finds them.
    func testAFirstBuildRecordsEverySourceWithTheHashOfItsBytes() throws {
        let fixture = try FixtureSite(Fixture.files(roles: [Fixture.role("backend", title: "Backend Developer", plural: "Backend Developers")]))
        let report = fixture.build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.rendered).joined(separator: "\n"))
        let record = try XCTUnwrap(OutputFolder.recordFolder(for: fixture.output).flatMap(BuildRecord.read(in:)))
        XCTAssertEqual(record.sources.files, SourceFingerprints(root: fixture.root.path, previous: nil).files)
    }

    /// The fingerprint of a file a first build read is taken from that read: the status taken
    /// on the descriptor and the bytes read, not the file as it is now.
    func testAFirstBuildTakesTheFingerprintOfWhatItRead() throws {
        let output = site.root.appendingPathComponent("public")
        let build = try XCTUnwrap(IncrementalBuild.start(BuildOptions(root: site.root, output: output)))
        var status = stat()
        status.st_size = 3
        status.st_ino = 77
        build.readObserver("site.json", status, Array("old".utf8))
        XCTAssertEqual(build.sources.files["site.json"], FileFingerprint(size: 3, modified: 0, inode: 77, hash: StableHash.of(Array("old".utf8))))
        XCTAssertEqual(build.sources.files["content/tools.json"]?.hash, StableHash.of(Array("[1]".utf8)), "not read by the build: read then")
        build.readObserver("content/tools.json", status, Array("late".utf8))
        XCTAssertEqual(build.sources.files["content/tools.json"]?.hash, StableHash.of(Array("[1]".utf8)), "complete once asked for")
    }
}
