import Content
import Diagnostics
import Foundation
import LibC

/// What the last successful build into an output folder left for the next one, in
/// `.NAME.rolegen/incremental` beside the output folder `NAME` (see `OutputFolder`): the options
/// and sources it was built from, every file of the tree it published with the dependency key
/// that produced it and its bytes' hash and status, and its report (warnings, fallbacks), so
/// that a build with nothing changed reports the same without reading any content.
///
/// Put in place only while the build holds the output folder's lock, after the swap; removed
/// before the swap, so that a build killed in between leaves no record and the next build is
/// full. Most of it (the sources, the fallbacks) is known before any page is written and is
/// written into a temporary file while the pages render (`Draft`); only the rest (the report's
/// summary, the files written) is added after the swap, and the file renamed into place.
struct BuildRecord: Sendable {
    /// One file of the published tree.
    struct Output: Equatable, Sendable {
        /// The dependency key of the page it was rendered from; 0 for files that are not pages
        /// (assets, sitemap), which are always produced again.
        var key: UInt64
        var hash: UInt64
        var size: Int
        var modified: Int
        var inode: UInt64
    }

    /// The parts of a `BuildReport` that a build with nothing changed repeats.
    struct Report: Sendable {
        struct LocaleCount: Codable, Sendable {
            var locale: String
            var count: Int
        }

        /// Stored as JSON: few, and nested.
        struct Summary: Codable, Sendable {
            var diagnostics: [Diagnostic]
            var pagesPerLocale: [LocaleCount]
            var rootPages: Int

            /// As stored: JSON with its keys sorted, so that the same build writes the same bytes.
            var encoded: [UInt8] {
                let encoder = JSONEncoder()
                encoder.outputFormatting = .sortedKeys
                return (try? encoder.encode(self)).map { Array($0) } ?? []
            }
        }

        var summary: Summary
        /// Stored one per line: a large site has tens of thousands, which JSON would take
        /// longer to read back than the whole rest of a build with nothing changed.
        var fallbacks: [Fallback]
        var outdated: [TranslationUnit]

        /// The fallbacks and the outdated units, each a count line then one line each: streamed
        /// through `writer` (a large site's are tens of megabytes, never held whole). The record
        /// states their length first (`Draft` fills it in once they are written).
        static func writeBody(fallbacks: [Fallback], outdated: [TranslationUnit], to writer: inout RecordFileWriter) {
            var shared = SharedColumns()
            writer.put(decimal: fallbacks.count, then: "\n")
            for fallback in fallbacks {
                shared.put(fallback.role, fallback.locale, fallback.field, fallback.place, to: &writer)
                writer.put(byte: UInt8(ascii: "\n"))
            }
            writer.put(decimal: outdated.count, then: "\n")
            for unit in outdated {
                shared.put(unit.role, unit.locale, unit.field, unit.place, to: &writer)
                writer.put(byte: UInt8(ascii: "\t"))
                writer.put(byte: UInt8(ascii: unit.isTranslated ? "1" : "0"))
                writer.put(byte: UInt8(ascii: "\t"))
                writer.putEscaped(unit.source)
                writer.put(byte: UInt8(ascii: "\n"))
            }
        }

        /// Writes what both kinds of line start with (role, locale, field, file, key), each value
        /// escaped and followed by a tab but the last, with no closure or array per line: a large
        /// site has hundreds of thousands of lines. Consecutive lines mostly share their role,
        /// locale and file (a role's fallbacks): those columns' bytes are escaped once and kept
        /// while they repeat (a string equal to the one before is, most often, the same string,
        /// which compares at once).
        private struct SharedColumns {
            private var roleAndLocale: (role: String?, locale: String, bytes: [UInt8])?
            private var file: (file: String, bytes: [UInt8])?

            mutating func put(_ role: String?, _ locale: String, _ field: String, _ place: TranslationPlace, to writer: inout RecordFileWriter) {
                if roleAndLocale?.role != role || roleAndLocale?.locale != locale {
                    var bytes: [UInt8] = []
                    if let role { BuildRecord.appendEscaped(role, to: &bytes) }
                    bytes.append(UInt8(ascii: "\t"))
                    BuildRecord.appendEscaped(locale, to: &bytes)
                    bytes.append(UInt8(ascii: "\t"))
                    roleAndLocale = (role, locale, bytes)
                }
                writer.put(bytes: roleAndLocale!.bytes)
                writer.putEscaped(field)
                if file?.file != place.file {
                    var bytes: [UInt8] = [UInt8(ascii: "\t")]
                    BuildRecord.appendEscaped(place.file, to: &bytes)
                    bytes.append(UInt8(ascii: "\t"))
                    file = (place.file, bytes)
                }
                writer.put(bytes: file!.bytes)
                if let key = place.key { writer.putEscaped(key) }
            }
        }

        init(summary: Summary, fallbacks: [Fallback], outdated: [TranslationUnit]) {
            self.summary = summary
            self.fallbacks = fallbacks
            self.outdated = outdated
        }

        init?(summary json: ArraySlice<UInt8>, body: ArraySlice<UInt8>) {
            var reader = LineReader(bytes: body)
            guard let summary = try? JSONDecoder().decode(Summary.self, from: Data(json)),
                  let fallbackCount = reader.line().flatMap({ Int($0) }) else { return nil }
            self.summary = summary
            fallbacks = []
            fallbacks.reserveCapacity(fallbackCount)
            var fields = TabFields()
            for _ in 0..<fallbackCount {
                guard reader.tabFields(5, into: &fields) else { return nil }
                let values = fields.values
                fallbacks.append(Fallback(
                    role: values[0].isEmpty ? nil : values[0], locale: values[1], field: values[2],
                    place: TranslationPlace(file: values[3], key: values[4].isEmpty ? nil : values[4])))
            }
            guard let outdatedCount = reader.line().flatMap({ Int($0) }) else { return nil }
            outdated = []
            for _ in 0..<outdatedCount {
                guard reader.tabFields(7, into: &fields) else { return nil }
                let fields = fields.values
                outdated.append(TranslationUnit(
                    role: fields[0].isEmpty ? nil : fields[0], locale: fields[1], field: fields[2],
                    place: TranslationPlace(file: fields[3], key: fields[4].isEmpty ? nil : fields[4]), isTranslated: fields[5] == "1",
                    source: fields[6]))
            }
        }
    }

    static let fileName = "incremental"
    /// The folder, beside the record, that holds the tree the last build replaced.
    static let spareFolder = "spare"
    /// Version 2 puts the sources and the report's fallbacks first, so that they are written
    /// while the pages render.
    static let header = "rolegen incremental record 2"

    var optionsKey: UInt64
    var sources: SourceFingerprints
    var outputs: [String: Output]
    /// The files of the tree this one replaced, kept as `spare/` in the record folder for the
    /// next build to update in place of a new staging folder; empty when none was kept.
    var spare: [String: Output] = [:]
    /// The report of a record read from its file, encoded, decoded only by a build that
    /// repeats it; nil in a record this process wrote (it writes the report, never reads it back).
    private var encodedReport: (summary: ArraySlice<UInt8>, body: ArraySlice<UInt8>)?

    init(optionsKey: UInt64, sources: SourceFingerprints, outputs: [String: Output]) {
        self.optionsKey = optionsKey
        self.sources = sources
        self.outputs = outputs
    }

    var report: Report? { encodedReport.flatMap { Report(summary: $0.summary, body: $0.body) } }

    /// The record file's inode, size and time: equal, the file was not replaced since it was read.
    static func identity(in folder: String) -> [Int]? {
        var status = stat()
        guard stat(folder + "/" + fileName, &status) == 0 else { return nil }
        return [Int(status.st_ino), Int(status.st_size), Int(status.st_mtim.tv_sec), Int(status.st_mtim.tv_nsec)]
    }

    // MARK: Reading and writing

    /// The record in `folder`, or nil when there is none or it is not one this rolegen wrote.
    static func read(in folder: String) -> BuildRecord? {
        guard let bytes = readFile(folder + "/" + fileName) else { return nil }
        var reader = LineReader(bytes: bytes[...])
        guard reader.line() == header,
              let options = reader.field("options").flatMap({ UInt64($0, radix: 16) }),
              let taken = reader.field("taken").flatMap({ Int($0) }),
              let sourceCount = reader.field("sources").flatMap({ Int($0) })
        else { return nil }
        var files: [String: FileFingerprint] = [:]
        files.reserveCapacity(sourceCount)
        for _ in 0..<sourceCount {
            guard let hash = reader.hex(), let size = reader.decimal(), let modified = reader.decimal(), let inode = reader.unsignedDecimal(),
                  let path = reader.line() else { return nil }
            files[unescape(path)] = FileFingerprint(size: size, modified: modified, inode: inode, hash: hash)
        }
        guard let bodyLength = reader.field("report").flatMap({ Int($0) }), let body = reader.bytes(bodyLength),
              let summaryLength = reader.field("summary").flatMap({ Int($0) }), let summary = reader.bytes(summaryLength), reader.line() == "",
              let outputs = readOutputs(&reader, section: "outputs"), let spare = readOutputs(&reader, section: "spare")
        else { return nil }
        var record = BuildRecord(optionsKey: options, sources: SourceFingerprints(files: files, takenAt: taken), outputs: outputs)
        record.spare = spare
        record.encodedReport = (summary, body)
        return record
    }

    /// The file's bytes, read into one array (through `Data`, they were read and then copied).
    private static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return SiteFolder.readBytes(descriptor, size: Int(status.st_size))
    }

    private static func readOutputs(_ reader: inout LineReader, section: String) -> [String: Output]? {
        guard let count = reader.field(section).flatMap({ Int($0) }) else { return nil }
        var outputs: [String: Output] = [:]
        outputs.reserveCapacity(count)
        for _ in 0..<count {
            guard let key = reader.hex(), let hash = reader.hex(), let size = reader.decimal(), let modified = reader.decimal(),
                  let inode = reader.unsignedDecimal(), let path = reader.line() else { return nil }
            outputs[unescape(path)] = Output(key: key, hash: hash, size: size, modified: modified, inode: inode)
        }
        return outputs
    }

    /// Writes the record with `report` by temporary file and rename, so a reader sees the old
    /// or the new one (a session's record; a build's goes through a `Draft` it starts early).
    func write(in folder: String, report: Report) throws(OutputError) {
        let draft = try Draft(in: folder, optionsKey: optionsKey, sources: sources, fallbacks: report.fallbacks, outdated: report.outdated, inBackground: false)
        try draft.finish(summary: report.summary, outputs: Self.sorted(outputs), spare: spare)
    }

    /// A record's files in the order it lists them: by path.
    static func sorted(_ files: [String: Output]) -> [(path: String, output: Output)] {
        files.map { (path: $0.key, output: $0.value) }.sorted { $0.path < $1.path }
    }

    /// Removes the record in `folder`: the tree is about to change.
    static func remove(in folder: String) {
        unlink(folder + "/" + fileName)
    }

    /// Paths are the last field of their line, report values separated by tabs: `%`, and
    /// bytes below 0x20, are written `%XX`.
    static func escape(_ path: String) -> String {
        guard escapedLength(path) != path.utf8.count else { return path }
        var escaped: [UInt8] = []
        appendEscaped(path, to: &escaped)
        return String(decoding: escaped, as: UTF8.self)
    }

    /// The bytes of `escape(value)`, appended to `out` without making a `String`. Over its UTF-8
    /// in one buffer: through the UTF-8 view a byte at a time, scanning was a tenth of writing a
    /// large site's record.
    static func appendEscaped(_ value: String, to out: inout [UInt8]) {
        value.withUTF8InPlace { bytes in
            var plain = 0
            var index = 0
            while index < bytes.count {
                // Eight bytes at a time past those that need nothing (paths, keys: almost all).
                if index + 8 <= bytes.count,
                   !mayNeedEscaping(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                for byteIndex in index..<min(index + 8, bytes.count) where needsEscaping(bytes[byteIndex]) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<byteIndex]))
                    out += [UInt8(ascii: "%"), hexDigits[Int(bytes[byteIndex] >> 4)], hexDigits[Int(bytes[byteIndex] & 0xF)]]
                    plain = byteIndex + 1
                }
                index += 8
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain...]))
        }
    }

    /// Whether any of the eight bytes of `word` may need escaping: one below 0x20, or a `%`
    /// (a zero byte once `%`s are xored away), by the usual carry tricks; a false alarm only
    /// costs a look at each byte.
    private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let below0x20 = (word &- 0x2020_2020_2020_2020) & ~word & high
        let percent = word ^ 0x2525_2525_2525_2525
        let zero = (percent &- 0x0101_0101_0101_0101) & ~percent & high
        return below0x20 | zero != 0
    }

    /// The length in bytes of `escape(value)`: each escaped byte becomes three.
    static func escapedLength(_ value: String) -> Int {
        value.withUTF8InPlace { bytes in bytes.count + 2 * bytes.reduce(0) { $0 + (needsEscaping($1) ? 1 : 0) } }
    }

    /// A control character (never inside a multi-byte character in UTF-8) or `%`.
    private static func needsEscaping(_ byte: UInt8) -> Bool { byte < 0x20 || byte == UInt8(ascii: "%") }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// `escape` undone (the output folder's record of its files is escaped the same way).
    static func unescape(_ path: String) -> String {
        path.utf8.contains(UInt8(ascii: "%")) ? (path.removingPercentEncoding ?? path) : path
    }
}

/// Reads the record line by line without decoding it all at once.
/// The fields of the last line `LineReader.tabFields` read, and their bytes.
private struct TabFields {
    var values: [String] = []
    var bytes: [ArraySlice<UInt8>] = []
}

private struct LineReader {
    let bytes: ArraySlice<UInt8>
    var position: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    mutating func line() -> String? {
        guard position < bytes.endIndex else { return nil }
        let start = position
        while position < bytes.endIndex, bytes[position] != UInt8(ascii: "\n") { position += 1 }
        let line = String(decoding: bytes[start..<position], as: UTF8.self)
        position += 1
        return line
    }

    /// A line of `count` tab-separated, escaped fields (the report's lines), into `fields`.
    /// A field with the bytes of the same field of the line before is that line's string
    /// again: a role's fallbacks share their role, locale and file, and a large site's report
    /// is hundreds of thousands of lines, read by every build that has nothing to do.
    mutating func tabFields(_ count: Int, into fields: inout TabFields) -> Bool {
        guard position < bytes.endIndex else { return false }
        if fields.values.count != count {
            fields = TabFields()
            fields.values = Array(repeating: "", count: count)
            fields.bytes = Array(repeating: [], count: count)
        }
        var index = 0
        var start = position
        while true {
            let atEnd = position == bytes.endIndex || bytes[position] == UInt8(ascii: "\n")
            if atEnd || bytes[position] == UInt8(ascii: "\t") {
                guard index < count else { return false }
                let field = bytes[start..<position]
                if field != fields.bytes[index] {
                    fields.bytes[index] = field
                    fields.values[index] = BuildRecord.unescape(String(decoding: field, as: UTF8.self))
                }
                index += 1
                position += 1
                if atEnd { return index == count }
                start = position
            } else {
                position += 1
            }
        }
    }

    /// The value of a `name value` line.
    mutating func field(_ name: String) -> String? {
        guard let line = line(), line.hasPrefix(name + " ") else { return nil }
        return String(line.dropFirst(name.count + 1))
    }

    // The lines of the lists of files (`hash size modified inode path`, `RecordFileWriter.putFileLine`)
    // are read a field at a time from the bytes: a build with nothing to do reads one line per
    // source and per output (47,000 for 5,000 roles), and making each line a string, split
    // into more strings to parse their numbers, was a quarter of that build's time.

    /// The next field of the line as a hexadecimal number, and the space after it.
    mutating func hex() -> UInt64? {
        var value: UInt64 = 0
        let start = position
        while position < bytes.endIndex, position - start < 16 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return endOfField(after: start) ? value : nil
            }
            value = value << 4 | UInt64(digit)
            position += 1
        }
        return endOfField(after: start) ? value : nil
    }

    /// The next field of the line as a decimal number that may be negative, and the space after it.
    mutating func decimal() -> Int? {
        let isNegative = position < bytes.endIndex && bytes[position] == UInt8(ascii: "-")
        if isNegative { position += 1 }
        guard let magnitude = unsignedDecimal() else { return nil }
        if isNegative { return magnitude <= UInt64(Int.max) + 1 ? Int(truncatingIfNeeded: 0 &- magnitude) : nil }
        return magnitude <= UInt64(Int.max) ? Int(magnitude) : nil
    }

    /// The next field of the line as a decimal number, and the space after it.
    mutating func unsignedDecimal() -> UInt64? {
        var value: UInt64 = 0
        let start = position
        while position < bytes.endIndex, case let digit = bytes[position] &- UInt8(ascii: "0"), digit < 10 {
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times10.addingReportingOverflow(UInt64(digit))
            guard !overflow, !carry else { return nil }
            value = sum
            position += 1
        }
        return endOfField(after: start) ? value : nil
    }

    /// Whether a field of at least one byte ended at a space, which is passed.
    private mutating func endOfField(after start: Int) -> Bool {
        guard position > start, position < bytes.endIndex, bytes[position] == UInt8(ascii: " ") else { return false }
        position += 1
        return true
    }

    /// The next `count` bytes, sharing the record's buffer.
    mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, position + count <= bytes.endIndex else { return nil }
        defer { position += count }
        return bytes[position..<(position + count)]
    }
}
