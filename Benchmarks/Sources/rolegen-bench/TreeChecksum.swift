import Foundation

/// A fingerprint of a whole output tree: every file's path (sorted) and bytes through 64-bit
/// FNV-1a. Equal trees give equal sums, so the same site built before and after a change to
/// how it is built shows that the output did not change by a single byte.
enum TreeChecksum {
    static func of(_ root: URL) -> (checksum: String, files: Int, bytes: Int) {
        let paths = ((try? FileManager.default.subpathsOfDirectory(atPath: root.path)) ?? []).sorted()
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        var files = 0
        var total = 0
        for path in paths {
            var isFolder: ObjCBool = false
            let full = root.appendingPathComponent(path).path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue,
                  let data = FileManager.default.contents(atPath: full)
            else { continue }
            mix(path.utf8)
            mix([0])
            data.withUnsafeBytes { mix($0) }
            mix([0])
            files += 1
            total += data.count
        }
        return (String(hash, radix: 16).leftPadded(to: 16), files, total)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

/// Medians and formatting shared by the site benchmark's lines.
enum Stats {
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func seconds(_ values: [Double]) -> String {
        String(format: "median %.2f s (%@)", median(values), values.map { String(format: "%.2f", $0) }.joined(separator: ", "))
    }

    static func mebibytes(_ bytes: Int) -> String {
        String(format: "%.0f MiB", Double(bytes) / 1_048_576)
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return out
    }
}
