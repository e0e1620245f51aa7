/// A topic of the controlled vocabulary (`content/taxonomy/topics.yml`).
public struct Topic: Equatable, Hashable, Sendable {
    public var name: String
    /// One line saying what the topic covers.
    public var description: String
    /// Other names for the topic itself (e.g. 营商环境 ← 营商生态); a tag written as an alias means the topic.
    public var aliases: [String]
    /// Words and phrases whose presence in a report counts towards the topic (放管服, 一网通办).
    public var keywords: [String]
    /// Name of the parent topic, if any.
    public var parent: String?
    /// ASCII slug for URLs.
    public var slug: String

    public init(name: String, description: String = "", aliases: [String] = [], keywords: [String] = [], parent: String? = nil, slug: String) {
        self.name = name
        self.description = description
        self.aliases = aliases
        self.keywords = keywords
        self.parent = parent
        self.slug = slug
    }
}
