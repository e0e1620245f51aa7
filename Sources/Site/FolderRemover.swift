#if canImport(Glibc)
import Glibc
#endif
import Content
import Foundation

/// Removes a folder tree with plain POSIX calls, on every core: a previous site of 100,000 pages
/// is most of what a small rebuild would otherwise spend in `FileManager.removeItem`, and a
/// second of a full build's.
///
/// The work is shared as it is found, whatever the tree's shape: a worker that lists a folder
/// hands its subfolders and its files, a batch at a time, to whichever worker is free, so one
/// large folder deep down (the search index's thousands of files) is not left to a single core.
/// Entries are removed relative to their open folder (`unlinkat`), so the kernel never walks the
/// whole path again for each file; a folder is open only while what it holds is being removed.
enum FolderRemover {
    /// Removes `path` and everything under it; what cannot be removed stays (no error).
    static func remove(_ path: String, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        let top = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard top >= 0 else {
            unlink(path)
            return
        }
        let queue = RemovalQueue(root: Folder(descriptor: top, parent: nil, name: path))
        let count = max(1, workers)
        if count == 1 {
            queue.work()
        } else {
            DispatchQueue.concurrentPerform(iterations: count) { _ in queue.work() }
        }
    }

    /// Files removed by one task: enough that handing out a task costs little beside them.
    static let fileBatch = 128

    /// An open folder whose entries are being removed. It is closed and removed itself when it
    /// has been listed and every task it gave out is done (a subfolder's, once that is removed).
    final class Folder: @unchecked Sendable {
        let descriptor: Int32
        let parent: Folder?
        let name: String
        /// Tasks given out and not yet done, plus one while the folder is being listed.
        var pending = 1

        init(descriptor: Int32, parent: Folder?, name: String) {
            self.descriptor = descriptor
            self.parent = parent
            self.name = name
        }
    }

    /// A share of the work: a folder to open and list (or one open already), or some files of a
    /// listed one.
    enum Task {
        case list(Folder)
        case folder(parent: Folder, name: String)
        case files(in: Folder, names: [String])
    }

    /// The tasks not yet taken, and the count of those taken and not finished: workers stop when
    /// both are zero (every folder, the top one last, is then removed).
    final class RemovalQueue: @unchecked Sendable {
        private let condition = NSCondition()
        private var tasks: [Task] = []
        private var running = 0

        init(root: Folder) {
            tasks = [.list(root)]
        }

        func work() {
            while let task = next() {
                var found: [Task] = []
                var finished: [Folder] = []
                switch task {
                case .list(let folder):
                    list(folder, into: &found)
                    finished.append(folder)
                case .files(let folder, let names):
                    for name in names { unlinkat(folder.descriptor, name, 0) }
                    finished.append(folder)
                case .folder(let parent, let name):
                    let descriptor = openat(parent.descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                    if descriptor >= 0 {
                        let folder = Folder(descriptor: descriptor, parent: parent, name: name)
                        list(folder, into: &found)
                        finished.append(folder)
                    } else {
                        // Not a folder any more: removed as a file, which ends the parent's share.
                        unlinkat(parent.descriptor, name, 0)
                        finished.append(parent)
                    }
                }
                done(adding: found, finishing: finished)
            }
        }

        /// The folder's entries as tasks: each subfolder one, the files in batches; the folder
        /// counts them as pending before anyone can finish one.
        private func list(_ folder: Folder, into found: inout [Task]) {
            var files: [String] = []
            var count = 0
            for (name, isFolder) in FolderRemover.entries(of: folder.descriptor) {
                if isFolder {
                    found.append(.folder(parent: folder, name: name))
                    count += 1
                } else {
                    files.append(name)
                    if files.count == FolderRemover.fileBatch {
                        found.append(.files(in: folder, names: files))
                        files = []
                        count += 1
                    }
                }
            }
            if !files.isEmpty {
                found.append(.files(in: folder, names: files))
                count += 1
            }
            condition.lock()
            folder.pending += count
            condition.unlock()
        }

        private func next() -> Task? {
            condition.lock()
            defer { condition.unlock() }
            while tasks.isEmpty {
                if running == 0 { return nil }
                condition.wait()
            }
            running += 1
            return tasks.removeLast()
        }

        /// Queues what a task found and ends one pending share of each folder in `finishing`;
        /// a folder with none left is closed and removed, which ends a share of its parent's.
        private func done(adding found: [Task], finishing: [Folder]) {
            condition.lock()
            tasks += found
            var emptied: [Folder] = []
            for folder in finishing {
                folder.pending -= 1
                if folder.pending == 0 { emptied.append(folder) }
            }
            condition.unlock()
            while let folder = emptied.popLast() {
                close(folder.descriptor)
                guard let parent = folder.parent else {
                    rmdir(folder.name)
                    continue
                }
                unlinkat(parent.descriptor, folder.name, AT_REMOVEDIR)
                condition.lock()
                parent.pending -= 1
                if parent.pending == 0 { emptied.append(parent) }
                condition.unlock()
            }
            condition.lock()
            running -= 1
            condition.broadcast()
            condition.unlock()
        }
    }

    /// An open folder's entries without `.` and `..`, and whether each is a folder (not
    /// following links). The descriptor stays open for the caller.
    static func entries(of folder: Int32) -> [(name: String, isFolder: Bool)] {
        let reading = dup(folder)
        guard reading >= 0, let stream = fdopendir(reading) else { return [] }
        defer { closedir(stream) }
        var result: [(String, Bool)] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            result.append((name, isFolder))
        }
        return result
    }
}
