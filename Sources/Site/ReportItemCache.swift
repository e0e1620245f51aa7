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

    /// Objects by key under one lock: made once, however many threads ask at the same time.
    private final class Store<StoreKey: Hashable>: @unchecked Sendable {
        private let lock = NSLock()
        private var objects: [StoreKey: TemplateObject] = [:]
        /// Past this many objects new ones are made but not kept, so memory stays bounded.
        private let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
        }

        var count: Int {
            lock.lock()
            defer { lock.unlock() }
            return objects.count
        }

        func object(_ key: StoreKey, make: () -> TemplateObject) -> TemplateObject {
            lock.lock()
            let known = objects[key]
            lock.unlock()
            if let known { return known }
            let made = make()
            lock.lock()
            defer { lock.unlock() }
            if let raced = objects[key] { return raced }
            if objects.count < capacity { objects[key] = made }
            return made
        }

        /// Frees every object (on the calling thread, once no other holds them).
        func removeAll() {
            lock.lock()
            let objects = self.objects
            self.objects = [:]
            lock.unlock()
            withExtendedLifetime(objects) {}
        }
    }

    private let shards: [Store<Key>]

    init(capacity: Int = 200_000, shards: Int = 16) {
        let shardCapacity = max(1, capacity / max(1, shards))
        self.shards = (0..<max(1, shards)).map { _ in Store(capacity: shardCapacity) }
        sharedObjects = Store(capacity: shardCapacity)
    }

    func item(_ id: Int, root: String, make: () -> TemplateObject) -> TemplateObject {
        shards[id % shards.count].object(Key(id: id, root: root), make: make)
    }

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

    private let sharedObjects: Store<SharedKey>

    /// An object that depends only on what it is and on the page's way to the root, made once and
    /// shared by every item and page that shows it, instead of made (and freed) for each.
    func shared(_ kind: SharedKind, _ name: String, root: String, make: () -> TemplateObject) -> TemplateObject {
        sharedObjects.object(SharedKey(kind: kind, name: name, root: root), make: make)
    }

    /// How many items are kept.
    var count: Int {
        shards.reduce(0) { $0 + $1.count }
    }

    /// Frees every item, the shards on every core.
    func removeAll() {
        sharedObjects.removeAll()
        _ = Parallel.map(shards, chunksPerCore: 8) { shard -> Bool in
            shard.removeAll()
            return true
        }
    }
}
