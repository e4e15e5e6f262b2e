enum SiteBenchmark {
    static func run() { print("Site benchmark: not written yet") }
}
