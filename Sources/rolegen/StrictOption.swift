import ArgumentParser
import Content

/// `--strict` with an optional value: `--strict` alone means every locale, `--strict fr,de`
/// only those.
///
/// swift-argument-parser has no option whose value may be left out, so `main` rewrites a bare
/// `--strict` (last, or followed by another option) to `--strict=all` before parsing. `build`,
/// `check` and `serve` take no positional arguments, so a word after `--strict` can only be its
/// value.
struct StrictOption: ExpressibleByArgument {
    var value: StrictTranslations

    init(value: StrictTranslations) {
        self.value = value
    }

    init?(argument: String) {
        if argument == Self.allLocales {
            value = .allLocales
            return
        }
        let locales = argument.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        guard !locales.isEmpty, !locales.contains(where: \.isEmpty) else { return nil }
        value = .locales(locales)
    }

    /// The value a bare `--strict` stands for.
    static let allLocales = "all"

    static func normalized(_ arguments: [String]) -> [String] {
        var result: [String] = []
        for (index, argument) in arguments.enumerated() {
            guard argument == "--strict" else {
                result.append(argument)
                continue
            }
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            result.append(next == nil || next!.hasPrefix("-") ? "--strict=\(allLocales)" : argument)
        }
        return result
    }
}
