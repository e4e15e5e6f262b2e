/// Reads an `image` object (`site.json`, `role.json`): `{ "asset": "og-image.png", "width":
/// 1200, "height": 630, "alt": { "en": "…" } }`. Whether the asset exists is checked by the
/// build, which reads `templates/assets/`.
enum SharingImageReader {
    static func read(_ field: JSONField, check: FileCheck, locales: Locales?) -> SharingImage? {
        guard let object = check.object(field, fields: FieldNames.image) else { return nil }
        let assetField = object.required("asset")
        let asset = assetField.flatMap(check.string)
        let width = object.required("width").flatMap { check.integer($0, in: 1...10_000) }
        let height = object.required("height").flatMap { check.integer($0, in: 1...10_000) }
        let alt = object.required("alt").flatMap { field in locales.flatMap { check.localizedText(field, locales: $0) } }
        guard let assetField, let asset, let width, let height, let alt else { return nil }
        return SharingImage(asset: asset, width: width, height: height, alt: alt, assetLocation: check.location(of: assetField.value.offset))
    }
}
