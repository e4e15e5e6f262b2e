import Diagnostics

/// A value of `site.json` that a single build can override (`--set KEY=VALUE`, `--base-url`):
/// a staging build posts its report form to a staging endpoint and links to a staging host,
/// from the same files. Only values that are about where a site is published are settable;
/// the content itself always comes from the files.
public enum SiteSetting: String, Sendable, CaseIterable {
    case baseURL
    case reportEndpoint
    case title
    case allowRawHTML

    /// The setting named `key`, or the mistake: an unknown name, with a did-you-mean.
    public static func named(_ key: String) throws(ContentError) -> SiteSetting {
        guard let setting = SiteSetting(rawValue: key) else {
            let suggestion = closestMatch(to: key, among: allCases.map(\.rawValue))
            throw .unknownSetting(key, settable: allCases.map(\.rawValue), suggestion: suggestion)
        }
        return setting
    }

    /// `value` checked as `site.json`'s loader checks it, ready to apply; `path` names the
    /// value in a message (`baseURL`, or `--base-url` when it came from that option).
    public func override(_ value: String, path: String? = nil) throws(ContentError) -> SiteOverride {
        let path = path ?? rawValue
        switch self {
        case .baseURL:
            switch normalizedBaseURL(value) {
            case .success(let url): return SiteOverride(setting: self, value: url)
            case .failure(let problem): throw .invalidBaseURL(path: path, found: value, problem: problem)
            }
        case .reportEndpoint:
            // Empty removes the report form (a staging build that must not post anywhere).
            guard value.isEmpty || isAbsoluteHTTPURL(value) else { throw .invalidURL(path: path, found: value) }
        case .title:
            break
        case .allowRawHTML:
            guard value == "true" || value == "false" else {
                throw .wrongType(path: path, expected: "`true` or `false`", found: "`\(value)`")
            }
        }
        return SiteOverride(setting: self, value: value)
    }
}

/// A checked value for one setting of one build (see `SiteSetting.override`).
public struct SiteOverride: Sendable, Equatable {
    public let setting: SiteSetting
    /// Already normalised (a base URL ends with `/`).
    public let value: String

    fileprivate init(setting: SiteSetting, value: String) {
        self.setting = setting
        self.value = value
    }

    public func apply(to config: inout SiteConfig) {
        switch setting {
        case .baseURL: config.baseURL = value
        case .reportEndpoint: config.reportEndpoint = value.isEmpty ? nil : value
        case .title: config.title = value
        case .allowRawHTML: config.allowRawHTML = value == "true"
        }
    }
}
