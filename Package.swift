// swift-tools-version: 6.1
//
// rolegen: a static site generator for localized role pages.
//
// Dependencies point one way (a module uses only those to its left; CONTRIBUTING.md draws it):
//   Diagnostics, Localization ← Content ← Site ← Reporting, DevServer ← rolegen (CLI)
//   Content ← Scaffold ← rolegen
//   TemplateEngine ← Site          (the engine depends on nothing of rolegen)
//   CCmarkGFM ← Markdown ← Site    (cmark-gfm, from Debian's libcmark-gfm-dev and
//                                   libcmark-gfm-extensions-dev)
//   Hummingbird ← DevServer        (the preview server's HTTP stack)
import PackageDescription

let package = Package(
    name: "rolegen",
    products: [
        .executable(name: "rolegen", targets: ["rolegen"]),
        .library(name: "TemplateEngine", targets: ["TemplateEngine"]),
        .library(name: "Markdown", targets: ["Markdown"]),
        .library(name: "Localization", targets: ["Localization"]),
        .library(name: "Content", targets: ["Content"]),
        .library(name: "Site", targets: ["Site"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The HTTP layer of `rolegen serve`: only its core product, and without its default traits
        // (swift-configuration support, full Foundation), which rolegen does not use and which
        // would only lengthen a clean build.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0", traits: []),
        // Already in Hummingbird's graph (no extra build): named for the types rolegen uses
        // directly — header fields, the bound address, and a silent logger.
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.0.0"),
    ],
    targets: [
        // Mustache-compatible, strict template engine. Self-contained on purpose.
        .target(name: "TemplateEngine"),

        // cmark-gfm through Debian's two -dev packages (see Sources/CCmarkGFM/module.modulemap).
        .systemLibrary(
            name: "CCmarkGFM",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "Markdown", dependencies: ["CCmarkGFM"]),

        // file:line:column diagnostics shared by content loading, site build and CLI.
        .target(name: "Diagnostics"),
        // Plural rules, message formatting, numbers/dates per locale, French typography.
        .target(name: "Localization"),
        // Site config, roles, catalogs, string tables: strict loading and validation.
        .target(name: "Content", dependencies: ["Diagnostics", "Localization"]),
        // Starting points for editors: a new role folder, a new site (`rolegen new`, `rolegen init`).
        .target(name: "Scaffold", dependencies: ["Content"]),
        // Turns loaded content into the output tree.
        .target(name: "Site", dependencies: ["Content", "TemplateEngine", "Markdown", "Diagnostics", "Localization"]),
        // `rolegen serve`: an HTTP preview of the output folder (Hummingbird, loopback by default),
        // rebuilt when the kernel reports a change, with live reload and errors in the browser.
        .target(
            name: "DevServer",
            dependencies: [
                "Site", "Diagnostics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // How a build's results are shown: human text (with colour on a terminal), JSON lines,
        // GitHub Actions annotations, a progress line.
        .target(name: "Reporting", dependencies: ["Site", "Diagnostics"]),
        // The thin command-line front end.
        .executableTarget(
            name: "rolegen",
            dependencies: ["Content", "Diagnostics", "Scaffold", "Site", "DevServer", "Reporting", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // Helpers shared by the test targets: package root, ../shared/spec (skip, or fail in CI).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"]),
        .testTarget(name: "TemplateEngineTests", dependencies: ["TemplateEngine", "TestSupport"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "TestSupport"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization"]),
        .testTarget(name: "ContentTests", dependencies: ["Content"]),
        // Golden/ is read from the package root by GoldenTests, not bundled.
        .testTarget(name: "ScaffoldTests", dependencies: ["Scaffold", "Content", "Site", "TestSupport"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "RolegenCLITests", dependencies: ["rolegen", "Reporting", "DevServer", "Site", "TestSupport"]),
        .testTarget(name: "DevServerTests", dependencies: ["DevServer", "Site", "Diagnostics", "TestSupport"]),
    ]
)
