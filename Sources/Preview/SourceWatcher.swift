import Foundation

/// Notices changes to a site's sources by polling: every file's path, size and modification time.
/// Portable, and cheap for a few thousand files every few hundred milliseconds.
public struct SourceWatcher: Sendable {
    public let root: URL
    /// Paths under the root that are watched (folders are walked; dotfiles skipped).
    public var watched: [String]

    public init(root: URL, watched: [String] = ["site.yml", "content/reports", "content/taxonomy", "templates"]) {
        self.root = root
        self.watched = watched
    }

    public struct Snapshot: Equatable, Sendable {
        var entries: [String: [Double]] = [:]

        /// The files that appeared, vanished or changed since `old`, sorted.
        public func changes(since old: Snapshot) -> [String] {
            let keys = Set(entries.keys).union(old.entries.keys)
            return keys.filter { entries[$0] != old.entries[$0] }.sorted()
        }
    }

    public func snapshot() -> Snapshot {
        var snapshot = Snapshot()
        let manager = FileManager.default
        for item in watched {
            let url = root.appendingPathComponent(item)
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
            if !isFolder.boolValue {
                snapshot.entries[item] = stamp(url.path)
                continue
            }
            for case let file as String in manager.enumerator(atPath: url.path) ?? FileManager.DirectoryEnumerator()
            where !file.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                snapshot.entries[item + "/" + file] = stamp(url.path + "/" + file)
            }
        }
        return snapshot
    }

    private func stamp(_ path: String) -> [Double] {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return [] }
        let size = (attributes[.size] as? NSNumber)?.doubleValue ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return [size, modified]
    }
}
