import Content
import Dispatch
import Foundation
import LibC
import Synchronization

extension BuildRecord {
    /// A record being written into `incremental.PID` beside the record it will replace: what is
    /// known before any page is written (the options, the sources, the report's fallbacks and
    /// outdated units: most of its bytes) on a background thread while the pages render, the
    /// rest (the report's summary, the files written) by `finish` after the swap, which renames
    /// it into place. A build that fails, or whose swap does not happen, `abandon`s it: the
    /// record in place is never one that describes a tree that was not published.
    ///
    /// Made only while the build holds the output folder's lock, and finished or abandoned before
    /// the lock is released; a build killed in between leaves the temporary file, which the next
    /// build into the folder removes (`OutputFolder`), and no record.
    final class Draft: Sendable {
        /// The prefix of the temporary file's name: `incremental.PID`.
        static let temporaryPrefix = BuildRecord.fileName + "."

        private let path: String
        private let temporary: String
        private let descriptor: Int32
        /// Done when the first part is written.
        private let firstPart = DispatchGroup()
        private let state = Mutex(State())

        private struct State {
            /// Why writing the first part failed (`strerror`).
            var failure: String?
            var closed = false
            /// Renamed into place.
            var finished = false
        }

        /// Opens the temporary file and writes the first part, on a background thread when
        /// `inBackground`, else before returning.
        init(
            in folder: String, optionsKey: UInt64, sources: SourceFingerprints, fallbacks: [Fallback], outdated: [TranslationUnit],
            inBackground: Bool
        ) throws(OutputError) {
            path = folder + "/" + BuildRecord.fileName
            temporary = folder + "/" + Self.temporaryPrefix + "\(getpid())"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw .cannotWrite(path, String(cString: strerror(errno))) }
            let writeFirstPart: @Sendable () -> Void = { [self] in
                var writer = RecordFileWriter(descriptor: descriptor)
                writer.put(BuildRecord.header + "\n")
                writer.put("options " + String(optionsKey, radix: 16) + "\n")
                writer.put("taken ")
                writer.put(decimal: sources.takenAt, then: "\n")
                writer.put("sources ")
                writer.put(decimal: sources.files.count, then: "\n")
                // Sorted with their fingerprints, not looked up again by path afterwards.
                for (path, print) in sources.inPathOrder() {
                    writer.putFileLine(hash: print.hash, size: print.size, modified: print.modified, inode: print.inode, path: path)
                }
                // The body's length comes first, and is known only once the body is written: a
                // fixed-width placeholder, filled in afterwards, instead of a pass over every
                // fallback and outdated unit to count their bytes before writing them.
                writer.put("report ")
                let lengthOffset = writer.offset
                writer.put(bytes: [UInt8](repeating: UInt8(ascii: "0"), count: Self.lengthDigits))
                writer.put(byte: UInt8(ascii: "\n"))
                let bodyStart = writer.offset
                Report.writeBody(fallbacks: fallbacks, outdated: outdated, to: &writer)
                let bodyLength = writer.offset - bodyStart
                writer.flush()
                writer.overwrite(Self.zeroPadded(bodyLength), at: lengthOffset)
                if let failure = writer.failure { state.withLock { $0.failure = failure } }
            }
            if inBackground {
                DispatchQueue.global().async(group: firstPart, execute: writeFirstPart)
            } else {
                writeFirstPart()
            }
        }

        /// Digits of the report's length: as many as the largest `Int` has, zeros first (what
        /// the reader's `Int(_:)` reads as the number).
        static let lengthDigits = String(Int.max).utf8.count

        static func zeroPadded(_ value: Int) -> [UInt8] {
            let digits = Array(String(value).utf8)
            return [UInt8](repeating: UInt8(ascii: "0"), count: max(0, lengthDigits - digits.count)) + digits
        }

        /// Waits for the first part, adds the report's summary and the files of the published
        /// and the spare tree, and renames the file into place. `outputs`: sorted by path, one
        /// entry per path (a build has them so as its pages are listed; `BuildRecord.sorted`
        /// makes them so from a record's dictionary).
        func finish(summary: Report.Summary, outputs: [(path: String, output: Output)], spare: [String: Output]) throws(OutputError) {
            firstPart.wait()
            var writer = RecordFileWriter(descriptor: descriptor)
            let json = summary.encoded
            writer.put("summary ")
            writer.put(decimal: json.count, then: "\n")
            writer.put(bytes: json)
            writer.put("\n")
            for (section, entries) in [("outputs", outputs), ("spare", BuildRecord.sorted(spare))] {
                writer.put(section + " ")
                writer.put(decimal: entries.count, then: "\n")
                for (path, output) in entries {
                    writer.put(hex: output.key, then: " ")
                    writer.putFileLine(hash: output.hash, size: output.size, modified: output.modified, inode: output.inode, path: path)
                }
            }
            writer.flush()
            var failure = state.withLock { $0.failure } ?? writer.failure
            if !close(), failure == nil { failure = String(cString: strerror(errno)) }
            if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
            if let failure {
                unlink(temporary)
                throw .cannotWrite(path, failure)
            }
            state.withLock { $0.finished = true }
        }

        /// Waits for the first part and removes the temporary file, unless `finish` put it in place.
        func abandon() {
            firstPart.wait()
            guard !state.withLock({ $0.finished }) else { return }
            _ = close()
            unlink(temporary)
        }

        /// Closes the file once; true when this call closed it and that succeeded.
        private func close() -> Bool {
            let wasOpen = state.withLock { state in
                defer { state.closed = true }
                return !state.closed
            }
            return wasOpen && LibC.close(descriptor) == 0
        }
    }
}

/// Buffered writes to a file descriptor, in bytes (numbers formatted without a `String` each:
/// a large site's record has hundreds of thousands of them), remembering the first failure.
struct RecordFileWriter {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private(set) var failure: String?
    private static let capacity = 1 << 16
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Bytes put and flushed so far.
    private var flushed = 0
    /// Where in the file this writer started writing.
    private let start: Int

    init(descriptor: Int32) {
        self.descriptor = descriptor
        start = Int(lseek(descriptor, 0, SEEK_CUR))
        buffer.reserveCapacity(Self.capacity)
    }

    mutating func put(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.capacity { flush() }
    }

    /// `BuildRecord.escape(value)`, without making it a `String` first.
    mutating func putEscaped(_ value: String) {
        BuildRecord.appendEscaped(value, to: &buffer)
        if buffer.count >= Self.capacity { flush() }
    }

    mutating func put(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.capacity { flush() }
    }

    mutating func put(byte: UInt8) {
        buffer.append(byte)
        if buffer.count >= Self.capacity { flush() }
    }

    /// As `String(value)` would write it, then `separator`.
    mutating func put(decimal value: Int, then separator: Unicode.Scalar) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        put(decimal: UInt64(value.magnitude), then: separator)
    }

    mutating func put(decimal value: UInt64, then separator: Unicode.Scalar) {
        // The digits from the last, into 24 bytes on the stack (a UInt64 has at most 20), then
        // appended at once: a digit at a time, each append checked the array's room.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { digits in
            var rest = value
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: digits[start...]))
        }
        buffer.append(UInt8(ascii: separator))
    }

    /// As `String(value, radix: 16)` would write it, then `separator`.
    mutating func put(hex value: UInt64, then separator: Unicode.Scalar) {
        var shift = 60
        while shift > 0, (value >> UInt64(shift)) & 0xF == 0 { shift -= 4 }
        while shift >= 0 {
            buffer.append(Self.hexDigits[Int((value >> UInt64(shift)) & 0xF)])
            shift -= 4
        }
        buffer.append(UInt8(ascii: separator))
    }

    /// The end of a line of the record's lists of files: `hash size modified inode path`.
    mutating func putFileLine(hash: UInt64, size: Int, modified: Int, inode: UInt64, path: String) {
        put(hex: hash, then: " ")
        put(decimal: size, then: " ")
        put(decimal: modified, then: " ")
        put(decimal: inode, then: " ")
        putEscaped(path)
        put(byte: UInt8(ascii: "\n"))
    }

    /// Writes what is buffered.
    /// Where the next byte put goes, counted from where this writer started.
    var offset: Int { flushed + buffer.count }

    /// Writes `bytes` at `offset` (of bytes this writer put and flushed), after a `flush`.
    mutating func overwrite(_ bytes: [UInt8], at offset: Int) {
        guard failure == nil else { return }
        let result = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress!, bytes.count, off_t(start + offset)) }
        if result != bytes.count { failure = String(cString: strerror(errno)) }
    }

    mutating func flush() {
        flushed += buffer.count
        var written = 0
        while failure == nil, written < buffer.count {
            let result = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, buffer.count - written) }
            if result > 0 {
                written += result
            } else if errno != EINTR {
                failure = String(cString: strerror(errno))
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
