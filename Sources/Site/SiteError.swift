import Diagnostics
import Localization
import TemplateEngine

/// Every mistake the build finds that is not in one file on its own: how templates, string
/// tables and content fit together, and what happens to the output. One case each, with its
/// stable code (RG4xx, docs/errors.md). Mistakes inside one file are `ContentError`s,
/// `TemplateError`s and `MessageSyntaxError`s, with their own codes.
public enum SiteError: Sendable {
    /// A template uses `{{t.key}}` and no string table defines `key`.
    case unknownUIString(key: String, suggestion: String?)
    /// A template uses `{{t.key}}` where `key` is a group of UI strings (`hero`, whose strings
    /// are `hero.title`, `hero.riskScore`…), not a string.
    case uiStringGroup(key: String, example: String)
    /// A template uses `{{t.key}}`, no table defines `key`, and the default table defines a
    /// near name that nothing uses: one of the two is misspelt, and the translations do not
    /// tell which.
    case unknownUIStringNearUnused(key: String, unused: String, table: String)
    /// A default-table key that nothing uses, near a key templates use and the translations
    /// define: the default table is misspelt.
    case misspeltUIStringKey(key: String, meant: String)
    /// A UI string rolegen formats itself (page titles, FAQ entries) is missing from the
    /// default locale's table.
    case missingBuiltInUIString(key: String, table: String)
    /// A template writes `{{t.key}}`: `t` holds markup (a fallback's `<span lang>`), which
    /// double braces would show as text.
    case escapedUIStringMarkup(key: String)
    /// A template writes `{{{tText.key}}}`: `tText` holds plain text, which triple braces would
    /// put into the page unescaped.
    case unescapedUIStringText(key: String)
    /// A locale whose table lacks `language.name`: the language switcher would show it under
    /// the default language's name. A warning.
    case untranslatedLanguageName(locale: String, defaultName: String)
    /// A default-locale UI string that nothing uses. A warning: nothing shown is wrong.
    case unusedUIString(key: String)
    /// An `image.asset` (of site.json or a role) that names no file of `templates/assets/`.
    case missingImageAsset(asset: String)
    /// Raw HTML in a role's Markdown while `allowRawHTML` is off: the page leaves it out. A
    /// warning.
    case rawHTMLDropped
    /// A `role:` link to a role that does not exist.
    case unknownRoleLink(slug: String, suggestion: String?)
    /// A link that is not a usable address: an unknown scheme (`htps://`), a web address
    /// without a host, white space, or no address at all. A warning.
    case malformedLink(destination: String, problem: LinkProblem)
    /// A link to a path of the site where the build wrote no page.
    case brokenLink(destination: String)
    /// A link to an anchor that the linked page does not have.
    case brokenAnchor(destination: String, anchor: String)
    /// A role's files changed while the build ran (between reading them and reading them again
    /// for the role's pages): the pages would not be what the build checked, so nothing is
    /// written. A role kept whole (`BuildOptions.keptTexts`) is not read again.
    case roleChangedDuringBuild(slug: String)

    /// What is wrong with a link's address (`malformedLink`, one code for all four: each is a
    /// typo in the same place).
    public enum LinkProblem: Sendable, Equatable {
        /// A scheme rolegen does not know (`htps:`), with the known one it is nearest to.
        case unknownScheme(String, suggestion: String?)
        /// An `http:` or `https:` address without `//` and a host: `https:/roles/`, `https:///x`.
        case noHost
        /// White space inside a web address (`<https://example.org/a b>`): the link breaks
        /// where a browser stops reading it.
        case whitespace
        /// A path or `#anchor` that does not parse as a URL at all.
        case notAnAddress
    }
    /// The output folder cannot be prepared (created beside its parent's other files).
    case outputFailed(what: String, reason: String)
    /// The output folder is refused (it holds the sources, or files rolegen did not write), a
    /// file of it cannot be written, or the new tree cannot be swapped in; the code is that of
    /// the `OutputError`.
    case output(OutputError)

    /// The stable code of each case (RG4xx; an invalid UI string has its syntax mistake's code).
    public enum Code: String, Sendable, CaseIterable {
        case unknownUIString = "RG401"
        case unknownUIStringNearUnused = "RG425"
        case uiStringGroup = "RG427"
        case misspeltUIStringKey = "RG426"
        case missingBuiltInUIString = "RG402"
        case unusedUIString = "RG403"
        case missingImageAsset = "RG408"
        case untranslatedLanguageName = "RG409"
        case escapedUIStringMarkup = "RG440"
        case unescapedUIStringText = "RG441"
        case rawHTMLDropped = "RG420"
        case unknownRoleLink = "RG421"
        case malformedLink = "RG422"
        case brokenLink = "RG423"
        case brokenAnchor = "RG424"
        case roleChangedDuringBuild = "RG430"
        case outputFailed = "RG407"
    }

    public var code: String {
        switch self {
        case .unknownUIString: Code.unknownUIString.rawValue
        case .unknownUIStringNearUnused: Code.unknownUIStringNearUnused.rawValue
        case .uiStringGroup: Code.uiStringGroup.rawValue
        case .misspeltUIStringKey: Code.misspeltUIStringKey.rawValue
        case .missingBuiltInUIString: Code.missingBuiltInUIString.rawValue
        case .unusedUIString: Code.unusedUIString.rawValue
        case .missingImageAsset: Code.missingImageAsset.rawValue
        case .untranslatedLanguageName: Code.untranslatedLanguageName.rawValue
        case .escapedUIStringMarkup: Code.escapedUIStringMarkup.rawValue
        case .unescapedUIStringText: Code.unescapedUIStringText.rawValue
        case .rawHTMLDropped: Code.rawHTMLDropped.rawValue
        case .unknownRoleLink: Code.unknownRoleLink.rawValue
        case .malformedLink: Code.malformedLink.rawValue
        case .brokenLink: Code.brokenLink.rawValue
        case .brokenAnchor: Code.brokenAnchor.rawValue
        case .roleChangedDuringBuild: Code.roleChangedDuringBuild.rawValue
        case .outputFailed: Code.outputFailed.rawValue
        case .output(let error): error.code.rawValue
        }
    }

    public var severity: Severity {
        switch self {
        case .unusedUIString, .rawHTMLDropped, .malformedLink, .untranslatedLanguageName: .warning
        default: .error
        }
    }

    public var suggestion: String? {
        switch self {
        case .unknownUIString(_, let suggestion), .unknownRoleLink(_, let suggestion): suggestion
        case .misspeltUIStringKey(_, let meant): meant
        case .malformedLink(_, .unknownScheme(_, let suggestion)): suggestion
        default: nil
        }
    }

    /// The plain sentence shown after `error:`.
    public var message: String {
        switch self {
        case .unknownUIString(let key, let suggestion):
            "unknown UI string `\(key)`: no table in locales/ defines it" + didYouMean(suggestion: suggestion)
        case .uiStringGroup(let key, let example):
            "`\(key)` is a group of UI strings, not a string: name one of its strings, such as `\(example)`"
        case .unknownUIStringNearUnused(let key, let unused, let table):
            "unknown UI string `\(key)`: no table in locales/ defines it, and \(table) defines `\(unused)`, which nothing uses — one of the two names is misspelt"
        case .misspeltUIStringKey(let key, let meant):
            "UI string `\(key)` is used by no template, which use `\(meant)` as the other locales' tables name it — did you mean `\(meant)`?"
        case .missingBuiltInUIString(let key, let table):
            "UI string `\(key)` is missing from \(table) (rolegen uses it to build pages)"
        case .unusedUIString(let key):
            "UI string `\(key)` is defined but no template uses it"
        case .missingImageAsset(let asset):
            "`image.asset` names `\(asset)`, but templates/assets/ has no such file"
        case .escapedUIStringMarkup(let key):
            "`{{t.\(key)}}` escapes the markup of a UI string (its `<span lang>` would show as text): write `{{{t.\(key)}}}` in element content, or `{{tText.\(key)}}` in an attribute"
        case .unescapedUIStringText(let key):
            "`tText.\(key)` is plain text and must be escaped: write `{{tText.\(key)}}`, or `{{{t.\(key)}}}` for element content"
        case .untranslatedLanguageName(let locale, let defaultName):
            "`language.name` is not translated for `\(locale)`: the language switcher would call this locale `\(defaultName)` — write the language's own name (`Français`)"
        case .rawHTMLDropped:
            "raw HTML is left out of the page (`allowRawHTML` is false in site.json): write it in Markdown, or allow raw HTML"
        case .unknownRoleLink(let slug, let suggestion):
            "link to role `\(slug)`, which does not exist" + didYouMean(suggestion: suggestion)
        case .malformedLink(let destination, let problem):
            switch problem {
            case .unknownScheme(let scheme, let suggestion):
                "link `\(destination)` has the unknown scheme `\(scheme):`" + didYouMean(suggestion: suggestion)
            case .noHost: "link `\(destination)` has no host after `//`"
            case .whitespace: "link `\(destination)` contains white space"
            case .notAnAddress: "link `\(destination)` is not an address"
            }
        case .brokenLink(let destination):
            "link `\(destination)` leads to no page of the site"
        case .brokenAnchor(let destination, let anchor):
            "link `\(destination)`: the page has no element with id `\(anchor)`"
        case .roleChangedDuringBuild(let slug):
            "the files of role `\(slug)` changed while the build ran: nothing was written — build again"
        case .outputFailed(let what, let reason):
            "cannot \(what): \(reason)"
        case .output(let error):
            error.description
        }
    }

    func diagnostic(at location: SourceLocation? = nil, quote: QuotedLine? = nil) -> Diagnostic {
        Diagnostic(severity, message, code: code, at: location, quote: quote, suggestion: suggestion)
    }

    /// The same with the whole text of the line at `location`, of which a window is quoted.
    func diagnostic(at location: SourceLocation?, sourceLine: String?) -> Diagnostic {
        Diagnostic(severity, message, code: code, at: location, sourceLine: sourceLine, suggestion: suggestion)
    }
}

extension TemplateError {
    /// The template mistake as a build diagnostic. An error without a line (an unreadable
    /// folder) belongs to its file as a whole, shown at its first line, like a content file's.
    var diagnostic: Diagnostic {
        let location = file.isEmpty ? nil : SourceLocation(file: file, line: max(line, 1), column: max(column, 1))
        return Diagnostic(
            .error, message, code: kind.code.rawValue, at: location,
            quote: line > 0 ? QuotedLine(text: sourceLine, caretColumn: caretColumn) : nil, suggestion: kind.suggestion)
    }
}
