import Foundation
import LibC
import TestSupport
import XCTest

@testable import Content

/// `FolderReader` reads a folder's files by name relative to the folder, opened once: what it
/// reads and refuses must be what `SiteFolder` reads and refuses by path, also when a file or
/// folder changes after the listing that named it.
final class FolderReaderTests: XCTestCase {
    private var site: TemporarySite!
    /// A folder outside the site, with `secret.txt` in it (its real path).
    private var outside: String!

    override func setUpWithError() throws {
        site = try TemporarySite(["a/f.txt": "inside", "real/g.txt": "linked"], testCase: self)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        try Data("TOP-SECRET".utf8).write(to: folder.appendingPathComponent("secret.txt"))
        try Data("TOP-SECRET".utf8).write(to: folder.appendingPathComponent("sub/secret.txt"))
        outside = folder.resolvingSymlinksInPath().path
    }

    private var folder: SiteFolder { SiteFolder(root: site.root.path) }

    private func path(_ relative: String) -> String {
        site.root.appendingPathComponent(relative).path
    }

    private func link(_ relative: String, to target: String) throws {
        try? FileManager.default.removeItem(atPath: path(relative))
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: target)
    }

    /// `bytes: <text>`, `missing` or `refused: <message>`.
    private func describe(_ contents: SiteFolder.FileContents) -> String {
        switch contents {
        case .bytes(let bytes): "bytes: " + String(decoding: bytes, as: UTF8.self)
        case .missing: "missing"
        case .refused(let error): "refused: " + error.message
        }
    }

    func testReadsFilesOfAListedFolderAndOfTheRoot() throws {
        try site.write("{}", to: "site.json")
        let reader = FolderReader(folder)
        XCTAssertEqual(reader.entries("a"), [SiteFolder.Entry(name: "f.txt", isFolder: false)])
        XCTAssertEqual(describe(reader.contents(of: "a/f.txt")), "bytes: inside")
        XCTAssertEqual(describe(reader.contents(of: "a/none.txt")), "missing")
        XCTAssertEqual(describe(reader.contents(of: "site.json")), "bytes: {}")
        XCTAssertEqual(describe(reader.contents(of: "none/f.txt")), "missing")
        XCTAssertNil(reader.entries("none"))
    }

    /// The listing showed a regular file; a link put in its place before the read is not followed out.
    func testAFileSwappedForALinkOutsideAfterTheListingIsRefused() throws {
        let reader = FolderReader(folder)
        XCTAssertEqual(reader.entries("a")?.map(\.name), ["f.txt"])
        try link("a/f.txt", to: outside + "/secret.txt")
        XCTAssertEqual(
            describe(reader.contents(of: "a/f.txt")),
            "refused: `a/f.txt` resolves to `\(outside!)/secret.txt`, outside the site root: rolegen reads only files inside it (copy the file in instead of linking to it)")
    }

    /// The listing showed a regular file; a FIFO put in its place is refused, and reading does not block.
    func testAFileSwappedForAFIFOAfterTheListingIsRefusedWithoutBlocking() throws {
        let reader = FolderReader(folder)
        XCTAssertEqual(reader.entries("a")?.map(\.name), ["f.txt"])
        try FileManager.default.removeItem(atPath: path("a/f.txt"))
        XCTAssertEqual(mkfifo(path("a/f.txt"), 0o644), 0)
        XCTAssertEqual(describe(reader.contents(of: "a/f.txt")), "refused: `a/f.txt` is a FIFO (named pipe), not a regular file: rolegen reads only regular files and folders")
    }

    /// A FIFO the reader has not seen listed is looked at before it is opened.
    func testAnUnlistedFIFOIsRefused() throws {
        XCTAssertEqual(mkfifo(path("a/p"), 0o644), 0)
        XCTAssertEqual(describe(FolderReader(folder).contents(of: "a/p")), "refused: `a/p` is a FIFO (named pipe), not a regular file: rolegen reads only regular files and folders")
    }

    func testAFolderLinkedInsideTheRootIsReadThroughTheLink() throws {
        try link("a/linked", to: "../real")
        try link("l", to: "real")
        let reader = FolderReader(folder)
        XCTAssertEqual(reader.entries("a"), [SiteFolder.Entry(name: "f.txt", isFolder: false), SiteFolder.Entry(name: "linked", isFolder: true)])
        XCTAssertEqual(reader.entries("a/linked")?.map(\.name), ["g.txt"])
        XCTAssertEqual(describe(reader.contents(of: "a/linked/g.txt")), "bytes: linked")
        XCTAssertEqual(describe(reader.contents(of: "l/g.txt")), "bytes: linked")
    }

    /// A folder along the path (not the file's own) that leads outside: nothing below it is read.
    func testAFolderAlongThePathLinkedOutsideIsRefused() throws {
        try link("out", to: outside)
        let reader = FolderReader(folder)
        XCTAssertNil(reader.entries("out/sub"))
        XCTAssertEqual(
            describe(reader.contents(of: "out/sub/secret.txt")),
            "refused: `out/sub/secret.txt` resolves to `\(outside!)/sub/secret.txt`, outside the site root: rolegen reads only files inside it (copy the file in instead of linking to it)")
    }

    /// A folder that was a folder when the site's parents were opened, and a link outside when read.
    func testAFolderReplacedByALinkOutsideBeforeItIsOpenedIsRefused() throws {
        let folder = self.folder
        XCTAssertEqual(describe(FolderReader(folder).contents(of: "a/f.txt")), "bytes: inside")
        try FileManager.default.removeItem(atPath: path("a"))
        try link("a", to: outside)
        XCTAssertEqual(
            describe(FolderReader(folder).contents(of: "a/secret.txt")),
            "refused: `a/secret.txt` resolves to `\(outside!)/secret.txt`, outside the site root: rolegen reads only files inside it (copy the file in instead of linking to it)")
    }

    /// A folder listed before loading (a build's walk) is taken from its listing, sorted, once;
    /// asked for again, it is listed anew. A folder the reader refuses (a link out of the site)
    /// is refused still, whatever was listed for it.
    func testAListingGivenBeforehandIsTakenOnceInsteadOfListing() throws {
        try link("b", to: outside)
        let given = FolderListings([
            "a": .init(entries: [.init(name: "z.txt", isFolder: false), .init(name: "sub", isFolder: true)], regularFiles: ["z.txt"]),
            "b": .init(entries: [.init(name: "nothing", isFolder: false)], regularFiles: []),
        ])
        let folder = SiteFolder(root: site.root.path, listings: given)
        XCTAssertEqual(folder.entries("a"), [.init(name: "sub", isFolder: true), .init(name: "z.txt", isFolder: false)])
        XCTAssertEqual(folder.entries("a"), [.init(name: "f.txt", isFolder: false)], "listed anew")
        XCTAssertNil(folder.entries("b"), "a link out of the site")
    }
}
