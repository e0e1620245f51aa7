import Content
import Foundation

/// The controlled topic vocabulary. STUB: the Taxonomy stage replaces this file.
public struct TopicVocabulary: Sendable {
    public var topics: [Topic]

    public init(topics: [Topic]) {
        self.topics = topics
    }

    /// Parses `topics.yml`; problems come back with `path:line:column`.
    public init(yaml: String, path: String) throws(Diagnostics) {
        self.topics = []
    }

    public static func load(from url: URL) throws(Diagnostics) -> TopicVocabulary {
        TopicVocabulary(topics: [])
    }

    /// The topic with this name or alias.
    public func topic(named name: String) -> Topic? { nil }

    /// The closest topic name to an unknown tag, for "did you mean" messages.
    public func suggestion(for unknown: String) -> String? { nil }

    /// The topics a report is about, most relevant first (weighted counts; title and headings weigh more).
    public func tags(title: String, headings: [String], body: String) -> [String] { [] }
}
