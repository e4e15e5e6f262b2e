// swift-tools-version: 6.1
//
// rolegen: a static site generator for localized role pages.
//
// Dependencies point one way: a module uses only modules of the lines above its own (the
// targets below list exactly which; CONTRIBUTING.md draws the graph).
//   LibC, Diagnostics, Localization, TemplateEngine, CCmarkGFM, CMimalloc    (nothing of rolegen)
//   Allocator
//   MarkdownRendering, Content
//   Scaffold, Site
//   Reporting, DevServer
//   rolegen (the CLI)
// Of the packages below, only DevServer uses Hummingbird (and the HTTP types, NIO and logging
// it is built on), and only the CLI uses swift-argument-parser.
import PackageDescription

let package = Package(
    name: "rolegen",
    products: [
        .executable(name: "rolegen", targets: ["rolegen"]),
        .library(name: "TemplateEngine", targets: ["TemplateEngine"]),
        .library(name: "MarkdownRendering", targets: ["MarkdownRendering"]),
        .library(name: "Localization", targets: ["Localization"]),
        .library(name: "Content", targets: ["Content"]),
        .library(name: "Site", targets: ["Site"]),
        // For the benchmarks, which must run on the allocator rolegen runs on.
        .library(name: "Allocator", targets: ["Allocator"]),
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
        // The platform's C library (Glibc, Musl or Darwin) behind one import, for the few POSIX
        // calls Foundation does not wrap.
        .target(name: "LibC"),
        // Mustache-compatible, strict template engine. Self-contained on purpose.
        .target(name: "TemplateEngine"),

        // cmark-gfm through Debian's two -dev packages (see Sources/CCmarkGFM/module.modulemap).
        .systemLibrary(
            name: "CCmarkGFM",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // mimalloc, which replaces malloc in rolegen's executables (see Sources/Allocator).
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        .target(name: "Allocator", dependencies: ["CMimalloc", "LibC"]),

        // GitHub-flavoured Markdown to HTML. Not called `Markdown`: that is swift-markdown's module.
        .target(name: "MarkdownRendering", dependencies: ["CCmarkGFM"]),

        // file:line:column diagnostics shared by content loading, site build and CLI.
        .target(name: "Diagnostics"),
        // Plural rules, message formatting, numbers/dates per locale, French typography.
        .target(name: "Localization"),
        // Site config, roles, catalogs, string tables: strict loading and validation.
        .target(name: "Content", dependencies: ["Diagnostics", "Localization", "LibC"]),
        // Starting points for editors: a new role folder, a new site (`rolegen new`, `rolegen init`).
        .target(name: "Scaffold", dependencies: ["Content"]),
        // Turns loaded content into the output tree.
        .target(name: "Site", dependencies: ["Content", "TemplateEngine", "MarkdownRendering", "Diagnostics", "Localization", "LibC"]),
        // `rolegen serve`: an HTTP preview of the output folder (Hummingbird, loopback by default),
        // rebuilt when the kernel reports a change, with live reload and errors in the browser.
        .target(
            name: "DevServer",
            dependencies: [
                "Site", "Diagnostics", "LibC",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // How a build's results are shown: human text (with colour on a terminal), JSON lines,
        // GitHub Actions annotations, a progress line.
        .target(name: "Reporting", dependencies: ["Site", "Diagnostics", "LibC"]),
        // The thin command-line front end.
        .executableTarget(
            name: "rolegen",
            dependencies: [
                "Allocator", "Content", "Diagnostics", "MarkdownRendering", "Scaffold", "Site", "DevServer", "Reporting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Helpers shared by the test targets: the package root, the built rolegen binary,
        // temporary sites, ../shared/spec (skip, or fail in CI).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"]),
        .testTarget(name: "TemplateEngineTests", dependencies: ["TemplateEngine", "TestSupport"]),
        .testTarget(name: "MarkdownRenderingTests", dependencies: ["MarkdownRendering", "TestSupport"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization"]),
        .testTarget(name: "ContentTests", dependencies: ["Content", "Diagnostics", "TestSupport"]),
        .testTarget(name: "ScaffoldTests", dependencies: ["Scaffold", "Content", "Site", "TestSupport"]),
        // Golden/ is read from the package root by GoldenTests, not bundled.
        .testTarget(name: "SiteTests", dependencies: ["Site", "Content", "Diagnostics", "LibC", "TestSupport"], exclude: ["Golden"]),
        .testTarget(
            name: "RolegenCLITests",
            dependencies: ["rolegen", "Content", "DevServer", "Localization", "Site", "TemplateEngine", "LibC", "TestSupport"]
        ),
        .testTarget(name: "DevServerTests", dependencies: ["DevServer", "Site", "Diagnostics", "LibC", "TestSupport"]),
    ]
)
