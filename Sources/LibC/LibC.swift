// The platform's C library, imported in one place: rolegen calls a few POSIX functions
// (open/read/write, inotify, signals, sockets in tests) that Foundation does not wrap, and
// each platform names the module that declares them differently. A module that needs them
// imports `LibC` and calls them qualified as `LibC.close(_:)` where a method of the same name
// is in scope.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#else
#error("rolegen needs a POSIX C library (Glibc, Musl or Darwin)")
#endif
