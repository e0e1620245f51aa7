/// Checks that a report's text holds every part of a query and cuts the excerpt around a match.
///
/// The text is the title, a line break and the body. The excerpt is centred on the first match in
/// the body (in the title only when the body has none) and every match of every part inside it is
/// highlighted, at offsets in the excerpt's Unicode scalars.
struct TextMatcher {
    static let before = 30
    static let after = 90

    let parts: [[UInt32]]

    init(parts: [[Unicode.Scalar]]) {
        self.parts = parts.map { $0.map(\.value) }
    }

    /// A report's text normalised once, for any number of queries.
    struct Text: Sendable {
        let original: [Unicode.Scalar]
        let values: [UInt32]
        /// For each normalised value, the index of the original scalar it came from.
        let origins: [Int]
        /// Where the body starts among the original scalars and among the normalised values.
        let bodyStart: Int
        let bodyIndex: Int

        init(title: String, body: String) {
            var original: [Unicode.Scalar] = Array(title.unicodeScalars)
            bodyStart = original.count + 1
            original.append("\n")
            original.append(contentsOf: body.unicodeScalars)
            var values: [UInt32] = []
            var origins: [Int] = []
            values.reserveCapacity(original.count)
            origins.reserveCapacity(original.count)
            for (index, scalar) in original.enumerated() {
                for mapped in SearchNormalizer.map(scalar) {
                    values.append(mapped.value)
                    origins.append(index)
                }
            }
            let start = bodyStart
            bodyIndex = origins.firstIndex { $0 >= start } ?? values.count
            self.original = original
            self.values = values
            self.origins = origins
        }
    }

    /// The excerpt, or nil when some part is not in the text.
    func match(title: String, body: String) -> Excerpt? {
        match(Text(title: title, body: body))
    }

    func match(_ text: Text) -> Excerpt? {
        let original = text.original
        let values = text.values
        let origins = text.origins
        let bodyStart = text.bodyStart
        let bodyIndex = text.bodyIndex

        var firstInBody: Int? = nil
        var firstAnywhere: Int? = nil
        for part in parts where !part.isEmpty {
            guard let at = Self.firstIndex(of: part, in: values, from: 0) else { return nil }
            firstAnywhere = min(firstAnywhere ?? at, at)
            let inBody = at >= bodyIndex ? at : Self.firstIndex(of: part, in: values, from: bodyIndex)
            if let inBody { firstInBody = min(firstInBody ?? inBody, inBody) }
        }
        guard let matchAt = firstInBody ?? firstAnywhere else { return nil }

        let center = origins[matchAt]
        let floor = firstInBody != nil ? bodyStart : 0
        let start = max(floor, center - Self.before)
        let end = min(original.count, center + Self.after)
        var ranges: [[Int]] = []
        for part in parts where !part.isEmpty {
            var from = 0
            while let at = Self.firstIndex(of: part, in: values, from: from) {
                let s = origins[at]
                let e = origins[at + part.count - 1] + 1
                if s >= start && e <= end { ranges.append([s - start, e - start]) }
                if s >= end { break }
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
        return Excerpt(text: String(text), highlights: merged, truncatedBefore: start > floor, truncatedAfter: end < original.count)
    }

    static func firstIndex(of needle: [UInt32], in haystack: [UInt32], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var index = from
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
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
