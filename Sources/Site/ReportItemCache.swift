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

    private let linkLock = NSLock()
    private var links: [LinkKey: TemplateObject] = [:]

    private struct LinkKey: Hashable {
        /// A topic's name, or a region's code with `isRegion`.
        var name: String
        var isRegion: Bool
        var root: String
    }

    /// The link object of a topic or region (name and href) on items listed from pages with this
    /// way to the root: one object shared by every item, not one made (and freed) per item.
    func link(_ name: String, isRegion: Bool, root: String, make: () -> TemplateObject) -> TemplateObject {
        let key = LinkKey(name: name, isRegion: isRegion, root: root)
        linkLock.lock()
        let known = links[key]
        linkLock.unlock()
        if let known { return known }
        let made = make()
        linkLock.lock()
        defer { linkLock.unlock() }
        if let raced = links[key] { return raced }
        if links.count < shardCapacity { links[key] = made }
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
        linkLock.lock()
        links = [:]
        linkLock.unlock()
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
