import Diagnostics
import Foundation
import LibC
import Site
import XCTest

/// rolegen reads only regular files inside the site root: a link that leads outside it, and
/// anything that is not a regular file or folder, is refused — named, before it is opened.
final class ReadingInsideRootTests: XCTestCase {
    private func site() throws -> FixtureSite {
        try FixtureSite(Fixture.files(roles: [Fixture.role("backend", title: "Backend Developer", plural: "Backend Developers")]))
    }

    private func errors(_ report: BuildReport) -> [String] {
        report.diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    /// A folder outside the site with a secret in it, linked to from inside.
    private func secretFile() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("secret.txt")
        try Data("TOP-SECRET".utf8).write(to: file)
        return URL(fileURLWithPath: file.path).resolvingSymlinksInPath()
    }

    private func link(_ site: FixtureSite, _ path: String, to target: String) throws {
        let url = site.root.appendingPathComponent(path)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    private func fifo(_ site: FixtureSite, _ path: String) throws {
        let url = site.root.appendingPathComponent(path)
        try? FileManager.default.removeItem(at: url)
        XCTAssertEqual(mkfifo(url.path, 0o644), 0)
    }

    func testLinksOutsideTheRootAreRefusedEverywhere() throws {
        let site = try site()
        let secret = try secretFile()
        try link(site, "content/roles/backend/analysis.en.md", to: secret.path)
        try link(site, "templates/assets/x.css", to: secret.path)
        try link(site, "templates/partials/leak.html", to: secret.path)
        try link(site, "locales/fr.json", to: secret.path)
        let report = site.build()
        let outside = { (path: String) in
            "\(path):1:1: error: `\(path)` resolves to `\(secret.path)`, outside the site root: rolegen reads only files inside it (copy the file in instead of linking to it)"
        }
        XCTAssertEqual(errors(report), [
            outside("content/roles/backend/analysis.en.md"), outside("locales/fr.json"),
            outside("templates/assets/x.css"), outside("templates/partials/leak.html"),
        ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path))
    }

    func testALinkedFolderOutsideTheRootIsNotRead() throws {
        let site = try site()
        let secret = try secretFile()
        try link(site, "templates/outside", to: secret.deletingLastPathComponent().path)
        try FileManager.default.moveItem(at: secret, to: secret.deletingLastPathComponent().appendingPathComponent("page.html"))
        XCTAssertEqual(errors(site.build()), [
            "templates/outside:1:1: error: `templates/outside` resolves to `\(secret.deletingLastPathComponent().path)`, outside the site root: rolegen reads only files inside it (copy the file in instead of linking to it)",
        ])
    }

    func testLinksInsideTheRootAreFollowed() throws {
        let site = try site()
        try site.write("# Shared\n\nText.\n", to: "shared/analysis.md")
        try link(site, "content/roles/backend/analysis.en.md", to: "../../../shared/analysis.md")
        let report = site.build()
        XCTAssertEqual(errors(report), [])
        XCTAssertContains(try site.read("en/roles/backend/index.html"), "Shared")
    }

    /// A role folder that is a link to a folder inside the root is read through it, like a
    /// linked file: its files are not opened by name in a folder reached without links.
    func testARoleFolderLinkedInsideTheRootIsRead() throws {
        let site = try site()
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("content/roles/backend"), to: site.root.appendingPathComponent("kept"))
        try link(site, "content/roles/backend", to: "../../kept")
        let report = site.build()
        XCTAssertEqual(errors(report), [])
        XCTAssertContains(try site.read("en/roles/backend/index.html"), "Backend Developer")
    }

    /// A role folder, or the folder of all roles, linked outside the root: not listed, so
    /// nothing in it is read (its files are missing).
    func testARoleFolderLinkedOutsideTheRootIsNotRead() throws {
        let missing = [
            "content/roles/backend/analysis.en.md:1:1: error: missing file `content/roles/backend/analysis.en.md` (the role's analysis in the default locale)",
            "content/roles/backend/en.json:1:1: error: missing file `content/roles/backend/en.json` (the role's text in the default locale)",
            "content/roles/backend/role.json:1:1: error: missing file `content/roles/backend/role.json` (the role's facts)",
            "content/roles/backend/verdict.en.md:1:1: error: missing file `content/roles/backend/verdict.en.md` (the role's verdict in the default locale)",
        ]
        for (linked, expected) in [("content/roles/backend", missing), ("content/roles", ["error: missing file `content/roles/` (one folder per role)"])] {
            let site = try site()
            let outside = try secretFile().deletingLastPathComponent()
            try FileManager.default.removeItem(at: outside)
            try FileManager.default.moveItem(at: site.root.appendingPathComponent(linked), to: outside)
            try link(site, linked, to: outside.path)
            XCTAssertEqual(errors(site.build()), expected, linked)
        }
    }

    /// Before the fix each of these hung the build forever.
    func testFIFOsAreRefusedWithoutBeingOpened() throws {
        for path in ["site.json", "content/roles/backend/role.json", "content/roles/backend/analysis.en.md", "locales/en.json", "templates/pages/404.html", "templates/assets/style.css"] {
            let site = try site()
            try fifo(site, path)
            let report = site.build()
            XCTAssertEqual(errors(report).first { $0.hasPrefix(path + ":") }, "\(path):1:1: error: `\(path)` is a FIFO (named pipe), not a regular file: rolegen reads only regular files and folders", path)
        }
    }

    func testASocketIsRefused() throws {
        let site = try site()
        let path = site.root.appendingPathComponent("content/roles/backend/verdict.en.md").path
        try FileManager.default.removeItem(atPath: path)
        let socket = LibC.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.enumerated() where index < buffer.count - 1 { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        try XCTSkipIf(bound != 0, "the temporary folder's path is too long for a socket")
        XCTAssertEqual(errors(site.build()), ["content/roles/backend/verdict.en.md:1:1: error: `content/roles/backend/verdict.en.md` is a socket, not a regular file: rolegen reads only regular files and folders"])
    }
}
