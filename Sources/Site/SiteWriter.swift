#if canImport(Glibc)
import Glibc
#endif
import Content
import Foundation

/// Writes the new site into a staging folder beside `public/` and swaps it in only when the
/// whole build succeeded, so a failed build leaves the previous `public/` complete.
public struct SiteWriter: Sendable {
    /// The folder the site ends up in (`public/`).
    public let destination: URL
    /// The staging folder pages are written into during the build.
    public let staging: URL

    /// Creates the staging folder (`.public-building-PID-XXXXXXXX`) next to `destination`, after
    /// removing the folders that killed builds left there. It starts empty, or as the spare site
    /// `spare` describes, brought up to date with `destination` (see `SpareSite`).
    public init(destination: URL, spare: SpareSite? = nil, spareFolder: String? = nil) throws(SiteError) {
        self.destination = destination
        let parent = destination.deletingLastPathComponent()
        Self.removeLeftovers(beside: destination)
        let name = ".\(destination.lastPathComponent)-building-\(Self.randomSuffix())"
        staging = parent.appendingPathComponent(name, isDirectory: true)
        // Taken by renaming it: a build killed from here on leaves it as a leftover, removed by the next.
        let fromSpare = spare != nil && spareFolder != nil && FileManager.default.fileExists(atPath: destination.path)
            && rename(spareFolder!, staging.path) == 0
        if !fromSpare {
            do {
                try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            } catch {
                throw SiteError(path: staging.path, message: "cannot create the staging folder: \(error.localizedDescription)")
            }
        }
        handles = FolderHandles(staging: staging.path, destination: destination.path)
        var info = stat()
        destinationInode = stat(destination.path, &info) == 0 ? UInt64(info.st_ino) : nil
        startedFromSpare = fromSpare
        unsynced = fromSpare ? Self.bringUpToDate(spare!, handles: handles, folders: folders, staging: staging.path) : []
    }

    /// Folders made under the staging folder so far, shared by every copy of this writer.
    private let folders = FolderSet()

    /// Whether the staging folder started as the spare site: then it holds the previous site's
    /// files, and `reuse` finds them there.
    public let startedFromSpare: Bool
    /// Files the previous build wrote that `destination` no longer has (removed by hand): not
    /// in the staging folder, to be written again.
    let unsynced: Set<String>
    /// What this build wrote and removed, for the spare site it may leave.
    let log = WriteLog()
    /// The folder `destination` was when the build began: the site it replaces is kept as a
    /// spare only if it is still that one (not one that another build put in place meanwhile),
    /// since what the log says this build changed is relative to it.
    private let destinationInode: UInt64?

    /// Makes the spare site (the site before the previous one) the previous site: the files the
    /// previous build wrote are linked from `destination`, those it removed are removed. Returns
    /// the files that could not be linked.
    private static func bringUpToDate(_ spare: SpareSite, handles: FolderHandles, folders: FolderSet, staging: String) -> Set<String> {
        var unsynced: Set<String> = []
        for path in spare.removed { unlinkat(handles.staging, path, 0) }
        for path in spare.written {
            unlinkat(handles.staging, path, 0)
            if linkat(handles.destination, path, handles.staging, path, 0) == 0 { continue }
            // A new folder (its parent missing here) or a file gone from `destination`.
            if errno == ENOENT, let slash = path.lastIndex(of: "/"), (try? folders.make(staging + "/" + String(path[..<slash]))) != nil,
               linkat(handles.destination, path, handles.staging, path, 0) == 0 {
                continue
            }
            unsynced.insert(path)
        }
        return unsynced
    }

    /// Writes one file under the staging folder, creating its folders.
    public func write(_ contents: String, to path: String) throws(SiteError) {
        try write(bytes: Array(contents.utf8), to: path)
    }

    public func write(_ data: Data, to path: String) throws(SiteError) {
        try write(bytes: data, to: path)
    }

    public func write<Bytes: Collection>(bytes: Bytes, to path: String) throws(SiteError) where Bytes.Element == UInt8 {
        let full = staging.path + "/" + path
        do {
            if let slash = full.lastIndex(of: "/") { try folders.make(String(full[..<slash])) }
            try OutputFile.write(bytes, to: full)
            log.wrote(path)
        } catch {
            let reason = (error as? OutputFile.WriteError).map { String(cString: strerror($0.code)) } ?? "\(error)"
            throw SiteError(path: path, message: "cannot write: \(reason)")
        }
    }

    /// A new file under the staging folder, open for writing a piece at a time: a file there
    /// (the previous site's) is replaced, not written through.
    public func create(_ path: String) throws(SiteError) -> FileHandle {
        let full = staging.path + "/" + path
        do {
            if let slash = full.lastIndex(of: "/") { try folders.make(String(full[..<slash])) }
        } catch {
            throw SiteError(path: path, message: "cannot write: \(error)")
        }
        unlink(full)
        let fd = open(full, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SiteError(path: path, message: "cannot write: \(String(cString: strerror(errno)))") }
        log.wrote(path)
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Puts the previous site's file at `path` into the staging folder (a hard link, so nothing
    /// is copied); false when the previous site has no such file. Such a file is never written.
    public func reuse(_ path: String) -> Bool {
        // Started from the spare site: the previous site's files are there already.
        if startedFromSpare { return !unsynced.contains(path) }
        let full = staging.path + "/" + path
        if let slash = full.lastIndex(of: "/") {
            do { try folders.make(String(full[..<slash])) } catch { return false }
        }
        // Relative to both folders, opened once: a small rebuild links every page of the site.
        if handles.staging >= 0, handles.destination >= 0, linkat(handles.destination, path, handles.staging, path, 0) == 0 {
            return true
        }
        return OutputFile.link(destination.path + "/" + path, to: full)
    }

    /// Removes a file from the staging folder: one the previous site had and this one has not.
    public func remove(_ path: String) {
        unlinkat(handles.staging, path, 0)
        log.removed(path)
    }

    /// Notes files written under the staging folder by other means than `write` (the search index's).
    public func record(written paths: [String]) {
        log.wrote(paths)
    }

    /// The staging folder and the previous site, open (-1 when they cannot be opened).
    private let handles: FolderHandles

    /// Copies a folder's files (sorted, dotfiles skipped) to a path under the staging folder.
    public func copyFolder(_ source: URL, to path: String) throws(SiteError) {
        let base = source.standardizedFileURL.path
        guard let files = FileManager.default.enumerator(atPath: base)?.allObjects as? [String] else { return }
        for file in files.sorted() where !file.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: base + "/" + file, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            guard let data = FileManager.default.contents(atPath: base + "/" + file) else {
                throw SiteError(path: base + "/" + file, message: "cannot read")
            }
            try write(data, to: path + "/" + file)
        }
    }

    /// Puts the staged site in place: exchanged with the old `public/` in one step where the
    /// system can (Linux `renameat2`), so a build killed at any moment leaves a complete
    /// `public/`; else old renamed away, new renamed in. The old site is deleted after, or
    /// moved to `spareFolder` when one is given (false when it could not be). `public/.gitkeep`
    /// is carried over.
    @discardableResult
    public func publish(keepingOldAt spareFolder: String? = nil) throws(SiteError) -> Bool {
        let manager = FileManager.default
        let keep = destination.appendingPathComponent(".gitkeep")
        if manager.fileExists(atPath: keep.path) {
            try write(manager.contents(atPath: keep.path) ?? Data(), to: ".gitkeep")
        } else if startedFromSpare {
            remove(".gitkeep")
        }
        func dispose(_ old: String) -> Bool {
            var info = stat()
            if let spareFolder, let destinationInode, stat(old, &info) == 0, UInt64(info.st_ino) == destinationInode,
               rename(old, spareFolder) == 0 {
                return true
            }
            FolderRemover.remove(old)
            return false
        }
        if manager.fileExists(atPath: destination.path), Self.exchange(staging.path, destination.path) {
            // The staging folder's name now holds the old site.
            return dispose(staging.path)
        }
        let old = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent)-old-\(Self.randomSuffix())", isDirectory: true)
        do {
            if manager.fileExists(atPath: destination.path) {
                try manager.moveItem(at: destination, to: old)
            }
            try manager.moveItem(at: staging, to: destination)
        } catch {
            // Put the old site back if it was moved away and the new one could not take its place.
            if !manager.fileExists(atPath: destination.path), manager.fileExists(atPath: old.path) {
                try? manager.moveItem(at: old, to: destination)
            }
            throw SiteError(path: destination.path, message: "cannot put the new site in place: \(error.localizedDescription)")
        }
        return manager.fileExists(atPath: old.path) && dispose(old.path)
    }

    /// Removes the staging folder after a failed build.
    public func discard() {
        FolderRemover.remove(staging.path)
    }

    /// The process id, so that a later build can tell a dead build's folders from a running one's.
    private static func randomSuffix() -> String {
        "\(getpid())-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
    }

    // MARK: - Leftovers of killed builds

    /// Removes `.public-building-PID-…` and `.public-old-PID-…` folders whose build process is gone.
    /// A killed build between the two renames of the fallback swap leaves no `public/` but an
    /// old one: that is put back first.
    static func removeLeftovers(beside destination: URL) {
        let manager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let prefix = ".\(destination.lastPathComponent)-"
        guard let names = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names.sorted() where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            let kind = rest.hasPrefix("building-") ? "building-" : rest.hasPrefix("old-") ? "old-" : nil
            guard let kind, let pid = Int32(rest.dropFirst(kind.count).prefix { $0 != "-" }),
                  pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            let folder = parent.appendingPathComponent(name)
            if kind == "old-", !manager.fileExists(atPath: destination.path) {
                try? manager.moveItem(at: folder, to: destination)
            } else {
                FolderRemover.remove(folder.path)
            }
        }
    }

    // MARK: - Atomic exchange

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32

    /// glibc's `renameat2`, looked up at run time: Swift's Glibc module does not declare it.
    private static let renameat2: RenameAt2? = {
        #if os(Linux)
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    /// Swaps two paths in one step (`RENAME_EXCHANGE`); false where the system cannot.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        guard let renameat2 else { return false }
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0
        #else
        return false
        #endif
    }
}

/// Folders known to exist, so that each is made once (with `mkdir`, parents first) however many
/// files go into it and from however many threads.
final class FolderSet: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Set<String> = []

    func make(_ path: String) throws {
        lock.lock()
        let known = made.contains(path)
        lock.unlock()
        if known { return }
        if mkdir(path, 0o755) != 0 {
            let code = errno
            if code == ENOENT, let slash = path.lastIndex(of: "/"), slash > path.startIndex {
                try make(String(path[..<slash]))
                if mkdir(path, 0o755) != 0 && errno != EEXIST { throw OutputFile.WriteError(path: path, code: errno) }
            } else if code != EEXIST {
                throw OutputFile.WriteError(path: path, code: code)
            }
        }
        lock.lock()
        made.insert(path)
        lock.unlock()
    }
}

/// Two folders opened for `linkat`, closed with the last copy of the writer that holds them.
final class FolderHandles: Sendable {
    let staging: Int32
    let destination: Int32

    init(staging: String, destination: String) {
        self.staging = open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        self.destination = open(destination, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    deinit {
        if staging >= 0 { close(staging) }
        if destination >= 0 { close(destination) }
    }
}

/// The files a build wrote and removed under its staging folder, from every thread.
final class WriteLog: @unchecked Sendable {
    private let lock = NSLock()
    private var writtenPaths: [String] = []
    private var removedPaths: [String] = []

    func wrote(_ path: String) {
        lock.lock()
        writtenPaths.append(path)
        lock.unlock()
    }

    func wrote(_ paths: [String]) {
        lock.lock()
        writtenPaths += paths
        lock.unlock()
    }

    func removed(_ path: String) {
        lock.lock()
        removedPaths.append(path)
        lock.unlock()
    }

    /// What was written, sorted, and what was removed and not written again.
    var changes: (written: [String], removed: [String]) {
        lock.lock()
        defer { lock.unlock() }
        let written = Set(writtenPaths)
        return (written.sorted(), Set(removedPaths).subtracting(written).sorted())
    }
}
