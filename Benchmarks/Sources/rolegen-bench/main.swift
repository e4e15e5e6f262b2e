import Foundation
// rolegen-bench [templates|content|large-role|site]...  — with no argument, runs all four.
let requested = Array(CommandLine.arguments.dropFirst())
let all = ["templates", "content", "large-role", "site", "edit"]
for name in requested.isEmpty ? all : requested {
    switch name {
    case "templates": TemplateBenchmark.run()
    case "content": ContentBenchmark.run()
    case "large-role": LargeRoleBenchmark.run()
    case "site": SiteBenchmark.run()
    case "edit": EditBenchmark.run()
    default:
        print("unknown benchmark '\(name)'; choose from: \(all.joined(separator: ", "))")
        exit(2)
    }
}
