import Diagnostics
import Foundation

extension TranslationStatus {
    /// The counts of one group of values (the UI strings, the catalogs, one role) in one locale.
    public struct Counts: Sendable, Equatable {
        public var translated = 0
        public var outdated = 0
        public var fallback = 0
        public var total: Int { translated + outdated + fallback }

        mutating func add(_ state: State) {
            switch state {
            case .translated: translated += 1
            case .outdated: outdated += 1
            case .fallback: fallback += 1
            }
        }

        /// Whole percent, rounded down, so that 99.6 % never reads as complete.
        func percent(_ count: Int) -> Int {
            total == 0 ? 100 : count * 100 / total
        }
    }

    /// The locales that have items, in `locales` order.
    private func locales(in order: [String]) -> [String] {
        let present = Set(items.map(\.unit.locale))
        return order.filter(present.contains)
    }

    /// Group name → counts for `locale`: `UI strings`, `catalogs`, then each role by slug.
    public func counts(in locale: String) -> [(group: String, counts: Counts)] {
        var groups: [String: Counts] = [:]
        for item in items where item.unit.locale == locale {
            groups[Self.group(of: item.unit), default: Counts()].add(item.state)
        }
        let fixed = ["UI strings", "catalogs"].filter { groups[$0] != nil }
        let roles = groups.keys.filter { !fixed.contains($0) }.sorted()
        return (fixed + roles).map { ($0, groups[$0]!) }
    }

    private static func group(of unit: TranslationUnit) -> String {
        if let role = unit.role { return role }
        return unit.field.hasPrefix("strings.") ? "UI strings" : "catalogs"
    }

    /// The terminal report: per locale a table of groups with translated, outdated and fallback
    /// counts; with `listing`, every value that is not translated, where its translation
    /// belongs (`file:line:column` and key) and the default text to translate.
    public func table(locales order: [String], defaultLocale: String, listing: Bool, locations: [TranslationPlace: LocatedPlace]) -> String {
        var lines: [String] = []
        for locale in locales(in: order) {
            let groups = counts(in: locale)
            var total = Counts()
            for (_, counts) in groups {
                total.translated += counts.translated
                total.outdated += counts.outdated
                total.fallback += counts.fallback
            }
            let tracking = trackedLocales.contains(locale) ? "" : " (not tracked for outdated text: run `rolegen translations mark \(locale)` to start)"
            lines.append("\(locale): \(total.percent(total.translated))% translated · \(total.outdated) outdated · \(total.fallback) fallback\(tracking)")
            let width = max(20, (groups.map(\.group.count).max() ?? 0) + 2)
            func cell(_ count: Int, _ counts: Counts) -> String {
                pad("\(count)", 6, left: true) + pad("\(counts.percent(count))%", 6, left: true)
            }
            lines.append("  " + pad("", width) + pad("translated", 12, left: true) + pad("outdated", 12, left: true) + pad("fallback", 12, left: true) + pad("total", 8, left: true))
            for (group, counts) in groups + [("total", total)] {
                lines.append("  " + pad(group, width) + cell(counts.translated, counts) + cell(counts.outdated, counts) + cell(counts.fallback, counts) + pad("\(counts.total)", 8, left: true))
            }
            if listing {
                for item in items where item.unit.locale == locale && item.state != .translated {
                    let unit = item.unit
                    let place = locations[unit.place].map(\.location.description) ?? unit.place.file
                    let what = (unit.place.key ?? unit.field) + (item.state == .outdated ? (item.hasRecord ? " (the \(defaultLocale) text changed since it was translated)" : " (never marked as reviewed)") : "")
                    lines.append("  \(pad(item.state.rawValue, 9))\(place): \(what)")
                    lines.append("           \(defaultLocale): \(Self.excerpt(unit.source))")
                }
            }
            lines.append("")
        }
        if !listing && items.contains(where: { $0.state != .translated }) {
            lines.append("--list shows each value to translate, where it goes and its \(defaultLocale) text.")
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The same report as one JSON object, for tools: every value of every locale with its state.
    public func json(locales order: [String], defaultLocale: String, locations: [TranslationPlace: LocatedPlace]) -> String {
        var out = "{\"defaultLocale\":\(jsonString(defaultLocale)),\"locales\":["
        for (index, locale) in locales(in: order).enumerated() {
            if index > 0 { out += "," }
            out += "{\"locale\":\(jsonString(locale)),\"tracked\":\(trackedLocales.contains(locale)),\"groups\":["
            out += counts(in: locale).map { group, counts in
                "{\"name\":\(jsonString(group)),\"translated\":\(counts.translated),\"outdated\":\(counts.outdated),\"fallback\":\(counts.fallback),\"total\":\(counts.total)}"
            }.joined(separator: ",")
            out += "],\"items\":["
            out += items.filter { $0.unit.locale == locale }.map { item in
                let unit = item.unit
                let location = locations[unit.place]?.location
                return "{\"state\":\"\(item.state.rawValue)\",\"role\":\(unit.role.map(jsonString) ?? "null"),\"field\":\(jsonString(unit.field)),"
                    + "\"file\":\(jsonString(unit.place.file)),\"key\":\(unit.place.key.map(jsonString) ?? "null"),"
                    + "\"line\":\(location.map { String($0.line) } ?? "null"),\"column\":\(location.map { String($0.column) } ?? "null"),"
                    + "\"source\":\(jsonString(unit.source))}"
            }.joined(separator: ",")
            out += "]}"
        }
        return out + "]}\n"
    }

    /// The first line of a text, cut at 100 characters, for one line of a listing.
    private static func excerpt(_ text: String) -> String {
        let lines = text.split(separator: "\n").map(String.init)
        let firstLine = lines.first ?? ""
        if firstLine.count > 100 { return String(firstLine.prefix(99)) + "…" }
        return firstLine + (lines.count > 1 ? " …" : "")
    }
}

private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return left ? padding + text : text + padding
}
