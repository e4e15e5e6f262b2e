// swift-tools-version: 6.0
//
// rolegen: a static site generator for localized role pages.
//
// Dependencies point one way:
//   Diagnostics ← Localization ← Content ← Site ← rolegen (CLI)
//   TemplateEngine ← Site          (the engine depends on nothing of rolegen)
//   CCmarkGFM ← Markdown ← Site    (cmark-gfm, the C library from libcmark-gfm-dev)
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
        // Turns loaded content into the output tree.
        .target(name: "Site", dependencies: ["Content", "TemplateEngine", "Markdown", "Diagnostics", "Localization"]),
        // `rolegen serve`: a loopback-only HTTP preview of the output folder, rebuilt on change.
        .target(name: "DevServer", dependencies: ["Site", "Diagnostics"]),
        // The thin command-line front end.
        .executableTarget(
            name: "rolegen",
            dependencies: ["Site", "DevServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // Helpers shared by the test targets: package root, ../shared/spec (skip, or fail in CI).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TemplateEngineTests", dependencies: ["TemplateEngine", "TestSupport"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "TestSupport"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization"]),
        .testTarget(name: "ContentTests", dependencies: ["Content"]),
        // Golden/ is read from the package root by GoldenTests, not bundled.
        .testTarget(name: "SiteTests", dependencies: ["Site"], exclude: ["Golden"]),
        .testTarget(name: "RolegenCLITests", dependencies: ["rolegen", "TestSupport"]),
        .testTarget(name: "DevServerTests", dependencies: ["DevServer", "TestSupport"]),
    ]
)
