/// An Aho–Corasick automaton over Unicode scalars: finds every occurrence of every pattern in one pass.
///
/// Why not `String.contains` per keyword: the vocabulary has hundreds of keywords and the gazetteer
/// thousands of names; scanning each text once keeps tagging at tens of MB/s.
struct PatternMatcher: Sendable {
    /// One occurrence; `start` and `end` (exclusive) are offsets in the text's Unicode scalars.
    struct Match: Equatable, Sendable {
        var start: Int
        var end: Int
        var pattern: Int
        var length: Int { end - start }
    }

    let patternLengths: [Int]
    /// Scalar → symbol for the Basic Multilingual Plane; -1 when no pattern uses the scalar.
    private let bmpSymbols: [Int32]
    private let otherSymbols: [UInt32: Int32]
    /// (node << 32 | symbol) → node.
    private let transitions: TransitionTable
    /// The root's transitions by symbol (0 where it has none): every failure ends at the root, so
    /// its transitions are taken most often.
    private let rootNext: [Int32]
    private let failure: [Int32]
    /// Patterns ending at each node, own pattern first, then those reached by failure links (longest
    /// first): outputs[outputStarts[node]..<outputStarts[node + 1]], one flat array rather than an
    /// array per node, which the matching loop would retain and release at every scalar.
    private let outputStarts: [Int32]
    private let outputs: [Int32]

    // MARK: - Building

    init(patterns: [String]) {
        var bmp = [Int32](repeating: -1, count: 0x10000)
        var other: [UInt32: Int32] = [:]
        var symbolCount: Int32 = 0
        var transitions: [UInt64: Int32] = [:]
        var children: [[Int32]] = [[]]
        var outputs: [[Int32]] = [[]]
        var lengths: [Int] = []

        func symbol(for scalar: Unicode.Scalar) -> Int32 {
            let value = scalar.value
            if value < 0x10000 {
                if bmp[Int(value)] < 0 { bmp[Int(value)] = symbolCount; symbolCount += 1 }
                return bmp[Int(value)]
            }
            if let known = other[value] { return known }
            other[value] = symbolCount
            symbolCount += 1
            return symbolCount - 1
        }

        for (index, pattern) in patterns.enumerated() {
            let scalars = Array(pattern.unicodeScalars)
            lengths.append(scalars.count)
            guard !scalars.isEmpty else { continue }
            var node: Int32 = 0
            for scalar in scalars {
                let key = PatternMatcher.key(node, symbol(for: scalar))
                if let next = transitions[key] {
                    node = next
                } else {
                    let next = Int32(children.count)
                    transitions[key] = next
                    children[Int(node)].append(next)
                    children.append([])
                    outputs.append([])
                    node = next
                }
            }
            outputs[Int(node)].append(Int32(index))
        }

        // Breadth-first failure links: the longest proper suffix of a node's string that is also a prefix.
        var failure = [Int32](repeating: 0, count: children.count)
        var edgeSymbol = [Int32](repeating: -1, count: children.count)
        for (key, node) in transitions { edgeSymbol[Int(node)] = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF) }
        var queue: [Int32] = children[0]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for child in children[Int(node)] {
                let symbol = edgeSymbol[Int(child)]
                var target: Int32 = 0
                if node != 0 {
                    var fallback = failure[Int(node)]
                    while true {
                        if let next = transitions[PatternMatcher.key(fallback, symbol)] {
                            target = next
                            break
                        }
                        if fallback == 0 { break }
                        fallback = failure[Int(fallback)]
                    }
                }
                failure[Int(child)] = target
                outputs[Int(child)] += outputs[Int(target)]
                queue.append(child)
            }
        }

        self.patternLengths = lengths
        self.bmpSymbols = bmp
        self.otherSymbols = other
        self.transitions = TransitionTable(transitions)
        var rootNext = [Int32](repeating: 0, count: Int(symbolCount))
        for (key, node) in transitions where key >> 32 == 0 { rootNext[Int(key & 0xFFFF_FFFF)] = node }
        self.rootNext = rootNext
        self.failure = failure
        var starts: [Int32] = [0]
        for list in outputs { starts.append(starts[starts.count - 1] + Int32(list.count)) }
        self.outputStarts = starts
        self.outputs = outputs.flatMap { $0 }
    }

    // MARK: - Matching

    /// Calls `body` for every occurrence, in order of end offset.
    func forEachMatch(in scalars: [Unicode.Scalar], _ body: (Match) -> Void) {
        var node: Int32 = 0
        for (offset, scalar) in scalars.enumerated() {
            let value = scalar.value
            let symbol = value < 0x10000 ? bmpSymbols[Int(value)] : (otherSymbols[value] ?? -1)
            if symbol < 0 {
                node = 0
                continue
            }
            var next: Int32 = -1
            while node != 0 {
                if let found = transitions.node(for: PatternMatcher.key(node, symbol)) {
                    next = found
                    break
                }
                node = failure[Int(node)]
            }
            node = next >= 0 ? next : rootNext[Int(symbol)]
            for k in Int(outputStarts[Int(node)])..<Int(outputStarts[Int(node) + 1]) {
                let pattern = outputs[k]
                let length = patternLengths[Int(pattern)]
                body(Match(start: offset + 1 - length, end: offset + 1, pattern: Int(pattern)))
            }
        }
    }

    func matches(in scalars: [Unicode.Scalar]) -> [Match] {
        var found: [Match] = []
        forEachMatch(in: scalars) { found.append($0) }
        return found
    }

    private static func key(_ node: Int32, _ symbol: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: symbol))
    }
}
