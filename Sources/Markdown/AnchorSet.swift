import Content

/// Hands out heading anchors that are unique within one document: `ce-lue`, `ce-lue-2`, …
struct AnchorSet {
    private var used: Set<String>
    private let cache: AnchorSlugCache?

    init(reserved: Set<String>, cache: AnchorSlugCache? = nil) {
        used = reserved
        self.cache = cache
    }

    /// The ASCII slug of a heading's text, Chinese via pinyin.
    static func slug(for text: String) -> String {
        Slug.make(text, maxLength: 60)
    }

    /// An ASCII anchor for a heading's text, never one given out before in this document.
    mutating func anchor(for text: String) -> String {
        let base = cache?.slug(for: text) ?? Self.slug(for: text)
        var candidate = base
        var number = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }
}
