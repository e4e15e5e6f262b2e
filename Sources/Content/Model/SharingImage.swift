import Diagnostics

/// The picture link previews show for a page (`og:image`): a file of `templates/assets/`,
/// published with the other assets, with its size and its text alternative per locale. The
/// site has one for every page (`image` in `site.json`); a role may replace it on its pages.
public struct SharingImage: Sendable, Equatable {
    /// A file name in `templates/assets/` (`og-image.png`).
    public var asset: String
    public var width: Int
    public var height: Int
    /// Locale → what the picture shows, for `og:image:alt`. The default locale's entry is
    /// always present; the others fall back to it.
    public var alt: [String: String]
    /// Where `asset` is written, for the error when `templates/assets/` has no such file.
    public var assetLocation: SourceLocation

    public init(asset: String, width: Int, height: Int, alt: [String: String], assetLocation: SourceLocation) {
        self.asset = asset
        self.width = width
        self.height = height
        self.alt = alt
        self.assetLocation = assetLocation
    }
}
