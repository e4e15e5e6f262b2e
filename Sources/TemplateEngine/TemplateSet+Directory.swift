import Foundation

extension TemplateSet {
    /// Loads every file ending in `.fileExtension` under `directory` (recursively). A template's
    /// name is its path relative to `directory` without the extension ("layouts/role",
    /// "partials/faq"); partial and parent tags use these names. In errors a file is shown as
    /// `displayPrefix + "/" + relative path` (e.g. "templates/partials/faq.html"). Hidden files
    /// and folders (whose name starts with a dot, such as editor backups) are skipped.
    public init(directory: URL, fileExtension: String = "html", displayPrefix: String, strict: Bool = true) throws(TemplateLoadError) {
        let root = directory.standardizedFileURL
        let suffix = "." + fileExtension
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TemplateLoadError(errors: [TemplateError(kind: .unreadableFile("no such folder"), file: displayPrefix, line: 0, column: 0, sourceLine: "")])
        }
        var files: [TemplateFile] = []
        var errors: [TemplateError] = []
        for relativePath in Self.filePaths(under: root) where relativePath.hasSuffix(suffix) {
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

    /// Paths of the files below `root`, relative to it, with `/` separators, sorted; without
    /// hidden files and folders.
    private static func filePaths(under root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var paths: [String] = []
        while let relativePath = enumerator.nextObject() as? String {
            guard !relativePath.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(relativePath).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(relativePath)
            }
        }
        return paths.sorted()
    }
}
