import Content
import Diagnostics
import Foundation
import XCTest

@testable import Site

/// The incremental record (`.NAME.rolegen/incremental`) reads back what was written, whatever
/// characters paths and texts hold: a record read wrongly would repeat a wrong report or reuse
/// the wrong file.
final class BuildRecordTests: XCTestCase {
    func testARecordReadsBackWhatWasWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-record-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let odd = "content/roles/a b%20c\tx\ny/en.json"
        let sources = SourceFingerprints(
            files: [odd: FileFingerprint(size: 3, modified: 1_700_000_000_123_456_789, inode: 42, hash: 0xDEAD_BEEF), "content/": .init(size: 0, modified: 1, inode: 2, hash: 0)],
            takenAt: 1_700_000_001_000_000_000)
        let output = BuildRecord.Output(key: .max, hash: 7, size: 10, modified: 11, inode: 12)
        let warning = Diagnostic(.warning, "two \"roles\"\nshare a title", code: "RG999", at: SourceLocation(file: odd, line: 2, column: 3), quote: QuotedLine(text: "  \"title\": \"X\"", caretColumn: 3))
        let report = BuildRecord.Report(
            summary: .init(diagnostics: [warning], pagesPerLocale: [.init(locale: "en", count: 5)], rootPages: 2),
            fallbacks: [Fallback(role: "a", locale: "fr", field: "title", place: TranslationPlace(file: odd, key: nil))],
            outdated: [TranslationUnit(role: nil, locale: "fr", field: "strings.x", place: TranslationPlace(file: "locales/fr.json", key: "x"), isTranslated: true, source: "a\tb\nc 100%")])
        var record = BuildRecord(optionsKey: 99, sources: sources, outputs: ["en/index.html": output, "assets/%0A.css": output])
        record.spare = ["old/index.html": output]
        try record.write(in: folder, report: report)

        let read = try XCTUnwrap(BuildRecord.read(in: folder))
        XCTAssertEqual(read.optionsKey, 99)
        XCTAssertEqual(read.sources, sources)
        XCTAssertEqual(read.outputs, record.outputs)
        XCTAssertEqual(read.spare, record.spare)
        let readReport = try XCTUnwrap(read.report)
        XCTAssertEqual(readReport.summary.diagnostics, [warning])
        XCTAssertEqual(readReport.summary.rootPages, 2)
        XCTAssertEqual(readReport.fallbacks, report.fallbacks)
        XCTAssertEqual(readReport.outdated, report.outdated)
    }

    /// The report's length is filled in after its body is written: a body of many buffers'
    /// worth, behind many sources, still reads back whole, and so does what follows it.
    func testAReportLongerThanTheWriteBufferReadsBackWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-record-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var files: [String: FileFingerprint] = [:]
        for index in 0..<3_000 { files["content/roles/role-\(index)/en.json"] = FileFingerprint(size: index, modified: index, inode: UInt64(index), hash: UInt64(index)) }
        let sources = SourceFingerprints(files: files, takenAt: 5)
        let fallbacks = (0..<4_000).map { index in
            Fallback(role: "role-\(index)", locale: "fr", field: "tasks.task-\(index)", place: TranslationPlace(file: "content/roles/role-\(index)/fr.json", key: "tasks.task-\(index)"))
        }
        let report = BuildRecord.Report(summary: .init(diagnostics: [], pagesPerLocale: [.init(locale: "fr", count: 4_000)], rootPages: 1), fallbacks: fallbacks, outdated: [])
        // Thousands of outputs, some with paths to escape: listed in the order of their paths.
        var outputs: [String: BuildRecord.Output] = [:]
        for index in 0..<9_001 {
            outputs["fr/metiers/role-\(index)\(index % 7 == 0 ? "%\t" : "")/index.html"] = BuildRecord.Output(
                key: UInt64(index) &* 0x9E37_79B9_7F4A_7C15, hash: UInt64(index), size: index, modified: 1_700_000_000_000_000_000 + index, inode: UInt64(index))
        }
        var record = BuildRecord(optionsKey: 1, sources: sources, outputs: outputs)
        record.spare = ["old/index.html": BuildRecord.Output(key: 1, hash: 2, size: 3, modified: 4, inode: 5)]
        try record.write(in: folder, report: report)

        let read = try XCTUnwrap(BuildRecord.read(in: folder))
        XCTAssertEqual(read.sources, sources)
        XCTAssertEqual(read.report?.fallbacks, fallbacks)
        XCTAssertEqual(read.report?.summary.rootPages, 1)
        XCTAssertEqual(read.outputs, record.outputs)
        XCTAssertEqual(read.spare, record.spare)
        let text = try String(contentsOfFile: folder + "/incremental", encoding: .utf8)
        XCTAssertGreaterThan(text.utf8.count, 4 << 16)
        XCTAssertTrue(text.contains("\nreport 0000000000"), "the length is written zero-padded to a fixed width")
        // The outputs are listed in the order of their paths.
        let section = try XCTUnwrap(text.range(of: "\noutputs 9001\n")).upperBound
        let listed = text[section...].split(separator: "\n").prefix(9_001).map { BuildRecord.unescape(String($0.split(separator: " ", maxSplits: 5).last!)) }
        XCTAssertEqual(listed, outputs.keys.sorted())
    }

    /// Lines that repeat the fields of the line before (a role's fallbacks share role, locale
    /// and file) are read with those fields shared: every line still reads back as written,
    /// escapes, empty fields and all.
    func testFallbacksThatShareFieldsReadBackAsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-record-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = "content/roles/a%b\tc/fr.json"
        let fallbacks = [
            Fallback(role: "a%b\tc", locale: "fr", field: "title", place: TranslationPlace(file: file, key: "title")),
            Fallback(role: "a%b\tc", locale: "fr", field: "tasks.x", place: TranslationPlace(file: file, key: "tasks.x")),
            Fallback(role: "a%b\tc", locale: "fr", field: "analysis", place: TranslationPlace(file: "content/roles/a%b\tc/analysis.fr.md", key: nil)),
            Fallback(role: nil, locale: "fr", field: "nav.home", place: TranslationPlace(file: "locales/fr.json", key: "nav.home")),
            Fallback(role: nil, locale: "de", field: "nav.home", place: TranslationPlace(file: "locales/de.json", key: "nav.home")),
        ]
        let outdated = [
            TranslationUnit(role: "b", locale: "fr", field: "title", place: TranslationPlace(file: "content/roles/b/fr.json", key: "title"), isTranslated: true, source: "B"),
            TranslationUnit(role: "b", locale: "fr", field: "description", place: TranslationPlace(file: "content/roles/b/fr.json", key: "description"), isTranslated: false, source: "B"),
        ]
        let report = BuildRecord.Report(summary: .init(diagnostics: [], pagesPerLocale: [], rootPages: 0), fallbacks: fallbacks, outdated: outdated)
        try BuildRecord(optionsKey: 1, sources: SourceFingerprints(files: [:], takenAt: 0), outputs: [:]).write(in: folder, report: report)

        let read = try XCTUnwrap(BuildRecord.read(in: folder)?.report)
        XCTAssertEqual(read.fallbacks, fallbacks)
        XCTAssertEqual(read.outdated, outdated)
    }

    func testControlCharactersAndPercentSignsAreEscapedAndNothingElse() {
        let value = "a b%20c\tx\ny/développeur·se/\u{7F}"
        let escaped = "a b%2520c%09x%0Ay/développeur·se/\u{7F}"
        XCTAssertEqual(BuildRecord.escape(value), escaped)
        XCTAssertEqual(BuildRecord.escapedLength(value), escaped.utf8.count)
        var bytes: [UInt8] = Array("x".utf8)
        BuildRecord.appendEscaped(value, to: &bytes)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "x" + escaped)
        XCTAssertEqual(BuildRecord.escape("fr/metiers/index.html"), "fr/metiers/index.html")
    }

    /// Escaping skips eight bytes at a time: every byte value, at every place in a word and in
    /// the tail, is escaped exactly when it must be.
    func testEveryByteIsEscapedWhereverItFallsInAWord() {
        for byte in UInt8(0)...UInt8(0x7F) {
            let mustEscape = byte < 0x20 || byte == UInt8(ascii: "%")
            for offset in 0..<19 {
                var value = [UInt8](repeating: UInt8(ascii: "a"), count: 19)
                value[offset] = byte
                var expected = [UInt8](repeating: UInt8(ascii: "a"), count: offset)
                expected += mustEscape ? Array(String(format: "%%%02X", byte).utf8) : [byte]
                expected += [UInt8](repeating: UInt8(ascii: "a"), count: 18 - offset)
                var out: [UInt8] = []
                BuildRecord.appendEscaped(String(decoding: value, as: UTF8.self), to: &out)
                XCTAssertEqual(out, expected, "byte \(byte) at \(offset)")
            }
        }
    }

    func testTheSummaryIsStoredWithItsKeysInOrder() {
        let summary = BuildRecord.Report.Summary(diagnostics: [], pagesPerLocale: [.init(locale: "fr", count: 3)], rootPages: 2)
        XCTAssertEqual(String(decoding: summary.encoded, as: UTF8.self), #"{"diagnostics":[],"pagesPerLocale":[{"count":3,"locale":"fr"}],"rootPages":2}"#)
    }

    /// The lists of files are read a field at a time from the bytes: numbers at their limits
    /// read back as written, and a line whose numbers are broken makes no record (a full
    /// build follows), never a wrong one.
    func testNumbersAtTheirLimitsReadBackAndBrokenNumbersMakeNoRecord() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-record-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sources = SourceFingerprints(
            files: ["content/a b.json": FileFingerprint(size: .max, modified: -1_234, inode: .max, hash: .max),
                    "content/c.json": FileFingerprint(size: 0, modified: .min, inode: 0, hash: 0)],
            takenAt: 5)
        let output = BuildRecord.Output(key: 0, hash: .max, size: 0, modified: -1, inode: .max)
        let record = BuildRecord(optionsKey: 1, sources: sources, outputs: ["en/a b/index.html": output])
        try record.write(in: folder, report: BuildRecord.Report(summary: .init(diagnostics: [], pagesPerLocale: [], rootPages: 0), fallbacks: [], outdated: []))
        let read = try XCTUnwrap(BuildRecord.read(in: folder))
        XCTAssertEqual(read.sources, sources)
        XCTAssertEqual(read.outputs, record.outputs)

        let file = folder + "/incremental"
        let written = try String(contentsOfFile: file, encoding: .utf8)
        let line = try XCTUnwrap(written.split(separator: "\n").first { $0.hasSuffix(" content/c.json") })
        for broken in [
            "0 0 x0 0 content/c.json",  // not a number
            "0 0 0 content/c.json",  // a field missing: the path is taken for the inode
            "10000000000000000 0 0 0 content/c.json",  // seventeen hexadecimal digits
            "0 0 99999999999999999999 0 content/c.json",  // beyond Int
            "0  0 0 0 content/c.json",  // an empty field
            "0 0 -0x1 0 content/c.json",
        ] {
            try written.replacingOccurrences(of: String(line), with: broken).write(toFile: file, atomically: true, encoding: .utf8)
            XCTAssertNil(BuildRecord.read(in: folder), broken)
        }
    }

    func testARecordOfAnotherFormatIsNoRecord() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-record-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("rolegen incremental record 0\noptions 1\n".utf8).write(to: URL(fileURLWithPath: folder + "/incremental"))
        XCTAssertNil(BuildRecord.read(in: folder))
    }
}
