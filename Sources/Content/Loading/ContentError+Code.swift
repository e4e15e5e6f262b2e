import Diagnostics

extension ContentError {
    /// The stable code of each kind of content mistake (RG1xx), listed in docs/errors.md.
    /// Codes are never reused: a removed case retires its code.
    public enum Code: String, Sendable, CaseIterable {
        // Files and folders
        case missingSiteFolder = "RG101"
        case missingFile = "RG102"
        case unreadableFile = "RG103"
        case unexpectedFile = "RG104"
        case fileForUnconfiguredLocale = "RG105"
        case translationWithoutOriginal = "RG106"
        case outsideSiteRoot = "RG107"
        case notARegularFile = "RG108"
        // Encoding (JSON syntax has its own codes: `JSONSyntaxError.Kind.Code`)
        case invalidUTF8 = "RG110"
        case duplicateKey = "RG111"
        case markdownTooLarge = "RG112"
        // Fields and values
        case unknownField = "RG120"
        case missingField = "RG121"
        case wrongType = "RG122"
        case outOfRange = "RG123"
        case endsBeforeStart = "RG124"
        case invalidDate = "RG125"
        case invalidURL = "RG126"
        case invalidChoice = "RG127"
        case emptyList = "RG128"
        case duplicateEntry = "RG129"
        case invalidBaseURL = "RG130"
        case descriptionTooLong = "RG131"
        case rangeWithHyphen = "RG132"
        // Ids and references
        case unsafeSegment = "RG140"
        case duplicateID = "RG141"
        case unknownName = "RG142"
        case relatedToItself = "RG143"
        case unknownSetting = "RG144"
        case duplicateTitle = "RG145"
        // Locales and translations
        case invalidLocaleCode = "RG150"
        case unsupportedLocale = "RG151"
        case defaultLocaleNotListed = "RG152"
        case unconfiguredLocale = "RG153"
        case missingDefaultText = "RG154"
        case missingItemText = "RG155"
        case textForUnknownItem = "RG156"
        case emptyText = "RG157"
        case placeholderText = "RG158"
        case unreviewedFigures = "RG159"
        // UI string tables
        case invalidStringKey = "RG160"
        case stringTableLeafNotText = "RG161"
        case keyNotInDefaultTable = "RG162"
        /// Found by the build until UI-string checking moved to the loader: the code stays.
        case unknownMessageArgument = "RG404"
        // Translation records and --strict
        case invalidFingerprint = "RG190"
        case strictLocaleNotTranslated = "RG191"
        case strictFallback = "RG192"
        case strictOutdated = "RG193"
        case strictUnreviewed = "RG194"
    }

    /// This mistake's code: a JSON syntax error has the code of its kind, every other case its own.
    public var code: String {
        switch self {
        case .missingSiteFolder: Code.missingSiteFolder.rawValue
        case .missingFile: Code.missingFile.rawValue
        case .unreadableFile: Code.unreadableFile.rawValue
        case .unexpectedFile: Code.unexpectedFile.rawValue
        case .fileForUnconfiguredLocale: Code.fileForUnconfiguredLocale.rawValue
        case .translationWithoutOriginal: Code.translationWithoutOriginal.rawValue
        case .outsideSiteRoot: Code.outsideSiteRoot.rawValue
        case .notARegularFile: Code.notARegularFile.rawValue
        case .invalidUTF8: Code.invalidUTF8.rawValue
        case .markdownTooLarge: Code.markdownTooLarge.rawValue
        case .invalidJSON(let kind): kind.code.rawValue
        case .duplicateKey: Code.duplicateKey.rawValue
        case .unknownField: Code.unknownField.rawValue
        case .missingField: Code.missingField.rawValue
        case .wrongType: Code.wrongType.rawValue
        case .outOfRange: Code.outOfRange.rawValue
        case .endsBeforeStart: Code.endsBeforeStart.rawValue
        case .invalidDate: Code.invalidDate.rawValue
        case .invalidURL: Code.invalidURL.rawValue
        case .invalidBaseURL: Code.invalidBaseURL.rawValue
        case .descriptionTooLong: Code.descriptionTooLong.rawValue
        case .rangeWithHyphen: Code.rangeWithHyphen.rawValue
        case .invalidChoice: Code.invalidChoice.rawValue
        case .emptyList: Code.emptyList.rawValue
        case .duplicateEntry: Code.duplicateEntry.rawValue
        case .unsafeSegment: Code.unsafeSegment.rawValue
        case .duplicateID: Code.duplicateID.rawValue
        case .unknownName: Code.unknownName.rawValue
        case .relatedToItself: Code.relatedToItself.rawValue
        case .unknownSetting: Code.unknownSetting.rawValue
        case .invalidLocaleCode: Code.invalidLocaleCode.rawValue
        case .unsupportedLocale: Code.unsupportedLocale.rawValue
        case .defaultLocaleNotListed: Code.defaultLocaleNotListed.rawValue
        case .unconfiguredLocale: Code.unconfiguredLocale.rawValue
        case .missingDefaultText: Code.missingDefaultText.rawValue
        case .missingItemText: Code.missingItemText.rawValue
        case .textForUnknownItem: Code.textForUnknownItem.rawValue
        case .invalidStringKey: Code.invalidStringKey.rawValue
        case .stringTableLeafNotText: Code.stringTableLeafNotText.rawValue
        case .keyNotInDefaultTable: Code.keyNotInDefaultTable.rawValue
        case .invalidUIString(let kind): kind.code.rawValue
        case .unknownMessageArgument: Code.unknownMessageArgument.rawValue
        case .duplicateTitle: Code.duplicateTitle.rawValue
        case .emptyText: Code.emptyText.rawValue
        case .placeholderText: Code.placeholderText.rawValue
        case .unreviewedFigures: Code.unreviewedFigures.rawValue
        case .invalidFingerprint: Code.invalidFingerprint.rawValue
        case .strictLocaleNotTranslated: Code.strictLocaleNotTranslated.rawValue
        case .strictFallback: Code.strictFallback.rawValue
        case .strictOutdated: Code.strictOutdated.rawValue
        case .strictUnreviewed: Code.strictUnreviewed.rawValue
        }
    }

    /// The name the message suggests instead of the one written, for tools that offer it as a fix.
    public var suggestion: String? {
        switch self {
        case .unexpectedFile(_, _, let suggestion), .unknownField(_, let suggestion),
             .invalidChoice(_, _, _, let suggestion), .unknownName(_, _, let suggestion), .unknownSetting(_, _, let suggestion),
             .defaultLocaleNotListed(_, let suggestion), .unconfiguredLocale(_, let suggestion),
             .textForUnknownItem(_, _, _, let suggestion), .keyNotInDefaultTable(_, _, let suggestion),
             .unknownMessageArgument(_, _, let suggestion),
             .strictLocaleNotTranslated(_, _, let suggestion):
            suggestion
        default:
            nil
        }
    }

    /// The diagnostic for this mistake at `location` (nil: a mistake that belongs to no file).
    public func diagnostic(at location: SourceLocation?, quote: QuotedLine? = nil) -> Diagnostic {
        Diagnostic(severity, message, code: code, at: location, quote: quote, suggestion: suggestion)
    }

    /// The same with the whole text of the line at `location`, of which a window is quoted.
    public func diagnostic(at location: SourceLocation?, sourceLine: String?) -> Diagnostic {
        Diagnostic(severity, message, code: code, at: location, sourceLine: sourceLine, suggestion: suggestion)
    }

    /// The diagnostic for this mistake about a whole file (at its first line) or, without
    /// `file`, about no file.
    public func diagnostic(file: String?) -> Diagnostic {
        diagnostic(at: file.map { SourceLocation(file: $0, line: 1, column: 1) })
    }
}

/// Why a base URL cannot be used (see `ContentError.invalidBaseURL`); the raw value is the
/// phrase shown in the message.
public enum BaseURLProblem: String, Error, Sendable, Equatable {
    case notHTTP = "does not start with http:// or https://"
    case noHost = "has no host"
    case query = "has a query (`?…`)"
    case fragment = "has a fragment (`#…`)"
    case whitespace = "contains a space or a control character"
}

extension JSONSyntaxError.Kind {
    /// The stable code of each JSON syntax mistake (RG17x–RG18x), listed in docs/errors.md.
    public enum Code: String, Sendable, CaseIterable {
        case unexpectedEnd = "RG170"
        case unexpected = "RG171"
        case trailingComma = "RG172"
        case unterminatedString = "RG173"
        case controlCharacterInString = "RG174"
        case invalidEscape = "RG175"
        case invalidUnicodeEscape = "RG176"
        case unpairedSurrogate = "RG177"
        case leadingZero = "RG178"
        case missingDigits = "RG179"
        case integerTooLarge = "RG180"
        case tooDeep = "RG181"
        case trailingContent = "RG182"
    }

    public var code: Code {
        switch self {
        case .unexpectedEnd: .unexpectedEnd
        case .unexpected: .unexpected
        case .trailingComma: .trailingComma
        case .unterminatedString: .unterminatedString
        case .controlCharacterInString: .controlCharacterInString
        case .invalidEscape: .invalidEscape
        case .invalidUnicodeEscape: .invalidUnicodeEscape
        case .unpairedSurrogate: .unpairedSurrogate
        case .leadingZero: .leadingZero
        case .missingDigits: .missingDigits
        case .integerTooLarge: .integerTooLarge
        case .tooDeep: .tooDeep
        case .trailingContent: .trailingContent
        }
    }
}

/// Thrown where a value is checked outside a file (`SiteSetting.override`).
extension ContentError: Error {}
