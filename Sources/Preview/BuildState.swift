import Foundation

/// What the server knows about the latest build: a version that changes on every rebuild (open
/// pages poll it and reload when it moves) and, when the build failed, its diagnostics.
/// Shared between the watcher thread and the server's tasks, so guarded by a lock.
public final class BuildState: @unchecked Sendable {
    private let lock = NSLock()
    private var _version = 0
    private var _failure: String?

    public init() {}

    public var version: Int { lock.withLock { _version } }
    public var failure: String? { lock.withLock { _failure } }

    /// Records a finished build (nil: it succeeded) and moves the version on.
    public func finished(failure: String?) {
        lock.withLock {
            _version += 1
            _failure = failure
        }
    }
}
