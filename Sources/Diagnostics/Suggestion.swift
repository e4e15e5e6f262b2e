/// "Did you mean …?" for a misspelt name: the closest candidate by edit distance, when it is
/// close enough to be a plausible typo (at most a third of the name's length, at least 1).
///
/// Ties are broken alphabetically so the suggestion is the same on every run.
public func closestMatch(to name: String, among candidates: some Sequence<String>) -> String? {
    let limit = max(1, name.count / 3)
    var best: (distance: Int, candidate: String)?
    for candidate in candidates where candidate != name {
        let distance = editDistance(name, candidate)
        guard distance <= limit else { continue }
        if let current = best, (current.distance, current.candidate) <= (distance, candidate) { continue }
        best = (distance, candidate)
    }
    return best?.candidate
}

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions), case-insensitive:
/// `tittle`→`title` is 1, `Title`→`title` is 0.
public func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.lowercased().unicodeScalars)
    let y = Array(b.lowercased().unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous2 = [Int](repeating: 0, count: y.count + 1)
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                current[j] = min(current[j], previous2[j - 2] + 1)
            }
        }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[y.count]
}

/// ` — did you mean `x`?` when there is a close candidate, else the empty string; for appending
/// to a message.
public func didYouMean(_ name: String, among candidates: some Sequence<String>) -> String {
    didYouMean(suggestion: closestMatch(to: name, among: candidates))
}

/// ` — did you mean `x`?` for a suggestion already chosen (with `closestMatch`), else the
/// empty string.
public func didYouMean(suggestion: String?) -> String {
    suggestion.map { " — did you mean `\($0)`?" } ?? ""
}
