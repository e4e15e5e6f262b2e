import Diagnostics
import Foundation

/// Where a translation goes, as a diagnostic points at it: the position and, when the file
/// exists, the text of that line.
public struct LocatedPlace: Sendable, Equatable {
    public var location: SourceLocation
    public var sourceLine: String?

    public init(location: SourceLocation, sourceLine: String? = nil) {
        self.location = location
        self.sourceLine = sourceLine
    }
}

extension SiteContent {
    /// The position of each place in its file: the value when the file has it, else the object
    /// it belongs in (where a translator adds it), else the file's start (a file not written yet).
    ///
    /// Used only to report (`--strict`, the translation status), so files are read again here
    /// rather than keeping a position for every value of a large site in memory. Each file is
    /// read once, however many places it holds.
    public static func locate(_ places: [TranslationPlace], root: URL) -> [TranslationPlace: LocatedPlace] {
        let folder = SiteFolder(root: root.standardizedFileURL.path)
        var located: [TranslationPlace: LocatedPlace] = [:]
        for (file, placesInFile) in Dictionary(grouping: places, by: \.file) {
            guard case .bytes(let bytes) = folder.contents(of: file) else {
                for place in placesInFile { located[place] = LocatedPlace(location: SourceLocation(file: file, line: 1, column: 1)) }
                continue
            }
            let source = SourceFile(path: file, bytes: bytes)
            let root = file.hasSuffix(".json") ? JSONParser.parse(bytes).root : nil
            for place in placesInFile {
                var offset = 0
                if let root, let key = place.key { offset = Self.offset(of: key, in: root) }
                let location = source.location(ofByteOffset: offset)
                located[place] = LocatedPlace(location: location, sourceLine: source.lineText(location.line))
            }
        }
        return located
    }

    /// The offset of the value at a dotted key: object members by name, array elements by their
    /// `id` (`tools.cursor.description.fr`); where the path stops, the last value reached.
    private static func offset(of key: String, in root: JSONValue) -> Int {
        var current = root
        for segment in key.split(separator: ".").map(String.init) {
            switch current.content {
            case .object(let object):
                guard let member = object[segment] else { return current.offset }
                current = member.value
            case .array(let elements):
                let element = elements.first { element in
                    guard case .object(let object) = element.content, case .string(let id)? = object["id"]?.value.content else { return false }
                    return id == segment
                }
                guard let element else { return current.offset }
                current = element
            default:
                return current.offset
            }
        }
        return current.offset
    }
}
