/// Finds a query's parts in a report's text as it arrives chunk by chunk, keeping the end of the
/// previous chunk so that a match across a chunk boundary is found too.
struct ChunkMatcher {
    static let before = 30
    static let after = 90

    let parts: [[Unicode.Scalar]]
    private(set) var found: [Bool]
    private var tailOriginal: [Unicode.Scalar] = []

    init(parts: [[Unicode.Scalar]]) {
        self.parts = parts
        self.found = Array(repeating: false, count: parts.count)
    }

    var allFound: Bool { !found.contains(false) }

    /// The next chunk fed does not follow the last one.
    mutating func forgetTail() {
        tailOriginal = []
    }

    /// Feeds the next chunk; returns an excerpt when this chunk holds the first match seen.
    mutating func feed(_ chunk: String) -> Excerpt? {
        let longest = parts.map(\.count).max() ?? 1
        let original = tailOriginal + Array(chunk.unicodeScalars)
        var scalars: [Unicode.Scalar] = []
        var origins: [Int] = []
        for (index, scalar) in original.enumerated() {
            for mapped in SearchNormalizer.map(scalar) {
                scalars.append(mapped)
                origins.append(index)
            }
        }
        let hadAny = found.contains(true)
        var firstMatch: Int? = nil
        for (index, part) in parts.enumerated() {
            if let at = ChunkMatcher.firstIndex(of: part, in: scalars, from: 0) {
                if !found[index] && !hadAny && firstMatch == nil { firstMatch = at }
                found[index] = true
            }
        }
        // Keep enough of the end for a part to straddle the boundary (whole scalars of the original).
        let keep = min(original.count, max(0, longest - 1) + 4)
        tailOriginal = Array(original.suffix(keep))
        guard let match = firstMatch else { return nil }
        return excerpt(original: original, normalized: scalars, origins: origins, matchAt: match)
    }

    // MARK: - Excerpt

    private func excerpt(original: [Unicode.Scalar], normalized: [Unicode.Scalar], origins: [Int], matchAt: Int) -> Excerpt {
        let center = origins[matchAt]
        let start = max(0, center - ChunkMatcher.before)
        let end = min(original.count, center + ChunkMatcher.after)
        var ranges: [[Int]] = []
        for part in parts where !part.isEmpty {
            var from = 0
            while let at = ChunkMatcher.firstIndex(of: part, in: normalized, from: from) {
                let s = origins[at]
                let e = origins[at + part.count - 1] + 1
                if s >= start && e <= end { ranges.append([s - start, e - start]) }
                from = at + 1
            }
        }
        ranges.sort { $0[0] != $1[0] ? $0[0] < $1[0] : $0[1] < $1[1] }
        var merged: [[Int]] = []
        for range in ranges {
            if let last = merged.last, range[0] <= last[1] {
                merged[merged.count - 1][1] = max(last[1], range[1])
            } else {
                merged.append(range)
            }
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: original[start..<end])
        return Excerpt(text: String(text), highlights: merged, truncatedBefore: start > 0, truncatedAfter: end < original.count)
    }

    static func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        var index = from
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] {
                var matches = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }
}
