import Content
import Foundation

/// The controlled topic vocabulary (`content/taxonomy/topics.yml`): topic lookup, "did you mean"
/// suggestions, and automatic tagging of reports.
public struct TopicVocabulary: Sendable {
    /// Topics in file order.
    public var topics: [Topic] {
        didSet { index = TopicIndex(topics: topics) }
    }

    private(set) var index: TopicIndex

    public init(topics: [Topic]) {
        self.topics = topics
        self.index = TopicIndex(topics: topics)
    }

    /// Parses `topics.yml`; problems come back with `path:line:column`. Without `slugs`, every
    /// topic's slug is empty: pinyin is the slow part of reading the file, and ingest tags reports
    /// with topic names only.
    public init(yaml: String, path: String, slugs: Bool = true) throws(Diagnostics) {
        self.init(topics: try TopicsYAML.parse(yaml, path: path, slugs: slugs))
    }

    public static func load(from url: URL, slugs: Bool = true) throws(Diagnostics) -> TopicVocabulary {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw Diagnostics([.error("cannot read the topic vocabulary: \(error.localizedDescription)", path: url.path)])
        }
        return try TopicVocabulary(yaml: text, path: url.path, slugs: slugs)
    }

    // MARK: - Lookups

    /// The topic with this name or alias.
    public func topic(named name: String) -> Topic? {
        index.byName[name.trimmingCharacters(in: .whitespaces)].map { topics[$0] }
    }

    /// The topic with this slug.
    public func topic(slug: String) -> Topic? {
        topics.first { $0.slug == slug }
    }

    /// Direct children of a topic, in file order.
    public func children(of topic: Topic) -> [Topic] {
        topics.filter { $0.parent == topic.name }
    }

    /// Ancestors then the topic itself (县域经济, 镇域经济).
    public func path(of topic: Topic) -> [Topic] {
        var path = [topic]
        var current = topic.parent.flatMap { self.topic(named: $0) }
        while let next = current, !path.contains(next) {
            path.insert(next, at: 0)
            current = next.parent.flatMap { self.topic(named: $0) }
        }
        return path
    }
}

// MARK: - Index

/// Lookup tables and the keyword automaton, built once per vocabulary and shared between copies.
final class TopicIndex: Sendable {
    /// Name or alias → topic position.
    let byName: [String: Int]
    let tagger: TopicTagger

    init(topics: [Topic]) {
        var byName: [String: Int] = [:]
        for (position, topic) in topics.enumerated() {
            for name in [topic.name] + topic.aliases where byName[name] == nil {
                byName[name] = position
            }
        }
        self.byName = byName
        self.tagger = TopicTagger(topics: topics)
    }
}
