import Foundation
import XCTest

/// The test sites under `Tests/Fixtures/` (see its README), so that tests never build the
/// repository's own example: editing the example must not break a test about something else.
///
/// A fixture holds only what makes it what it is: what it lacks of the repository's default
/// theme (`templates/`, and `locales/` for the locales it lists, which `rolegen init` ships
/// too) is copied in, and an invalid case (`invalid/<case>`) is the `valid` site with the
/// case's files written over it: a case folder holds just the files it breaks.
public enum FixtureSites {
    /// `Tests/Fixtures/`.
    public static let folder = PackageRoot.url.appendingPathComponent("Tests/Fixtures")

    /// The name of the file in an invalid case that holds the diagnostics its build reports.
    public static let expectedDiagnosticsFile = "expected-diagnostics.txt"

    /// The names of the invalid cases, `invalid/<case>`, sorted.
    public static var invalidCases: [String] {
        get throws {
            try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("invalid").path)
                .filter { !$0.hasPrefix(".") }.sorted().map { "invalid/" + $0 }
        }
    }

    /// Writes the fixture `name` (`valid`, `i18n`, `invalid/<case>`) into `root`, which must
    /// not exist yet: for an invalid case the valid site and then the case's files, then
    /// whatever of the theme the fixture does not have itself — every template, and the string
    /// table of each locale its site.json lists.
    public static func write(_ name: String, to root: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        for layer in name.hasPrefix("invalid/") ? ["valid", name] : [name] {
            try overlay(folder.appendingPathComponent(layer), onto: root, replacing: true)
        }
        try? manager.removeItem(at: root.appendingPathComponent(expectedDiagnosticsFile))
        try overlay(PackageRoot.url.appendingPathComponent("templates"), onto: root.appendingPathComponent("templates"), replacing: false)
        for locale in try locales(of: root) {
            let table = "locales/\(locale).json"
            let source = PackageRoot.url.appendingPathComponent(table)
            let target = root.appendingPathComponent(table)
            guard manager.fileExists(atPath: source.path), !manager.fileExists(atPath: target.path) else { continue }
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: source, to: target)
        }
    }

    /// The `locales` of the site.json under `root` (none when it cannot be read: a fixture may
    /// break it on purpose).
    private static func locales(of root: URL) throws -> [String] {
        guard let data = try? Data(contentsOf: root.appendingPathComponent("site.json")),
              let site = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [] }
        return site["locales"] as? [String] ?? []
    }

    /// The fixture `name` in a fresh temporary folder, removed when the test ends. Its path has
    /// every symbolic link resolved, as rolegen shows paths in messages about the output folder.
    public static func copy(_ name: String, testCase: XCTestCase) throws -> URL {
        let temporary = URL(fileURLWithPath: FileManager.default.temporaryDirectory.path).resolvingSymlinksInPath()
        let root = temporary.appendingPathComponent("rolegen-fixture-\(UUID().uuidString)")
        testCase.addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        try write(name, to: root)
        return root
    }

    /// Copies every file under `source` to the same relative path under `target`; a file
    /// already there is replaced, or kept when `replacing` is false.
    private static func overlay(_ source: URL, onto target: URL, replacing: Bool) throws {
        let manager = FileManager.default
        guard let paths = manager.subpaths(atPath: source.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: source.path])
        }
        for path in paths.sorted() {
            var isFolder: ObjCBool = false
            let from = source.appendingPathComponent(path)
            guard manager.fileExists(atPath: from.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            let to = target.appendingPathComponent(path)
            try manager.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            if manager.fileExists(atPath: to.path) {
                guard replacing else { continue }
                try manager.removeItem(at: to)
            }
            try manager.copyItem(at: from, to: to)
        }
    }
}
