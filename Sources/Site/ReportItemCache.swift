import Foundation
import Templates

/// Report items (`PageRenderer.reportItem`) shared by the pages of one build, on any thread. An
/// item depends only on the report and on the page's way to the site's root, so sharing never
/// changes the output; it lets a partial render each item once (`TemplateObject`'s memo).
final class ReportItemCache: @unchecked Sendable {
    private struct Key: Hashable {
        var id: Int
        var root: String
    }

    private let lock = NSLock()
    private var items: [Key: TemplateObject] = [:]
    /// Past this many items new ones are made but not kept, so memory stays bounded.
    private let capacity: Int

    init(capacity: Int = 200_000) {
        self.capacity = capacity
    }

    func item(_ id: Int, root: String, make: () -> TemplateObject) -> TemplateObject {
        let key = Key(id: id, root: root)
        lock.lock()
        let known = items[key]
        lock.unlock()
        if let known { return known }
        let made = make()
        lock.lock()
        defer { lock.unlock() }
        if let raced = items[key] { return raced }
        if items.count < capacity { items[key] = made }
        return made
    }
}
