enum ContentBenchmark {
    static func run() { print("Content benchmark: not written yet") }
}
