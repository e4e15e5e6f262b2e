import Foundation
import XCTest

/// The output folder is never a place of loss: rolegen replaces only what it wrote, never the
/// site's sources, and one build at a time.
final class OutputFolderTests: XCTestCase {
    private let fileManager = FileManager.default

    private func run(_ arguments: [String], in folder: URL? = nil) throws -> RolegenProcess.Result {
        try RolegenProcess.run(arguments, in: folder)
    }

    private var binary: URL {
        get throws { try RolegenProcess.binary }
    }

    private func siteCopy() throws -> URL {
        try RolegenProcess.siteCopy(testCase: self).root
    }

    private func exists(_ url: URL, _ path: String) -> Bool {
        fileManager.fileExists(atPath: url.appendingPathComponent(path).path)
    }

    func testBuildingIntoTheSiteRootIsRefusedEvenWithForce() throws {
        let root = try siteCopy()
        for arguments in [["build", "--output", "."], ["build", "--output", ".", "--force"], ["build", "--root", ".", "--output", "../" + root.lastPathComponent]] {
            let result = try run(arguments, in: root)
            XCTAssertEqual(result.status, 1)
            XCTAssertEqual(result.stderr.components(separatedBy: "\n").first, "error: the output folder \(root.path) is or contains the site root or its sources (\(root.path)): building there would delete them; choose another folder with --output, such as the default <root>/public (--force does not override this)")
            for source in ["site.json", "content/roles/backend-developer/role.json", "locales/en.json", "templates/pages/role.html"] {
                XCTAssertTrue(exists(root, source), "\(arguments): \(source) is still there")
            }
        }
        let parent = try run(["build", "--root", root.path, "--output", root.deletingLastPathComponent().path, "--force"])
        XCTAssertEqual(parent.status, 1)
        XCTAssertTrue(parent.stderr.hasPrefix("error: the output folder \(root.deletingLastPathComponent().path) is or contains the site root"), parent.stderr)
    }

    func testBuildingIntoASourceFolderIsRefusedEvenWithForce() throws {
        let root = try siteCopy()
        for output in ["content", "templates/assets", "locales/new", "site.json"] {
            let result = try run(["build", "--root", root.path, "--output", root.appendingPathComponent(output).path, "--force"])
            XCTAssertEqual(result.status, 1)
            let source = root.appendingPathComponent(String(output.split(separator: "/")[0])).path
            XCTAssertEqual(result.stderr.components(separatedBy: "\n").first, "error: the output folder \(root.appendingPathComponent(output).path) is or lies inside the site's sources (\(source)): building there would delete them; choose another folder with --output, such as the default <root>/public (--force does not override this)")
        }
        XCTAssertTrue(exists(root, "templates/assets/style.css"))
        XCTAssertFalse(exists(root, "locales/new"))
        // A link to a source folder is the source folder.
        try fileManager.createSymbolicLink(atPath: root.appendingPathComponent("out").path, withDestinationPath: "content")
        let linked = try run(["build", "--root", root.path, "--output", root.appendingPathComponent("out").path])
        XCTAssertEqual(linked.status, 1)
        XCTAssertTrue(linked.stderr.hasPrefix("error: the output folder \(root.path)/content is or lies inside the site's sources"), linked.stderr)
        XCTAssertTrue(exists(root, "content/roles/backend-developer/role.json"))
    }

    func testAFolderRolegenDidNotWriteIsReplacedOnlyWithForce() throws {
        let root = try siteCopy()
        let output = root.appendingPathComponent("www")
        try fileManager.createDirectory(at: output.appendingPathComponent("photos"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: output.appendingPathComponent("notes.txt"))
        let refused = try run(["build", "--root", root.path, "--output", output.path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr.components(separatedBy: "\n").first, "error: the output folder \(output.path) holds files rolegen did not write (notes.txt, photos/) and would be replaced; choose an empty or new folder with --output, or pass --force to replace it")
        XCTAssertTrue(exists(output, "notes.txt"))
        let serve = try run(["serve", "--help"])
        XCTAssertTrue(serve.stdout.contains("--force"), "serve documents --force")

        let forced = try run(["build", "--root", root.path, "--output", output.path, "--force", "--quiet"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertFalse(exists(output, "notes.txt"))
        XCTAssertTrue(exists(output, "en/index.html"))
    }

    func testOwnEarlierOutputIsReplacedButNotFilesAddedToIt() throws {
        let root = try siteCopy()
        let publicFolder = root.appendingPathComponent("public")
        try fileManager.createDirectory(at: publicFolder, withIntermediateDirectories: true)  // empty: fine
        XCTAssertEqual(try run(["build", "--root", root.path, "--quiet"]).status, 0)
        XCTAssertEqual(try run(["build", "--root", root.path, "--quiet"]).status, 0, "its own output is replaced")
        XCTAssertFalse(exists(root, "public/.rolegen"), "the record stays outside the published tree")
        try Data("example.org".utf8).write(to: publicFolder.appendingPathComponent("CNAME"))
        let refused = try run(["build", "--root", root.path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr.components(separatedBy: "\n").first, "error: the output folder \(publicFolder.path) holds files rolegen did not write (CNAME) and would be replaced; choose an empty or new folder with --output, or pass --force to replace it")
        XCTAssertTrue(exists(publicFolder, "CNAME"))
    }

    func testOutputLinkIsFollowedAndStaysALink() throws {
        let root = try siteCopy()
        let target = root.appendingPathComponent("elsewhere/site")
        try fileManager.createDirectory(at: target, withIntermediateDirectories: true)
        let link = root.appendingPathComponent("public")
        try fileManager.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
        for _ in 0..<2 {
            let result = try run(["build", "--root", root.path, "--quiet"])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        XCTAssertEqual(try fileManager.destinationOfSymbolicLink(atPath: link.path), target.path)
        XCTAssertTrue(exists(target, "en/index.html"))
        XCTAssertTrue(exists(root, "elsewhere/.site.rolegen/files"))

        try fileManager.removeItem(at: target)
        let dangling = try run(["build", "--root", root.path])
        XCTAssertEqual(dangling.status, 1)
        XCTAssertEqual(dangling.stderr.components(separatedBy: "\n").first, "error: the output path \(link.path) is a symbolic link to \(target.path), which does not exist; create the folder it points to or remove the link")
    }

    func testAMountPointIsRefused() throws {
        let root = try siteCopy()
        let result = try run(["build", "--root", root.path, "--output", "/proc", "--force"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr.components(separatedBy: "\n").first, "error: the output folder /proc is a mount point, which rolegen cannot replace atomically; build into a folder inside it (--output /proc/site) or into a folder on the same file system as its parent")
        XCTAssertFalse(fileManager.fileExists(atPath: "/.proc.rolegen"))
    }

    /// Two builds at once into one folder: each waits for the other, both succeed, and the tree
    /// is always whole. (Without the lock, one build deleted the other's staging folder while
    /// it rendered, and a partial tree was published in about one run of three.)
    func testConcurrentBuildsAreSerialised() throws {
        let root = try siteCopy()
        try RolegenProcess.addRoleCopies(to: root, count: 100)
        XCTAssertEqual(try run(["build", "--root", root.path, "--quiet"]).status, 0)
        let expected = try fileManager.subpathsOfDirectory(atPath: root.appendingPathComponent("public").path).sorted()
        for _ in 0..<4 {
            let builds = try (0..<2).map { _ in
                let process = Process()
                process.executableURL = try binary
                process.arguments = ["build", "--root", root.path, "--quiet"]
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            for build in builds {
                build.waitUntilExit()
                XCTAssertEqual(build.terminationStatus, 0)
            }
            XCTAssertEqual(try fileManager.subpathsOfDirectory(atPath: root.appendingPathComponent("public").path).sorted(), expected)
        }
    }

    /// A build that finds the lock held says so and waits; it publishes only once it has the lock.
    func testASecondBuildWaitsForTheLock() throws {
        let root = try siteCopy()
        XCTAssertEqual(try run(["build", "--root", root.path, "--quiet"]).status, 0)
        let site = root.appendingPathComponent("site.json")
        try Data(try String(contentsOf: site, encoding: .utf8).replacingOccurrences(of: "Will AI Replace My Job?", with: "Will AI Replace Your Job?").utf8).write(to: site)
        let page = root.appendingPathComponent("public/en/index.html")
        let lock = open(root.appendingPathComponent(".public.rolegen/lock").path, O_RDWR)
        XCTAssertGreaterThanOrEqual(lock, 0)
        XCTAssertEqual(flock(lock, LOCK_EX), 0)

        let process = Process()
        process.executableURL = try binary
        process.arguments = ["build", "--root", root.path, "--quiet"]
        let err = Pipe()
        process.standardError = err
        try process.run()
        var said = Data()
        while !said.contains(UInt8(ascii: "\n")) {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            said += chunk
        }
        XCTAssertEqual(String(decoding: said, as: UTF8.self), "waiting for another rolegen build into \(root.path)/public to finish (it holds \(root.path)/.public.rolegen/lock)\n")
        XCTAssertTrue(process.isRunning)
        XCTAssertTrue(try String(contentsOf: page, encoding: .utf8).contains("Will AI Replace My Job?"), "nothing published while the lock is held")
        close(lock)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertTrue(try String(contentsOf: page, encoding: .utf8).contains("Will AI Replace Your Job?"))
    }

    /// A staging folder whose build still runs is never deleted; one whose build died is.
    func testOnlyAbandonedStagingFoldersAreRemoved() throws {
        let root = try siteCopy()
        XCTAssertEqual(try run(["build", "--root", root.path, "--quiet"]).status, 0)
        let record = root.appendingPathComponent(".public.rolegen")
        let alive = record.appendingPathComponent("staging-\(getpid())")
        let dead = record.appendingPathComponent("staging-\(Int32.max)")
        try fileManager.createDirectory(at: alive, withIntermediateDirectories: true)
        try fileManager.createDirectory(at: dead, withIntermediateDirectories: true)
        XCTAssertEqual(try run(["build", "--root", root.path, "--quiet"]).status, 0)
        XCTAssertTrue(fileManager.fileExists(atPath: alive.path))
        XCTAssertFalse(fileManager.fileExists(atPath: dead.path))
    }
}
