import Foundation
@testable import Site
import Templates
import Testing

/// Report items are made once per report and way to the root, on any thread, and freed on every
/// core at the end of the list pages.
struct ReportItemCacheTests {
    @Test func anItemIsMadeOncePerReportAndRootWhateverTheThread() {
        let cache = ReportItemCache(shards: 4)
        let made = Counter()
        let roots = ["", "../", "../../"]
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for id in 0..<50 {
                for root in roots {
                    let item = cache.item(id, root: root) {
                        made.add()
                        return TemplateObject(["id": .string(String(id)), "root": .string(root)])
                    }
                    #expect(text(item, "id") == String(id))
                    #expect(text(item, "root") == root)
                }
            }
        }
        #expect(cache.count == 150)
        // Made at most once per thread that raced for it, and kept once.
        #expect(made.value >= 150 && made.value <= 150 * 8)
    }

    @Test func removeAllEmptiesEveryShardAndItemsAreMadeAgain() {
        let cache = ReportItemCache(shards: 4)
        for id in 0..<40 { _ = cache.item(id, root: "../") { TemplateObject(["id": .string(String(id))]) } }
        #expect(cache.count == 40)
        cache.removeAll()
        #expect(cache.count == 0)
        var remade = false
        _ = cache.item(3, root: "../") {
            remade = true
            return TemplateObject([:])
        }
        #expect(remade)
    }

    @Test func aLinkIsSharedByItemsAtTheSameDepthOnly() {
        let cache = ReportItemCache(shards: 2)
        var made = 0
        func link(_ name: String, region: Bool, root: String) -> TemplateObject {
            cache.shared(region ? .region : .topic, name, root: root) {
                made += 1
                return TemplateObject(["href": .string(root + name)])
            }
        }
        let first = link("营商环境", region: false, root: "../")
        #expect(link("营商环境", region: false, root: "../") === first)
        #expect(link("营商环境", region: false, root: "../../") !== first)
        // A region's code never stands for a topic of the same name.
        #expect(link("营商环境", region: true, root: "../") !== first)
        #expect(made == 3)
        cache.removeAll()
        #expect(link("营商环境", region: false, root: "../") !== first)
        #expect(made == 4)
    }

    @Test func pastItsCapacityItemsAreMadeButNotKept() {
        let cache = ReportItemCache(capacity: 8, shards: 2)
        for id in 0..<20 { _ = cache.item(id, root: "") { TemplateObject([:]) } }
        #expect(cache.count == 8)
    }
}

private func text(_ object: TemplateObject, _ key: String) -> String? {
    if case .string(let text) = object.values[key] { return text }
    return nil
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var value = 0
    func add() {
        lock.lock()
        value += 1
        lock.unlock()
    }
}
