import Content
import Diagnostics
import Foundation
import TemplateEngine

/// Static files from `templates/assets/`, published under content-hashed names
/// (`style.css` → `assets/style.3f2a9c1be07d4a51.css`) so they can be cached forever.
/// Templates find each URL as `assets.<file name with dots as underscores>` (`{{assets.style_css}}`).
struct Assets {
    struct File {
        var sourceName: String
        var publishedName: String
        var bytes: [UInt8]
    }

    let files: [File]

    /// The files directly in `templates/assets/` (none when there is no such folder), read
    /// through `folder` so that nothing outside the site root is read; a file that cannot be
    /// read is reported and left out.
    init(folder: SiteFolder, into diagnostics: inout [Diagnostic]) {
        var files: [File] = []
        for entry in folder.entries("templates/assets") ?? [] where !entry.isFolder {
            let path = "templates/assets/" + entry.name
            let bytes: [UInt8]
            switch folder.contents(of: path) {
            case .bytes(let contents): bytes = contents
            case .missing: continue
            case .refused(let error):
                diagnostics.append(error.diagnostic(file: path))
                continue
            }
            let name = entry.name
            let hash = Self.fnv1a64(bytes)
            let published: String
            if let dot = name.lastIndex(of: ".") {
                published = "\(name[..<dot]).\(hash)\(name[dot...])"
            } else {
                published = "\(name).\(hash)"
            }
            files.append(File(sourceName: name, publishedName: published, bytes: bytes))
        }
        self.files = files
    }

    /// An error at each `image.asset` (of `site.json` and of every role) that names no file of
    /// `templates/assets/`.
    func checkImages(_ site: SiteContent) -> [Diagnostic] {
        let images = ([site.config.image] + site.roles.map(\.image)).compactMap { $0 }
        return images.filter { image in !files.contains { $0.sourceName == image.asset } }.map { image in
            SiteError.missingImageAsset(asset: image.asset).diagnostic(at: image.assetLocation)
        }
    }

    func value(urls: SiteURLs) -> TemplateValue {
        var object: TemplateObject = [:]
        for file in files {
            object[file.sourceName.replacingOccurrences(of: ".", with: "_")] = .string(urls.asset(file.publishedName))
        }
        return .object(object)
    }

    /// 64-bit FNV-1a as 16 hex digits: stable across runs and machines, and plenty to tell two
    /// versions of a stylesheet apart (this is a cache key, not a security property).
    static func fnv1a64(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
