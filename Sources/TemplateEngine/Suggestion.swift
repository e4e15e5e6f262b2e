/// "Did you mean …?" for a misspelt name: the candidate closest by edit distance, when it is close
/// enough to be a plausible typo: at most a third of the name's length (at least 1), and less
/// than the whole name (`c` is no typo of `a`).
///
/// The same rule as Diagnostics' `closestMatch`, restated here because TemplateEngine depends on
/// no other rolegen module.
///
/// Ties go to the alphabetically first candidate, so the same mistake gets the same suggestion on
/// every run whatever order the candidates come in (they often come from a dictionary).
func closestMatch(to name: String, among candidates: some Sequence<String>) -> String? {
    let length = name.unicodeScalars.count
    let limit = min(max(1, length / 3), length - 1)
    var best: (distance: Int, candidate: String)?
    for candidate in candidates where candidate != name {
        let distance = editDistance(name, candidate)
        guard distance <= limit else { continue }
        if let current = best, (current.distance, current.candidate) <= (distance, candidate) { continue }
        best = (distance, candidate)
    }
    return best?.candidate
}

/// Levenshtein distance counting an adjacent transposition as one edit (`tilte`→`title` is 1),
/// ignoring case (`Title`→`title` is 0): the typos people make in names.
func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.lowercased().unicodeScalars)
    let y = Array(b.lowercased().unicodeScalars)
    if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
    var beforePrevious = [Int](repeating: 0, count: y.count + 1)
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                current[j] = min(current[j], beforePrevious[j - 2] + 1)
            }
        }
        (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[y.count]
}
