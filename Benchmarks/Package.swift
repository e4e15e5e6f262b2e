// swift-tools-version: 6.0
//
// rolegen's benchmarks, kept out of the main package so that rolegen never depends on what it
// is compared with (hummingbird-project/swift-mustache). Run with `make bench`.
import PackageDescription

let package = Package(
    name: "rolegen-benchmarks",
    dependencies: [
        .package(name: "rolegen", path: ".."),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        .executableTarget(
            name: "rolegen-bench",
            dependencies: [
                .product(name: "TemplateEngine", package: "rolegen"),
                .product(name: "Content", package: "rolegen"),
                .product(name: "Site", package: "rolegen"),
                .product(name: "Mustache", package: "swift-mustache"),
                // The benchmarks run on the allocator rolegen runs on (mimalloc).
                .product(name: "Allocator", package: "rolegen"),
                "CMallocInfo",
            ]
        ),
        // `mallinfo2`, which Swift's Glibc module does not show: the exact bytes in use when glibc's
        // malloc serves the process (`LD_PRELOAD` of the C library, for `_model`).
        .target(name: "CMallocInfo"),
    ]
)
