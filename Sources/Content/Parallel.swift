import Foundation

/// Runs independent work on every core. Results keep the input order, so output never depends
/// on scheduling. (Synchronous on purpose: the commands are synchronous `ParsableCommand`s.)
/// Every stage uses it: loading and rendering reports, analysing and encoding search postings,
/// ingesting raw files.
public enum Parallel {
    /// `chunksPerCore`: a few by default, so one slow chunk does not leave a core idle; more when
    /// items differ much in cost.
    public static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], chunksPerCore: Int = 4, _ transform: @Sendable (Item) -> Result
    ) -> [Result] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        guard items.count > 1, cores > 1 else { return items.map(transform) }
        let chunkCount = min(items.count, cores * max(1, chunksPerCore))
        let chunkSize = (items.count + chunkCount - 1) / chunkCount
        let results = ResultBox<[Result]>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let start = chunk * chunkSize
            let end = min(items.count, start + chunkSize)
            guard start < end else { return }
            results.set(chunk, items[start..<end].map(transform))
        }
        return results.values.flatMap { $0 ?? [] }
    }
}

/// Slots written once each from different threads.
private final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = value
    }

    var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
