import Diagnostics
import Synchronization

/// What reading one role folder produced. `role` is nil when the folder has an error.
struct RoleReading: Sendable {
    var role: Role?
    var diagnostics: [Diagnostic]
    /// One per value a translation could give, in every locale but the default.
    var translations: [TranslationUnit]
    /// Of a lean reading (which keeps only the outdated units): the role's fallbacks, sorted.
    /// Empty otherwise: they are the units' (`TranslationUnit.fallback`).
    var fallbacks: [Fallback] = []
}

/// How a lean load reads a role (`ContentLoader.load(keepingTexts: false)`): what of its
/// texts it keeps until its pages read the files again.
struct LeanReading: Sendable {
    /// The translation records, to tell a current translation (dropped) from an outdated one.
    var records: [String: TranslationRecords]
    /// Whether a Markdown text is kept (for the build's checks of its links).
    var keepsMarkdown: @Sendable (String) -> Bool
    /// Bytes of role texts the load may keep whole, so that those roles are not read again
    /// for their pages; nil keeps none.
    var keptTexts: TextBudget?

    /// The unit's state as `TranslationStatus` decides it.
    func status(of unit: TranslationUnit) -> TranslationStatus.State {
        TranslationStatus.state(of: unit, records: records).state
    }
}

/// How much memory a lean load may spend on keeping roles whole (`ContentLoader.load(keptTexts:)`),
/// by the number of roles: `bytes` less `lessPerRole` for each role, and never less than
/// `atLeast`.
///
/// Every role costs the build memory whether it is kept whole or not (its facts, its outline,
/// its pages' share of the site model), so a larger site leaves less room for whole roles: the
/// allowance shrinks as the site grows, down to the fixed amount that the largest sites keep,
/// and the build's peak memory stays about level instead of growing with the roles kept.
public struct KeptTextAllowance: Sendable, Equatable {
    /// The allowance of a site without roles.
    public var bytes: Int
    /// How much less each role leaves.
    public var lessPerRole: Int
    /// The allowance of any site, however large.
    public var atLeast: Int

    public init(bytes: Int, lessPerRole: Int, atLeast: Int) {
        self.bytes = bytes
        self.lessPerRole = lessPerRole
        self.atLeast = atLeast
    }

    /// The same amount at any size of site (none with 0).
    public static func fixed(_ bytes: Int) -> KeptTextAllowance {
        KeptTextAllowance(bytes: bytes, lessPerRole: 0, atLeast: bytes)
    }

    /// The bytes a site of `roles` roles may keep whole.
    public func bytes(forRoles roles: Int) -> Int {
        max(atLeast, bytes - roles * lessPerRole)
    }
}

/// Memory a lean load may spend on keeping roles whole (`KeptTextAllowance`): the first roles
/// read, up to that amount, keep their texts and are not read again for their pages; the rest
/// are. A small or medium site reads most folders once.
final class TextBudget: Sendable {
    private let left: Atomic<Int>

    init(bytes: Int) {
        left = Atomic(bytes)
    }

    /// Takes `bytes` when that many are left.
    func take(_ bytes: Int) -> Bool {
        var current = left.load(ordering: .relaxed)
        while current >= bytes {
            let (exchanged, original) = left.compareExchange(expected: current, desired: current - bytes, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        return false
    }
}

/// The Markdown files of a role, `<kind>.<locale>.md`.
enum MarkdownKind: String, CaseIterable {
    case analysis, verdict, article

    /// Article is optional even in the default locale: a role without one has no deep dive.
    var isRequired: Bool { self != .article }
}

/// A file a role folder may hold.
enum RoleFile: Hashable {
    /// `role.json`
    case facts
    /// `<locale>.json`
    case text(locale: String)
    /// `<kind>.<locale>.md`
    case markdown(MarkdownKind, locale: String)

    /// The files of one locale: its text and its Markdown files.
    static func all(in locale: String) -> [RoleFile] {
        [.text(locale: locale)] + MarkdownKind.allCases.map { .markdown($0, locale: locale) }
    }

    var name: String {
        switch self {
        case .facts: "role.json"
        case .text(let locale): "\(locale).json"
        case .markdown(let kind, let locale): "\(kind.rawValue).\(locale).md"
        }
    }
}

/// Reads one role folder, `content/roles/<slug>/`: independent of every other role, so folders
/// are read in parallel.
enum RoleReader {
    /// With `lean`, the role keeps of its facts those other pages and the checks read (not its
    /// tasks, skills, tools and illustrative figures), of its texts only its outline and the Markdown that
    /// `lean.keepsMarkdown` asks for, and of its translation units only the outdated ones (what
    /// the outdated check and `--strict` report beside the fallbacks; a unit holds the default
    /// locale's text, so keeping every fallback's would keep those texts too).
    /// `checkedAs`: the role is read again for its pages (`RoleRereader`), after a lean load that
    /// recorded its translation units and the hash of its files (`textsLeftInFiles`): none is
    /// made, and files whose hash differs give no role at once. Files with that hash are the
    /// bytes the lean load checked and found free of errors, so they are read trusted
    /// (`FileCheck.isTrusted`): the same readers decide every value, but checks that could only
    /// report are skipped.
    static func read(slug: String, folder: SiteFolder, context: RoleContext, lean: LeanReading? = nil, checkedAs fingerprint: UInt64? = nil) -> RoleReading {
        let path = "content/roles/\(slug)"
        let files = FileChecks(folder: folder)
        let locales = context.locales
        if !isSafeURLSegment(slug) {
            files.report(.unsafeSegment(what: "role folder name", value: slug))
        }
        let present = presentFiles(in: path, files: files, context: context)
        /// Opens the file `name` if the listing showed it; reports a required one that is absent.
        func open(_ name: String, required: Bool, why: @autoclosure () -> String) -> FileCheck? {
            guard present.contains(name) else {
                if required { files.report(.missingFile(path: "\(path)/\(name)", why: why()), file: "\(path)/\(name)") }
                return nil
            }
            return files.open(name, in: path, required: required)
        }

        // Every file is opened before any is read: which files are opened follows from the
        // listing alone, and a reading again compares their hash before reading them.
        let factsFile = open(RoleFile.facts.name, required: true, why: "the role's facts")
        var localeFiles: [(locale: String, isDefault: Bool, text: FileCheck?, markdown: [(MarkdownKind, FileCheck?)])] = []
        for names in context.localeFiles {
            let isDefault = names.isDefault
            guard isDefault || present.contains(names.text) || names.markdown.contains(where: { present.contains($0.name) }) else { continue }
            let text = open(names.text, required: isDefault, why: "the role's text in the default locale")
            let markdown = names.markdown.map { kind, name in
                (kind, open(name, required: isDefault && kind.isRequired, why: "the role's \(kind.rawValue) in the default locale"))
            }
            localeFiles.append((names.locale, isDefault, text, markdown))
        }
        if let fingerprint {
            guard files.contentsHash == fingerprint else { return RoleReading(role: nil, diagnostics: files.diagnostics, translations: []) }
            files.trustOpenedFiles()
        }

        let facts = factsFile.map { RoleFactsReader.read($0, slug: slug, context: context) } ?? RoleFacts()
        // The role's dictionaries by locale get room for every locale at once (growing, each was
        // allocated and hashed again as its second locale came).
        var texts = [String: RoleLocaleText](minimumCapacity: localeFiles.count)
        for (locale, isDefault, textFile, markdownFiles) in localeFiles {
            var text = RoleLocaleText()
            if let check = textFile {
                RoleTextReader.read(check, into: &text, facts: facts, slug: slug, locale: locale, isDefaultLocale: isDefault)
            }
            for (kind, check) in markdownFiles {
                let markdown = check.flatMap { readMarkdown($0, isDefaultLocale: isDefault, sizeLimit: context.markdownSizeLimit) }
                switch kind {
                case .analysis: text.analysisMarkdown = markdown
                case .verdict: text.verdictMarkdown = markdown
                case .article: text.articleMarkdown = markdown
                }
            }
            texts[locale] = text
        }
        warnAboutArticlesWithoutOriginal(texts, path: path, files: files, locales: locales)

        guard !files.hasErrors, var role = facts.role else {
            return RoleReading(role: nil, diagnostics: files.diagnostics, translations: [])
        }
        role.texts = texts
        role.localized.reserveCapacity(locales.all.count)
        role.outline.reserveCapacity(locales.all.count)
        var translations: [TranslationUnit] = []
        for locale in locales.all {
            let (text, units) = role.resolvedText(in: locale, defaultLocale: locales.defaultLocale, recordingUnits: fingerprint == nil)
            role.localized[locale] = text
            role.outline[locale] = RoleOutline(text)
            // Usually one locale has units (a site with one translation): its array is taken
            // as it is, where appending to an empty one copied every unit.
            if translations.isEmpty { translations = units } else { translations += units }
        }
        if let lean {
            translations.sort()
            // Sized first (a unit not translated is a fallback): `compactMap` grew the array by
            // doubling, and a lean reading's fallbacks are kept until the build ends.
            var fallbacks: [Fallback] = []
            fallbacks.reserveCapacity(translations.count { !$0.isTranslated })
            // (By index: `for unit in` copied every unit to read its fallback.)
            for index in translations.indices { if let fallback = translations[index].fallback { fallbacks.append(fallback) } }
            // By index too: `filter` copied every unit to look at it.
            var outdated: [TranslationUnit] = []
            for index in translations.indices where lean.status(of: translations[index]) == .outdated {
                outdated.append(translations[index])
            }
            translations = outdated
            // Kept whole: twice its files' bytes is about what its texts and facts hold.
            if let budget = lean.keptTexts, budget.take(2 * files.bytesRead) {
                return RoleReading(role: role, diagnostics: files.diagnostics, translations: translations, fallbacks: fallbacks)
            }
            role.texts = role.texts.compactMapValues { written in
                var kept = RoleLocaleText()
                kept.analysisMarkdown = written.analysisMarkdown.flatMap { lean.keepsMarkdown($0) ? $0 : nil }
                kept.verdictMarkdown = written.verdictMarkdown.flatMap { lean.keepsMarkdown($0) ? $0 : nil }
                kept.articleMarkdown = written.articleMarkdown.flatMap { lean.keepsMarkdown($0) ? $0 : nil }
                return kept.analysisMarkdown == nil && kept.verdictMarkdown == nil && kept.articleMarkdown == nil ? nil : kept
            }
            role.localized = [:]
            // Facts that only the role's own pages show come back with its texts.
            (role.tasks, role.skills, role.replacingTools, role.toolsToLearn, role.illustrative) = ([], [], [], [], [])
            role.textsLeftInFiles = files.contentsHash
            return RoleReading(role: role, diagnostics: files.diagnostics, translations: translations, fallbacks: fallbacks)
        }
        return RoleReading(role: role, diagnostics: files.diagnostics, translations: translations)
    }

    /// The names of the role files present in the folder. Everything else is reported: a file
    /// for a locale `site.json` does not configure, or an unexpected file (with the closest
    /// expected name).
    private static func presentFiles(in path: String, files: FileChecks, context: RoleContext) -> Set<String> {
        let names = files.entries(path)?.map(\.name) ?? []
        let stray = names.filter { !context.roleFileNameSet.contains($0) }
        if !stray.isEmpty { files.reportStray(in: path, names: stray, expected: context.roleFileNames, locales: context.locales) }
        return Set(names).subtracting(stray)
    }

    /// A Markdown file's text. A blank file is no text: an error in the default locale, a
    /// fallback in another (a translator's empty placeholder must not publish an empty section).
    private static func readMarkdown(_ check: FileCheck, isDefaultLocale: Bool, sizeLimit: Int) -> String? {
        guard let text = check.markdown(sizeLimit: sizeLimit) else { return nil }
        // Splitting into lines is only worth it when the marker is there at all.
        if !check.isTrusted, text.containsBytes(placeholderMarker), let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(where: { isPlaceholder(String($0)) }) {
            check.report(.placeholderText(path: ""), at: check.offset(ofLine: line + 1))
        }
        guard isBlank(text) else { return text }
        if isDefaultLocale { check.report(.emptyText(path: ""), at: 0) }
        return nil
    }

    /// Whether a role has an article is decided by the default locale; a translated article
    /// without one would never be shown, which deserves a word (but is no error: translators
    /// may simply be ahead).
    private static func warnAboutArticlesWithoutOriginal(_ texts: [String: RoleLocaleText], path: String, files: FileChecks, locales: Locales) {
        guard texts[locales.defaultLocale]?.articleMarkdown == nil else { return }
        for locale in locales.others where texts[locale]?.articleMarkdown != nil {
            let name = RoleFile.markdown(.article, locale: locale).name
            let original = RoleFile.markdown(.article, locale: locales.defaultLocale).name
            files.report(.translationWithoutOriginal(name: name, original: original), file: "\(path)/\(name)")
        }
    }
}
