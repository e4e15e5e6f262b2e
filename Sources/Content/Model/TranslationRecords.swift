/// What the translations of one locale were made from: for each translated value, a
/// fingerprint of the default locale's text as it was when the translation was last reviewed.
///
/// Kept in `translations/<locale>.json`, which translators commit. When the default text
/// changes, its fingerprint no longer matches and the translation is reported as outdated until
/// a translator updates it and runs `rolegen translations mark <locale>`.
public struct TranslationRecords: Sendable, Equatable {
    public var locale: String
    /// `TranslationPlace.description` (`content/roles/x/fr.json#title`) → fingerprint.
    public var fingerprints: [String: String]

    public init(locale: String, fingerprints: [String: String]) {
        self.locale = locale
        self.fingerprints = fingerprints
    }

    /// The file the records of `locale` are kept in, relative to the site root.
    public static func file(for locale: String) -> String {
        "\(folder)/\(locale).json"
    }

    /// The folder of the record files, relative to the site root.
    public static let folder = "translations"

    /// 16 lowercase hexadecimal digits of the text's FNV-1a 64-bit hash: stable across runs and
    /// machines (unlike Swift's seeded `Hasher`), and plenty to notice that a text changed.
    public static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Whether `text` is a fingerprint as `fingerprint(_:)` writes it.
    static func isFingerprint(_ text: String) -> Bool {
        text.utf8.count == 16 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// The file's contents: one record per line, sorted by place, so that a translator's commit
    /// shows exactly the values they reviewed.
    public func json() -> String {
        var lines = ["{", "  \"$schema\": \"../docs/schemas/translations.schema.json\",", "  \"translatedFrom\": {"]
        let sorted = fingerprints.sorted { $0.key < $1.key }
        for (index, (place, fingerprint)) in sorted.enumerated() {
            let comma = index == sorted.count - 1 ? "" : ","
            lines.append("    \(jsonString(place)): \(jsonString(fingerprint))\(comma)")
        }
        lines += ["  }", "}", ""]
        return lines.joined(separator: "\n")
    }

    /// Records every translated unit of this locale among `units` as reviewed against the
    /// current default text, and drops records of values that are no longer translated.
    /// `matching` picks the units to mark (all by default); the others keep their records.
    public mutating func markReviewed(_ units: [TranslationUnit], matching: (TranslationUnit) -> Bool = { _ in true }) {
        let current = units.filter { $0.locale == locale && $0.isTranslated }
        let translatedPlaces = Set(current.map(\.place.description))
        fingerprints = fingerprints.filter { translatedPlaces.contains($0.key) }
        for unit in current where matching(unit) {
            fingerprints[unit.place.description] = Self.fingerprint(unit.source)
        }
    }
}

/// A JSON string literal: quotes, backslashes and control characters escaped (for the files
/// and reports rolegen writes itself).
public func jsonString(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case _ where scalar.value < 0x20:
            let hex = String(scalar.value, radix: 16)
            result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}
