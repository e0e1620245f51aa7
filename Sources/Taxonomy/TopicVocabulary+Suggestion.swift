import Foundation

extension TopicVocabulary {
    /// The closest topic name to an unknown tag, for "did you mean" messages: a topic whose alias or
    /// keyword it is (招商 → 招商引资), one whose name it contains or is contained in, else the nearest
    /// name by edit distance (营商坏境 → 营商环境). Nil when nothing is reasonably close.
    public func suggestion(for unknown: String) -> String? {
        let tag = unknown.trimmingCharacters(in: .whitespaces)
        guard !tag.isEmpty else { return nil }
        if let topic = topic(named: tag) { return topic.name }
        if let topic = topics.first(where: { $0.keywords.contains(tag) }) { return topic.name }
        if tag.count >= 2, let topic = topics.first(where: { topic in
            ([topic.name] + topic.aliases).contains { $0.count >= 2 && (tag.contains($0) || $0.contains(tag)) }
        }) {
            return topic.name
        }
        return nearestByEditDistance(tag)
    }

    private func nearestByEditDistance(_ tag: String) -> String? {
        let target = Array(tag)
        var best: (name: String, distance: Int)?
        for topic in topics {
            for name in [topic.name] + topic.aliases {
                let distance = TopicVocabulary.editDistance(target, Array(name))
                if best.map({ distance < $0.distance }) ?? true { best = (topic.name, distance) }
            }
        }
        // One wrong character in a short name, or about a third of a longer one.
        guard let best, best.distance <= max(1, target.count / 3) else { return nil }
        return best.name
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
