import Content
import Foundation
import Templates

/// Report items (`PageRenderer.reportItem`) shared by the pages of one build, on any thread. An
/// item depends only on the report and on the page's way to the site's root, so sharing never
/// changes the output; it lets a partial render each item once (`TemplateObject`'s memo).
///
/// Items are kept in shards, each with its own lock, by report: threads rendering different pages
/// rarely wait for each other, and `removeAll` frees the shards on every core (tens of thousands
/// of items, each a small tree of objects, were a fifth of a second on one core at the end of
/// a 10,000-report build).
final class ReportItemCache: @unchecked Sendable {
    private struct Key: Hashable {
        var id: Int
        var root: String
    }

    private final class Shard: @unchecked Sendable {
        let lock = NSLock()
        var items: [Key: TemplateObject] = [:]
    }

    private let shards: [Shard]
    /// Past this many items in a shard new ones are made but not kept, so memory stays bounded.
    private let shardCapacity: Int

    init(capacity: Int = 200_000, shards: Int = 16) {
        self.shards = (0..<max(1, shards)).map { _ in Shard() }
        shardCapacity = max(1, capacity / max(1, shards))
    }

    func item(_ id: Int, root: String, make: () -> TemplateObject) -> TemplateObject {
        let key = Key(id: id, root: root)
        let shard = shards[id % shards.count]
        shard.lock.lock()
        let known = shard.items[key]
        shard.lock.unlock()
        if let known { return known }
        let made = make()
        shard.lock.lock()
        defer { shard.lock.unlock() }
        if let raced = shard.items[key] { return raced }
        if shard.items.count < shardCapacity { shard.items[key] = made }
        return made
    }

    private let sharedLock = NSLock()
    private var shared: [SharedKey: TemplateObject] = [:]

    /// What a shared object is: a topic's or region's link, or a page's chrome.
    enum SharedKind: UInt8 {
        /// `name` is the topic's name.
        case topic
        /// `name` is the region's code.
        case region
        /// The site's title, language and address (`name` and the root empty).
        case site
        /// The links of the navigation (`name` empty).
        case nav
    }

    private struct SharedKey: Hashable {
        var kind: SharedKind
        var name: String
        var root: String
    }

    /// An object that depends only on what it is and on the page's way to the root, made once and
    /// shared by every item and page that shows it, instead of made (and freed) for each.
    func shared(_ kind: SharedKind, _ name: String, root: String, make: () -> TemplateObject) -> TemplateObject {
        let key = SharedKey(kind: kind, name: name, root: root)
        sharedLock.lock()
        let known = shared[key]
        sharedLock.unlock()
        if let known { return known }
        let made = make()
        sharedLock.lock()
        defer { sharedLock.unlock() }
        if let raced = shared[key] { return raced }
        if shared.count < shardCapacity { shared[key] = made }
        return made
    }

    /// How many items are kept.
    var count: Int {
        shards.reduce(0) { total, shard in
            shard.lock.lock()
            defer { shard.lock.unlock() }
            return total + shard.items.count
        }
    }

    /// Frees every item, the shards on every core.
    func removeAll() {
        sharedLock.lock()
        shared = [:]
        sharedLock.unlock()
        _ = Parallel.map(shards, chunksPerCore: 8) { shard -> Bool in
            shard.lock.lock()
            let items = shard.items
            shard.items = [:]
            shard.lock.unlock()
            withExtendedLifetime(items) {}
            return true
        }
    }
}
