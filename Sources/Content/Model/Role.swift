/// One role page's content: the locale-neutral facts of `role.json` and the texts of each
/// locale as written. `SiteContent.text(of:in:)` gives a locale's text with fallback applied.
public struct Role: Sendable, Equatable {
    /// A task of the role, in page order, with how exposed it is to automation.
    public struct Task: Sendable, Equatable {
        public var id: String
        public var exposure: Exposure
    }

    /// A core skill of the role, with how well it resists automation (0–100, higher is safer).
    public struct Skill: Sendable, Equatable {
        public var id: String
        public var resilience: Int
    }

    /// The names `illustrative` may list: the figures that can be estimates rather than sourced.
    public static let illustrativeFigures = [
        "riskScore", "automationPotential", "saferPeersPercent", "impactYears", "salaryPremium", "demandTrend", "skills",
    ]

    /// The folder name: the role's id and its URL path segment.
    public var slug: String
    /// A sector id from `content/sectors.json`.
    public var sector: String
    /// 0–100.
    public var riskScore: Int
    /// Percent of the role's work that could be automated, 0–100.
    public var automationPotential: Int
    /// Percentile of peers whose jobs are safer, 0–100.
    public var saferPeersPercent: Int
    /// When AI is expected to change the role significantly, in years from now.
    public var impactYears: YearRange
    /// AI-augmented salary premium in percent, 0–100.
    public var salaryPremium: Int
    public var demandTrend: DemandTrend
    public var tasks: [Task]
    public var skills: [Skill]
    /// Tool ids from `content/tools.json`.
    public var replacingTools: [String]
    /// Tool ids from `content/tools.json`; each has a reason in the role's texts.
    public var toolsToLearn: [String]
    /// Slugs of other roles.
    public var relatedRoles: [String]
    public var lastReviewed: Day
    /// Names from `Role.illustrativeFigures`: figures shown as illustrative, not sourced.
    public var illustrative: [String]
    /// The link-preview picture of the role's pages, instead of the site's.
    public var image: SharingImage?
    /// Locale → the texts of `<locale>.json` and the Markdown files, as written (no fallback).
    /// The default locale's entry is always present and complete.
    public var texts: [String: RoleLocaleText]
    /// Locale → the text a page shows, fallback applied: resolved once by the loader for every
    /// configured locale. `SiteContent.text(of:in:)` reads it.
    public var localized: [String: RoleText] = [:]
    /// Locale → what other pages and the site-wide checks read of the role's text (its title,
    /// which of the fields they ask about fall back): held even when `texts` and `localized`
    /// are not (see `textsLeftInFiles`).
    public var outline: [String: RoleOutline] = [:]
    /// Nil when `texts` and `localized` are held. Otherwise the role was loaded without them
    /// (`ContentLoader.load(keepingTexts: false)`, a build that holds per role only what other
    /// pages share): it holds its outline and, of its facts, those other pages read (`tasks`,
    /// `skills`, `replacingTools`, `toolsToLearn` and `illustrative` are empty), and this
    /// identifies its files' bytes as they were read, so that reading them again for its own
    /// pages (`RoleRereader`) gives the whole role and tells whether they changed since.
    public internal(set) var textsLeftInFiles: UInt64?

    /// Whether `texts` and `localized` are held (see `textsLeftInFiles`).
    public var hasTexts: Bool { textsLeftInFiles == nil }

    /// Whether `figure` (one of `Role.illustrativeFigures`) is marked illustrative.
    public func isIllustrative(_ figure: String) -> Bool {
        illustrative.contains(figure)
    }
}

/// What other pages and the site-wide checks read of a role's text in one locale: its title
/// as shown (related-role links, the indexes, the duplicate-title check) and which of the
/// fields they ask about fall back (`title` and the Markdown files, whose links are checked
/// and whose article is published only where it is translated). Small, so that a build holds
/// it for every role while each role's full text exists only while its pages are rendered.
public struct RoleOutline: Sendable, Equatable {
    /// The fields an outline keeps the fallback of, each a bit of `fallbacks`.
    static let fields = ["title", "analysis", "verdict", "article"]

    public var title: String
    /// Whether the locale shows an article (the role has one and it is resolved for the locale).
    public var hasArticle: Bool
    /// Which of `RoleOutline.fields` fall back, a bit each (a set of strings would cost more
    /// than the rest of the outline, for every role and locale).
    private var fallbacks: UInt8 = 0

    init(_ text: RoleText) {
        title = text.title
        hasArticle = text.articleMarkdown != nil
        for (bit, field) in Self.fields.enumerated() where text.isFallback(field) { fallbacks |= 1 << bit }
    }

    /// Whether `field` (`title`, `analysis`, `verdict` or `article`) is shown in the default
    /// locale, as `RoleText.isFallback` says.
    public func isFallback(_ field: String) -> Bool {
        guard let bit = Self.fields.firstIndex(of: field) else { preconditionFailure("an outline keeps no fallback of \(field)") }
        return fallbacks & 1 << bit != 0
    }
}

/// How exposed a task is to automation.
public enum Exposure: String, Sendable, CaseIterable {
    /// Already done by AI tools.
    case automated
    /// Done with AI, under human oversight.
    case oversight
    /// Remains human work.
    case safe
}

/// Where demand for the role is heading.
public enum DemandTrend: String, Sendable, CaseIterable {
    case growing, stable, declining
}

/// A span of years, `from` ≤ `to`.
public struct YearRange: Sendable, Equatable {
    public var from: Int
    public var to: Int

    public init(from: Int, to: Int) {
        self.from = from
        self.to = to
    }
}

/// A calendar date without time or time zone (`lastReviewed`), written `YYYY-MM-DD`.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// A real calendar date (the Gregorian leap-year rule applies), or nil.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        let isLeapYear = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        // A switch, not an array of the twelve lengths: the array was allocated at each call.
        let length = switch month {
        case 2: isLeapYear ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
        guard (1...length).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` (four, two and two digits) naming a real date.
    ///
    /// Read from the ten bytes in place: splitting the text and parsing each part as an `Int`
    /// cost thousands of instructions per role, more than the rest of its date.
    public init?(_ text: String) {
        var text = text
        let parts = text.withUTF8 { bytes -> (year: Int, month: Int, day: Int)? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            /// The number the digits `range` of the text write, or nil if any is not a digit.
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = bytes[index] &- UInt8(ascii: "0")
                    guard digit <= 9 else { return nil }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return (year, month, day)
        }
        guard let parts else { return nil }
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    /// `YYYY-MM-DD`. Written digit by digit into the string's ten bytes (every page shows a
    /// date, and padding three strings and joining them cost a few thousand instructions).
    public var description: String {
        String(unsafeUninitializedCapacity: 10) { bytes in
            var index = 0
            func write(_ value: Int, digits: Int) {
                var divisor = 1
                for _ in 1..<digits { divisor *= 10 }
                while divisor > 0 {
                    bytes[index] = UInt8(ascii: "0") + UInt8(value / divisor % 10)
                    index += 1
                    divisor /= 10
                }
            }
            write(year, digits: 4)
            bytes[index] = UInt8(ascii: "-")
            index += 1
            write(month, digits: 2)
            bytes[index] = UInt8(ascii: "-")
            index += 1
            write(day, digits: 2)
            return index
        }
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
