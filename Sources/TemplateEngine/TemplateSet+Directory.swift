import Foundation

extension TemplateSet {
    /// Loads every file ending in `.fileExtension` under `directory` (recursively). A template's
    /// name is its path relative to `directory` without the extension ("layouts/role",
    /// "partials/faq"); partial and parent tags use these names. In errors a file is shown as
    /// `displayPrefix + "/" + relative path` (e.g. "templates/partials/faq.html").
    public init(directory: URL, fileExtension: String = "html", displayPrefix: String, strict: Bool = true) throws(TemplateLoadError) {
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        let suffix = "." + fileExtension
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TemplateLoadError(errors: [TemplateError(kind: .unreadableFile("no such folder"), file: displayPrefix, line: 0, column: 0, sourceLine: "")])
        }
        var files: [TemplateFile] = []
        var errors: [TemplateError] = []
        for relativePath in Self.filePaths(under: root) where relativePath.hasSuffix(suffix) && relativePath.count > suffix.count {
            let displayName = displayPrefix.isEmpty ? relativePath : displayPrefix + "/" + relativePath
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(relativePath).path) else {
                errors.append(TemplateError(kind: .unreadableFile("permission denied or not a file"), file: displayName, line: 0, column: 0, sourceLine: ""))
                continue
            }
            files.append(TemplateFile(name: String(relativePath.dropLast(suffix.count)), displayName: displayName, bytes: [UInt8](data)))
        }
        do throws(TemplateLoadError) {
            self = try TemplateSet(files: files, strict: strict)
        } catch {
            throw TemplateLoadError(errors: errors + error.errors)
        }
        guard errors.isEmpty else { throw TemplateLoadError(errors: errors) }
    }

    /// Paths of the regular files below `root`, relative to it, with `/` separators, sorted.
    private static func filePaths(under root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let rootComponents = root.pathComponents
        var paths: [String] = []
        for case let url as URL in enumerator {
            let resolved = url.standardizedFileURL.resolvingSymlinksInPath()
            guard (try? resolved.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            paths.append(resolved.pathComponents.dropFirst(rootComponents.count).joined(separator: "/"))
        }
        return paths.sorted()
    }
}
