enum TemplateBenchmark {
    static func run() { print("Template benchmark: not written yet") }
}
