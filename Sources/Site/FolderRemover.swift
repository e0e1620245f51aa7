#if canImport(Glibc)
import Glibc
#endif
import Content
import Foundation

/// Removes a folder tree with plain POSIX calls, its subfolders on every core: a previous site of
/// 100,000 pages is most of what a small rebuild would otherwise spend in `FileManager.removeItem`.
enum FolderRemover {
    /// Removes `path` and everything under it; what cannot be removed stays (no error).
    static func remove(_ path: String) {
        // The folders two levels down (reports/<slug>, search/d, …) are removed in parallel.
        var tasks: [String] = []
        var parents: [String] = []
        for (name, isFolder) in entries(of: path) {
            let child = path + "/" + name
            guard isFolder else { unlink(child); continue }
            parents.append(child)
            for (inner, innerIsFolder) in entries(of: child) {
                if innerIsFolder { tasks.append(child + "/" + inner) } else { unlink(child + "/" + inner) }
            }
        }
        _ = Parallel.map(tasks) { task -> Bool in
            removeTree(task)
            return true
        }
        for parent in parents { rmdir(parent) }
        rmdir(path)
    }

    private static func removeTree(_ path: String) {
        for (name, isFolder) in entries(of: path) {
            if isFolder { removeTree(path + "/" + name) } else { unlink(path + "/" + name) }
        }
        rmdir(path)
    }

    /// A folder's entries without `.` and `..`, and whether each is a folder (not following links).
    private static func entries(of path: String) -> [(name: String, isFolder: Bool)] {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        var result: [(String, Bool)] = []
        while let entry = readdir(folder) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = lstat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            result.append((name, isFolder))
        }
        return result
    }
}
