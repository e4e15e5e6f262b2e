import Diagnostics

/// Reads `translations/<locale>.json`: what each translation of a locale was made from (see
/// `TranslationRecords`). The folder and its files are optional; a locale without a file is
/// not checked for outdated translations.
enum TranslationRecordsReader {
    static func read(_ files: FileChecks, locales: Locales) -> [String: TranslationRecords] {
        let folder = TranslationRecords.folder
        guard let names = files.entries(folder)?.map(\.name) else { return [:] }
        let expected = locales.others.map { "\($0).json" }
        files.reportStray(in: folder, names: names.filter { !expected.contains($0) }, expected: expected, locales: locales)
        var records: [String: TranslationRecords] = [:]
        for locale in locales.others where names.contains("\(locale).json") {
            guard let check = files.open(TranslationRecords.file(for: locale), required: false),
                  let root = check.root(fields: FieldNames.translationsFile),
                  let entries = root.required("translatedFrom").flatMap(check.map)
            else { continue }
            var fingerprints: [String: String] = [:]
            for entry in entries {
                guard let fingerprint = check.string(entry.field) else { continue }
                guard TranslationRecords.isFingerprint(fingerprint) else {
                    check.report(.invalidFingerprint(place: entry.key, found: fingerprint), at: entry.field.value.offset)
                    continue
                }
                fingerprints[entry.key] = fingerprint
            }
            records[locale] = TranslationRecords(locale: locale, fingerprints: fingerprints)
        }
        return records
    }
}
