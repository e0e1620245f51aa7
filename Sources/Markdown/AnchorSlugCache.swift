import Content
import Foundation

/// Remembers the slug of heading texts already seen, so a build that meets `一、基本情况` in
/// thousands of reports transliterates it once (pinyin transliteration is the slowest part of
/// rendering). One cache serves the renderers of one build, on any thread; a slug depends only
/// on the text, so the cache never changes the output.
public final class AnchorSlugCache: @unchecked Sendable {
    private let lock = NSLock()
    private var slugs: [String: String] = [:]
    /// Past this many texts new ones are slugged but not kept, so memory stays bounded.
    private let capacity: Int

    public init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    func slug(for text: String) -> String {
        lock.lock()
        let known = slugs[text]
        lock.unlock()
        if let known { return known }
        let slug = AnchorSet.slug(for: text)
        lock.lock()
        if slugs.count < capacity { slugs[text] = slug }
        lock.unlock()
        return slug
    }
}
