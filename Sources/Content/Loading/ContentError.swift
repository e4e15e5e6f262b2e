import Diagnostics
import Localization

/// Every mistake an editor or translator can make in a site's files, one case each. The loader
/// turns them into `Diagnostic`s at the position of the mistake; `message` is the sentence shown.
///
/// Names in messages are the ones the user wrote, in backticks, with the full path of nested
/// fields (`impactYears.to`, `roadmap[1].steps`) so the sentence makes sense on its own.
public enum ContentError: Sendable, Equatable {
    // MARK: Files and folders

    /// The folder given as the site root does not exist.
    case missingSiteFolder(path: String)
    /// A required file is absent (`site.json`, a role's default-locale text, …). `why` says
    /// what needs it, when that is not obvious.
    case missingFile(path: String, why: String?)
    /// A file exists but cannot be read (permissions, or it is a folder).
    case unreadableFile(path: String)
    /// A path that resolves, through a symbolic link, to `target` outside the site root:
    /// rolegen reads only inside it, so that no link can publish `/etc/passwd` or the build's
    /// environment. Refused before the file is opened.
    case outsideSiteRoot(path: String, target: String)
    /// Something that is neither a regular file nor a folder (a FIFO, a socket, a device):
    /// reading it could block forever or have side effects. Refused before it is opened.
    case notARegularFile(path: String, kind: String)
    /// A file or folder that has no place where it stands (`analysys.en.md` in a role folder).
    case unexpectedFile(name: String, place: String, suggestion: String?)
    /// A per-locale file for a locale `site.json` does not configure (`de.json`, `verdict.de.md`).
    case fileForUnconfiguredLocale(name: String, locale: String)
    /// A translation of a file the default locale does not have, so nothing would show it
    /// (`article.fr.md` without `article.en.md`). A warning: the translation may simply be early.
    case translationWithoutOriginal(name: String, original: String)

    // MARK: Encoding and syntax

    /// A byte that is not valid UTF-8 (files saved as Latin-1 or Windows-1252 are the usual cause).
    case invalidUTF8(byte: UInt8)
    /// A Markdown file of `size` bytes, more than site.json's `markdownSizeLimit` (`limit`).
    case markdownTooLarge(size: Int, limit: Int)
    /// The file is not valid JSON.
    case invalidJSON(JSONSyntaxError.Kind)
    /// A key written twice in the same object.
    case duplicateKey(name: String, firstLine: Int)

    // MARK: Fields and values

    /// A key the object does not have: usually a typo.
    case unknownField(name: String, suggestion: String?)
    /// A meta description longer than search engines show (they cut it, mid-word, at about
    /// 160 characters). A warning: the page is still right, only its search snippet is cut.
    case descriptionTooLong(length: Int, limit: Int)
    /// A range of numbers typed with a hyphen ("5-7 years") where the pages write ranges in the
    /// locale's range format ("5–7", "5 à 7"). A warning: the text is readable, but the page
    /// would write the same range two ways.
    case rangeWithHyphen(written: String, localeFormat: String)
    /// A required key is absent (reported at the object's opening brace).
    case missingField(path: String)
    /// A value of the wrong JSON type; `expected` and `found` read like "an integer", "a string".
    /// An empty path is the file's top-level value.
    case wrongType(path: String, expected: String, found: String)
    /// An integer outside its allowed range (percentages are 0–100).
    case outOfRange(path: String, range: ClosedRange<Int>, found: Int)
    /// A span whose end comes before its start.
    case endsBeforeStart(fromPath: String, from: Int, toPath: String, to: Int)
    /// A string that is not a real calendar date in the form `YYYY-MM-DD`.
    case invalidDate(path: String, found: String)
    /// A string that is not an absolute `http://` or `https://` URL.
    case invalidURL(path: String, found: String)
    /// A base URL (`baseURL` in site.json, `--base-url`) that pages' URLs cannot be appended
    /// to: not http(s), no host, a query or a fragment, a space.
    case invalidBaseURL(path: String, found: String, problem: BaseURLProblem)
    /// A string that is not one of a fixed set of words (`demandTrend`, `exposure`).
    case invalidChoice(path: String, choices: [String], found: String, suggestion: String?)
    /// A list that must have at least one element.
    case emptyList(path: String)
    /// The same value listed twice where values must be unique.
    case duplicateEntry(path: String, value: String, firstLine: Int)

    // MARK: Ids and references

    /// An id, slug or URL segment that is not lowercase letters, digits and single hyphens.
    /// `what` names it: "task id", "role folder name", "URL segment".
    case unsafeSegment(what: String, value: String)
    /// Two entries with the same id (`kind` is "task", "skill", "tool", "sector").
    case duplicateID(kind: String, id: String, firstLine: Int)
    /// A name that refers to nothing known: a tool, sector or role id, a section, a URL
    /// segment name, an illustrative figure (`kind` says which).
    case unknownName(kind: String, name: String, suggestion: String?)
    /// `--set KEY=VALUE` with a key that is not a settable value of site.json.
    case unknownSetting(String, settable: [String], suggestion: String?)
    /// A role that lists itself among its related roles.
    case relatedToItself(slug: String)

    // MARK: Locales and translations

    /// A locale code that is not of the form `en`, `fr`, `pt-BR`.
    case invalidLocaleCode(String)
    /// A well-formed locale code that rolegen has no plural, number and date rules for.
    case unsupportedLocale(String, supported: [String])
    /// `defaultLocale` is not among `locales`.
    case defaultLocaleNotListed(String, suggestion: String?)
    /// A key of a localized value, or of `urlSegments`, that is not a configured locale.
    case unconfiguredLocale(String, suggestion: String?)
    /// A localized value without the default locale's text, which every other locale falls back to.
    case missingDefaultText(path: String, locale: String)
    /// The default locale's text lacks the text of an item of the role (`kind`: "a text for
    /// task", "a name for skill", "a reason for tool").
    case missingItemText(kind: String, id: String)
    /// A text for a task, skill or tool the role does not have (`kind`: "task", "skill", "tool").
    case textForUnknownItem(kind: String, id: String, role: String, suggestion: String?)
    /// A text still as a scaffold wrote it (`TODO: …`): `rolegen new role` marks what an
    /// editor must write, so that a copy cannot be published by accident.
    case placeholderText(path: String)
    /// `role.json` still has the `todo` note a scaffold wrote: its figures are not reviewed yet.
    case unreviewedFigures(note: String)
    /// A role title that another role of the same locale already has.
    case duplicateTitle(title: String, firstFile: String)
    /// An empty or blank text where the default locale needs one, or inside a list. (In
    /// another locale an empty value is treated as absent: the default locale's text shows.)
    case emptyText(path: String)

    // MARK: UI string tables

    /// A key segment that is not a letter followed by letters, digits and underscores.
    case invalidStringKey(segment: String)
    /// A leaf of a string table that is neither a string nor an object.
    case stringTableLeafNotText(key: String, found: String)
    /// A translated key that the default locale's table does not have, so no page uses it.
    case keyNotInDefaultTable(key: String, defaultFile: String, suggestion: String?)
    /// A UI string whose message syntax is wrong; the code is that of the syntax mistake. Its
    /// pages show it as nothing while the rest of the site is checked.
    case invalidUIString(MessageSyntaxError.Kind)
    /// A UI string uses a `{name}` argument that rolegen never passes (`UIStringArgument`).
    case unknownMessageArgument(key: String, name: String, suggestion: String?)

    // MARK: Translation records

    /// A record in `translations/<locale>.json` whose value is not a fingerprint as
    /// `rolegen translations mark` writes it.
    case invalidFingerprint(place: String, found: String)

    // MARK: --strict

    /// `--strict` names a locale that the site does not translate into.
    case strictLocaleNotTranslated(String, defaultLocale: String, suggestion: String?)
    /// Under `--strict`, a value the locale does not translate.
    case strictFallback(value: String, locale: String, defaultLocale: String)
    /// Under `--strict`, a translation made from a default text that has changed since.
    case strictOutdated(value: String, locale: String, defaultLocale: String)
    /// Under `--strict`, a translation in a tracked locale that was never marked as reviewed.
    case strictUnreviewed(value: String, locale: String)

    /// Whether this mistake fails the build. An early translation and a translated UI string
    /// that no page uses are warnings (like a default-locale string no template uses): nothing
    /// shown is wrong, but the translator should look.
    public var severity: Severity {
        switch self {
        case .translationWithoutOriginal, .keyNotInDefaultTable, .descriptionTooLong, .rangeWithHyphen, .duplicateTitle: .warning
        default: .error
        }
    }

    /// The plain sentence shown after `error:`.
    public var message: String {
        switch self {
        case .missingSiteFolder(let path):
            "site folder `\(path)` does not exist"
        case .missingFile(let path, let why):
            "missing file `\(path)`" + (why.map { " (\($0))" } ?? "")
        case .unreadableFile(let path):
            "cannot read `\(path)`"
        case .outsideSiteRoot(let path, let target):
            "`\(path)` resolves to `\(target)`, outside the site root: rolegen reads only files inside it (copy the file in instead of linking to it)"
        case .notARegularFile(let path, let kind):
            "`\(path)` is \(kind), not a regular file: rolegen reads only regular files and folders"
        case .unexpectedFile(let name, let place, let suggestion):
            "unexpected file `\(name)` in \(place)" + didYouMean(suggestion: suggestion)
        case .fileForUnconfiguredLocale(let name, let locale):
            "`\(name)` is for locale `\(locale)`, which `locales` in site.json does not list"
        case .translationWithoutOriginal(let name, let original):
            "`\(name)` is ignored: there is no `\(original)` in the default locale"
        case .invalidUTF8(let byte):
            "invalid UTF-8 byte 0x\(String(byte, radix: 16, uppercase: true)) (save the file as UTF-8)"
        case .markdownTooLarge(let size, let limit):
            "Markdown file of \(size) bytes is over the limit of \(limit) bytes (`markdownSizeLimit` in site.json)"
        case .invalidJSON(let kind):
            JSONSyntaxError(kind: kind, offset: 0).message
        case .duplicateKey(let name, let firstLine):
            "duplicate key `\(name)` (first defined on line \(firstLine))"
        case .unknownField(let name, let suggestion):
            "unknown field `\(name)`" + didYouMean(suggestion: suggestion)
        case .rangeWithHyphen(let written, let localeFormat):
            "range `\(written)` is written with a hyphen; pages write ranges as `\(localeFormat)` — write it that way"
        case .descriptionTooLong(let length, let limit):
            "`description` is \(length) characters long; search results show about \(limit), so keep it to \(limit) or fewer"
        case .missingField(let path):
            "missing required field `\(path)`"
        case .wrongType(let path, let expected, let found):
            "\(path.isEmpty ? "the file's top level" : "`\(path)`") must be \(expected), found \(found)"
        case .outOfRange(let path, let range, let found):
            "`\(path)` must be between \(range.lowerBound) and \(range.upperBound), found \(found)"
        case .endsBeforeStart(let fromPath, let from, let toPath, let to):
            "`\(toPath)` (\(to)) is before `\(fromPath)` (\(from))"
        case .invalidDate(let path, let found):
            "`\(path)` must be a real date written YYYY-MM-DD, found `\(found)`"
        case .invalidURL(let path, let found):
            "`\(path)` must be an absolute http:// or https:// URL, found `\(found)`"
        case .invalidBaseURL(let path, let found, let problem):
            "`\(path)` must be an http:// or https:// URL with a host and no query or fragment: `\(found)` \(problem.rawValue)"
        case .invalidChoice(let path, let choices, let found, let suggestion):
            "`\(path)` must be one of \(choices.map { "`\($0)`" }.joined(separator: ", ")), found `\(found)`" + didYouMean(suggestion: suggestion)
        case .emptyList(let path):
            "`\(path)` must not be empty"
        case .duplicateEntry(let path, let value, let firstLine):
            "`\(path)` lists `\(value)` twice (first on line \(firstLine))"
        case .unsafeSegment(let what, let value):
            "\(what) `\(value)` is not a safe URL segment (use lowercase letters, digits and hyphens)"
        case .duplicateID(let kind, let id, let firstLine):
            "duplicate \(kind) id `\(id)` (first defined on line \(firstLine))"
        case .unknownName(let kind, let name, let suggestion):
            "unknown \(kind) `\(name)`" + didYouMean(suggestion: suggestion)
        case .unknownSetting(let name, let settable, let suggestion):
            "unknown setting `\(name)`" + didYouMean(suggestion: suggestion) + " (settable: \(settable.joined(separator: ", ")))"
        case .relatedToItself(let slug):
            "role `\(slug)` lists itself in `relatedRoles`"
        case .invalidLocaleCode(let code):
            "`\(code)` is not a locale code like `en`, `fr` or `pt-BR`"
        case .unsupportedLocale(let code, let supported):
            "rolegen has no formatting rules for locale `\(code)` (supported: \(supported.joined(separator: ", ")); docs/localization.md says how to add one)"
        case .defaultLocaleNotListed(let code, let suggestion):
            "`defaultLocale` `\(code)` is not one of `locales`" + didYouMean(suggestion: suggestion)
        case .unconfiguredLocale(let code, let suggestion):
            "locale `\(code)` is not listed in `locales` in site.json" + didYouMean(suggestion: suggestion)
        case .missingDefaultText(let path, let locale):
            "`\(path)` has no `\(locale)` text (the default locale's text is required)"
        case .missingItemText(let kind, let id):
            "missing \(kind) `\(id)`"
        case .textForUnknownItem(let kind, let id, let role, let suggestion):
            "text for \(kind) `\(id)` that role `\(role)` does not have" + didYouMean(suggestion: suggestion)
        case .placeholderText(let path):
            (path.isEmpty ? "the file" : "`\(path)`") + " is still a placeholder (`\(placeholderMarker) …`): write its text"
        case .unreviewedFigures(let note):
            "the role's figures are not reviewed yet (`todo`: \(note)): check every figure, then delete the `todo` field"
        case .duplicateTitle(let title, let firstFile):
            "another role is already titled `\(title)` (\(firstFile)): readers cannot tell the two pages apart"
        case .emptyText(let path):
            path.isEmpty ? "the file is empty: write its text" : "`\(path)` is empty: write its text"
        case .invalidStringKey(let segment):
            "string key `\(segment)` must start with a letter and contain only letters, digits and `_`"
        case .stringTableLeafNotText(let key, let found):
            "string `\(key)` must be a string or an object of strings, found \(found)"
        case .keyNotInDefaultTable(let key, let defaultFile, let suggestion):
            "string `\(key)` is not in \(defaultFile), so no page uses it" + didYouMean(suggestion: suggestion)
        case .invalidUIString(let kind):
            "invalid UI string: \(MessageSyntaxError(kind, utf8Offset: 0).message)"
        case .unknownMessageArgument(let key, let name, let suggestion):
            "UI string `\(key)` uses unknown argument `{\(name)}`" + didYouMean(suggestion: suggestion)
        case .strictLocaleNotTranslated(let locale, let defaultLocale, let suggestion):
            "--strict names `\(locale)`, which is not a locale the site translates into (`\(defaultLocale)` is the default)" + didYouMean(suggestion: suggestion)
        case .strictFallback(let value, let locale, let defaultLocale):
            "no `\(locale)` text for \(value): the `\(defaultLocale)` text is shown instead (--strict forbids fallbacks)"
        case .strictOutdated(let value, let locale, let defaultLocale):
            "the `\(locale)` text for \(value) was translated from an earlier `\(defaultLocale)` text: update it, then run `rolegen translations mark \(locale)` (--strict forbids outdated translations)"
        case .strictUnreviewed(let value, let locale):
            "the `\(locale)` text for \(value) is not marked as reviewed: check it, then run `rolegen translations mark \(locale)` (--strict forbids outdated translations)"
        case .invalidFingerprint(let place, let found):
            "the record of `\(place)` must be 16 hexadecimal digits as `rolegen translations mark` writes them, found `\(found)`"
        }
    }
}
