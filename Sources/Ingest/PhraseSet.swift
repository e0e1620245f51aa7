/// Which phrases of a fixed vocabulary occur in a text, found in one pass over its UTF-8 bytes: an
/// Aho–Corasick automaton compiled to a full table of byte transitions.
///
/// Why: the chrome filter asks about a hundred phrases of every line. Searching for each with
/// `memchr` on its first byte is slow on Chinese, where the few lead bytes of CJK characters start
/// nearly every third byte, so each search stops and compares all along the line.
struct PhraseSet: Sendable {
    /// The phrases that occur in one text.
    struct Found {
        fileprivate var bits: [UInt64]

        func contains(_ phrase: Int) -> Bool {
            bits[phrase >> 6] & (1 << UInt64(phrase & 63)) != 0
        }

        /// Whether any phrase in `range` occurs.
        func containsAny(_ range: Range<Int>) -> Bool {
            range.contains { contains($0) }
        }

        /// The first phrase of `range`, in vocabulary order, that occurs.
        func first(in range: Range<Int>) -> Int? {
            range.first { contains($0) }
        }
    }

    let phrases: [[UInt8]]
    /// node * 256 + byte → next node, negated (~node) when phrases end at that node.
    private let next: [Int32]
    /// The phrases that end at a node, its own and those of its failure links: outputs[starts[n]..<starts[n + 1]].
    private let starts: [Int32]
    private let outputs: [Int32]

    init(_ phrases: [[UInt8]]) {
        precondition(!phrases.contains(where: \.isEmpty), "PhraseSet phrases are not empty")
        self.phrases = phrases
        // The trie, with -1 for a missing edge.
        var edges: [[Int32]] = [Array(repeating: -1, count: 256)]
        var own: [[Int32]] = [[]]
        for (index, phrase) in phrases.enumerated() {
            var node = 0
            for byte in phrase {
                if edges[node][Int(byte)] < 0 {
                    edges[node][Int(byte)] = Int32(edges.count)
                    edges.append(Array(repeating: -1, count: 256))
                    own.append([])
                }
                node = Int(edges[node][Int(byte)])
            }
            own[node].append(Int32(index))
        }
        // Breadth first: missing edges take the failure link's edge, outputs add the link's outputs.
        var failure = [Int](repeating: 0, count: edges.count)
        var matched = own
        var queue: [Int] = []
        for byte in 0..<256 {
            if edges[0][byte] < 0 { edges[0][byte] = 0 } else { queue.append(Int(edges[0][byte])) }
        }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            matched[node] += matched[failure[node]]
            for byte in 0..<256 {
                let child = edges[node][byte]
                if child < 0 {
                    edges[node][byte] = edges[failure[node]][byte]
                } else {
                    failure[Int(child)] = Int(edges[failure[node]][byte])
                    queue.append(Int(child))
                }
            }
        }
        next = edges.flatMap { row in row.map { matched[Int($0)].isEmpty ? $0 : ~$0 } }
        var starts: [Int32] = [0]
        for list in matched { starts.append(starts[starts.count - 1] + Int32(list.count)) }
        self.starts = starts
        outputs = matched.flatMap { $0 }
    }

    func scan(_ bytes: [UInt8]) -> Found {
        var found = Found(bits: Array(repeating: 0, count: (phrases.count + 63) / 64))
        next.withUnsafeBufferPointer { next in
            var node = 0
            for byte in bytes {
                let target = next[node << 8 | Int(byte)]
                guard target < 0 else {
                    node = Int(target)
                    continue
                }
                node = Int(~target)
                for k in Int(starts[node])..<Int(starts[node + 1]) {
                    let phrase = Int(outputs[k])
                    found.bits[phrase >> 6] |= 1 << UInt64(phrase & 63)
                }
            }
        }
        return found
    }
}
